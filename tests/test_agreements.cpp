// Support agreements in a run (docs/ODD.md §7.15): stopped talks give no priority and
// grant nothing; a binding agreement commits its units in its stage year with reserved
// capacity and its aid; units whose claims do not fit wait; the outcomes of letters of
// intent are drawn with the scenario's probabilities. The engine phases are driven by hand
// (make_initial_state, apply_agreements, allocate) so each rule is seen on its own.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "output/agreements_summary.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_file_reader.hpp"
#include "sim/kpis.hpp"
#include "sim/agreements.hpp"
#include "sim/phases.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

AgreementSpec agreement_of(const Inputs& in, AgreementStage stage, int stage_year, int start_year,
                           const std::vector<std::pair<std::string, std::string>>& units) {
    AgreementSpec a;
    a.id = "test_" + std::to_string(in.agreements.size());
    a.firm = "Test";
    a.stage = stage;
    a.stage_year = stage_year;
    a.start_year = start_year;
    a.source = "test";
    for (const auto& [plant, route] : units) {
        AgreementUnit unit;
        unit.plant = plant_index(in, plant);
        unit.technology = route.empty() ? -1 : technology_index(in, route);
        a.units.push_back(unit);
    }
    return a;
}

// An instrument that only funds agreements.
InstrumentSpec envelope(const std::string& id, AidForm form, double budget_eur) {
    InstrumentSpec i;
    i.id = id;
    i.form = form;
    i.applications = false;
    i.budget_eur = TimePath(budget_eur);
    i.source = "test";
    return i;
}

void fund(Inputs& in, AgreementSpec& a, const InstrumentSpec& instrument, double aid_eur) {
    a.instrument = instrument.id;
    a.instrument_index = static_cast<int>(in.scenario.policy.instruments.size());
    a.aid_eur = aid_eur;
    a.aid_form = instrument.form == AidForm::operating ? "operating" : "investment";
    in.scenario.policy.instruments.push_back(instrument);
}

double base_co2(const Inputs& in, const std::string& plant) {
    const PlantSpec& p = in.plants[static_cast<std::size_t>(plant_index(in, plant))];
    return p.co2_combustion_t + p.co2_process_t;
}

// The order phase 4 grants in: every plant decides in `year`, each staying on its route,
// ranked by the made-up cost-effectiveness `eur_per_t` (per plant); the event log lists
// the plants in the order they were served.
std::vector<int> served_order(const Inputs& inputs, const std::vector<double>& eur_per_t, int year,
                              std::vector<std::uint8_t>* live = nullptr) {
    const Model model = build_model(inputs);
    RunState state = make_initial_state(model, 7, 0);
    if (live != nullptr) *live = state.in_live_agreement;
    std::vector<PlantDecision> decisions;
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        PlantDecision d;
        d.plant = static_cast<int>(p);
        Candidate stay;
        stay.technology = state.technology[p];
        stay.eur_per_tco2_avoided = eur_per_t[p];
        d.ranked.push_back(stay);
        decisions.push_back(d);
    }
    RunResult log;
    allocate(model, state, year, 7, 0, decisions, &log);
    std::vector<int> order;
    for (const DecisionEvent& e : log.events) order.push_back(e.plant);
    return order;
}

std::vector<const DecisionEvent*> agreement_events(const RunResult& r) {
    std::vector<const DecisionEvent*> out;
    for (const DecisionEvent& e : r.events)
        if (e.trigger == Trigger::agreement) out.push_back(&e);
    return out;
}

}  // namespace

TEST_CASE("stopped talks give no priority; a live agreement is served first", "[agreements]") {
    Inputs in = small_inputs();
    in.scenario.behaviour.priority = PriorityRule::maatwerk_then_cost_effectiveness;
    REQUIRE(in.plants.size() == 6);
    const std::vector<double> eur_per_t = {50, 10, 40, 20, 60, 30};
    const std::vector<int> by_cost = {1, 3, 5, 2, 0, 4};
    REQUIRE(served_order(in, eur_per_t, 2030) == by_cost);

    // Stopped talks over the dearest and the cheapest plant: nothing changes.
    Inputs stopped = in;
    stopped.agreements.push_back(agreement_of(stopped, AgreementStage::stopped, 2025, 0,
                                              {{"shell_moerdijk", ""}, {"oci_geleen", ""}}));
    std::vector<std::uint8_t> live;
    CHECK(served_order(stopped, eur_per_t, 2030, &live) == by_cost);
    CHECK(std::all_of(live.begin(), live.end(), [](std::uint8_t l) { return l == 0; }));

    // A binding agreement over the dearest plant puts it first, the rest as before.
    Inputs binding = stopped;
    binding.agreements.push_back(agreement_of(binding, AgreementStage::binding, 2024, 2027,
                                              {{"shell_moerdijk", "ethylene/ccs_furnaces"}}));
    CHECK(served_order(binding, eur_per_t, 2030, &live) == std::vector<int>{4, 1, 3, 5, 2, 0});
    CHECK(live[static_cast<std::size_t>(plant_index(in, "shell_moerdijk"))] == 1);
    CHECK(live[static_cast<std::size_t>(plant_index(in, "oci_geleen"))] == 0);
}

