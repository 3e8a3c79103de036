// Phase 1b: the observed history of the year (docs/ODD.md §7.13), after the year's
// endogenous transitions. Observed closures take effect and shock their neighbours as
// endogenous ones do; decided projects are granted as conversions, holding their scarce
// capacity in the ledgers from their start year. Observed utilisation and partial
// closures act in the accounts (accounts.cpp); the freeze of endogenous decisions up to
// the last observed year in decision_trigger (appraise_triggered.cpp).
#include "phases.hpp"

namespace eiisim {
namespace {

// The project's route as the plant would appraise it now (its claims, capital and any
// SDE++-style subsidy), starting in the observed year.
Candidate project_candidate(const Model& model, const RunState& state, int year, const HistoryProject& project) {
    const auto peers = cluster_peer_shares(model, state);
    const auto p = static_cast<std::size_t>(project.plant);
    const AppraisalContext context = appraisal_context(
        model, state, year, peers[static_cast<std::size_t>(model.inputs.plants[p].cluster)], false);
    const PlantSnapshot snapshot = plant_snapshot(model, state, project.plant);
    const AppraisalBasis basis =
        appraisal_basis(context, model.baselines[p], project.plant, snapshot, Trigger::observed);
    const OptionBreakdown a = appraise_option(basis, project.technology);
    Candidate c;
    c.technology = project.technology;
    c.start_year = project.start_year;
    c.capex_eur = a.capex_eur;
    // The subsidy was awarded in the round of the decision year: it is booked on that
    // year's budget (the scenario's 2020-2025 budgets are the rounds that were held), so
    // the subsidy committed covers the subsidy paid.
    c.claim = a.claim;
    if (a.aided) amount_of(c.claim, Resource::subsidy_budget) = a.subsidy_budget_eur;
    c.subsidised = a.aided;
    c.subsidy_eur_per_t = a.aided ? a.subsidy_eur_per_t : 0.0;
    return c;
}

void grant_project(const Model& model, RunState& state, int year, const HistoryProject& project,
                   RunResult* events) {
    const auto p = static_cast<std::size_t>(project.plant);
    // A plant that has left, or has another change under way, does not start it.
    if (state.status[p] != PlantStatus::operating || state.target_technology[p] >= 0) return;
    const Candidate c = project_candidate(model, state, year, project);
    // The observed project used capacity that exists in the observed world; a scenario
    // without it (no CO2 storage, no grid) cannot have it: the scenario wins. Its subsidy
    // was awarded (it happened), so the budget is booked but not checked.
    Candidate physical = c;
    amount_of(physical.claim, Resource::subsidy_budget) = 0.0;
    if (ledger_misfit(model, state, p, physical, year) != RefusedBy::none) return;
    if (events != nullptr) {
        DecisionEvent event;
        event.year = year;
        event.plant = project.plant;
        event.from_technology = state.technology[p];
        event.to_technology = c.technology;
        event.trigger = Trigger::observed;
        event.running_from_year = c.start_year;
        events->events.push_back(std::move(event));
    }
    grant_conversion(model, state, p, c, year);
}

}  // namespace

void apply_history(const Model& model, RunState& state, int year, RunResult* events) {
    const auto yi = static_cast<std::size_t>(year - model.inputs.scenario.base_year);
    for (int plant : model.history.closures[yi]) close_now(model, state, plant, year, Trigger::observed, -1, events);
    for (const HistoryProject& project : model.history.projects[yi]) grant_project(model, state, year, project, events);
}

}  // namespace eiisim
