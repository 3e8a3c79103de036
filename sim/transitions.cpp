// Phase 1: conversions, relocations and closures whose year has come take effect, and
// every exit shocks its value-chain neighbours (who feel it from this year on and
// re-evaluate in this year's appraisal phase).
#include <algorithm>

#include "agents/unit_cost.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

void shock_neighbours(const Model& model, RunState& state, int plant) {
    const ValueChainCsr& csr = model.value_chain;
    const auto p = static_cast<std::size_t>(plant);
    // Customers lose this supplier: they import the input and lose the integration benefit.
    for (int k = csr.customer_begin[p]; k < csr.customer_begin[p + 1]; ++k) {
        const EdgeSpec& edge = model.inputs.edges[static_cast<std::size_t>(csr.customer_edges[static_cast<std::size_t>(k)])];
        const auto c = static_cast<std::size_t>(edge.customer);
        state.value_chain_eur_per_t[c] += edge.integration_benefit_eur_per_t;
        state.shocked[c] = 1;
    }
    // Suppliers lose this customer's offtake.
    for (int k = csr.supplier_begin[p]; k < csr.supplier_begin[p + 1]; ++k) {
        const EdgeSpec& edge = model.inputs.edges[static_cast<std::size_t>(csr.supplier_edges[static_cast<std::size_t>(k)])];
        const auto s = static_cast<std::size_t>(edge.supplier);
        state.offtake_lost_share[s] = std::min(1.0, state.offtake_lost_share[s] + edge.offtake_share);
        state.shocked[s] = 1;
    }
}

}  // namespace

void apply_transitions(const Model& model, RunState& state, int year) {
    const Inputs& in = model.inputs;
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const int target = state.target_technology[p];
        if (target < 0 || state.target_year[p] != year) continue;
        const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(target)];
        const PlantSpec& plant = in.plants[p];
        state.target_technology[p] = -1;
        if (tech.kind == OptionKind::close || tech.kind == OptionKind::relocate) {
            state.status[p] = tech.kind == OptionKind::close ? PlantStatus::closed : PlantStatus::relocated;
            state.technology[p] = target;
            state.held[p] = Holding{};
            shock_neighbours(model, state, static_cast<int>(p));
            continue;
        }
        // The old route's undepreciated capital is carried into the new one as an
        // annuity over the decision horizon.
        const int horizon = in.scenario.behaviour.horizon_y;
        const double book = book_value_of(state, static_cast<int>(p));
        if (book > 0) {
            // Adds to any annuity still running from an earlier switch.
            if (state.stranded_until_year[p] <= year) state.stranded_annuity_eur[p] = 0;
            state.stranded_annuity_eur[p] += book * capital_recovery_factor(plant.hurdle_rate, horizon);
            state.stranded_until_year[p] = year + horizon;
        }
        state.technology[p] = target;
        state.status[p] = PlantStatus::operating;
        state.asset_age_y[p] = 0;
        state.route_capex_eur[p] = state.target_capex_eur[p];
        state.route_lifetime_y[p] = tech.lifetime_y;
        state.held[p] = state.target_held[p];
        state.subsidy_eur_per_t[p] = state.target_subsidy_eur_per_t[p];
        state.subsidy_until_year[p] = year + in.scenario.policy.subsidy_years;
    }
}

}  // namespace eiisim
