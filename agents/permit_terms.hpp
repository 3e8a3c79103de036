#pragma once
// Which conversions are large, which go through a permit stage and for how many years
// nominally (docs/ODD.md §7.9 "Permit stage", "Staged conversions"). Shared by the appraisal, which costs an option at the
// year it would start, and by allocation, which draws how the stage turns out.
#include "core/inputs.hpp"

namespace eiisim {

// A large conversion: an investment of at least behaviour.permit_min_capex_eur. It goes
// through the permit stage of its route, and units of one site stage it (sim/site_staging.hpp).
[[nodiscard]] inline bool is_large_conversion(double capex_eur, const Behaviour& behaviour) {
    return capex_eur > 0 && capex_eur >= behaviour.permit_min_capex_eur;
}

// Nominal permit years of a conversion to `tech` investing `capex_eur`: the route's permit
// years (permits.csv) for a large conversion, else 0. Staying on the route in force is no
// conversion and needs no permit.
[[nodiscard]] inline int permit_years(const TechnologySpec& tech, double capex_eur, const Behaviour& behaviour) {
    return is_large_conversion(capex_eur, behaviour) ? tech.permit_y : 0;
}

// Years from the decision to the first year the route runs: the nominal permit stage, then
// the build lead time (at least 1: this year's transitions have already run).
[[nodiscard]] inline int decision_to_operation_y(const TechnologySpec& tech, int permit_y) {
    return permit_y + (tech.lead_time_y > 1 ? tech.lead_time_y : 1);
}

}  // namespace eiisim
