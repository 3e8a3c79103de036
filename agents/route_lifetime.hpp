#pragma once
// How long a plant runs a route before it reinvests in it: the one period over which the
// route's capital is annualised in the appraisal, the calibration and the accounts, over
// which its book value is written off, and after which the reinvestment trigger fires.
// The incumbent (the sector's keep route) follows the plant's own reinvestment cycle
// (plants.csv, reinvestment_cycle_y); a route the plant converts to follows the
// catalogue lifetime (technologies.csv, lifetime_y). docs/ODD.md §7.4.
#include <cstddef>

#include "core/inputs.hpp"

namespace eiisim {

[[nodiscard]] inline int route_lifetime_y(const Inputs& inputs, int plant, int technology) {
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    if (technology == keep_technology_of(inputs, plant)) return spec.reinvestment_cycle_y;
    return inputs.technologies[static_cast<std::size_t>(technology)].lifetime_y;
}

}  // namespace eiisim
