// The per-run outcomes (core/outcomes.cpp): the table is consistent with the observables
// it samples; each milestone outcome is the run's national series in that year; run files
// and sweep files hold exactly the table's rows and read back bit for bit; a KPI-only
// sweep computes the same outcomes as a sweep that keeps the cluster trajectories.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include "core/outcomes.hpp"
#include "core/strategic_products.hpp"
#include "fixtures.hpp"
#include "inputs/given_settings.hpp"
#include "output/hdf5_sweep_writer.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_file_reader.hpp"
#include "output/sweep_file_reader.hpp"
#include "sim/kpis.hpp"
#include "sim/reference_run.hpp"
#include "sweep/replay.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_checkpoint.hpp"

using namespace eiisim;
namespace fs = std::filesystem;

namespace {

// Targets for a dataset without targets.csv: two in 2030, one in 2040, one in 2050.
std::vector<TargetSpec> some_targets() {
    return {{2030, TargetMapping::reduction, 5.0, 10.0, "test"},
            {2030, TargetMapping::share, 30.0, 50.0, "test"},
            {2040, TargetMapping::share, 20.0, 50.0, "test"},
            {2050, TargetMapping::share, 0.0, 50.0, "test"}};
}

// Sum over clusters of a [year][cluster][per] series in year `year`, position `e`.
double national(const RunResult& r, const std::vector<double>& v, int year, std::size_t per, std::size_t e) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c) sum += v[r.at_cluster(year - r.base_year, c) * per + e];
    return sum;
}

SweepResult sweep_of(const Model& model, std::size_t runs, SaveLevel save,
                     std::optional<ReferenceKind> reference = std::nullopt, std::size_t threads = 2) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    SweepOptions options;
    options.runs = runs;
    options.seed = 3;
    options.save = save;
    options.reference = reference;
    const RecordLayout layout = record_layout(model, save, reference.has_value());
    SweepCheckpoint records(runs, layout.width(), layout.columnar());
    SweepHooks hooks;
    bool complete = false;
    SweepResult result = run_sweep(model, options, records, hooks, complete);
    REQUIRE(complete);
    return result;
}

// The inputs of run r of `sweep` made alone, as `eiisim run --set NAME=VALUE ...` makes it
// with the sweep's samples of run r (then simulated with the sweep's seed and run index r).
Inputs single_run_inputs(const char* scenario, const SweepResult& sweep, std::size_t r) {
    Inputs in = load_inputs(testing::source_path(scenario));
    std::vector<GivenValue> given;
    const std::size_t dims = sweep.settings.size();
    for (std::size_t d = 0; d < dims; ++d) given.push_back({sweep.settings[d], sweep.samples[r * dims + d]});
    apply_given_values(in, given);
    return in;
}

constexpr const char* kSmallSweep = "tests/data/small/scenario_sweep.toml";

fs::path temp_file(const std::string& what) {
    return fs::temp_directory_path() / ("eiisim-outcomes-" + what + "-" + std::to_string(::getpid()) + ".h5");
}

}  // namespace

TEST_CASE("the outcomes table names each outcome once and samples declared series", "[outcomes]") {
    std::set<std::string> names;
    // Every series name (derived ones too: readers look them up by name, and a sweep file
    // variable of that name would shadow the band they mean) and every band variable.
    std::set<std::string> taken;
    for (const Observable& o : observables()) {
        taken.emplace(o.name);
        if (o.banded()) taken.insert(o.band_name());
    }
    for (const Outcome& k : outcomes()) {
        INFO(k.name);
        CHECK(names.emplace(k.name).second);
        CHECK(taken.count(std::string(k.name)) == 0);
        CHECK(!k.units_text().empty());
        CHECK(k.dimensions().front() == "run");
        if (k.rule == OutcomeRule::function) {
            CHECK(k.compute != nullptr);
            CHECK((k.series.empty() || find_observable(k.series) != nullptr));
        } else {
            const Observable* series = find_observable(k.series);
            REQUIRE(series != nullptr);
            CHECK(k.compute == nullptr);
            CHECK(series->level == Level::cluster);  // rules sum or pick clusters
            CHECK(series->f64 != nullptr);
        }
    }
}

