// The value-chain rule for by-product fuel gas, on tests/data/fuel_gas: a steelworks
// whose process gas fires the power plant `gas_power` (a `fuel_gas` edge) and whose slag
// goes to `slag_cement` (a material edge). The gas-coupled plant may only keep, capture
// or close; it closes in the year its supplier's route stops making the gas. Each rule is
// also checked with the edge switched to `material`, where the old behaviour must hold,
// so that every test can fail.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

constexpr int kDecisionYear = 2030;

int technology_index(const Inputs& in, const std::string& id) {
    for (std::size_t t = 0; t < in.technologies.size(); ++t)
        if (in.technologies[t].id == id) return static_cast<int>(t);
    FAIL("no technology " << id);
    return -1;
}

OptionKind kind_of(const Inputs& in, int technology) {
    return in.technologies[static_cast<std::size_t>(technology)].kind;
}

// What a plant that buys its fuel may do and a gas-coupled one may not.
bool fuel_switch_or_relocation(OptionKind kind) {
    return kind == OptionKind::electrify || kind == OptionKind::hydrogen || kind == OptionKind::bio ||
           kind == OptionKind::import_intermediate || kind == OptionKind::relocate;
}

// The fixture with the steelworks -> gas_power edge given `coupling`.
Inputs fixture(EdgeCoupling coupling, bool deterministic = true) {
    Inputs in = testing::fuel_gas_inputs();
    const int steelworks = plant_index(in, "steelworks");
    const int gas_power = plant_index(in, "gas_power");
    bool found = false;
    for (EdgeSpec& edge : in.edges) {
        if (edge.supplier == steelworks && edge.customer == gas_power) {
            edge.coupling = coupling;
            found = true;
        }
    }
    REQUIRE(found);
    in.scenario.behaviour.deterministic = deterministic;
    return in;
}

const PlantDecision* decision_of(const std::vector<PlantDecision>& decisions, int plant) {
    for (const PlantDecision& d : decisions)
        if (d.plant == plant) return &d;
    return nullptr;
}

// The steelworks' conversion to `technology` takes effect in `year`.
void convert_supplier(const Model& model, RunState& state, const std::string& technology, int year) {
    const auto p = static_cast<std::size_t>(plant_index(model.inputs, "steelworks"));
    state.target_technology[p] = technology_index(model.inputs, technology);
    state.target_year[p] = year;
}

const DecisionEvent* fuel_gas_closure(const RunResult& r, int plant) {
    for (const DecisionEvent& e : r.events)
        if (e.plant == plant && e.trigger == Trigger::fuel_gas_ended) return &e;
    return nullptr;
}

// First year the plant runs a route of `kind`, or 0.
int first_year_on(const Inputs& in, const RunResult& r, int plant, OptionKind kind) {
    for (int y = 0; y < r.years; ++y)
        if (kind_of(in, r.technology[r.at(y, plant)]) == kind &&
            static_cast<PlantStatus>(r.status[r.at(y, plant)]) == PlantStatus::operating)
            return r.base_year + y;
    return 0;
}

}  // namespace