TEST_CASE("a stopped agreement grants nothing", "[agreements]") {
    Inputs in = small_inputs();
    Inputs stopped = in;
    AgreementSpec a = agreement_of(stopped, AgreementStage::stopped, 2021, 2023,
                                   {{"zeeland_refinery", "refining/biomethane_firing"},
                                    {"shell_pernis", "refining/biomethane_firing"}});
    fund(stopped, a, envelope("maatwerk", AidForm::investment, 1e9), 3e8);
    stopped.agreements.push_back(a);
    in.scenario.policy.instruments = stopped.scenario.policy.instruments;  // same output shape

    const RunResult with = run(stopped, 11);
    const RunResult without = run(in, 11);
    CHECK(agreement_events(with).empty());
    CHECK(with.events.size() == without.events.size());
    CHECK(with.co2_storage_used_t == without.co2_storage_used_t);
    CHECK(with.co2_net_t == without.co2_net_t);
    CHECK(with.instrument_committed_eur == without.instrument_committed_eur);
    // and nothing is committed, reserved or granted when the phase runs on its own
    const Model model = build_model(stopped);
    RunState state = make_initial_state(model, 11, 0);
    const RunState before = state;
    RunResult log;
    for (int year = 2020; year <= 2030; ++year) apply_agreements(model, state, year, &log);
    CHECK(log.events.empty());
    CHECK(state.target_technology == before.target_technology);
    CHECK(ledger_of(state, Resource::subsidy_budget, 0, a.instrument_index).used(2021) == 0.0);
    CHECK(ledger_of(state, Resource::biomethane, 0).used(2023) == ledger_of(before, Resource::biomethane, 0).used(2023));
}

TEST_CASE("a binding agreement commits its units in its stage year with reserved capacity and its aid",
          "[agreements]") {
    Inputs in = small_inputs();
    AgreementSpec a = agreement_of(in, AgreementStage::binding, 2027, 2026,
                                   {{"shell_pernis", "refining/ccs_smr_and_chp"},
                                    {"shell_moerdijk", "ethylene/ccs_furnaces"}});
    const double aid = 3e8;
    fund(in, a, envelope("maatwerk", AidForm::investment, 1e9), aid);
    in.agreements.push_back(a);
    in.national.co2_storage_t = TimePath(50e6);
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 7, 0);
    RunResult log;
    apply_agreements(model, state, 2026, &log);
    REQUIRE(log.events.empty());  // not binding yet
    apply_agreements(model, state, 2027, &log);
    REQUIRE(log.events.size() == 2);
    const double total_co2 = base_co2(in, "shell_pernis") + base_co2(in, "shell_moerdijk");
    double committed = 0;
    for (const DecisionEvent& e : log.events) {
        const auto p = static_cast<std::size_t>(e.plant);
        CHECK(e.trigger == Trigger::agreement);
        CHECK(e.year == 2027);
        CHECK(e.running_from_year == 2028);  // max(start 2026, stage year + 1)
        CHECK(e.to_technology == a.units[e.plant == a.units[0].plant ? 0 : 1].technology);
        CHECK(e.instrument == a.instrument_index);
        CHECK(e.subsidy_committed_eur == Approx(aid * base_co2(in, in.plants[p].id) / total_co2));
        CHECK(state.target_year[p] == 2028);
        committed += e.subsidy_committed_eur;
    }
    CHECK(committed == Approx(aid));
    CHECK(ledger_of(state, Resource::subsidy_budget, 0, a.instrument_index).used(2027) == Approx(aid));
    const CapacityLedger& storage = ledger_of(state, Resource::co2_storage, 0);
    CHECK(storage.used(2027) == 0.0);
    CHECK(storage.used(2028) > 1e6);
    CHECK(storage.used(2050) == Approx(storage.used(2028)));
    apply_agreements(model, state, 2028, &log);
    CHECK(log.events.size() == 2);  // committed once
}

