// Leakage of an import route (issue 21, error 8): the imported share of the upstream step
// is made abroad, so its CO2 (the keep route's intensity) is booked as relocated CO2.
// On tests/data/fuel_gas with the steelworks -> gas_power edge as a material edge, the
// power plant `gas_power` may run `power/import_electricity` (import share 1).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

std::size_t index_of_plant(const Inputs& in, const std::string& id) {
    for (std::size_t p = 0; p < in.plants.size(); ++p)
        if (in.plants[p].id == id) return p;
    FAIL("no plant " << id);
    return 0;
}

int index_of_technology(const Inputs& in, const std::string& id) {
    for (std::size_t t = 0; t < in.technologies.size(); ++t)
        if (in.technologies[t].id == id) return static_cast<int>(t);
    FAIL("no technology " << id);
    return -1;
}

struct Booked {
    double production, net, relocated;
};

// What `plant` books in `year` when it runs `technology`.
Booked book_on(const Model& model, std::size_t plant, const std::string& technology, int year) {
    RunState state = make_initial_state(model, 1, 0);
    RunResult result = simulate(model, 1);  // a full run only to get a sized result buffer
    state.technology[plant] = index_of_technology(model.inputs, technology);
    state.status[plant] = PlantStatus::operating;
    record_accounts(model, state, year, result);
    const std::size_t at = result.at(year - model.inputs.scenario.base_year, static_cast<int>(plant));
    return {result.production_t[at], result.co2_net_t[at], result.co2_relocated_t[at]};
}

}  // namespace

TEST_CASE("an import route books the imported step's CO2 abroad as relocated", "[accounts][leakage]") {
    Inputs in = testing::fuel_gas_inputs();
    for (EdgeSpec& edge : in.edges) edge.coupling = EdgeCoupling::product;
    const Model model = build_model(in);
    const std::size_t plant = index_of_plant(model.inputs, "gas_power");
    const int year = 2030;
    const Booked keep = book_on(model, plant, "power/process_gas_plant_reinvest", year);
    const Booked imported = book_on(model, plant, "power/import_electricity", year);
    const double share = model.inputs.technologies[static_cast<std::size_t>(
        index_of_technology(model.inputs, "power/import_electricity"))].import_share;
    REQUIRE(share > 0);
    REQUIRE(keep.production > 0);
    REQUIRE(imported.production > 0);
    CHECK(keep.relocated == 0.0);  // the keep route makes everything at home
    // The imported share of the step is made abroad at the keep route's intensity.
    CHECK(imported.relocated == Approx(share * keep.net / keep.production * imported.production));
    CHECK(imported.relocated > 0.0);
    // Nothing vanishes: at home plus abroad is the keep route's CO2 per t.
    CHECK(imported.net + imported.relocated == Approx(keep.net / keep.production * imported.production));
}