TEST_CASE("milestone outcomes are the run's national series in the milestone years", "[outcomes]") {
    Inputs in = testing::small_inputs();
    in.targets = some_targets();
    const RunResult r = testing::run(in);
    REQUIRE(r.targets);
    const std::vector<int> milestones = kpi_milestones(in.scenario.base_year, in.scenario.end_year);
    REQUIRE(milestones.size() >= 2);
    const RunKpis k = compute_kpis(r, milestones);
    const std::size_t parts = extra_count(Extra::reduction_part);
    const std::size_t targets = extra_count(Extra::target);
    bool moved = false;
    for (std::size_t m = 0; m < milestones.size(); ++m) {
        const int y = milestones[m];
        INFO("year " << y);
        CHECK(k["jobs_national"].at(m) == national(r, r.cluster_jobs, y, 1, 0));
        CHECK(k["value_added_national"].at(m) == national(r, r.cluster_value_added_eur, y, 1, 0));
        CHECK(k["co2_embodied_imports_national"].at(m) == national(r, r.cluster_co2_embodied_imports_t, y, 1, 0));
        CHECK(k["co2_relocated_national"].at(m) == national(r, r.cluster_co2_relocated_t, y, 1, 0));
        CHECK(k["co2_relocated_eu_national"].at(m) == national(r, r.cluster_co2_relocated_eu_t, y, 1, 0));
        const double net = national(r, r.cluster_co2_net_t, y, 1, 0);
        CHECK(k["net_co2"].at(m) == net);
        double sum_of_parts = 0;
        for (std::size_t p = 0; p < parts; ++p) {
            const double part = k["reduction_national"].at(m * parts + p);
            CHECK(part == national(r, r.cluster_reduction_t, y, parts, p));
            sum_of_parts += part;
        }
        // The parts add up to the change in net CO2 since the base year.
        const double change = net - national(r, r.cluster_co2_net_t, r.base_year, 1, 0);
        CHECK(sum_of_parts == Approx(change).margin(1e-6 * std::abs(net) + 1e-3));
        moved = moved || change != 0;
        for (std::size_t t = 0; t < targets; ++t)
            CHECK(k["target_gap"].at(m * targets + t) ==
                  net - r.target_co2_net_t[static_cast<std::size_t>(y - r.base_year) * targets + t]);
        // The value-weighted production index, and each strategic product's import dependence.
        const double base_value = national(r, r.cluster_production_value_eur, r.base_year, 1, 0);
        REQUIRE(base_value > 0);
        CHECK(k["production_index_national"].at(m) ==
              national(r, r.cluster_production_value_eur, y, 1, 0) / base_value);
        for (std::size_t t = 0; t < kStrategicProductCount; ++t)
            CHECK(k["strategic_import_dependence_national"].at(m * kStrategicProductCount + t) ==
                  r.strategic_import_dependence[static_cast<std::size_t>(y - r.base_year) * kStrategicProductCount + t]);
    }
    CHECK(moved);  // the small run reduces something, or the parts check is idle
    if (milestones.back() == in.scenario.end_year) {
        CHECK(k["relocated_co2"].at(0) == k["co2_relocated_national"].back());
        CHECK(k["production_retained"].at(0) == Approx(k["production_index_national"].back()));
    }

    // Without targets.csv there is no target_gap, in the KPIs or in the file.
    const Inputs plain = testing::small_inputs();
    REQUIRE(plain.targets.empty());
    const RunKpis without = compute_kpis(testing::run(plain), milestones);
    CHECK(without["target_gap"].empty());
    CHECK(without["jobs_national"].size() == milestones.size());
}

TEST_CASE("a run file holds the outcome rows and reads them back bit for bit", "[outcomes][output]") {
    for (const bool with_targets : {false, true}) {
        Inputs in = testing::small_inputs();
        if (with_targets) in.targets = some_targets();
        const RunResult r = testing::run(in);
        const std::vector<int> milestones = kpi_milestones(in.scenario.base_year, in.scenario.end_year);
        const RunKpis k = compute_kpis(r, milestones);
        const fs::path path = temp_file("run");
        write_run_hdf5(path, in, r, &k, milestones);
        const RunFileRecord back = read_run_file(path);
        fs::remove(path);
        CHECK(back.milestones == milestones);
        CHECK(back.outcomes.values == k.values);  // the absent target_gap reads back empty
        CHECK(back.outcomes["target_gap"].empty() == !with_targets);
        // The small dataset has no agreements: no per-agreement rows, in the KPIs or in the file.
        CHECK(k["agreement_outcome"].empty());
        CHECK(back.outcomes["agreement_outcome"].empty());
    }
}

