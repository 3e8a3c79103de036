#pragma once
// Value added of a plant-year at factor cost, EUR of the model's price year (EUR2023,
// core/price_year.hpp), docs/ODD.md §7.12 "Value added". Factor cost is the concept of
// the structural business statistics the sector shares are calibrated on (Eurostat SBS
// V12150: output less intermediate consumption, plus operating subsidies, less other
// taxes on production): compensation of employees plus gross operating surplus.
//
//     VA = revenue - energy - import_purchase - value_chain - transport_storage
//          - variable_opex - ets - co2_levy - subsidy
//          - m x (fixed_opex + max(other_cost, 0)) - min(other_cost, 0)
//
// Intermediate consumption: energy at purchase prices with energy tax (a tax on products)
// but net of IKC and other electricity compensation (operating subsidies, booked in the
// energy component as negative costs), imported intermediates, the value-chain surcharge,
// the CO2 transport and storage fee, variable opex (catalysts, chemicals, water, freight)
// and the share m (sectors.csv `other_cost_intermediate_share`) of the non-energy running
// costs (fixed opex and the calibrated other cost mix labour, bought materials,
// maintenance and services). ETS and the CO2 levy are other taxes on production (ESA 2010
// 4.80; Eurostat's treatment of surrendered emission allowances), the operating subsidy
// an operating subsidy: at factor cost both move VA. The capital charge (capex annuity,
// stranded annuity) and the labour share (1 - m) are value added. A negative other cost
// is income the model does not itemise (co-products, heat and gas sales): output, all of
// it value added. Closed, relocated and idle plants book nothing: VA 0.
#include <algorithm>
#include <span>

#include "run_result.hpp"

namespace eiisim {

// `cost_eur`: the plant-year's kCostComponentCount components (RunResult::cost_eur).
[[nodiscard]] inline double value_added_eur(double revenue_eur, std::span<const double> cost_eur,
                                            double intermediate_share) {
    const auto c = [&](CostComponent k) { return cost_eur[static_cast<std::size_t>(k)]; };
    double all_costs = 0;
    for (const double v : cost_eur) all_costs += v;
    const double running = c(CostComponent::fixed_opex) + std::max(c(CostComponent::other_cost), 0.0);
    const double factor_income =
        c(CostComponent::capex_annuity) + c(CostComponent::stranded) + (1.0 - intermediate_share) * running;
    return revenue_eur - all_costs + factor_income;
}

}  // namespace eiisim
