// Pipeline networks (docs/ODD.md §7.9 "Networks"): a producer's exit is covered by the
// network's other producers and imports before its consumers buy outside; a consumer's
// exit cuts every producer pro rata; lost utility offtake is not exported.
#include <catch2/catch.hpp>

#include "clusters/networks.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

void force_exit(const Model& model, RunState& state, int plant, int year) {
    const auto p = static_cast<std::size_t>(plant);
    state.target_technology[p] = model.close_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    state.target_year[p] = year;
    apply_transitions(model, state, year);
}

double v_of(const RunState& state, int plant) { return state.value_chain_eur_per_t[static_cast<std::size_t>(plant)]; }

// The small fixture with its edges replaced by one network: two refineries feed naphtha
// to two crackers (flows in kt/yr).
Inputs small_with_network(double headroom, double import_share) {
    Inputs in = testing::small_inputs();
    in.edges.clear();
    NetworkSpec n;
    n.id = "naphtha";
    n.product = "naphtha";
    n.coupling = EdgeCoupling::product;
    n.headroom_share = headroom;
    n.import_share = import_share;
    n.import_cost_share = 0.5;
    n.members = {{plant_index(in, "shell_pernis"), NetworkRole::producer, 600, 0.2, 0, "", {}},
                 {plant_index(in, "zeeland_refinery"), NetworkRole::producer, 400, 0.3, 0, "", {}},
                 {plant_index(in, "shell_moerdijk"), NetworkRole::consumer, 700, 0, 20, "", {}},
                 {plant_index(in, "dow_terneuzen"), NetworkRole::consumer, 200, 0, 10, "", {}}};
    in.networks = {n};
    return in;
}

}  // namespace

TEST_CASE("a network producer's exit costs consumers only the shortfall others cannot cover", "[networks][rules]") {
    // Supply 1000 kt, members draw 900 kt, 100 kt go to buyers outside the model.
    const Model model = build_model(small_with_network(0.1, 0.05));
    RunState state = make_initial_state(model, 1, 0);
    const int pernis = plant_index(model.inputs, "shell_pernis");
    const int zeeland = plant_index(model.inputs, "zeeland_refinery");
    const int moerdijk = plant_index(model.inputs, "shell_moerdijk");
    const int dow = plant_index(model.inputs, "dow_terneuzen");
    const double zeeland_before = utilisation_of(model, state, zeeland);
    force_exit(model, state, pernis, 2030);
    // Zeeland delivers 1.1 x 400 = 440 of 1000 kt: 560 kt short, 50 imported at half cost.
    const double cost_share = (510.0 + 0.5 * 50.0) / 1000.0;
    CHECK(v_of(state, moerdijk) == Approx(20.0 * cost_share));
    CHECK(v_of(state, dow) == Approx(10.0 * cost_share));
    CHECK(state.shocked[static_cast<std::size_t>(moerdijk)] == 1);
    // The remaining producer delivers 10 % more: 0.3 x 0.1 of its output.
    CHECK(utilisation_of(model, state, zeeland) == Approx(std::min(1.0, zeeland_before * 1.03)));

    // With enough headroom nobody pays.
    const Model roomy = build_model(small_with_network(2.0, 0.0));
    RunState covered = make_initial_state(roomy, 1, 0);
    force_exit(roomy, covered, pernis, 2030);
    CHECK(v_of(covered, moerdijk) == 0.0);
}

TEST_CASE("a network consumer's exit spreads lost offtake over all producers pro rata", "[networks][rules]") {
    const Model model = build_model(small_with_network(0.1, 0.0));
    RunState state = make_initial_state(model, 1, 0);
    const int pernis = plant_index(model.inputs, "shell_pernis");
    const int zeeland = plant_index(model.inputs, "zeeland_refinery");
    const double pernis_before = utilisation_of(model, state, pernis);
    const double zeeland_before = utilisation_of(model, state, zeeland);
    force_exit(model, state, plant_index(model.inputs, "dow_terneuzen"), 2030);
    // Demand falls from 1000 to 800 kt: each producer delivers 80 %; a product's lost
    // offtake is half exported (export_fraction 0.5 in the fixture's scenario).
    const double ef = model.inputs.scenario.behaviour.export_fraction;
    CHECK(utilisation_of(model, state, pernis) == Approx(pernis_before * (1.0 - 0.2 * 0.2 * (1.0 - ef))));
    CHECK(utilisation_of(model, state, zeeland) == Approx(zeeland_before * (1.0 - 0.3 * 0.2 * (1.0 - ef))));
    CHECK(state.shocked[static_cast<std::size_t>(pernis)] == 1);
    CHECK(state.shocked[static_cast<std::size_t>(zeeland)] == 1);
}

