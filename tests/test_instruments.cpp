// The support portfolio (docs/ODD.md §7.14): an SDE++ round grants its budget by
// cost-effectiveness (EUR per t avoided), and an operating award pays the base amount less
// a correction amount that follows the ETS and energy prices, down to a floor, up to a cap.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

#include "agents/aid_contract.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

// A ccs option of each plant's own list (its route is not ccs in the base year).
int ccs_option(const Inputs& in, std::size_t p) {
    for (int t : in.plant_technologies[p])
        if (in.technologies[static_cast<std::size_t>(t)].kind == OptionKind::ccs) return t;
    throw std::invalid_argument("no ccs option for " + in.plants[p].id);
}

PriceView ets_at(double ets) {
    PriceView prices;
    prices.ets_eur_per_t = ets;
    return prices;
}

InstrumentSpec sde(double max_eur_per_tco2) {
    InstrumentSpec i;
    i.id = "sde";
    i.max_eur_per_tco2 = max_eur_per_tco2;
    i.contract_years = 15;
    i.correction_floor_share = 2.0 / 3.0;
    return i;
}

}  // namespace

TEST_CASE("an SDE++ round grants its budget by EUR per t avoided", "[instruments]") {
    Inputs in = small_inputs();
    in.scenario.buildout_limits.clear();
    REQUIRE(in.scenario.policy.instruments.size() == 1);
    in.scenario.policy.instruments[0].budget_eur = TimePath(2.7e9);  // three applications of 0.9 bn
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 7, 0);
    const int year = 2030;
    // Applicants in file order, each asking 0.9 bn for its ccs route at a made-up EUR/t.
    const std::vector<double> eur_per_t = {50, 10, 40, 20, 60, 30};
    std::vector<PlantDecision> decisions;
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        PlantDecision d;
        d.plant = static_cast<int>(p);
        Candidate aided;
        aided.technology = ccs_option(in, p);
        aided.instrument = 0;
        aided.contract = 0;
        d.contracts.push_back(AidContract{0});
        aided.start_year = year + 1;
        aided.eur_per_tco2_avoided = eur_per_t[p];
        amount_of(aided.claim, Resource::subsidy_budget) = 0.9e9;
        Candidate stay;
        stay.technology = state.technology[p];
        d.ranked = {aided, stay};
        for (const Candidate& c : d.ranked) {
            OptionAppraisal row;
            row.technology = c.technology;
            row.subsidised = c.subsidised();
            row.instrument = static_cast<std::int8_t>(c.instrument);
            d.appraisals.push_back(row);
        }
        decisions.push_back(d);
    }
    RunResult log;
    allocate(model, state, year, 7, 0, decisions, &log);
    std::vector<double> granted;
    std::vector<double> refused;
    for (const DecisionEvent& e : log.events)
        for (const OptionAppraisal& o : e.options) {
            if (!o.subsidised) continue;
            if (o.chosen) granted.push_back(eur_per_t[static_cast<std::size_t>(e.plant)]);
            if (o.refused && o.refused_by == RefusedBy::subsidy_budget)
                refused.push_back(eur_per_t[static_cast<std::size_t>(e.plant)]);
        }
    REQUIRE(granted.size() == 3);
    REQUIRE(refused.size() == 3);
    CHECK(*std::max_element(granted.begin(), granted.end()) <= *std::min_element(refused.begin(), refused.end()));
    CHECK(ledger_of(state, Resource::subsidy_budget, 0, 0).used(year) == Approx(2.7e9));
}

TEST_CASE("the correction amount follows the ETS and energy prices", "[instruments]") {
    AidContract c;
    c.instrument = 0;
    c.avoided_t_per_t = 2;
    CHECK(correction_eur_per_t(c, ets_at(100)) == Approx(200));
    PriceView with_gas = ets_at(100);
    with_gas.energy_eur_per_gj[static_cast<std::size_t>(Carrier::gas)] = 5;
    c.energy_saving_gj_per_t[static_cast<std::size_t>(Carrier::gas)] = 10;
    CHECK(correction_eur_per_t(c, with_gas) == Approx(250));
}

