// Demand paths per sector (docs/ODD.md §7.19): after the last observed year a plant's
// utilisation follows its sector's volume path, chained to the observed activity of that
// year; the appraisal expects the path; a scenario without [demand] runs as before; bad
// rows and settings are named.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include "core/demand_paths.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"
#include "small_copy.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

int sector_index(const Inputs& in, const std::string& id) {
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        if (in.sectors[s].id == id) return static_cast<int>(s);
    FAIL("no sector " << id);
    return -1;
}

// `in` with a demand variant "test" that gives `sector` the path `anchors`.
Inputs with_path(Inputs in, const std::string& sector, const std::vector<std::pair<int, double>>& anchors) {
    for (const auto& [year, index] : anchors)
        in.demand_paths.push_back({sector_index(in, sector), "test", year, index, "test"});
    in.scenario.demand.variant = "test";
    resolve_demand_paths(in, "scenario.toml");
    return in;
}

// No route changes or closures, so utilisation moves only with demand (and curtailment).
Inputs frozen_small() {
    Inputs in = testing::small_inputs();
    in.scenario.behaviour.deterministic = true;
    in.scenario.behaviour.frozen_technology = true;
    return in;
}

double value(const RunResult& r, const std::vector<double>& series, int year, int plant) {
    return series[r.at(year - r.base_year, plant)];
}

}  // namespace

TEST_CASE("after the observed years production follows the sector's volume path", "[demand][rules]") {
    Inputs in = frozen_small();
    in.scenario.behaviour.curtailed_utilisation = 1.0;  // no curtailment: demand alone moves utilisation
    const RunResult plain = testing::run(in);
    const TimePath path({{2025, 1.0}, {2030, 0.5}});
    const RunResult half = testing::run(with_path(in, "ammonia", path.anchors()));
    const int oci = plant_index(in, "oci_geleen");
    const int shell = plant_index(in, "shell_pernis");
    for (int year : {2021, 2025, 2027, 2030, 2050}) {
        INFO(year);
        CHECK(value(half, half.production_t, year, oci) ==
              Approx(value(plain, plain.production_t, year, oci) * path.at(year)));
        // A sector without a path keeps today's behaviour.
        CHECK(value(half, half.production_t, year, shell) == value(plain, plain.production_t, year, shell));
    }
    CHECK(value(half, half.production_t, 2030, oci) < value(plain, plain.production_t, 2030, oci));
}

TEST_CASE("a lower volume index never raises a plant's production", "[demand][rules]") {
    const Inputs in = frozen_small();  // with the curtailment rule
    const RunResult high = testing::run(with_path(in, "ethylene", {{2025, 1.0}, {2035, 0.8}, {2050, 0.7}}));
    const RunResult low = testing::run(with_path(in, "ethylene", {{2025, 1.0}, {2035, 0.5}, {2050, 0.2}}));
    bool lower_somewhere = false;
    for (int year = 2020; year <= 2050; ++year)
        for (int p = 0; p < low.plants; ++p) {
            const double a = value(low, low.production_t, year, p);
            const double b = value(high, high.production_t, year, p);
            CHECK(a <= b * (1 + 1e-12));
            lower_somewhere = lower_somewhere || a < b;
        }
    CHECK(lower_somewhere);
}

TEST_CASE("the projection continues the observed activity of the last observed year", "[demand][history]") {
    Inputs in = frozen_small();
    in.scenario.behaviour.curtailed_utilisation = 1.0;
    // An outage row observed in 2025 makes 2025 the last observed year in forced mode.
    in.history = {testing::history_row(in, "shell_pernis", HistoryKind::outage, 2025, 2025, 0.9, true)};
    in.sector_activity = {{sector_index(in, "ammonia"), 2025, 0.8, "test"}};
    const TimePath path({{2025, 1.0}, {2050, 0.5}});
    const int oci = plant_index(in, "oci_geleen");
    const auto ratio = [&](const RunResult& with, const RunResult& without, int year) {
        return value(with, with.utilisation, year, oci) / value(without, without.utilisation, year, oci);
    };
    SECTION("forced: 2026 starts from the observed 2025 index") {
        const Inputs demand = with_path(in, "ammonia", path.anchors());
        REQUIRE(build_model(demand).history.last_observed_year == 2025);
        CHECK(demand_chain_factors(demand, 2025)[static_cast<std::size_t>(sector_index(in, "ammonia"))] ==
              Approx(0.8));
        // An entrant did not run in 2025: it follows the path's change since then only.
        const Model model = build_model(demand);
        const auto ammonia = static_cast<std::size_t>(sector_index(in, "ammonia"));
        CHECK(model.demand_chain[ammonia] == Approx(0.8));
        CHECK(model.entrant_demand_chain[ammonia] == Approx(1.0 / path.at(2025)));
        Inputs no_activity = in;
        no_activity.sector_activity.clear();
        const RunResult plain = testing::run(no_activity);
        const RunResult with = testing::run(demand);
        CHECK(ratio(with, plain, 2025) == Approx(0.8));
        CHECK(ratio(with, plain, 2026) == Approx(0.8 * path.at(2026)));
        CHECK(ratio(with, plain, 2050) == Approx(0.8 * 0.5));
        // Without a path the sector jumps back to its base utilisation after 2025 (today's rule).
        CHECK(ratio(testing::run(in), plain, 2026) == Approx(1.0));
    }
    for (HistoryMode mode : {HistoryMode::free, HistoryMode::off}) {
        // Free and off modes run every year up to 2025 at activity 1: the path starts there.
        in.scenario.history = mode;
        const RunResult plain = testing::run(in);
        const RunResult with = testing::run(with_path(in, "ammonia", path.anchors()));
        CHECK(ratio(with, plain, 2025) == Approx(1.0));
        CHECK(ratio(with, plain, 2026) == Approx(path.at(2026)));
        CHECK(ratio(with, plain, 2040) == Approx(path.at(2040)));
    }
}