TEST_CASE("network shocks do not depend on the order in which members leave", "[networks][rules]") {
    const Model model = build_model(small_with_network(0.1, 0.05));
    const int pernis = plant_index(model.inputs, "shell_pernis");
    const int dow = plant_index(model.inputs, "dow_terneuzen");
    RunState a = make_initial_state(model, 1, 0);
    force_exit(model, a, pernis, 2030);
    force_exit(model, a, dow, 2030);
    RunState b = make_initial_state(model, 1, 0);
    force_exit(model, b, dow, 2030);
    force_exit(model, b, pernis, 2030);
    for (std::size_t p = 0; p < model.inputs.plants.size(); ++p) {
        CHECK(a.network_eur_per_t[p] == b.network_eur_per_t[p]);
        CHECK(a.network_lost_share[p] == b.network_lost_share[p]);
        CHECK(utilisation_of(model, a, static_cast<int>(p)) == utilisation_of(model, b, static_cast<int>(p)));
    }
}

// The Dutch dataset, with only what the engine had before networks (value_chain_eur_per_t,
// utilisation_of, export_share_of), so these cases also ran against the edge-only code.
TEST_CASE("a supplier's exit moves its network partners' supply, not their production to zero",
          "[networks][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    const int air_products = plant_index(model.inputs, "M177");
    const double ap_before = utilisation_of(model, state, air_products);
    // Air Liquide SMR2 (29 of 133 kt H2 on the Rotterdam network) leaves.
    force_exit(model, state, plant_index(model.inputs, "M174"), 2028);
    // Air Products' Botlekweg plant delivers more instead of keeping its output.
    CHECK(utilisation_of(model, state, air_products) > ap_before);
    // Neste and RAP pay for the shortfall share only: the edge rule charged Neste the full
    // 0.94 EUR/t and RAP 5.55 EUR/t of the SMR2 edges.
    const double neste = v_of(state, plant_index(model.inputs, "M071"));
    const double rap = v_of(state, plant_index(model.inputs, "M076"));
    CHECK(neste > 0.0);
    CHECK(neste < 0.3);
    CHECK(rap > 0.0);
    CHECK(rap < 1.5);
}

TEST_CASE("a network consumer's exit trims every producer on the network", "[networks][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    // Esso (68 kt H2 from Air Products) leaves: Air Liquide SMR2 loses offtake too.
    const int smr2 = plant_index(model.inputs, "M174");
    const int air_products = plant_index(model.inputs, "M177");
    const double smr2_before = utilisation_of(model, state, smr2);
    force_exit(model, state, plant_index(model.inputs, "M187"), 2028);
    CHECK(utilisation_of(model, state, smr2) < smr2_before);
    // Pipeline hydrogen is a utility: none of the lost offtake is exported.
    CHECK(export_share_of(model, state, air_products) == 0.0);
}

TEST_CASE("a site utility's lost offtake is not exported", "[networks][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    // Shell Moerdijk's utility plant BKG8 loses the cracker, 0.446 of its output.
    const int utility = plant_index(model.inputs, "M122");
    const double before = utilisation_of(model, state, utility);
    force_exit(model, state, plant_index(model.inputs, "M115"), 2028);
    CHECK(export_share_of(model, state, utility) == 0.0);
    CHECK(utilisation_of(model, state, utility) == Approx(before * (1.0 - 0.446)));
}

