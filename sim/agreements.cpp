#include "agreements.hpp"

#include <algorithm>

#include "committed_conversion.hpp"
#include "core/random_stream.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

// Each unit's share of the agreement's aid: by its base-year CO2 (the agreements set their
// aid against the reduction), among the units with a route change.
std::vector<double> aid_shares(const Inputs& in, const AgreementSpec& agreement) {
    std::vector<double> weight(agreement.units.size(), 0.0);
    double total = 0;
    for (std::size_t u = 0; u < agreement.units.size(); ++u) {
        const AgreementUnit& unit = agreement.units[u];
        if (unit.technology < 0) continue;
        const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(unit.technology)];
        if (tech.kind == OptionKind::keep) continue;
        const PlantSpec& plant = in.plants[static_cast<std::size_t>(unit.plant)];
        weight[u] = std::max(plant.co2_combustion_t + plant.co2_process_t, 1e-9);
        total += weight[u];
    }
    for (double& w : weight) w = total > 0 ? w / total : 0.0;
    return weight;
}

// The aid attached to a unit: its share of the ceiling, paid by the agreement's instrument
// in that instrument's form (an operating award pays as SDE++ does, capped at the share).
AidOffer unit_aid(const Model& model, const RunState& state, int year, const AgreementSpec& agreement,
                  int plant, const OptionBreakdown& appraisal, double share_eur) {
    AidOffer offer;
    if (agreement.instrument_index < 0 || share_eur <= 0) return offer;
    const InstrumentSpec& instrument =
        model.inputs.scenario.policy.instruments[static_cast<std::size_t>(agreement.instrument_index)];
    if (instrument.form == AidForm::operating) {
        // An award pays when the route is unprofitable, now or as prices move: the contract
        // is signed even when it expects to pay nothing at today's prices.
        offer = committed_offer(model, state, year, plant, appraisal, agreement.instrument_index);
        offer.instrument = agreement.instrument_index;
        offer.budget_eur = share_eur;
        return offer;
    }
    offer.instrument = agreement.instrument_index;
    offer.investment_aid_eur = share_eur;
    offer.budget_eur = share_eur;
    return offer;
}

enum class UnitState : std::uint8_t { done, waiting };

// A granted conversion that has not started, as allocation booked it, so that it can be
// put back when the agreed route that was to replace it does not fit.
struct PendingConversion {
    int technology = -1;
    int year = 0;
    double capex_eur = 0;
    AidContract aid;
    Holding held{};

    static PendingConversion of(const RunState& state, std::size_t p) {
        return {state.target_technology[p], state.target_year[p], state.target_capex_eur[p], state.target_aid[p],
                state.target_held[p]};
    }
    void restore(const Model& model, RunState& state, std::size_t p) const {
        if (technology < 0) return;
        const int cluster = model.inputs.plants[p].cluster;
        release_holding(state, cluster, state.held[p], year);
        reserve_holding(state, cluster, held, year);
        state.target_technology[p] = technology;
        state.target_year[p] = year;
        state.target_capex_eur[p] = capex_eur;
        state.target_aid[p] = aid;
        state.target_held[p] = held;
        state.status[p] = PlantStatus::converting;
    }
};

// One unit in a year its agreement is binding: done when committed now, on its route
// already, or gone; waiting when its plant is busy or its claims do not fit yet.
UnitState commit_unit(const Model& model, RunState& state, int year, const AgreementSpec& agreement,
                      const AgreementOutcome& outcome, const AgreementUnit& unit, double share_eur,
                      RunResult* events) {
    const Inputs& in = model.inputs;
    const auto p = static_cast<std::size_t>(unit.plant);
    if (unit.technology < 0 || in.technologies[static_cast<std::size_t>(unit.technology)].kind == OptionKind::keep)
        return UnitState::done;
    if (has_left(state.status[p])) return UnitState::done;
    if (state.technology[p] == unit.technology || state.target_technology[p] == unit.technology) return UnitState::done;
    if (state.target_technology[p] >= 0) {
        const OptionKind pending = in.technologies[static_cast<std::size_t>(state.target_technology[p])].kind;
        // A decided exit ends the agreement for the unit.
        if (pending == OptionKind::close || is_relocation(pending)) return UnitState::done;
    }
    const int start = std::max(outcome.start_year, year + 1);
    CommittedRoute route = committed_route(model, state, year, unit.plant, unit.technology, start,
                                           Trigger::agreement, AidOffer{});
    if (!infrastructure_reaches(model, unit.plant, route.appraisal, start)) return UnitState::waiting;
    const AidOffer aid = unit_aid(model, state, year, agreement, unit.plant, route.appraisal, share_eur);
    if (aid.instrument >= 0)
        route = committed_route(model, state, year, unit.plant, unit.technology, start, Trigger::agreement, aid);
    const Candidate& c = route.candidate;
    if (c.subsidised()) route.aid.cap_eur = share_eur;
    // A conversion the plant had decided but not started gives way to the agreed one: the
    // firm signs the agreement instead (its reservations are given back first, and taken
    // again if the agreed route does not fit either).
    const PendingConversion pending = PendingConversion::of(state, p);
    cancel_pending_conversion(model, state, unit.plant);
    // An agreement that became binding in the run draws on its instrument's budget of that
    // year like any award; one binding in the data was funded as it happened.
    if (c.subsidised() && agreement.stage != AgreementStage::binding) {
        const CapacityLedger& budget = ledger_of(state, Resource::subsidy_budget, 0, c.instrument);
        if (!budget.fits_in_year(amount_of(c.claim, Resource::subsidy_budget), year)) return UnitState::waiting;
    }
    if (grant_committed(model, state, year, unit.plant, route, Trigger::agreement, events)) {
        // The agreement binds the unit to make its reduction here, not by moving away.
        state.exit_barred_until_year[p] =
            std::max(state.exit_barred_until_year[p], start + in.scenario.agreements.commitment_y);
        return UnitState::done;
    }
    pending.restore(model, state, p);
    return UnitState::waiting;
}