TEST_CASE("a gas-coupled plant's fuel switches and relocation are infeasible", "[fuel_gas][rules]") {
    const auto appraise_power_plant = [](EdgeCoupling coupling) {
        const Model model = build_model(fixture(coupling));
        const int gas_power = plant_index(model.inputs, "gas_power");
        RunState state = make_initial_state(model, 1, 0);
        state.shocked[static_cast<std::size_t>(gas_power)] = 1;  // a decision window
        const auto decisions = appraise_triggered(model, state, kDecisionYear, 1, 0);
        const PlantDecision* d = decision_of(decisions, gas_power);
        REQUIRE(d != nullptr);
        return std::make_pair(*d, model.inputs);
    };

    SECTION("fuel_gas: only keep, ccs and close; the rest is logged as infeasible") {
        const auto [d, in] = appraise_power_plant(EdgeCoupling::fuel_gas);
        REQUIRE_FALSE(d.close);
        REQUIRE_FALSE(d.ranked.empty());
        for (const Candidate& c : d.ranked) {
            INFO(in.technologies[static_cast<std::size_t>(c.technology)].id);
            CHECK_FALSE(fuel_switch_or_relocation(kind_of(in, c.technology)));
        }
        int infeasible = 0;
        for (const OptionAppraisal& o : d.appraisals) {
            INFO(in.technologies[static_cast<std::size_t>(o.technology)].id);
            const bool forbidden = fuel_switch_or_relocation(kind_of(in, o.technology));
            if (forbidden) ++infeasible;
            CHECK(o.feasible == !forbidden);  // keep, ccs and close stay feasible here
        }
        CHECK(infeasible == 5);  // electrify, hydrogen, bio, import, relocate
    }
    SECTION("material: the same options are feasible, and a fuel switch ranks first") {
        const auto [d, in] = appraise_power_plant(EdgeCoupling::product);
        REQUIRE_FALSE(d.ranked.empty());
        CHECK(fuel_switch_or_relocation(kind_of(in, d.ranked.front().technology)));
        for (const OptionAppraisal& o : d.appraisals) {
            INFO(in.technologies[static_cast<std::size_t>(o.technology)].id);
            CHECK(o.feasible);
        }
    }
}

TEST_CASE("a gas-coupled plant never runs a fuel switch or relocates, whatever the seed", "[fuel_gas][rules]") {
    const auto forbidden_plant_years = [](EdgeCoupling coupling) {
        const Inputs in = fixture(coupling, false);  // logit choice with noise and bias
        const Model model = build_model(in);
        const int gas_power = plant_index(in, "gas_power");
        int count = 0;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const RunResult r = simulate(model, seed);
            for (int y = 0; y < r.years; ++y)
                if (fuel_switch_or_relocation(kind_of(in, r.technology[r.at(y, gas_power)]))) ++count;
            for (const DecisionEvent& e : r.events)
                if (e.plant == gas_power && fuel_switch_or_relocation(kind_of(in, e.to_technology))) ++count;
        }
        return count;
    };
    CHECK(forbidden_plant_years(EdgeCoupling::fuel_gas) == 0);
    CHECK(forbidden_plant_years(EdgeCoupling::product) > 0);  // the check can fail
}

TEST_CASE("a gas-coupled plant closes in the year its supplier's hydrogen route starts", "[fuel_gas][rules]") {
    const Inputs in = fixture(EdgeCoupling::fuel_gas);
    const RunResult r = testing::run(in);
    const int steelworks = plant_index(in, "steelworks");
    const int gas_power = plant_index(in, "gas_power");
    const int slag_cement = plant_index(in, "slag_cement");
    const int switch_year = first_year_on(in, r, steelworks, OptionKind::hydrogen);
    REQUIRE(switch_year > r.base_year);  // the fixture's prices drive the steelworks to hydrogen
    const int yi = switch_year - r.base_year;

    CHECK(static_cast<PlantStatus>(r.status[r.at(yi - 1, gas_power)]) != PlantStatus::closed);
    const DecisionEvent* closure = fuel_gas_closure(r, gas_power);
    REQUIRE(closure != nullptr);
    CHECK(closure->year == switch_year);
    CHECK(closure->running_from_year == switch_year);
    CHECK(kind_of(in, closure->to_technology) == OptionKind::close);

    for (int y = yi; y < r.years; ++y) {
        const std::size_t at = r.at(y, gas_power);
        REQUIRE(static_cast<PlantStatus>(r.status[at]) == PlantStatus::closed);
        REQUIRE(r.production_t[at] == 0.0);
        REQUIRE(r.co2_gross_t[at] == 0.0);
        REQUIRE(r.co2_net_t[at] == 0.0);
        REQUIRE(r.co2_relocated_t[at] == 0.0);  // a value-chain closure, not leakage
        for (int c = 0; c < kCarrierCount; ++c)
            REQUIRE(r.energy_gj[at * kCarrierCount + static_cast<std::size_t>(c)] == 0.0);
        REQUIRE(r.cluster_co2_relocated_t[r.at_cluster(y, 0)] == 0.0);
    }
    // The steelworks loses no offtake for gas it no longer makes; the slag mill, on a
    // material edge, carries on.
    CHECK(r.utilisation[r.at(yi, steelworks)] == Approx(r.utilisation[r.at(yi - 1, steelworks)]));
    CHECK(static_cast<PlantStatus>(r.status[r.at(yi, slag_cement)]) == PlantStatus::operating);
    CHECK(fuel_gas_closure(r, slag_cement) == nullptr);

    // Conservation: per-plant emissions add up, and cluster sums match the plants.
    for (int y = 0; y < r.years; ++y) {
        double production = 0, net = 0;
        for (int p = 0; p < r.plants; ++p) {
            const std::size_t at = r.at(y, p);
            REQUIRE(r.co2_gross_t[at] == Approx(r.co2_net_t[at] + r.co2_captured_t[at]).margin(1e-6));
            production += r.production_t[at];
            net += r.co2_net_t[at];
        }
        REQUIRE(r.cluster_production_t[r.at_cluster(y, 0)] == Approx(production));
        REQUIRE(r.cluster_co2_net_t[r.at_cluster(y, 0)] == Approx(net));
    }
}

