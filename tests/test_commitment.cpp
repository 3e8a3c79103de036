// Commitment and persistent heterogeneity in plant decisions (docs/ODD.md §7.2, §7.7):
// an operating-subsidy contract binds the route it pays for; a plant's taste draw is its
// own and lasts; a scenario event invites only the plants it concerns.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "agents/appraisal.hpp"
#include "agents/taste_draw.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;

namespace {

constexpr int kYear = 2030;

struct Appraiser : testing::AppraisalBench {
    explicit Appraiser(Inputs inputs) : AppraisalBench(std::move(inputs), kYear) {}
    PlantSnapshot on_route(int plant, int technology) const {
        PlantSnapshot s;
        s.technology = technology;
        s.utilisation = model.baselines[static_cast<std::size_t>(plant)].utilisation;
        return s;
    }
    PlantDecision decide(int plant, const PlantSnapshot& snapshot) const {
        return appraise_options(context, model.baselines[static_cast<std::size_t>(plant)], plant, snapshot,
                                Trigger::event, {}, TasteDraw{});
    }
};

// A plant that converted to `technology` two years ago with the subsidy its twin offered.
PlantSnapshot subsidised(const Appraiser& a, int plant, const OptionBreakdown& option, int until_year) {
    PlantSnapshot s = a.on_route(plant, option.technology);
    s.asset_age_y = 2;
    s.book_value_eur = option.capex_eur * 0.9;
    s.contract_subsidy_eur_per_t = option.offers[0].subsidy_eur_per_t;
    s.contract_until_year = until_year;
    return s;
}

}  // namespace

TEST_CASE("a subsidised route is kept for its contract term", "[commitment]") {
    Inputs inputs = dutch_inputs();
    inputs.scenario.behaviour.deterministic = true;  // the choice is the best margin
    const Appraiser a(std::move(inputs));
    const Inputs& in = a.model.inputs;
    int kept_only_by_contract = 0, cases = 0;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        const int keep = in.sector_keep_technology[static_cast<std::size_t>(in.plants[static_cast<std::size_t>(plant)].sector)];
        const PlantSnapshot start = a.on_route(plant, keep);
        const AppraisalBasis basis = appraisal_basis(a.context, a.model.baselines[static_cast<std::size_t>(plant)],
                                                     plant, start, Trigger::reinvestment);
        for (int t : in.plant_technologies[static_cast<std::size_t>(plant)]) {
            if (in.technologies[static_cast<std::size_t>(t)].kind == OptionKind::close) continue;
            const OptionBreakdown option = appraise_option(basis, t);
            if (!option.aided() || option.offers[0].subsidy_eur_per_t <= 0 || !option.feasible()) continue;
            const int term = in.scenario.policy.instruments[static_cast<std::size_t>(option.offers[0].instrument)].contract_years;
            ++cases;
            const PlantDecision bound = a.decide(plant, subsidised(a, plant, option, kYear - 2 + term));
            const PlantDecision ended = a.decide(plant, subsidised(a, plant, option, kYear));
            PlantSnapshot no_contract = subsidised(a, plant, option, kYear - 2 + term);
            no_contract.contract_subsidy_eur_per_t = 0;
            const PlantDecision none = a.decide(plant, no_contract);
            const auto first = [](const PlantDecision& d) { return d.close ? -1 : d.ranked.front().technology; };
            // A contract that has run out changes nothing.
            CHECK(first(ended) == first(none));
            // Under the contract the plant stays wherever it stays without one...
            if (first(none) == t) CHECK(first(bound) == t);
            // ... and counts the remaining payments as its own (the others forgo them).
            if (first(bound) == t && first(none) != t) ++kept_only_by_contract;
        }
    }
    INFO(cases << " subsidised options");
    REQUIRE(cases > 0);
    // Without the rule a subsidised plant appraised its route without its contract and left
    // it at the next event whenever the unsubsidised route lost to another option.
    CHECK(kept_only_by_contract > 0);
}

