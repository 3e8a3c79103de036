#include "curtailment.hpp"

namespace eiisim {

double cash_margin_eur_per_t(const UnitCost& unit) {
    // The calibrated other cost is per tonne in the accounts (docs/ODD.md §7.10), so it is
    // saved by not making the tonne, income and costs alike.
    double cash_cost = unit[CostComponent::other_cost];
    for (const CostComponent k : {CostComponent::energy, CostComponent::ets, CostComponent::co2_levy,
                                  CostComponent::transport_storage, CostComponent::variable_opex,
                                  CostComponent::import_purchase, CostComponent::subsidy})
        cash_cost += unit[k];
    return unit.revenue_eur_per_t - cash_cost;
}

bool curtails(const UnitCost& unit, double curtailed_utilisation, double margin_needed_share) {
    return curtailed_utilisation < 1.0 &&
           cash_margin_eur_per_t(unit) < margin_needed_share * unit.revenue_eur_per_t;
}

}  // namespace eiisim
