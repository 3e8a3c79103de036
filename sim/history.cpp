// Phase 1b: the observed history of the year (docs/ODD.md §7.13), after the year's
// endogenous transitions. Observed closures take effect and shock their neighbours as
// endogenous ones do; decided projects are granted as conversions, holding their scarce
// capacity in the ledgers from their start year. Observed utilisation and partial
// closures act in the accounts (accounts.cpp); the freeze of endogenous decisions up to
// the last observed year in decision_trigger (appraise_triggered.cpp).
#include "committed_conversion.hpp"

namespace eiisim {
namespace {

// An observed project: the route as the plant would appraise it now, starting in the
// observed year, with whatever aid an applications instrument offered it. The aid was
// awarded in the round of the decision year: it is booked on that year's budget (the
// scenario's 2020-2025 budgets are the rounds that were held), so the aid committed covers
// the aid paid. The project used capacity that exists in the observed world; a scenario
// without it (no CO2 storage, no grid) cannot have it: the scenario wins.
void grant_project(const Model& model, RunState& state, int year, const HistoryProject& project,
                   RunResult* events) {
    const auto p = static_cast<std::size_t>(project.plant);
    // A plant that has left, or has another change under way, does not start it.
    if (state.status[p] != PlantStatus::operating || state.target_technology[p] >= 0) return;
    const CommittedRoute route = committed_route(model, state, year, project.plant, project.technology,
                                                 project.start_year, Trigger::observed, std::nullopt);
    static_cast<void>(grant_committed(model, state, year, project.plant, route, Trigger::observed, events));
}

}  // namespace

void apply_history(const Model& model, RunState& state, int year, RunResult* events) {
    const auto yi = static_cast<std::size_t>(year - model.inputs.scenario.base_year);
    for (int plant : model.history.closures[yi]) close_now(model, state, plant, year, Trigger::observed, -1, events);
    for (const HistoryProject& project : model.history.projects[yi]) grant_project(model, state, year, project, events);
}

}  // namespace eiisim