TEST_CASE("a scenario without a demand variant runs exactly as before", "[demand]") {
    Inputs in = testing::small_inputs();
    const RunResult before = testing::run(in);
    // The dataset's rows alone change nothing: only a variant (or an override) applies them.
    in.demand_paths.push_back({sector_index(in, "ammonia"), "central", 2025, 1.0, "test"});
    in.demand_paths.push_back({sector_index(in, "ammonia"), "central", 2030, 0.3, "test"});
    resolve_demand_paths(in, "scenario.toml");
    CHECK(in.scenario.prices.sector_volume_index.empty());
    const RunResult after = testing::run(in);
    CHECK(after.production_t == before.production_t);
    CHECK(after.co2_net_t == before.co2_net_t);
    CHECK(after.technology == before.technology);
    CHECK(after.status == before.status);
    CHECK(after.cost_eur == before.cost_eur);
}

TEST_CASE("the demand factor scales a path's change and an override replaces the variant", "[demand]") {
    Inputs in = with_path(testing::small_inputs(), "ammonia", {{2025, 1.0}, {2050, 0.4}});
    const auto ammonia = static_cast<std::size_t>(sector_index(in, "ammonia"));
    const auto refining = static_cast<std::size_t>(sector_index(in, "refining"));
    CHECK(in.scenario.prices.sector_volume_index[ammonia].at(2050) == Approx(0.4));
    CHECK(in.scenario.prices.sector_volume_index[refining].empty());  // no row: no path
    in.scenario.demand.factor = 0.5;
    resolve_demand_paths(in, "scenario.toml");
    CHECK(in.scenario.prices.sector_volume_index[ammonia].at(2050) == Approx(0.7));
    in.scenario.demand.factor = 3.0;
    resolve_demand_paths(in, "scenario.toml");
    CHECK(in.scenario.prices.sector_volume_index[ammonia].at(2050) == 0.0);  // never below 0
    in.scenario.demand.factor = 1.0;
    in.scenario.demand.volume_sector_names = {"refining"};
    in.scenario.demand.volume_sector_paths = {TimePath({{2025, 1.0}, {2050, 0.5}})};
    resolve_demand_paths(in, "scenario.toml");
    CHECK(in.scenario.prices.sector_volume_index[refining].at(2050) == Approx(0.5));
    in.scenario.demand.volume_sector_names = {"refinery"};
    CHECK_THROWS_AS(resolve_demand_paths(in, "scenario.toml"), InputError);
}

TEST_CASE("the appraisal expects the demand path over its horizon", "[demand][appraisal]") {
    const TimePath path({{2025, 1.0}, {2040, 0.4}});
    const auto expected_utilisation = [&](Expectation mode) {
        Inputs in = with_path(testing::small_inputs(), "ammonia", path.anchors());
        in.scenario.behaviour.expectation = mode;
        const Model model = build_model(in);
        const RunState state = make_initial_state(model, 1, 0);
        const int oci = plant_index(in, "oci_geleen");
        const PlantSnapshot snapshot = plant_snapshot(model, state, 2030, oci);
        return std::make_pair(snapshot.utilisation, utilisation_of(model, state, oci));
    };
    const auto [myopic, base] = expected_utilisation(Expectation::myopic);
    CHECK(myopic == Approx(base * path.at(2030)));
    const auto [foresight, base2] = expected_utilisation(Expectation::perfect_foresight);
    const int horizon = testing::small_inputs().scenario.behaviour.horizon_y;
    CHECK(foresight == Approx(base2 * path.mean_over(2030, horizon)));
    CHECK(foresight < myopic);  // the fall after 2030 lowers what a plant with foresight expects
}

TEST_CASE("a run with demand paths is bit-identical on one and on two threads", "[demand][determinism]") {
    const Model model = build_model(
        with_path(testing::small_inputs(), "ethylene", {{2025, 1.0}, {2030, 0.6}, {2050, 0.3}}));
    const auto run_with = [&](std::size_t threads) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        return simulate(model, 11);
    };
    const RunResult one = run_with(1);
    const RunResult two = run_with(2);
    CHECK(one.production_t == two.production_t);
    CHECK(one.status == two.status);
    CHECK(one.co2_net_t == two.co2_net_t);
}