TEST_CASE("the remaining contract is levelised like the subsidy itself", "[commitment]") {
    const double rate = 0.1;
    // Whole term ahead: the same s-bar the twin offered (docs/ODD.md §7.7).
    CHECK(remaining_contract_levelised(10.0, 2030, 2045, 25, rate) ==
          Approx(10.0 * capital_recovery_factor(rate, 25) / capital_recovery_factor(rate, 15)));
    // Fewer years left are worth less; none left, nothing.
    CHECK(remaining_contract_levelised(10.0, 2040, 2045, 25, rate) <
          remaining_contract_levelised(10.0, 2030, 2045, 25, rate));
    CHECK(remaining_contract_levelised(10.0, 2045, 2045, 25, rate) == 0.0);
    CHECK(remaining_contract_levelised(0.0, 2030, 2045, 25, rate) == 0.0);
}

TEST_CASE("a plant's taste draw lasts and is its own", "[commitment][taste]") {
    Behaviour behaviour;
    const TasteDraw lasting = lasting_taste(3, 0, 17);
    // Innovation 0: the very same draw at every decision of the run.
    for (int year : {2026, 2031, 2045})
        for (std::size_t k = 0; k < kOptionKindCount; ++k)
            CHECK(decision_taste(behaviour, lasting, 3, 0, 17, year).epsilon[k] == lasting.epsilon[k]);
    // Independent across plants: the draws of many plants are standard Gumbel (mean 0.5772,
    // sd pi / sqrt 6) and uncorrelated between neighbouring plants.
    const int n = 4000;
    double sum = 0, sum2 = 0, cross = 0;
    for (int p = 0; p < n; ++p) {
        const double x = lasting_taste(3, 0, p).epsilon[2];
        const double y = lasting_taste(3, 0, p + 1).epsilon[2];
        sum += x;
        sum2 += x * x;
        cross += (x - 0.5772) * (y - 0.5772);
    }
    const double mean = sum / n, var = sum2 / n - mean * mean;
    CHECK(mean == Approx(0.5772).margin(0.06));
    CHECK(std::sqrt(var) == Approx(1.2825).margin(0.06));
    CHECK(cross / n / var == Approx(0.0).margin(0.05));
    // With an innovation the draw moves a little from year to year around the lasting part.
    behaviour.taste_innovation_sd = 0.2;
    double diff2 = 0;
    for (int p = 0; p < n; ++p) {
        const TasteDraw l = lasting_taste(3, 0, p);
        const double d = decision_taste(behaviour, l, 3, 0, p, 2031).epsilon[1] -
                         decision_taste(behaviour, l, 3, 0, p, 2030).epsilon[1];
        diff2 += d * d;
    }
    CHECK(std::sqrt(diff2 / n) == Approx(0.2 * std::sqrt(2.0)).margin(0.02));
    // Deterministic mode has no random term at all.
    behaviour.deterministic = true;
    for (double e : decision_taste(behaviour, lasting, 3, 0, 17, 2030).epsilon) CHECK(e == 0.0);
}

TEST_CASE("the engine decides with the plant's lasting taste", "[commitment][taste]") {
    const Model model = build_model(dutch_inputs());
    const RunState state = make_initial_state(model, 5, 2);
    for (int plant : {0, 40, 90}) {
        const TasteDraw expected = lasting_taste(5, 2, plant);
        for (int year : {2026, 2040})
            CHECK(plant_taste(model, state, 5, 2, plant, year).epsilon == expected.epsilon);
    }
}

