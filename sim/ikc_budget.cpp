#include "ikc_budget.hpp"

#include "agents/energy_stack.hpp"
#include "phases.hpp"

namespace eiisim {

void cut_ikc_to_budget(const Model& model, RunState& state, int year, RunResult& result) {
    const int yi = year - model.inputs.scenario.base_year;
    const int row = panel_row(result, yi);
    const auto n = static_cast<int>(model.inputs.plants.size());
    const auto ikc_at = [&](int p) {
        return result.at(row, p) * kEnergyPartCount + static_cast<std::size_t>(EnergyPart::ikc);
    };
    double claims = 0;  // serially, in plant order: bit-identical for any thread count
    for (int p = 0; p < n; ++p) claims -= result.energy_cost_eur[ikc_at(p)];
    state.ikc_claims_eur = claims;
    const double share = ikc_pro_rata(model.actual[static_cast<std::size_t>(yi)].ikc_budget_eur, claims);
    if (share >= 1.0) return;
    for (int p = 0; p < n; ++p) {
        double& ikc = result.energy_cost_eur[ikc_at(p)];
        if (ikc == 0) continue;
        const std::size_t at = result.at(row, p);
        const double cut = -ikc * (1.0 - share);  // the part of the claim not paid: a cost
        ikc += cut;
        result.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(CostComponent::energy)] += cut;
        const bool was_loss = result.margin_eur[at] < 0;
        result.margin_eur[at] -= cut;
        // Energy is intermediate consumption and IKC an operating subsidy: the part of the
        // claim not paid lowers value added as it lowers the margin (core/value_added.hpp).
        result.value_added_eur[at] -= cut;
        // The accounts counted the year with the full claim; a margin the cut turns negative
        // starts a loss streak (the streak before it was reset when the year looked profitable).
        if (!was_loss && result.margin_eur[at] < 0) state.loss_years[static_cast<std::size_t>(p)] = 1;
    }
}

}  // namespace eiisim
