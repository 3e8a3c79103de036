// Replaying one run of a sweep (`eiisim run --from-sweep`) goes through the function the
// sweep runs every run through, on a fresh model: its KPIs must equal the sweep's row
// bit for bit, whatever the sweep simulated before on that thread.
#include <bit>
#include <cstdint>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include "fixtures.hpp"
#include "sim/kpis.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_checkpoint.hpp"

using namespace eiisim;

namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

}  // namespace

TEST_CASE("a replayed sweep run has the sweep's KPIs bit for bit", "[replay]") {
    const Model base = build_model(load_inputs(testing::source_path("tests/data/small/scenario_sweep.toml")));
    const std::size_t runs = 12;
    const std::size_t dims = base.inputs.scenario.uncertain.size();
    REQUIRE(dims > 0);
    SweepOptions options;
    options.runs = runs;
    options.seed = 5;
    const RecordLayout layout = record_layout(base, options.save);
    SweepCheckpoint records(runs, layout.width(), layout.columnar());
    SweepHooks hooks;
    bool complete = false;
    const SweepResult sweep = [&] {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
        return run_sweep(base, options, records, hooks, complete);
    }();
    REQUIRE(complete);
    const std::vector<int>& milestones = sweep.milestones;
    const std::size_t clusters = base.inputs.clusters.size();
    for (std::size_t r : {std::size_t{0}, std::size_t{4}, std::size_t{11}}) {
        INFO("run " << r);
        Model work = sweep_worker_model(base);
        RunWorkspace workspace;
        const RunKpis k = simulate_sweep_run(work, base, sweep.samples.data() + r * dims, options.seed, r,
                                             RecordLevel::full, milestones, workspace);
        CHECK(workspace.result.run == r);
        CHECK_FALSE(workspace.result.events.empty());  // a full result, for the run file
        // Every outcome row, new ones included: the sweep's columns of run r are the replay's.
        REQUIRE(k.values.size() == sweep.outcomes.size());
        for (std::size_t o = 0; o < k.values.size(); ++o) {
            INFO(outcomes()[o].name);
            const std::size_t n = k.values[o].size();
            const OutcomeExtents extents{milestones.size(), clusters, !base.inputs.targets.empty(),
                                         base.inputs.agreements.size()};
            CHECK(n == outcomes()[o].size(extents));
            REQUIRE(sweep.outcomes[o].size() == n * sweep.runs);
            for (std::size_t i = 0; i < n; ++i) CHECK(same_bits(k.values[o][i], sweep.outcomes[o][r * n + i]));
        }
        // The same KPIs as a plain full run's, counted from the event log.
        const RunKpis from_log = compute_kpis(workspace.result, milestones);
        CHECK(from_log.values == k.values);
    }
}
