// Leakage beyond relocation (docs/ODD.md §7.12, "Leakage"): output lost at home is
// imported with foreign emissions; relocated plants and an import route's intermediate are
// left to co2_relocated; the import dependence of each strategic product.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/strategic_products.hpp"
#include "fixtures.hpp"
#include "small_copy.hpp"
#include "sim/leakage.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;
using eiisim::testing::technology_index;

namespace {

constexpr double kAmmoniaFactor = 2.0;       // t CO2 per t ammonia made abroad (a test figure)

// The small fixture with foreign factors and strategic tags: ammonia is fertiliser,
// refining refined_fuels, ethylene hvc.
Inputs tagged_inputs() {
    Inputs in = testing::small_inputs();
    for (SectorSpec& s : in.sectors) {
        s.foreign_t_co2_per_t = s.id == "ammonia" ? kAmmoniaFactor : 0.3;
        s.strategic_product = static_cast<int>(s.id == "ammonia"    ? StrategicProduct::fertiliser
                                               : s.id == "refining" ? StrategicProduct::refined_fuels
                                                                    : StrategicProduct::hvc);
    }
    return in;
}

double dependence(const RunResult& r, int yi, StrategicProduct tag) {
    return r.strategic_import_dependence[static_cast<std::size_t>(yi) * kStrategicProductCount +
                                         static_cast<std::size_t>(tag)];
}

}  // namespace

TEST_CASE("a closure or curtailment books the lost tonnes times the foreign factor abroad", "[leakage]") {
    int p = 0;
    const Model model = build_model(testing::with_observed_curtailment(tagged_inputs(), "yara_sluiskil", 2022, 0.5, p));
    RunResult r = simulate(model, 3);
    const double base = r.production_t[r.at(0, p)];
    const std::size_t at = r.at(2022 - r.base_year, p);
    REQUIRE(base > 0);
    REQUIRE(r.production_t[at] < base);
    // The engine's panels: the curtailed tonnes are imported, made with foreign CO2.
    const double lost = base - r.production_t[at];
    CHECK(r.replacement_imports_t[at] == Approx(lost));
    CHECK(r.co2_embodied_imports_t[at] == Approx(lost * kAmmoniaFactor));
    CHECK(r.replacement_imports_t[r.at(0, p)] == 0.0);
    // Closed: all of the base-year output.
    r.status[at] = static_cast<std::uint8_t>(PlantStatus::closed);
    r.production_t[at] = 0;
    const PlantLeakage closed = plant_leakage(model.inputs, r, static_cast<std::size_t>(p), at, base);
    CHECK(closed.lost_t == base);
    CHECK(closed.embodied_t == Approx(base * kAmmoniaFactor));
    CHECK(closed.intermediate_t == 0.0);
}

TEST_CASE("an import route imports its intermediate, keeps the downstream production and counts the CO2 abroad once",
          "[leakage]") {
    const Model model = build_model(tagged_inputs());
    const int p = plant_index(model.inputs, "yara_sluiskil");
    const int year = 2030;
    RunResult r = simulate(model, 1);
    RunState state = make_initial_state(model, 1, 0);
    const int route = technology_index(model.inputs, "ammonia/import_ammonia");
    state.technology[static_cast<std::size_t>(p)] = route;
    record_accounts(model, state, year, r);
    const std::size_t at = r.at(year - r.base_year, p);
    const double production = r.production_t[at];
    const double base = r.production_t[r.at(0, p)];
    REQUIRE(production > 0);
    const double share = model.inputs.technologies[static_cast<std::size_t>(route)].import_share;
    REQUIRE(share > 0);
    const PlantLeakage leak = plant_leakage(model.inputs, r, static_cast<std::size_t>(p), at, production);
    // The plant still makes its product at home: nothing lost, the intermediate imported.
    CHECK(leak.lost_t == 0.0);
    CHECK(leak.intermediate_t == Approx(production * share * 1.0));
    // Its CO2 abroad is booked once, as co2_relocated by the accounts (issue 21), not again here.
    CHECK(r.co2_relocated_t[at] > 0.0);
    CHECK(leak.embodied_t == 0.0);
    CHECK(leak.demand_t == production);
    CHECK(leak.imported_product_t == Approx(production * share));
    // Against its base year any lost output comes on top, at the product's factor.
    const PlantLeakage against_base = plant_leakage(model.inputs, r, static_cast<std::size_t>(p), at, base);
    CHECK(against_base.embodied_t == Approx(std::max(0.0, base - production) * kAmmoniaFactor));
}