namespace {

// A grant for Zeeland Refinery and an operating award for Shell Pernis, both binding in
// the base year with routes from 2022, each paid by its own agreements-only instrument.
struct FundedRun {
    Inputs in = small_inputs();
    AgreementSpec grant;
    AgreementSpec award;
    AidContract contract;  // the award's contract once its route runs

    explicit FundedRun(double award_cap_eur) {
        grant = agreement_of(in, AgreementStage::binding, 2020, 2022,
                             {{"zeeland_refinery", "refining/biomethane_firing"}});
        fund(in, grant, envelope("maatwerk", AidForm::investment, 1e9), 2e8);
        InstrumentSpec sde = envelope("sde_contracts", AidForm::operating, 1e12);
        sde.max_eur_per_tco2 = 300;
        sde.contract_years = 15;
        award = agreement_of(in, AgreementStage::binding, 2020, 2022, {{"shell_pernis", "refining/biomethane_firing"}});
        fund(in, award, sde, award_cap_eur);
        in.agreements = {grant, award};
    }
    RunResult run_it(const Model& model) {
        RunWorkspace w;
        const auto pernis = static_cast<std::size_t>(award.units[0].plant);
        simulate_into(model, 3, 0, RecordLevel::full, w, [&](int, const RunState& state) {
            if (!contract.supported() && state.aid[pernis].supported()) contract = state.aid[pernis];
        });
        return w.result;
    }
    [[nodiscard]] double paid(const RunResult& r, int year, int instrument) const {
        return r.instrument_paid_eur[r.at_instrument(year - r.base_year, instrument)];
    }
};

}  // namespace

TEST_CASE("an agreement's investment aid is paid in its start year", "[agreements]") {
    FundedRun f(1e12);
    const RunResult r = f.run_it(build_model(f.in));
    REQUIRE(agreement_events(r).size() == 2);
    for (int year = r.base_year; year < r.base_year + r.years; ++year) {
        INFO(year);
        CHECK(f.paid(r, year, f.grant.instrument_index) == Approx(year == 2022 ? 2e8 : 0.0));
        const double committed = r.instrument_committed_eur[r.at_instrument(year - r.base_year, f.grant.instrument_index)];
        CHECK(committed == Approx(year == 2020 ? 2e8 : 0.0));
    }
}

TEST_CASE("an agreement's operating award pays as payment_eur_per_t says, never beyond its cap",
          "[agreements]") {
    FundedRun uncapped(1e12);
    const Model model = build_model(uncapped.in);
    const RunResult r = uncapped.run_it(model);
    REQUIRE(uncapped.contract.supported());
    const int p = uncapped.award.units[0].plant;
    const int route = uncapped.award.units[0].technology;
    double total = 0;
    int paying_years = 0;
    for (int year = r.base_year; year < r.base_year + r.years; ++year) {
        INFO(year);
        const int yi = year - r.base_year;
        const bool runs = r.technology[r.at(yi, p)] == route && year < 2022 + 15;
        const double expected = runs ? payment_eur_per_t(uncapped.contract, model.actual[static_cast<std::size_t>(yi)]) *
                                           r.production_t[r.at(yi, p)]
                                     : 0.0;
        CHECK(uncapped.paid(r, year, uncapped.award.instrument_index) == Approx(expected).margin(1.0));
        total += expected;
        paying_years += expected > 0 ? 1 : 0;
    }
    REQUIRE(paying_years >= 2);  // the test needs a cap that binds after some years
    FundedRun capped(total / 2);
    const RunResult c = capped.run_it(build_model(capped.in));
    double paid = 0;
    for (int year = c.base_year; year < c.base_year + c.years; ++year)
        paid += capped.paid(c, year, capped.award.instrument_index);
    CHECK(paid == Approx(total / 2));
}

TEST_CASE("a unit whose claims do not fit waits for the capacity", "[agreements]") {
    Inputs in = small_inputs();
    in.national.co2_storage_t = TimePath({{2020, 0.0}, {2031, 0.0}, {2032, 30e6}});
    in.agreements.push_back(agreement_of(in, AgreementStage::binding, 2026, 2027,
                                         {{"shell_pernis", "refining/ccs_smr_and_chp"}}));
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 7, 0);
    RunResult log;
    for (int year = 2026; year <= 2035; ++year) apply_agreements(model, state, year, &log);
    REQUIRE(log.events.size() == 1);
    CHECK(log.events[0].year == 2031);
    CHECK(log.events[0].running_from_year == 2032);
    CHECK(ledger_of(state, Resource::co2_storage, 0).used(2031) == 0.0);
    CHECK(ledger_of(state, Resource::co2_storage, 0).used(2032) > 0.0);
}