TEST_CASE("an event invites only the plants it concerns", "[commitment][events]") {
    Inputs inputs = dutch_inputs();
    inputs.scenario.events.clear();
    ScenarioEvent ccs;  // opens CCS everywhere
    ccs.year = 2027;
    ccs.kinds = static_cast<std::uint16_t>(1u << static_cast<unsigned>(OptionKind::ccs));
    ccs.description = "CCS opens";
    ScenarioEvent cbam;
    cbam.year = 2028;
    cbam.cbam_sectors_only = true;
    cbam.description = "CBAM";
    inputs.scenario.events = {ccs, cbam};
    const Model model = build_model(std::move(inputs));
    const Inputs& in = model.inputs;
    RunState state = make_initial_state(model, 1, 0);
    for (std::size_t p = 0; p < in.plants.size(); ++p) {  // no other trigger in the way
        state.asset_age_y[p] = 0;
        state.loss_years[p] = 0;
    }
    int invited = 0, not_invited = 0;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        if (in.plants[static_cast<std::size_t>(plant)].is_entrant()) continue;  // decides to enter (§7.20)
        bool has_ccs = false;
        for (int t : in.plant_technologies[static_cast<std::size_t>(plant)])
            has_ccs = has_ccs || in.technologies[static_cast<std::size_t>(t)].kind == OptionKind::ccs;
        const auto trigger = decision_trigger(model, state, 2027, plant);
        CHECK((trigger == Trigger::event) == has_ccs);
        (has_ccs ? invited : not_invited) += 1;
        const bool cbam_sector = in.sectors[static_cast<std::size_t>(in.plants[static_cast<std::size_t>(plant)].sector)].cbam_covered;
        CHECK((decision_trigger(model, state, 2028, plant) == Trigger::event) == cbam_sector);
    }
    CHECK(invited > 0);
    CHECK(not_invited > 0);
    // A plant already on CCS has nothing new from it.
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        for (int t : in.plant_technologies[static_cast<std::size_t>(plant)]) {
            if (in.technologies[static_cast<std::size_t>(t)].kind != OptionKind::ccs) continue;
            state.technology[static_cast<std::size_t>(plant)] = t;
            CHECK_FALSE(decision_trigger(model, state, 2027, plant).has_value());
            return;
        }
    }
    FAIL("no plant with a ccs option");
}

TEST_CASE("a plant that invested in a new route keeps it for its life unless it makes losses", "[commitment]") {
    Inputs inputs = dutch_inputs();
    inputs.scenario.events.clear();
    ScenarioEvent all;  // an event that concerns every plant and kind
    all.year = 2027;
    all.description = "every plant re-evaluates";
    inputs.scenario.events = {all};
    const Model model = build_model(std::move(inputs));
    const Inputs& in = model.inputs;
    RunState state = make_initial_state(model, 1, 0);
    int checked = 0;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        const auto p = static_cast<std::size_t>(plant);
        if (in.plants[p].is_entrant()) continue;  // not built: decides to enter (§7.20)
        int invested = -1;
        for (int t : in.plant_technologies[p])
            if (in.technologies[static_cast<std::size_t>(t)].kind == OptionKind::electrify) invested = t;
        if (invested < 0) continue;
        state.asset_age_y[p] = 0;
        state.loss_years[p] = 0;
        state.shocked[p] = 1;  // a neighbour left, too
        // On its incumbent route, the event (and the shock) reopen its choice.
        CHECK(decision_trigger(model, state, 2027, plant).has_value());
        // On a route it invested in, neither does: it is committed for the asset's life...
        state.technology[p] = invested;
        state.route_lifetime_y[p] = in.technologies[static_cast<std::size_t>(invested)].lifetime_y;
        CHECK_FALSE(decision_trigger(model, state, 2027, plant).has_value());
        // ...unless its business case fails,
        state.loss_years[p] = in.scenario.behaviour.loss_years_trigger;
        CHECK(decision_trigger(model, state, 2027, plant) == Trigger::losses);
        // or the asset reaches the end of its life.
        state.loss_years[p] = 0;
        state.asset_age_y[p] = state.route_lifetime_y[p];
        CHECK(decision_trigger(model, state, 2027, plant) == Trigger::reinvestment);
        ++checked;
    }
    CHECK(checked > 10);
}