TEST_CASE("a relocated plant books no embodied imports on top of co2_relocated", "[leakage]") {
    const Model model = build_model(tagged_inputs());
    RunResult r = simulate(model, 3);
    const int p = plant_index(model.inputs, "yara_sluiskil");
    const std::size_t at = r.at(2035 - r.base_year, p);
    const double base = r.production_t[r.at(0, p)];
    REQUIRE(base > 0);
    r.production_t[at] = 0;
    for (PlantStatus moved : {PlantStatus::relocated, PlantStatus::relocated_eu}) {
        r.status[at] = static_cast<std::uint8_t>(moved);
        const PlantLeakage leak = plant_leakage(model.inputs, r, static_cast<std::size_t>(p), at, base);
        CHECK(leak.embodied_t == 0.0);
        CHECK(leak.replacement_t() == 0.0);
        // Still imported as far as strategic autonomy goes.
        CHECK(leak.imported_product_t == base);
        CHECK(leak.demand_t == base);
    }
    // In the Dutch dataset's runs no relocated plant-year holds embodied imports.
    const RunResult dutch = simulate(build_model(testing::dutch_inputs()), 42);
    for (std::size_t i = 0; i < dutch.status.size(); ++i) {
        const auto status = static_cast<PlantStatus>(dutch.status[i]);
        if (status == PlantStatus::relocated || status == PlantStatus::relocated_eu)
            CHECK(dutch.co2_embodied_imports_t[i] == 0.0);
    }
}

TEST_CASE("import dependence is 0 in the base year and 1 for a tag whose every plant closed", "[leakage]") {
    const Model model = build_model(tagged_inputs());
    RunResult r = simulate(model, 3);
    for (int k = 0; k < kStrategicProductCount; ++k) CHECK(dependence(r, 0, static_cast<StrategicProduct>(k)) == 0.0);
    // Close every ammonia plant in 2040 and record the year again.
    RunState state = make_initial_state(model, 3, 0);
    record_leakage(model.inputs, state, 0, 0, r);  // keeps the base-year production
    const int yi = 2040 - r.base_year;
    int closed = 0;
    for (int p = 0; p < r.plants; ++p) {
        const PlantSpec& plant = model.inputs.plants[static_cast<std::size_t>(p)];
        if (model.inputs.sectors[static_cast<std::size_t>(plant.sector)].id != "ammonia") continue;
        const std::size_t at = r.at(yi, p);
        r.status[at] = static_cast<std::uint8_t>(PlantStatus::closed);
        r.production_t[at] = 0;
        ++closed;
    }
    REQUIRE(closed > 0);
    record_leakage(model.inputs, state, yi, yi, r);
    CHECK(dependence(r, yi, StrategicProduct::fertiliser) == 1.0);
    // A tag without plants has no demand: 0.
    CHECK(dependence(r, yi, StrategicProduct::steel) == 0.0);
}

TEST_CASE("cluster embodied imports are the sum of the plants'", "[leakage]") {
    const Model model = build_model(testing::dutch_inputs());
    const RunResult r = simulate(model, 42);
    double total = 0;
    for (int yi = 0; yi < r.years; ++yi) {
        std::vector<double> sums(static_cast<std::size_t>(r.clusters), 0.0);
        for (int p = 0; p < r.plants; ++p)
            sums[static_cast<std::size_t>(model.inputs.plants[static_cast<std::size_t>(p)].cluster)] +=
                r.co2_embodied_imports_t[r.at(yi, p)];
        for (int c = 0; c < r.clusters; ++c) {
            INFO("year " << r.base_year + yi << " cluster " << c);
            CHECK(r.cluster_co2_embodied_imports_t[r.at_cluster(yi, c)] ==
                  Approx(sums[static_cast<std::size_t>(c)]).margin(1e-6));
            total += sums[static_cast<std::size_t>(c)];
        }
    }
    CHECK(total > 1e6);  // the Dutch runs close and curtail plants: something to count
    // An aggregates-only run (sweeps) keeps the base-year production in the state: the same series.
    RunWorkspace lean;
    simulate_into(model, 42, 0, RecordLevel::aggregates, lean);
    CHECK(lean.result.cluster_co2_embodied_imports_t == r.cluster_co2_embodied_imports_t);
    CHECK(lean.result.strategic_import_dependence == r.strategic_import_dependence);
}

TEST_CASE("sectors.csv: an unknown strategic product and factors without a source are refused", "[leakage][loader]") {
    const auto with_columns = [](testing::SmallCopy& copy, const char* ammonia, const char* refining) {
        copy.replace("sectors.csv", "transport_eur_per_t,source", "transport_eur_per_t,source,strategic_product,"
                                                                  "foreign_t_co2_per_t,leakage_source");
        const std::string fixture = "ESTIMATE: test fixture,";
        copy.replace("sectors.csv", "0.9,25,ESTIMATE: test fixture", "0.9,25," + fixture + ammonia);
        copy.replace("sectors.csv", "0.95,15,ESTIMATE: test fixture", "0.95,15," + fixture + refining);
        copy.replace("sectors.csv", "0.9,40,ESTIMATE: test fixture", "0.9,40,ESTIMATE: test fixture,none,,");
    };
    SECTION("unknown tag") {
        testing::SmallCopy copy;
        with_columns(copy, "fertilizer,2.0,test", "none,,");
        testing::expect_error(copy, "sectors.csv", copy.line_of("sectors.csv", "ammonia,"), "strategic_product",
                              "fertiliser");
    }
    SECTION("a factor without its source") {
        testing::SmallCopy copy;
        with_columns(copy, "fertiliser,2.0,test", "none,0.2,");
        testing::expect_error(copy, "sectors.csv", copy.line_of("sectors.csv", "refining,"), "leakage_source",
                              "source");
    }
}
