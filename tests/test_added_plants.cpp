// Plants outside MIDDEN's inventory (tools/midden/tables/added_plants.csv, issue 22) are
// ordinary plants of the Dutch dataset: the value chains through them can break, as the
// 2024 closure of SABIC Olefins 3 cut AnQore's pipeline propylene.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

// Closes `plant` in `year` through the transition phase, as a decision to close would
// (as in test_value_chain.cpp).
void force_exit(const Model& model, RunState& state, int plant, int year) {
    const auto p = static_cast<std::size_t>(plant);
    state.target_technology[p] = model.close_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    state.target_year[p] = year;
    apply_transitions(model, state, year);
}

}  // namespace

TEST_CASE("SABIC Olefins leaving raises the cost of AnQore and SABIC's polymer plants", "[value_chain][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    const int cracker = plant_index(model.inputs, "M202");
    for (const char* id : {"anqore", "sabic_pe_geleen", "sabic_pp_geleen"}) {
        INFO(id);
        CHECK(state.value_chain_eur_per_t[static_cast<std::size_t>(plant_index(model.inputs, id))] == 0.0);
    }
    // added_links.csv: propylene 5 % x EUR 950/t x 1.15 t/t = EUR 54.6/t acrylonitrile;
    // ethylene EUR 50/t PE; propylene EUR 47.5/t PP, when both crackers leave. Olefins 4
    // (M202) alone costs its share 0.551 of that (site_units.csv), Olefins 3 the rest.
    const auto cost = [&](const char* id) {
        return state.value_chain_eur_per_t[static_cast<std::size_t>(plant_index(model.inputs, id))];
    };
    force_exit(model, state, cracker, 2028);
    CHECK(cost("anqore") == Approx(0.551 * 54.6).epsilon(0.002));
    force_exit(model, state, plant_index(model.inputs, "M202_o3"), 2028);
    CHECK(cost("anqore") == Approx(54.6).epsilon(0.002));
    CHECK(cost("sabic_pe_geleen") == Approx(50.0).epsilon(0.002));
    CHECK(cost("sabic_pp_geleen") == Approx(47.5).epsilon(0.002));
    CHECK(state.shocked[static_cast<std::size_t>(plant_index(model.inputs, "anqore"))] == 1);
}

TEST_CASE("OCI's ammonia plants and Nobian Botlek supply the added plants", "[value_chain][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    force_exit(model, state, plant_index(model.inputs, "M023"), 2028);
    force_exit(model, state, plant_index(model.inputs, "M128"), 2028);
    const auto cost = [&](const char* id) {
        return state.value_chain_eur_per_t[static_cast<std::size_t>(plant_index(model.inputs, id))];
    };
    CHECK(cost("anqore") == Approx(6.0));            // half of AnQore's ammonia
    CHECK(cost("fibrant_geleen") == Approx(7.5));    // half of Fibrant's ammonia
    CHECK(cost("huntsman_rozenburg") == Approx(8.6));  // chlorine for phosgene
}