namespace {

// The plant's granted conversion to `route` takes effect in `year`.
void force_route(const Model& model, RunState& state, int plant, int route, int year) {
    const auto p = static_cast<std::size_t>(plant);
    state.target_technology[p] = route;
    state.target_year[p] = year;
    apply_transitions(model, state, year);
}

// Index of the plant's own option called `name` (plant_options.csv or its sector's row).
int option_named(const Inputs& inputs, int plant, const std::string& name) {
    for (int t : inputs.plant_technologies[static_cast<std::size_t>(plant)])
        if (inputs.technologies[static_cast<std::size_t>(t)].name == name) return t;
    throw std::invalid_argument("no option " + name);
}

// The small network with Dow's bio-naphtha route marked as one under which it buys its
// naphtha off the network (a made-up leaves_with for the rule).
Inputs small_with_route_off_network() {
    Inputs in = small_with_network(0.1, 0.0);
    const int dow = plant_index(in, "dow_terneuzen");
    for (NetworkMember& m : in.networks[0].members)
        if (m.plant == dow) m.leaves_with = {option_named(in, dow, "bio_naphtha_fuel")};
    return in;
}

}  // namespace

TEST_CASE("a route that ends a member's part rebalances its network like an exit, and back",
          "[networks][rules]") {
    const Model model = build_model(small_with_route_off_network());
    const int pernis = plant_index(model.inputs, "shell_pernis");
    const int zeeland = plant_index(model.inputs, "zeeland_refinery");
    const int dow = plant_index(model.inputs, "dow_terneuzen");
    const auto d = static_cast<std::size_t>(dow);
    RunState exit = make_initial_state(model, 1, 0);
    force_exit(model, exit, dow, 2030);
    RunState moved = make_initial_state(model, 1, 0);
    const double pernis_before = utilisation_of(model, moved, pernis);
    force_route(model, moved, dow, option_named(model.inputs, dow, "bio_naphtha_fuel"), 2030);
    // Dow still runs, but the producers lose its demand exactly as if it had left.
    CHECK(moved.status[d] == PlantStatus::operating);
    CHECK(utilisation_of(model, moved, pernis) == Approx(utilisation_of(model, exit, pernis)));
    CHECK(utilisation_of(model, moved, zeeland) == Approx(utilisation_of(model, exit, zeeland)));
    CHECK(utilisation_of(model, moved, pernis) < pernis_before);
    CHECK(moved.shocked[static_cast<std::size_t>(pernis)] == 1);
    CHECK(moved.network_eur_per_t[d] == 0.0);
    // Back on its incumbent route it draws again: the balance is the base year's.
    moved.shocked.assign(moved.shocked.size(), 0);
    force_route(model, moved, dow, keep_technology_of(model.inputs, dow), 2035);
    CHECK(utilisation_of(model, moved, pernis) == Approx(pernis_before));
    CHECK(moved.shocked[static_cast<std::size_t>(pernis)] == 1);
}

TEST_CASE("a route outside a member's leaves_with leaves its network alone", "[networks][rules]") {
    const Model model = build_model(small_with_route_off_network());
    const int pernis = plant_index(model.inputs, "shell_pernis");
    const int dow = plant_index(model.inputs, "dow_terneuzen");
    RunState state = make_initial_state(model, 1, 0);
    const double pernis_before = utilisation_of(model, state, pernis);
    force_route(model, state, dow, option_named(model.inputs, dow, "e_cracker"), 2030);
    CHECK(utilisation_of(model, state, pernis) == pernis_before);
    CHECK(state.shocked[static_cast<std::size_t>(pernis)] == 0);
}

TEST_CASE("Neste making its own hydrogen trims the Rotterdam hydrogen network's producers", "[networks][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    const int neste = plant_index(model.inputs, "M071");
    const int air_products = plant_index(model.inputs, "M177");
    RunState electrolysis = make_initial_state(model, 1, 0);
    const double before = utilisation_of(model, electrolysis, air_products);
    force_route(model, electrolysis, neste, option_named(model.inputs, neste, "midden_hydrogen_from_electrolysis_pem"),
                2030);
    CHECK(utilisation_of(model, electrolysis, air_products) < before);
    // An electric boiler changes Neste's steam, not its hydrogen intake.
    RunState boiler = make_initial_state(model, 1, 0);
    force_route(model, boiler, neste, option_named(model.inputs, neste, "midden_electric_boiler"), 2030);
    CHECK(utilisation_of(model, boiler, air_products) == before);
}