// An EoP's or JLoI's fate: the scenario's [agreements.fixed] entry for it, else one uniform
// of its own stream against the stage's probabilities. The stream is the agreement's own, so
// fixing one agreement leaves every other draw of the run as it was.
AgreementFate fixed_or_drawn_fate(const AgreementSpec& agreement, const AgreementOutcomes& odds, std::uint64_t seed,
                                  std::uint64_t run, std::size_t index) {
    for (const AgreementOutcomes::Fixed& f : odds.fixed)
        if (f.id == agreement.id) return f.fate;
    const bool jloi = agreement.stage == AgreementStage::jloi;
    const double on_time = jloi ? odds.jloi_binding_probability : odds.eop_binding_probability;
    const double late = std::min(jloi ? odds.jloi_delayed_probability : odds.eop_delayed_probability, 1.0 - on_time);
    RandomStream stream(seed, run, index, 0, Purpose::agreement);
    const double u = stream.uniform();
    if (u < on_time) return AgreementFate::on_time;
    if (u < on_time + late) return AgreementFate::late;
    return AgreementFate::failed;
}

}  // namespace

AgreementOutcome draw_agreement_outcome(const AgreementSpec& agreement, const AgreementOutcomes& odds,
                                        std::uint64_t seed, std::uint64_t run, std::size_t index) {
    if (agreement.stage == AgreementStage::stopped) return {};
    if (agreement.stage == AgreementStage::binding)
        return {agreement.stage_year, agreement.start_year, AgreementFate::as_agreed};
    const bool jloi = agreement.stage == AgreementStage::jloi;
    const int binding_year = agreement.stage_year + (jloi ? odds.jloi_lag_y : odds.eop_lag_y);
    const AgreementFate fate = fixed_or_drawn_fate(agreement, odds, seed, run, index);
    if (fate == AgreementFate::on_time) return {binding_year, agreement.start_year, fate};
    if (fate == AgreementFate::late)
        return {binding_year + odds.delay_y, agreement.start_year + odds.delay_y, fate};
    return {0, 0, AgreementFate::failed};
}

int negotiation_end_year(const AgreementSpec& agreement, const AgreementOutcome& outcome,
                         const AgreementOutcomes& odds) {
    if (agreement.stage != AgreementStage::jloi) return 0;
    return outcome.binding_year != 0 ? outcome.binding_year : agreement.stage_year + odds.jloi_lag_y;
}

void apply_agreements(const Model& model, RunState& state, int year, RunResult* events) {
    const Inputs& in = model.inputs;
    for (std::size_t a = 0; a < in.agreements.size(); ++a) {
        const AgreementSpec& agreement = in.agreements[a];
        const AgreementOutcome& outcome = state.agreement_outcome[a];
        if (outcome.binding_year == 0 || year < outcome.binding_year) continue;
        std::vector<std::uint8_t>& pending = state.agreement_unit_pending[a];
        if (std::none_of(pending.begin(), pending.end(), [](std::uint8_t w) { return w != 0; })) continue;
        const std::vector<double> shares = aid_shares(in, agreement);
        for (std::size_t u = 0; u < agreement.units.size(); ++u) {
            if (pending[u] == 0) continue;
            const UnitState done = commit_unit(model, state, year, agreement, outcome, agreement.units[u],
                                               shares[u] * agreement.aid_eur, events);
            pending[u] = done == UnitState::done ? 0 : 1;
        }
    }
}

}  // namespace eiisim