TEST_CASE("with a material edge the supplier's route change leaves the customer running", "[fuel_gas][rules]") {
    const Inputs in = fixture(EdgeCoupling::product);
    const RunResult r = testing::run(in);
    const int steelworks = plant_index(in, "steelworks");
    const int gas_power = plant_index(in, "gas_power");
    const int switch_year = first_year_on(in, r, steelworks, OptionKind::hydrogen);
    REQUIRE(switch_year > r.base_year);
    CHECK(fuel_gas_closure(r, gas_power) == nullptr);
    CHECK(static_cast<PlantStatus>(r.status[r.at(switch_year - r.base_year, gas_power)]) == PlantStatus::operating);
    CHECK(r.production_t[r.at(switch_year - r.base_year, gas_power)] > 0.0);
}

TEST_CASE("which supplier routes keep the process gas flowing", "[fuel_gas][rules]") {
    const Model model = build_model(fixture(EdgeCoupling::fuel_gas));
    const Inputs& in = model.inputs;
    const auto steelworks = static_cast<std::size_t>(plant_index(in, "steelworks"));
    const auto gas_power = static_cast<std::size_t>(plant_index(in, "gas_power"));
    const auto slag_cement = static_cast<std::size_t>(plant_index(in, "slag_cement"));
    RunState state = make_initial_state(model, 1, 0);
    RunResult log;

    SECTION("capture on the blast furnace: the gas still flows") {
        convert_supplier(model, state, "steel/ccs_blast_furnace", kDecisionYear);
        apply_transitions(model, state, kDecisionYear, &log);
        CHECK(state.status[gas_power] == PlantStatus::operating);
        CHECK(log.events.empty());
    }
    SECTION("a hydrogen route: the gas-coupled plant closes, material customers notice nothing") {
        convert_supplier(model, state, "steel/h2_dri_eaf", kDecisionYear);
        apply_transitions(model, state, kDecisionYear, &log);
        CHECK(state.status[gas_power] == PlantStatus::closed);
        REQUIRE(log.events.size() == 1);
        CHECK(log.events[0].trigger == Trigger::fuel_gas_ended);
        CHECK(log.events[0].plant == static_cast<int>(gas_power));
        CHECK(state.status[slag_cement] == PlantStatus::operating);
        CHECK(state.shocked[slag_cement] == 0);
        CHECK(state.value_chain_eur_per_t[slag_cement] == 0.0);
        // The power plant's exit reaches the steelworks as a lost supplier (electricity and
        // steam, a material edge), but not as lost offtake of gas it stopped making.
        CHECK(state.value_chain_eur_per_t[steelworks] == Approx(2.0));
        CHECK(state.offtake_lost_share[steelworks] == 0.0);
        // It chose the route knowing the power plant would close: no second decision.
        CHECK(state.shocked[steelworks] == 0);
    }
    SECTION("the supplier closes: the gas-coupled plant closes with it, material customers are shocked") {
        convert_supplier(model, state, "steel/close", kDecisionYear);
        apply_transitions(model, state, kDecisionYear, &log);
        CHECK(state.status[steelworks] == PlantStatus::closed);
        CHECK(state.status[gas_power] == PlantStatus::closed);
        REQUIRE(log.events.size() == 1);
        CHECK(log.events[0].trigger == Trigger::fuel_gas_ended);
        CHECK(state.status[slag_cement] == PlantStatus::operating);
        CHECK(state.shocked[slag_cement] == 1);
        CHECK(state.value_chain_eur_per_t[slag_cement] == Approx(3.0));
    }
    SECTION("the gas-coupled plant closes on its own: the supplier keeps its output") {
        state.target_technology[gas_power] = technology_index(in, "power/close");
        state.target_year[gas_power] = kDecisionYear;
        apply_transitions(model, state, kDecisionYear, &log);
        CHECK(state.status[gas_power] == PlantStatus::closed);
        CHECK(state.status[steelworks] == PlantStatus::operating);
        // Process gas is a by-product: losing its buyer cuts no steel.
        CHECK(state.offtake_lost_share[steelworks] == 0.0);
        CHECK(state.value_chain_eur_per_t[steelworks] == Approx(2.0));
        CHECK(state.shocked[steelworks] == 1);  // losing its steam supplier is news to it
    }
    SECTION("the supplier relocates: the same") {
        convert_supplier(model, state, "steel/relocate", kDecisionYear);
        apply_transitions(model, state, kDecisionYear, &log);
        CHECK(state.status[steelworks] == PlantStatus::relocated);
        CHECK(state.status[gas_power] == PlantStatus::closed);
        CHECK(fuel_gas_closure(log, static_cast<int>(gas_power)) != nullptr);
    }
}