TEST_CASE("agreement outcomes follow the scenario's probabilities", "[agreements]") {
    AgreementOutcomes odds;
    odds.jloi_binding_probability = 0.5;
    odds.jloi_delayed_probability = 0.3;
    odds.eop_binding_probability = 0.1;
    odds.eop_delayed_probability = 0.6;
    odds.jloi_lag_y = 1;
    odds.eop_lag_y = 3;
    odds.delay_y = 2;
    AgreementSpec a;
    a.stage_year = 2025;
    a.start_year = 2029;
    const int runs = 20000;
    for (const auto& [stage, on_time, late, lag] :
         {std::tuple{AgreementStage::jloi, 0.5, 0.3, 1}, std::tuple{AgreementStage::eop, 0.1, 0.6, 3}}) {
        a.stage = stage;
        int counts[3] = {0, 0, 0};
        for (int run = 0; run < runs; ++run) {
            const AgreementOutcome o = draw_agreement_outcome(a, odds, 42, static_cast<std::uint64_t>(run), 3);
            if (o.binding_year == 2025 + lag && o.start_year == 2029) ++counts[0];
            else if (o.binding_year == 2025 + lag + 2 && o.start_year == 2031) ++counts[1];
            else if (o.binding_year == 0) ++counts[2];
            else FAIL("unexpected outcome " << o.binding_year << "/" << o.start_year);
        }
        CHECK(counts[0] / double(runs) == Approx(on_time).margin(0.015));
        CHECK(counts[1] / double(runs) == Approx(late).margin(0.015));
        CHECK(counts[2] / double(runs) == Approx(1 - on_time - late).margin(0.015));
    }
    for (int run = 0; run < 200; ++run) {
        a.stage = AgreementStage::binding;
        const AgreementOutcome b = draw_agreement_outcome(a, odds, 42, static_cast<std::uint64_t>(run), 0);
        CHECK((b.binding_year == 2025 && b.start_year == 2029));
        a.stage = AgreementStage::stopped;
        CHECK(draw_agreement_outcome(a, odds, 42, static_cast<std::uint64_t>(run), 0).binding_year == 0);
    }
}

TEST_CASE("a fixed outcome replaces an agreement's draw and leaves the others' draws alone", "[agreements]") {
    const AgreementOutcomes drawn;
    AgreementSpec deal;
    deal.id = "deal";
    deal.stage = AgreementStage::jloi;
    deal.stage_year = 2025;
    deal.start_year = 2030;
    AgreementSpec other = deal;
    other.id = "other";
    other.stage = AgreementStage::eop;
    const int delay = drawn.delay_y;
    for (int run = 0; run < 300; ++run) {
        INFO("run " << run);
        const auto r = static_cast<std::uint64_t>(run);
        // A drawn outcome says which way it went.
        const AgreementOutcome d = draw_agreement_outcome(deal, drawn, 42, r, 0);
        CHECK(d.fate == (d.binding_year == 2026 ? AgreementFate::on_time
                         : d.binding_year == 2026 + delay ? AgreementFate::late
                                                          : AgreementFate::failed));
        for (const auto& [fate, binding, start] :
             {std::tuple{AgreementFate::on_time, 2026, 2030}, std::tuple{AgreementFate::late, 2026 + delay, 2030 + delay},
              std::tuple{AgreementFate::failed, 0, 0}}) {
            AgreementOutcomes fixed = drawn;
            fixed.fixed = {{"deal", fate}};
            const AgreementOutcome o = draw_agreement_outcome(deal, fixed, 42, r, 0);
            CHECK(o.fate == fate);
            CHECK(o.binding_year == binding);
            CHECK(o.start_year == start);
            const AgreementOutcome a = draw_agreement_outcome(other, fixed, 42, r, 1);
            const AgreementOutcome b = draw_agreement_outcome(other, drawn, 42, r, 1);
            CHECK((a.fate == b.fate && a.binding_year == b.binding_year && a.start_year == b.start_year));
        }
    }
    deal.stage = AgreementStage::binding;
    CHECK(draw_agreement_outcome(deal, drawn, 42, 0, 0).fate == AgreementFate::as_agreed);
    deal.stage = AgreementStage::stopped;
    CHECK(draw_agreement_outcome(deal, drawn, 42, 0, 0).fate == AgreementFate::stopped);
}