TEST_CASE("an operating award pays base less correction, floored and capped", "[instruments]") {
    AidContract c;
    c.instrument = 0;
    c.avoided_t_per_t = 2;
    // awarded at ETS 100 expecting 100 EUR/t: correction 200, base 300, floor 200 x 2/3
    set_correction_terms(c, 100, ets_at(100), sde(300));
    CHECK(c.base_eur_per_t == Approx(300));
    CHECK(c.correction_floor_eur_per_t == Approx(400.0 / 3));
    CHECK(c.max_payment_eur_per_t == Approx(300 - 400.0 / 3));  // base less floor, below 300 x 2
    CHECK(c.years == 15);
    CHECK(payment_eur_per_t(c, ets_at(100)) == Approx(100));
    CHECK(payment_eur_per_t(c, ets_at(125)) == Approx(50));   // ETS up: pays less
    CHECK(payment_eur_per_t(c, ets_at(150)) == Approx(0));
    CHECK(payment_eur_per_t(c, ets_at(250)) == 0.0);          // never below 0
    CHECK(payment_eur_per_t(c, ets_at(80)) == Approx(140));
    // the floor stops the falling correction: below ETS 66.7 the payment stays at its max
    CHECK(payment_eur_per_t(c, ets_at(50)) == Approx(300 - 400.0 / 3));
    CHECK(payment_eur_per_t(c, ets_at(0)) == Approx(300 - 400.0 / 3));
    double last = std::numeric_limits<double>::infinity();
    for (double ets = 0; ets <= 400; ets += 5) {
        const double pay = payment_eur_per_t(c, ets_at(ets));
        CHECK(pay <= last + 1e-9);
        CHECK(pay >= 0.0);
        CHECK(pay <= c.max_payment_eur_per_t + 1e-9);
        last = pay;
    }
    // with a cap above base less floor, the floor alone stops the payment's rise
    AidContract loose;
    loose.instrument = 0;
    loose.avoided_t_per_t = 2;
    loose.base_eur_per_t = 300;
    loose.correction_floor_eur_per_t = 150;
    loose.max_payment_eur_per_t = 1000;
    CHECK(payment_eur_per_t(loose, ets_at(100)) == Approx(100));
    CHECK(payment_eur_per_t(loose, ets_at(50)) == Approx(150));  // correction 100 < floor 150
    CHECK(payment_eur_per_t(loose, ets_at(0)) == Approx(150));
    // the intensity cap: 60 EUR per t avoided x 2 t = 120 EUR/t at most
    AidContract capped;
    capped.instrument = 0;
    capped.avoided_t_per_t = 2;
    set_correction_terms(capped, 100, ets_at(100), sde(60));
    CHECK(capped.max_payment_eur_per_t == Approx(120));
    CHECK(payment_eur_per_t(capped, ets_at(80)) == Approx(120));
    CHECK(payment_eur_per_t(capped, ets_at(0)) == Approx(120));
    // a correction that is a cost is floored the same distance below it
    AidContract dearer;
    dearer.instrument = 0;
    dearer.avoided_t_per_t = 1;
    dearer.energy_saving_gj_per_t[static_cast<std::size_t>(Carrier::electricity)] = -10;
    PriceView p = ets_at(100);
    p.energy_eur_per_gj[static_cast<std::size_t>(Carrier::electricity)] = 20;
    set_correction_terms(dearer, 50, p, sde(300));
    CHECK(dearer.correction_floor_eur_per_t == Approx(-100 - 100.0 / 3));
    // investment aid pays nothing per t
    AidContract grant;
    grant.instrument = 0;
    grant.investment_aid_eur = 1e6;
    CHECK(payment_eur_per_t(grant, ets_at(0)) == 0.0);
}

TEST_CASE("an agreement's ceiling caps the yearly operating payment", "[instruments]") {
    const Model model = build_model(small_inputs());
    RunState state = make_initial_state(model, 7, 0);
    AidContract c;
    c.instrument = 0;
    c.avoided_t_per_t = 2;
    set_correction_terms(c, 100, ets_at(100), sde(300));
    c.cap_eur = 250e6;
    state.aid[0] = c;
    state.aid_from_year[0] = 2030;
    const double production = 1e6;  // 100 EUR/t x 1 Mt = 100 MEUR a year
    CHECK(aid_payment_eur_per_t(state, 0, 2029, ets_at(100), production) == 0.0);
    CHECK(aid_payment_eur_per_t(state, 0, 2030, ets_at(100), production) == Approx(100));
    state.aid_paid_eur[0] = 200e6;  // 50 MEUR left
    CHECK(aid_payment_eur_per_t(state, 0, 2032, ets_at(100), production) == Approx(50));
    state.aid_paid_eur[0] = 250e6;
    CHECK(aid_payment_eur_per_t(state, 0, 2033, ets_at(100), production) == 0.0);
    state.aid_paid_eur[0] = 0;
    CHECK(aid_payment_eur_per_t(state, 0, 2045, ets_at(100), production) == 0.0);  // after 15 years
}