TEST_CASE("a fuel-gas closure gives back what a pending conversion reserved", "[fuel_gas][rules]") {
    // The power plant holds a grant for CCS (storage reserved from 2034) when the
    // steelworks' hydrogen route starts in 2032 and ends its gas: the closure must give the
    // storage back. The grants are set up as allocation's grant() leaves them.
    const Model model = build_model(fixture(EdgeCoupling::fuel_gas));
    const Inputs& in = model.inputs;
    const auto gas_power = static_cast<std::size_t>(plant_index(in, "gas_power"));
    const auto steelworks = static_cast<std::size_t>(plant_index(in, "steelworks"));
    const auto technology = [&](const char* id) { return testing::technology_index(in, id); };
    RunState state = make_initial_state(model, 1, 0);
    const int cluster = in.plants[gas_power].cluster;
    Holding storage{};
    amount_of(storage, Resource::co2_storage) = 1.5;  // Mt/yr
    release_holding(state, cluster, state.held[gas_power], 2034);
    state.target_held[gas_power] = storage;
    reserve_holding(state, cluster, storage, 2034);
    state.target_technology[gas_power] = technology("power/post_combustion_ccs");
    state.target_year[gas_power] = 2034;
    state.status[gas_power] = PlantStatus::converting;
    state.target_technology[steelworks] = technology("steel/h2_dri_eaf");
    state.target_year[steelworks] = 2032;
    state.status[steelworks] = PlantStatus::converting;
    REQUIRE(ledger_of(state, Resource::co2_storage, 0).used(2040) > 0);  // the grant can be seen

    RunResult result = simulate(model, 1);  // a full run only to get a sized result buffer
    result.events.clear();
    for (int year = 2030; year <= 2032; ++year) apply_transitions(model, state, year, &result);
    REQUIRE(state.status[gas_power] == PlantStatus::closed);
    for (int year = in.scenario.base_year; year <= in.scenario.end_year; ++year) {
        INFO(year);
        CHECK(ledger_of(state, Resource::co2_storage, 0).used(year) == Approx(0.0).margin(1e-6));
    }
}
