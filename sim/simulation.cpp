#include "simulation.hpp"

#include "phases.hpp"

namespace eiisim {
namespace {

// Sizes and zeroes every array of `r` for a run; `assign` keeps a reused result's
// buffers, so a sweep thread pays for the allocation once.
void reset_result(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level, RunResult& r) {
    const Inputs& in = model.inputs;
    r.base_year = in.scenario.base_year;
    r.years = in.year_count();
    r.plants = static_cast<int>(in.plants.size());
    r.clusters = static_cast<int>(in.clusters.size());
    r.seed = seed;
    r.run = run;
    const auto panel_years = level == RecordLevel::full ? static_cast<std::size_t>(r.years) : 1;
    const auto panel = panel_years * static_cast<std::size_t>(r.plants);
    const auto clusters = static_cast<std::size_t>(r.years) * static_cast<std::size_t>(r.clusters);
    const auto years = static_cast<std::size_t>(r.years);
    r.technology.assign(panel, -1);
    r.kind.assign(panel, 0);
    r.status.assign(panel, 0);
    for (auto* v : {&r.production_t, &r.utilisation, &r.co2_gross_t, &r.co2_captured_t, &r.co2_net_t,
                    &r.co2_relocated_t, &r.revenue_eur, &r.margin_eur})
        v->assign(panel, 0.0);
    r.energy_gj.assign(panel * kCarrierCount, 0.0);
    r.cost_eur.assign(panel * kCostComponentCount, 0.0);
    for (auto* v : {&r.cluster_production_t, &r.cluster_co2_gross_t, &r.cluster_co2_captured_t,
                    &r.cluster_co2_net_t, &r.cluster_co2_relocated_t, &r.cluster_grid_used_mw,
                    &r.cluster_grid_headroom_mw})
        v->assign(clusters, 0.0);
    r.cluster_production_by_kind_t.assign(clusters * kOptionKindCount, 0.0);
    for (auto* v : {&r.co2_storage_used_t, &r.co2_storage_capacity_t, &r.hydrogen_used_gj,
                    &r.hydrogen_supply_gj, &r.biomethane_used_gj, &r.biomethane_supply_gj,
                    &r.subsidy_committed_eur, &r.subsidy_budget_eur, &r.subsidy_paid_eur})
        v->assign(years, 0.0);
    r.events.clear();
}

}  // namespace

void simulate_into(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level,
                   RunWorkspace& workspace, const BeforeAppraisal& before_appraisal) {
    RunResult& result = workspace.result;
    RunState& state = workspace.state;
    reset_result(model, seed, run, level, result);
    reset_state(model, seed, run, state);
    const bool full = level == RecordLevel::full;
    const Scenario& scenario = model.inputs.scenario;
    RunResult* events = full ? &result : nullptr;
    for (int year = scenario.base_year; year <= scenario.end_year; ++year) {
        apply_transitions(model, state, year, events);
        record_accounts(model, state, year, result);
        if (before_appraisal) before_appraisal(year, state);
        std::vector<PlantDecision> decisions = appraise_triggered(model, state, year, seed, run, full);
        allocate(model, state, year, seed, run, decisions, events);
        learn_and_age(model, state);
        record_aggregates(model, state, year, result);
    }
}

RunResult simulate(const Model& model, std::uint64_t seed, std::uint64_t run) {
    RunWorkspace workspace;
    simulate_into(model, seed, run, RecordLevel::full, workspace);
    return std::move(workspace.result);
}

}  // namespace eiisim