TEST_CASE("current policy: Tata's deal fixed on time converts blast furnace 7 in 2030; failed, it never commits",
          "[agreements][dutch]") {
    Inputs in = dutch_inputs();
    const int bf7 = plant_index(in, "M006_bf7");
    const auto tata = static_cast<std::size_t>(
        std::find_if(in.agreements.begin(), in.agreements.end(), [](const AgreementSpec& a) { return a.id == "tata_2025"; }) -
        in.agreements.begin());
    REQUIRE(tata < in.agreements.size());
    const int dri = technology_index(in, "steel/dri_gas_eaf");
    for (const AgreementFate fate : {AgreementFate::on_time, AgreementFate::failed}) {
        in.scenario.agreements.fixed = {{"tata_2025", fate}};
        const Model model = build_model(in);
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            INFO("fate " << kAgreementFateNames[static_cast<std::size_t>(fate)] << ", seed " << seed);
            const RunResult r = simulate(model, seed);
            CHECK(r.agreement_fate.at(tata) == static_cast<std::uint8_t>(fate));
            const bool committed = std::any_of(r.events.begin(), r.events.end(), [&](const DecisionEvent& e) {
                return e.plant == bf7 && e.trigger == Trigger::agreement;
            });
            CHECK(committed == (fate == AgreementFate::on_time));
            if (fate == AgreementFate::on_time) {
                CHECK(r.agreement_binding_year.at(tata) == 2026);
                CHECK(r.technology[r.at(2030 - r.base_year, bf7)] == dri);
            } else {
                CHECK(r.agreement_binding_year.at(tata) == 0);
            }
        }
    }
}

TEST_CASE("a unit of a letter of intent under negotiation keeps its route until the talks end", "[agreements][dutch]") {
    Inputs in = dutch_inputs();
    const int bf7 = plant_index(in, "M006_bf7");
    // Tata's JLoI was signed in 2025; late, it binds in 2028 (lag 1 + delay 2); failed, the
    // talks end in 2026, when it would have bound on time.
    for (const auto& [fate, talks_end] : {std::pair{AgreementFate::late, 2028}, std::pair{AgreementFate::failed, 2026}}) {
        in.scenario.agreements.fixed = {{"tata_2025", fate}};
        const Model model = build_model(in);
        int held = 0, free_after = 0;
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            INFO("fate " << kAgreementFateNames[static_cast<std::size_t>(fate)] << ", seed " << seed);
            const RunResult r = simulate(model, seed);
            for (const DecisionEvent& e : r.events) {
                if (e.plant != bf7 || e.closed_by_rule || e.trigger == Trigger::agreement) continue;
                const bool talks = e.year >= 2025 && e.year < talks_end;
                for (const OptionAppraisal& o : e.options) {
                    // Closing stays with the closure rule, as under a binding agreement (§7.7).
                    if (o.technology == e.from_technology ||
                        in.technologies[static_cast<std::size_t>(o.technology)].kind == OptionKind::close)
                        continue;
                    // Every other route and relocation is closed while the talks run...
                    if (talks) CHECK((o.infeasible & (1u << static_cast<unsigned>(Infeasible::agreement_commitment))) != 0);
                    // ... and open again once they end (when not closed for another reason).
                    if (!talks && e.year >= talks_end && fate == AgreementFate::failed && o.feasible) ++free_after;
                }
                if (talks) {
                    ++held;
                    CHECK(e.to_technology == e.from_technology);
                }
            }
        }
        CHECK(held > 0);
        if (fate == AgreementFate::failed) CHECK(free_after > 0);
    }
}

TEST_CASE("the run printout says how each agreement turned out and which were fixed", "[agreements][summary][dutch]") {
    Inputs in = dutch_inputs();
    in.scenario.agreements.fixed = {{"tata_2025", AgreementFate::late}};
    const Model model = build_model(in);
    const RunResult r = simulate(model, 3);
    std::ostringstream text;
    print_agreement_outcomes(text, model.inputs, r);
    const std::string printed = text.str();
    INFO(printed);
    // Tata's deal, fixed late: binding 2028, routes from 2032 (2030 + delay_y 2).
    CHECK(printed.find("tata_2025                jloi     late (fixed)         2028        2032") != std::string::npos);
    CHECK(printed.find("nobian_2024              binding  as_agreed") != std::string::npos);
    // Stopped talks are left out; every other agreement has a line.
    CHECK(printed.find("shell_stopped") == std::string::npos);
    for (std::size_t a = 0; a < model.inputs.agreements.size(); ++a) {
        const AgreementSpec& agreement = model.inputs.agreements[a];
        if (agreement.stage == AgreementStage::stopped) continue;
        const std::string fate = kAgreementFateNames[r.agreement_fate[a]];
        CHECK(printed.find(agreement.id) != std::string::npos);
        CHECK(printed.find(fate) != std::string::npos);
    }
}