TEST_CASE("demand paths are read and checked", "[loader][demand]") {
    using testing::SmallCopy;
    SmallCopy copy;
    testing::write_text(copy.file("demand_paths.csv"),
                        "# test\nsector,variant,year,index,source\n"
                        "ammonia,central,2025,1,test\n"
                        "ammonia,central,2030,0.9,ESTIMATE: test\n"
                        "refining,central,2030,0.8,test\n");
    copy.append("scenario.toml", "[demand]\nvariant = \"central\"");
    SECTION("valid") {
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.demand_paths.size() == 3);
        CHECK(in.demand_paths[1].index == Approx(0.9));
        const auto ammonia = static_cast<std::size_t>(sector_index(in, "ammonia"));
        CHECK(in.scenario.prices.sector_volume_index[ammonia].at(2030) == Approx(0.9));
    }
    SECTION("unknown sector") {
        const int line = copy.replace("demand_paths.csv", "refining,", "refinery,");
        testing::expect_error(copy, "demand_paths.csv", line, "sector", "unknown sector 'refinery'");
    }
    SECTION("a year out of order") {
        const int line = copy.replace("demand_paths.csv", "2030,0.9", "2025,0.9");
        testing::expect_error(copy, "demand_paths.csv", line, "year", "does not follow");
    }
    SECTION("a negative index") {
        const int line = copy.replace("demand_paths.csv", "0.8", "-0.8");
        testing::expect_error(copy, "demand_paths.csv", line, "index");
    }
    SECTION("an empty source") {
        const int line = copy.replace("demand_paths.csv", "0.8,test", "0.8,");
        testing::expect_error(copy, "demand_paths.csv", line, "source");
    }
    SECTION("a variant the dataset lacks") {
        copy.replace("scenario.toml", "variant = \"central\"", "variant = \"centre\"");
        try {
            (void)load_inputs(copy.scenario());
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.field() == "demand.variant");
            CHECK(std::string(e.what()).find("centre") != std::string::npos);
        }
    }
}

TEST_CASE("a sector's price path replaces the national index after its observed years", "[demand][prices]") {
    Inputs in = testing::small_inputs();
    const auto ammonia = static_cast<std::size_t>(sector_index(in, "ammonia"));
    in.scenario.prices.product_price_index = TimePath({{2020, 1.0}, {2024, 1.2}, {2050, 1.0}});
    in.scenario.calibration_year = 2024;  // no observed series in the small dataset: the path starts here
    in.scenario.demand.price_sector_names = {"ammonia"};
    in.scenario.demand.price_sector_paths = {TimePath({{2024, 2.0}, {2044, 1.0}})};
    resolve_demand_paths(in, "scenario.toml");
    const std::vector<TimePath>& index = in.scenario.prices.sector_product_price_index;
    REQUIRE(index.size() == in.sectors.size());
    // Up to the last observed year the national index; then 1.2 x the path's change.
    CHECK(index[ammonia].at(2022) == Approx(in.scenario.prices.product_price_index.at(2022)));
    CHECK(index[ammonia].at(2024) == Approx(1.2));
    CHECK(index[ammonia].at(2034) == Approx(1.2 * 1.5 / 2.0));
    CHECK(index[ammonia].at(2050) == Approx(1.2 * 0.5));
    // Other sectors keep the national index.
    const auto refining = static_cast<std::size_t>(sector_index(in, "refining"));
    CHECK(index[refining].at(2040) == Approx(in.scenario.prices.product_price_index.at(2040)));
    // Idempotent, as the sweep's rebuild needs: applied twice it is the same.
    Inputs again = in;
    again.scenario.prices.sector_product_price_index.clear();
    resolve_demand_paths(again, "scenario.toml");
    CHECK(again.scenario.prices.sector_product_price_index == index);
    // The engine's price view reads it.
    const Model model = build_model(in);
    CHECK(model.actual[static_cast<std::size_t>(2050 - in.scenario.base_year)].product_index(static_cast<int>(ammonia)) ==
          Approx(0.6));
}

TEST_CASE("output a shrinking market no longer takes is not counted as replacement imports", "[demand][leakage]") {
    Inputs in = frozen_small();
    in.scenario.behaviour.curtailed_utilisation = 1.0;
    const Inputs demand = with_path(in, "ammonia", {{2025, 1.0}, {2030, 0.5}});
    const RunResult plain = testing::run(in);
    const RunResult half = testing::run(demand);
    const int oci = plant_index(in, "oci_geleen");
    REQUIRE(value(half, half.production_t, 2030, oci) < 0.6 * value(plain, plain.production_t, 2030, oci));
    // Without the demand path as the reference the halved output would be imported.
    CHECK(value(half, half.replacement_imports_t, 2030, oci) ==
          Approx(value(plain, plain.replacement_imports_t, 2030, oci)).margin(1e-6));
    CHECK(value(half, half.co2_embodied_imports_t, 2030, oci) ==
          Approx(value(plain, plain.co2_embodied_imports_t, 2030, oci)).margin(1e-6));
}
