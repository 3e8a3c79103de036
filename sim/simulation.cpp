#include "simulation.hpp"

#include <type_traits>

#include "core/observables.hpp"
#include "agreements.hpp"
#include "feedstock_market.hpp"
#include "green_quota.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

// Sizes and zeroes every series of `r` for a run; `assign` keeps a reused result's
// buffers, so a sweep thread pays for the allocation once.
void reset_result(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level, RunResult& r) {
    const Inputs& in = model.inputs;
    r.base_year = in.scenario.base_year;
    r.years = in.year_count();
    r.plants = static_cast<int>(in.plants.size());
    r.clusters = static_cast<int>(in.clusters.size());
    r.instruments = static_cast<int>(in.scenario.policy.instruments.size());
    r.targets = !in.targets.empty();
    r.seed = seed;
    r.run = run;
    // Every series of the observables table (core/observables.cpp), sized by its level:
    // plant panels hold every year or, for aggregate-only runs, the year in hand.
    const auto plants = static_cast<std::size_t>(r.plants);
    const auto clusters = static_cast<std::size_t>(r.clusters);
    const auto instruments = static_cast<std::size_t>(r.instruments);
    const auto years = static_cast<std::size_t>(r.years);
    const std::size_t panel_years = level == RecordLevel::full ? years : 1;
    for (const Observable& o : observables()) {
        if (!o.in_run_file()) continue;
        const std::size_t n =
            (o.level == Level::plant ? panel_years : years) * o.per_year(plants, clusters, instruments);
        with_member(o, r, [&](auto& series) {
            using Value = typename std::decay_t<decltype(series)>::value_type;
            // A route index of -1 means none (no route recorded for that slot yet).
            series.assign(n, static_cast<Value>(o.flags == FlagSet::technology ? -1 : 0));
        });
    }
    r.events.clear();
}

}  // namespace

void start_run(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level, RunWorkspace& workspace) {
    reset_result(model, seed, run, level, workspace.result);
    reset_state(model, seed, run, workspace.state);
    // The agreements' outcomes are drawn once, with the state; the result says which way each went.
    RunResult& r = workspace.result;
    r.agreement_fate.clear();
    r.agreement_binding_year.clear();
    r.agreement_routes_from_year.clear();
    for (const AgreementOutcome& o : workspace.state.agreement_outcome) {
        r.agreement_fate.push_back(static_cast<std::uint8_t>(o.fate));
        r.agreement_binding_year.push_back(o.binding_year);
        r.agreement_routes_from_year.push_back(o.start_year);
    }
}

void simulate_years(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level,
                    RunWorkspace& workspace, int first_year, int last_year, const BeforeAppraisal& before_appraisal) {
    RunResult& result = workspace.result;
    RunState& state = workspace.state;
    const bool full = level == RecordLevel::full;
    RunResult* events = full ? &result : nullptr;
    for (int year = first_year; year <= last_year; ++year) {
        apply_transitions(model, state, year, events);
        apply_history(model, state, year, events);
        apply_agreements(model, state, year, events);
        count_entrant_supply(model, state, year);
        prepare_quota_views(model, state, year);
        clear_feedstock_market(model, state, year);
        record_accounts(model, state, year, result);
        if (before_appraisal) before_appraisal(year, state);
        std::vector<PlantDecision> decisions = appraise_triggered(model, state, year, seed, run, full);
        allocate(model, state, year, seed, run, decisions, events);
        learn_and_age(model, state);
        record_aggregates(model, state, year, result);
        clear_green_quotas(model, state, year, result);
    }
}

void simulate_into(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level,
                   RunWorkspace& workspace, const BeforeAppraisal& before_appraisal) {
    start_run(model, seed, run, level, workspace);
    const Scenario& scenario = model.inputs.scenario;
    simulate_years(model, seed, run, level, workspace, scenario.base_year, scenario.end_year, before_appraisal);
}

RunResult simulate(const Model& model, std::uint64_t seed, std::uint64_t run) {
    RunWorkspace workspace;
    simulate_into(model, seed, run, RecordLevel::full, workspace);
    return std::move(workspace.result);
}

}  // namespace eiisim