// The first year the agreed routes run is set once, by the simulation (sim/agreements.cpp);
// the run result, the run file and the printout all show that year, so a rule changed in
// one place (or a second copy of it) shows as a disagreement here.
TEST_CASE("a late deal's routes start delay_y later in the result, the run file and the printout alike",
          "[agreements][summary][output][dutch]") {
    Inputs in = dutch_inputs();
    in.scenario.agreements.fixed = {{"tata_2025", AgreementFate::late}, {"anqore_2025", AgreementFate::failed}};
    in.scenario.agreements.delay_y = 3;  // not the default 2: a rule with its own delay shows
    const Model model = build_model(in);
    const auto index_of = [&](const std::string& id) {
        const auto at = std::find_if(model.inputs.agreements.begin(), model.inputs.agreements.end(),
                                     [&](const AgreementSpec& a) { return a.id == id; });
        REQUIRE(at != model.inputs.agreements.end());
        return static_cast<std::size_t>(at - model.inputs.agreements.begin());
    };
    const std::size_t tata = index_of("tata_2025");
    const RunResult r = simulate(model, 3);
    // Signed 2025, agreed start 2030: late, it binds in 2029 (lag 1 + delay 3), routes from 2033.
    REQUIRE(model.inputs.agreements[tata].start_year == 2030);
    CHECK(r.agreement_binding_year.at(tata) == 2029);
    CHECK(r.agreement_routes_from_year.at(tata) == 2033);
    REQUIRE(r.agreement_routes_from_year.size() == model.inputs.agreements.size());
    for (std::size_t a = 0; a < model.inputs.agreements.size(); ++a) {
        const auto fate = static_cast<AgreementFate>(r.agreement_fate[a]);
        const bool never = fate == AgreementFate::failed || fate == AgreementFate::stopped;
        INFO(model.inputs.agreements[a].id);
        CHECK((r.agreement_routes_from_year[a] == 0) == (never || model.inputs.agreements[a].start_year == 0));
    }
    CHECK(r.agreement_routes_from_year.at(index_of("anqore_2025")) == 0);  // failed: never

    // The run file holds the result's years along [run, agreement].
    const std::vector<int> milestones = kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const RunKpis kpis = compute_kpis(r, milestones);
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("eiisim-agreements-late-" + std::to_string(::getpid()) + ".h5");
    write_run_hdf5(file, model.inputs, r, &kpis, milestones);
    const RunFileRecord back = read_run_file(file);
    std::filesystem::remove(file);
    const std::vector<double>& routes = back.outcomes["agreement_routes_from_year"];
    REQUIRE(routes.size() == r.agreement_routes_from_year.size());
    for (std::size_t a = 0; a < routes.size(); ++a) CHECK(routes[a] == r.agreement_routes_from_year[a]);
    CHECK(back.outcomes["agreement_binding_year"].at(tata) == 2029);
    CHECK(back.outcomes["agreement_outcome"].at(tata) == static_cast<double>(AgreementFate::late));

    // The printout shows the same years.
    std::ostringstream text;
    print_agreement_outcomes(text, model.inputs, r);
    INFO(text.str());
    const std::string printed = text.str();
    CHECK(printed.find("tata_2025                jloi     late (fixed)         2029        2033") != std::string::npos);
    CHECK(printed.find("anqore_2025              jloi     failed (fixed)          -           -") != std::string::npos);
}

TEST_CASE("current policy: Yara captures from 2026 and Porthos stores 2 Mt in 2027 in every seed",
          "[agreements][dutch]") {
    const Model model = build_model(dutch_inputs());
    const int yara = plant_index(model.inputs, "M019");
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        INFO("seed " << seed);
        const RunResult r = simulate(model, seed);
        CHECK(r.co2_captured_t[r.at(2026 - r.base_year, yara)] > 0.0);
        CHECK(r.co2_captured_t[r.at(2030 - r.base_year, yara)] > 0.0);
        CHECK(r.co2_storage_used_t[static_cast<std::size_t>(2027 - r.base_year)] >= 2e6);
    }
}