TEST_CASE("a KPI-only sweep has the outcomes of a --save clusters sweep and of its runs' files",
          "[outcomes][sweep]") {
    Inputs in = load_inputs(testing::source_path("tests/data/small/scenario_sweep.toml"));
    in.targets = some_targets();
    const Model model = build_model(std::move(in));
    const std::size_t runs = 6;
    const SweepResult lean = sweep_of(model, runs, SaveLevel::none);
    const SweepResult kept = sweep_of(model, runs, SaveLevel::clusters);
    CHECK(lean.outcomes == kept.outcomes);
    REQUIRE(!lean.outcome("target_gap").empty());

    // Each milestone outcome of run r is the national sum of r's saved trajectory.
    const std::size_t m_count = kept.milestones.size(), clusters = static_cast<std::size_t>(kept.clusters);
    const auto sum_saved = [&](std::string_view series, std::size_t r, int year) {
        const std::vector<double>& t = kept.trajectories[saved_index(series)];
        const std::size_t yi = static_cast<std::size_t>(year - kept.base_year);
        double sum = 0;
        for (std::size_t c = 0; c < clusters; ++c)
            sum += t[(r * static_cast<std::size_t>(kept.years) + yi) * clusters + c];
        return sum;
    };
    for (std::size_t r = 0; r < runs; ++r)
        for (std::size_t m = 0; m < m_count; ++m) {
            const int y = kept.milestones[m];
            CHECK(kept.outcome("jobs_national")[r * m_count + m] == sum_saved("cluster_jobs", r, y));
            CHECK(kept.outcome("value_added_national")[r * m_count + m] == sum_saved("cluster_value_added", r, y));
            CHECK(kept.outcome("co2_embodied_imports_national")[r * m_count + m] ==
                  sum_saved("cluster_co2_embodied_imports", r, y));
            CHECK(kept.outcome("co2_relocated_national")[r * m_count + m] == sum_saved("cluster_co2_relocated", r, y));
            CHECK(kept.outcome("net_co2")[r * m_count + m] == sum_saved("cluster_co2_net", r, y));
        }

    // The sweep file's rows read back as the sweep's, and a run replayed into a run file
    // (the sweep's own simulation, full record) holds the same outcomes.
    const fs::path sweep_path = temp_file("sweep");
    write_sweep_hdf5(sweep_path, model.inputs, lean);
    Model work = sweep_worker_model(model);
    RunWorkspace ws;
    const std::size_t dims = model.inputs.scenario.uncertain.size();
    for (const std::size_t r : {std::size_t{0}, runs - 1}) {
        INFO("run " << r);
        const SweepRunRecord row = read_sweep_run(sweep_path, r);
        for (std::size_t o = 0; o < outcomes().size(); ++o) {
            const std::size_t n = row.outcomes.values[o].size();
            REQUIRE(lean.outcomes[o].size() == n * runs);
            CHECK(row.outcomes.values[o] ==
                  std::vector<double>(lean.outcomes[o].begin() + static_cast<std::ptrdiff_t>(r * n),
                                      lean.outcomes[o].begin() + static_cast<std::ptrdiff_t>((r + 1) * n)));
        }
        const RunKpis again = simulate_sweep_run(work, model, lean.samples.data() + r * dims, lean.seed, r,
                                                 RecordLevel::full, lean.milestones, ws);
        const fs::path run_path = temp_file("replayed");
        write_run_hdf5(run_path, work.inputs, ws.result, &again, lean.milestones);
        CHECK(read_run_file(run_path).outcomes.values == row.outcomes.values);
        fs::remove(run_path);
    }
    fs::remove(sweep_path);
}

