#pragma once
// Production by value (docs/ODD.md §7.12): the honest measure of how much production stays
// in the Netherlands. Plants make different products in different units (t of steel,
// ammonia, crude processed; MWh of power), so tonnes cannot be added up. Each tonne made
// at home is valued at fixed reference prices of the calibration year (the year whose
// prices the product prices in sectors.csv are, and at which other costs are calibrated),
// so the base-year weights are base-year revenue shares and prices never move the measure:
//
//     v = P_s × I(cal) − m × i_s × p_imp,s(cal)        (clamped at 0)
//
// with P_s the sector's product price, I the product price index, m the route's import
// share, i_s the intermediate per t of product and p_imp its import price: an import
// route's imported intermediate is made abroad, so its value is not domestic production.
// The power sector (site CHPs and power plants on process gas, in MWh) is left out of the
// value measure and reported separately in MWh: its output is energy that the other plants
// mostly use, and counting it at its price would count that value twice.
#include <vector>

#include "inputs.hpp"

namespace eiisim {

// The power sector (sectors.csv `power`): its product unit is MWh, not t.
[[nodiscard]] bool is_power_sector(const SectorSpec& sector);

// A sector's reference prices: its product (0 for power) and its imported intermediate
// (0 if it has none), EUR per t, at the calibration year.
struct SectorValuation {
    double product_eur_per_t = 0;
    double intermediate_eur_per_t = 0;
};

// One per sector, in Inputs::sectors order.
[[nodiscard]] std::vector<SectorValuation> sector_valuations(const Inputs& inputs);

// Domestic value of one t of product made at home on `route` (v above).
[[nodiscard]] double domestic_value_eur_per_t(const SectorValuation& valuation, const SectorSpec& sector,
                                              const TechnologySpec& route);

}  // namespace eiisim
