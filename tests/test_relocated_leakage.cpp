// Leakage of a fuel-gas supplier (issue 21, error 8; docs/ODD.md §7.10): its keep route's
// net CO2 excludes the process gas its buyers burn at home, but a relocated supplier (or the
// imported share of its upstream step) makes that gas abroad, where it is burnt or flared.
// So its leakage per t is the keep route's net CO2 plus the gas's CO2 per t. Checked on
// Tata Steel IJmuiden (M006), whose gas fires the Velsen and IJmond power plants.
#include <catch2/catch.hpp>

#include "agents/route_profile.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

std::size_t plant_at(const Inputs& in, const std::string& id) {
    return static_cast<std::size_t>(testing::plant_index(in, id));
}

struct Booked {
    double production, relocated;
};

// What `plant` books in `year` on `technology` with `status`.
Booked book_as(const Model& model, RunResult& result, std::size_t plant, const std::string& technology,
               PlantStatus status, int year) {
    RunState state = make_initial_state(model, 1, 0);
    state.technology[plant] = testing::technology_index(model.inputs, technology);
    state.status[plant] = status;
    const std::size_t at = result.at(year - model.inputs.scenario.base_year, static_cast<int>(plant));
    // The buffer comes from a full run: clear the slots a relocated plant leaves unwritten.
    result.production_t[at] = 0.0;
    result.co2_relocated_t[at] = 0.0;
    record_accounts(model, state, year, result);
    return {result.production_t[at], result.co2_relocated_t[at]};
}

// Tata's keep route's net CO2 per t in `year`, without the gas its buyers burn.
double keep_net_per_t(const Model& model, std::size_t tata, int year) {
    const Inputs& in = model.inputs;
    const auto sector = static_cast<std::size_t>(in.plants[tata].sector);
    const TechnologySpec& keep = in.technologies[static_cast<std::size_t>(in.sector_keep_technology[sector])];
    return route_profile(model.baselines[tata], keep, in.sectors[sector], year).co2_net_t_per_t();
}

}  // namespace

TEST_CASE("relocated Tata's leakage is its keep route's CO2 plus its process gas's CO2", "[accounts][leakage]") {
    const Model model = build_model(testing::dutch_inputs());
    const std::size_t tata = plant_at(model.inputs, "M006");
    const PlantBaseline& base = model.baselines[tata];
    const double gas_co2 = base.process_gas_made_co2_t_per_t;
    // Blast furnace 6's gas is what IJmond 1 burnt in the base year (site_units.csv).
    const PlantSpec& ijmond = model.inputs.plants[plant_at(model.inputs, "M008")];
    REQUIRE(gas_co2 == Approx((ijmond.co2_combustion_t + ijmond.co2_process_t) /
                              model.inputs.plants[tata].production_t).epsilon(0.03));
    const int year = 2035;
    RunResult result = simulate(model, 1);  // a full run only for sized buffers
    const Booked relocated = book_as(model, result, tata, "steel/relocate", PlantStatus::relocated, year);
    const double output = model.inputs.plants[tata].capacity_t * base.utilisation;
    CHECK(relocated.production == 0.0);
    CHECK(relocated.relocated == Approx((keep_net_per_t(model, tata, year) + gas_co2) * output));
}

TEST_CASE("Tata on imported HBI books the imported step's process-gas CO2 abroad too", "[accounts][leakage]") {
    const Model model = build_model(testing::dutch_inputs());
    const std::size_t tata = plant_at(model.inputs, "M006");
    const int year = 2035;
    const double share =
        model.inputs.technologies[static_cast<std::size_t>(testing::technology_index(model.inputs, "steel/import_hbi"))].import_share;
    REQUIRE(share > 0);
    RunResult result = simulate(model, 1);
    const Booked imported = book_as(model, result, tata, "steel/import_hbi", PlantStatus::operating, year);
    REQUIRE(imported.production > 0);
    const double abroad_per_t = keep_net_per_t(model, tata, year) + model.baselines[tata].process_gas_made_co2_t_per_t;
    CHECK(imported.relocated == Approx(share * abroad_per_t * imported.production));
}