// Each agreement's outcome is a per-run outcome along `agreement` (core/outcomes.cpp): a
// sweep over seeds records, for every run, what the single run of that seed and run index
// draws, and its file holds the same, so a KPI can be grouped by the outcome afterwards.
TEST_CASE("a sweep records each agreement's outcome per run as the single runs of the same seed draw it",
          "[outcomes][sweep][agreements][dutch]") {
    Inputs in = testing::dutch_inputs();
    in.scenario.uncertain.clear();  // a sweep over the runs' random streams alone
    REQUIRE(!in.agreements.empty());
    const Model model = build_model(std::move(in));
    const std::size_t runs = 4, agreements = model.inputs.agreements.size();
    const SweepResult sweep = sweep_of(model, runs, SaveLevel::none);
    const std::vector<double>& fate = sweep.outcome("agreement_outcome");
    const std::vector<double>& binding = sweep.outcome("agreement_binding_year");
    const std::vector<double>& routes = sweep.outcome("agreement_routes_from_year");
    REQUIRE(fate.size() == runs * agreements);
    REQUIRE(binding.size() == runs * agreements);
    REQUIRE(routes.size() == runs * agreements);
    const fs::path path = temp_file("agreements");
    write_sweep_hdf5(path, model.inputs, sweep);
    std::set<std::vector<double>> distinct;  // the runs do not all draw alike, or the check is idle
    for (std::size_t r = 0; r < runs; ++r) {
        INFO("run " << r);
        const RunResult single = simulate(model, sweep.seed, r);
        const SweepRunRecord row = read_sweep_run(path, r);
        std::vector<double> drawn;
        for (std::size_t a = 0; a < agreements; ++a) {
            INFO(model.inputs.agreements[a].id);
            CHECK(fate[r * agreements + a] == single.agreement_fate[a]);
            CHECK(binding[r * agreements + a] == single.agreement_binding_year[a]);
            CHECK(routes[r * agreements + a] == single.agreement_routes_from_year[a]);
            CHECK(row.outcomes["agreement_outcome"].at(a) == single.agreement_fate[a]);
            CHECK(row.outcomes["agreement_binding_year"].at(a) == single.agreement_binding_year[a]);
            CHECK(row.outcomes["agreement_routes_from_year"].at(a) == single.agreement_routes_from_year[a]);
            drawn.push_back(single.agreement_fate[a]);
        }
        distinct.insert(drawn);
    }
    fs::remove(path);
    CHECK(distinct.size() > 1);
}

// The per-cluster reduction parts are a sweep outcome (layout 17): run r's row holds the
// parts single run r makes per cluster in the milestone years (its cluster_reduction), and
// the clusters add up, in cluster order, to the national parts.
TEST_CASE("a sweep records each run's reduction parts per cluster, adding up to the national parts",
          "[outcomes][sweep]") {
    const Model model = build_model(load_inputs(testing::source_path(kSmallSweep)));
    const std::size_t runs = 4;
    const SweepResult sweep = sweep_of(model, runs, SaveLevel::none);
    const std::size_t m_count = sweep.milestones.size(), clusters = static_cast<std::size_t>(sweep.clusters);
    const std::size_t parts = extra_count(Extra::reduction_part);
    const std::vector<double>& per_cluster = sweep.outcome("reduction_per_cluster");
    const std::vector<double>& national_parts = sweep.outcome("reduction_national");
    REQUIRE(per_cluster.size() == runs * m_count * clusters * parts);
    REQUIRE(national_parts.size() == runs * m_count * parts);
    bool moved = false;
    for (std::size_t r = 0; r < runs; ++r) {
        INFO("run " << r);
        const RunResult single = simulate(build_model(single_run_inputs(kSmallSweep, sweep, r)), sweep.seed, r);
        for (std::size_t m = 0; m < m_count; ++m) {
            const int yi = sweep.milestones[m] - single.base_year;
            for (std::size_t p = 0; p < parts; ++p) {
                double sum = 0;
                for (std::size_t c = 0; c < clusters; ++c) {
                    const double v = per_cluster[((r * m_count + m) * clusters + c) * parts + p];
                    CHECK(v == single.cluster_reduction_t[single.at_cluster(yi, static_cast<int>(c)) * parts + p]);
                    sum += v;
                    moved = moved || v != 0;
                }
                CHECK(sum == national_parts[(r * m_count + m) * parts + p]);
            }
        }
    }
    CHECK(moved);
}

