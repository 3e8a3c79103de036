// Settings given from outside the scenario file (inputs/given_settings.hpp): a design CSV
// for `eiisim sweep --design` and `eiisim run --set KEY=VALUE`; and a sweep run on given
// samples (SweepOptions::given_samples) simulates exactly those samples.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"
#include "inputs/given_settings.hpp"
#include "sim/kpis.hpp"
#include "sim/simulation.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_checkpoint.hpp"

using namespace eiisim;

namespace {

std::vector<UncertainSetting> declared_ets() {
    UncertainSetting u;
    u.name = "ets_factor";
    u.target = "prices.ets_eur_per_t";
    u.target_index = find_uncertain_target(u.target);
    u.distribution = Distribution::uniform;
    u.low = 0.5;
    u.high = 2.0;
    return {u};
}

std::filesystem::path write_file(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("a design file's columns are [[uncertain]] names or setting keys and its rows the runs", "[given]") {
    const auto path = write_file("eiisim_given_design.csv",
                                 "# comment\nets_factor, behaviour.logit_scale\n1.5,0.12\n0.8,0.3\n");
    const GivenDesign d = read_design_file(path, declared_ets());
    REQUIRE(d.runs == 2);
    REQUIRE(d.settings.size() == 2);
    CHECK(d.settings[0].target == "prices.ets_eur_per_t");  // the declared setting, with its scale
    CHECK(d.settings[0].scale == UncertainScale::factor);
    CHECK(d.settings[1].name == "behaviour.logit_scale");
    CHECK(d.settings[1].scale == UncertainScale::value);  // a number's default scale
    CHECK(d.settings[1].low == 0.12);
    CHECK(d.settings[1].high == 0.3);
    CHECK(d.samples == std::vector<double>{1.5, 0.12, 0.8, 0.3});
    std::filesystem::remove(path);
}

TEST_CASE("a design value out of the setting's range is refused naming file, line and range", "[given]") {
    const auto path = write_file("eiisim_given_bad.csv", "behaviour.closure_threshold\n0.1\n1.5\n");
    try {
        (void)read_design_file(path, {});
        FAIL("accepted 1.5 for a share");
    } catch (const InputError& e) {
        CHECK(e.where().line == 3);
        CHECK_THAT(e.what(), Catch::Contains("[0, 1]") && Catch::Contains("behaviour.closure_threshold"));
    }
    std::filesystem::remove(path);
}

TEST_CASE("run --set applies a value as a sweep applies that sample", "[given]") {
    const Inputs base = testing::small_inputs();
    Inputs changed = base;
    apply_given_values(changed, {parse_assignment("behaviour.logit_scale=0.37", {})});
    CHECK(changed.scenario.behaviour.logit_scale == 0.37);
    CHECK_THROWS_AS(parse_assignment("behaviour.logit_scale=-1", {}), InputError);
    CHECK_THROWS_AS(parse_assignment("no.such_key=1", {}), InputError);
    CHECK_THROWS_AS(parse_assignment("scenario.seed=1", {}), InputError);
}

TEST_CASE("a sweep on given samples simulates them and says so", "[given][sweep]") {
    Inputs in = testing::small_inputs();
    in.scenario.uncertain = declared_ets();
    const Model model = build_model(std::move(in));
    SweepOptions options;
    options.runs = 2;
    options.seed = 5;
    options.given_samples = {0.6, 1.8};
    const RecordLayout layout = record_layout(model, SaveLevel::none);
    SweepCheckpoint records(options.runs, layout.width(), layout.columnar());
    SweepHooks hooks;
    bool complete = false;
    const SweepResult result = run_sweep(model, options, records, hooks, complete);
    REQUIRE(complete);
    CHECK(result.sampler == "design");
    CHECK(result.samples == options.given_samples);
    CHECK(std::isnan(result.design[0]));
    // Run 1 equals that run simulated alone with its given sample.
    Model work = sweep_worker_model(model);
    RunWorkspace ws;
    const std::vector<int> milestones = kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const double sample = 1.8;
    const RunKpis alone = simulate_sweep_run(work, model, &sample, 5, 1, RecordLevel::aggregates, milestones, ws);
    const std::vector<double>& net = result.outcome("net_co2");
    CHECK(alone["net_co2"] == std::vector<double>(net.begin() + static_cast<long>(milestones.size()),
                                                  net.begin() + static_cast<long>(2 * milestones.size())));
}