// `eiisim sweep --reference KIND`: every run is also simulated as the reference with the
// same seed, run index and samples; the sweep records the reference's net CO2 less the
// run's, per run and milestone, nationally and per cluster, exactly as the two single runs
// of `eiisim run --set ... --reference KIND` give it, for any thread count; the run's own
// outcomes do not change, and without --reference the rows are absent.
TEST_CASE("a sweep with a reference records per run the reduction beyond it, as the two single runs give it",
          "[outcomes][sweep][reference]") {
    const Model model = build_model(load_inputs(testing::source_path(kSmallSweep)));
    const std::size_t runs = 3;
    // Frozen technology is the brief's case; under no policy the reference still decides,
    // so its runs depend on the samples (a reference made without them fails here).
    const ReferenceKind kind = GENERATE(ReferenceKind::frozen_technology, ReferenceKind::no_policy);
    const char* kind_name = kReferenceKindNames[static_cast<std::size_t>(kind)];
    INFO("reference " << kind_name);
    const SweepResult plain = sweep_of(model, runs, SaveLevel::none);
    const SweepResult one = sweep_of(model, runs, SaveLevel::none, kind, 1);
    const SweepResult two = sweep_of(model, runs, SaveLevel::none, kind, 2);
    CHECK(one.outcomes == two.outcomes);  // bit for bit whatever the thread count
    CHECK(plain.outcome("additional_reduction_national").empty());
    CHECK(plain.outcome("additional_reduction_per_cluster").empty());
    for (std::size_t o = 0; o < outcomes().size(); ++o)
        if (!outcomes()[o].needs_reference) CHECK(one.outcomes[o] == plain.outcomes[o]);
    CHECK(one.reference == kind_name);
    const std::size_t m_count = one.milestones.size(), clusters = static_cast<std::size_t>(one.clusters);
    const std::vector<double>& additional = one.outcome("additional_reduction_national");
    const std::vector<double>& per_cluster = one.outcome("additional_reduction_per_cluster");
    REQUIRE(additional.size() == runs * m_count);
    REQUIRE(per_cluster.size() == runs * m_count * clusters);
    bool differs = false;
    for (std::size_t r = 0; r < runs; ++r) {
        INFO("run " << r);
        const Inputs in = single_run_inputs(kSmallSweep, one, r);
        const RunResult run = simulate(build_model(Inputs(in)), one.seed, r);
        const RunResult reference = simulate(build_model(reference_inputs(in, kind)), one.seed, r);
        for (std::size_t m = 0; m < m_count; ++m) {
            const int y = one.milestones[m];
            const double want = national(reference, reference.cluster_co2_net_t, y, 1, 0) -
                                national(run, run.cluster_co2_net_t, y, 1, 0);
            CHECK(additional[r * m_count + m] == want);
            double sum = 0;
            for (std::size_t c = 0; c < clusters; ++c) {
                const std::size_t at = run.at_cluster(y - run.base_year, static_cast<int>(c));
                const double v = per_cluster[(r * m_count + m) * clusters + c];
                CHECK(v == reference.cluster_co2_net_t[at] - run.cluster_co2_net_t[at]);
                sum += v;
            }
            CHECK(sum == Approx(want).margin(1e-6 * std::abs(want) + 1e-3));
            differs = differs || want != 0;
        }
    }
    // The frozen reference departs from the runs, or the check is idle. The small scenario's
    // levy and support move no decision (`eiisim run --reference no-policy` prints 0 too), so
    // its no-policy reference emits as the runs; that case checks the samples instead (a
    // reference made without them differs).
    CHECK(differs == (kind == ReferenceKind::frozen_technology));

    // The sweep file says which reference; a replayed run makes its reference again and
    // matches the sweep's row bit for bit (replay_command returns 0 only then).
    const fs::path sweep_path = temp_file("reference-sweep");
    write_sweep_hdf5(sweep_path, model.inputs, one);
    const SweepRunRecord row = read_sweep_run(sweep_path, runs - 1);
    CHECK(row.reference == kind_name);
    CHECK(row.outcomes["additional_reduction_national"] ==
          std::vector<double>(additional.end() - static_cast<std::ptrdiff_t>(m_count), additional.end()));
    const fs::path replayed = temp_file("reference-replayed");
    CHECK(replay_command({sweep_path.string(), runs - 1, "", replayed.string(), true}) == 0);
    CHECK(read_run_file(replayed).outcomes["additional_reduction_per_cluster"] ==
          row.outcomes["additional_reduction_per_cluster"]);
    fs::remove(replayed);
    fs::remove(sweep_path);
}
