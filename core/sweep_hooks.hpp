#pragma once
// How a sweep sample acts on the settings that change the loaded dataset rather than a
// Scenario field: infrastructure factors and delays (applied to infrastructure.toml's
// timelines at load time, so a sample scales or shifts the loaded paths again) and the
// catalogue's capex position. Each pair resets the touched Inputs from the base and
// applies a sample; core/settings_schema.cpp attaches them to their settings.
#include "bounds.hpp"
#include "inputs.hpp"

namespace eiisim {

// The range of the infrastructure delay settings (years), for the schema and the hooks.
inline constexpr Bounds kDelayBounds{-100.0, 100.0};

void reset_co2_infrastructure(Inputs& work, const Inputs& base);
void reset_h2_infrastructure(Inputs& work, const Inputs& base);
void reset_grid_headroom(Inputs& work, const Inputs& base);
void reset_biomethane_supply(Inputs& work, const Inputs& base);
void reset_co2_shipping(Inputs& work, const Inputs& base);
void reset_capex(Inputs& work, const Inputs& base);

void apply_co2_delay(Inputs& work, double years, UncertainScale scale);
void apply_h2_delay(Inputs& work, double years, UncertainScale scale);
void apply_grid_headroom_factor(Inputs& work, double factor, UncertainScale scale);
void apply_co2_storage_factor(Inputs& work, double factor, UncertainScale scale);
void apply_co2_shipping_factor(Inputs& work, double factor, UncertainScale scale);
void apply_hydrogen_supply_factor(Inputs& work, double factor, UncertainScale scale);
void apply_biomethane_supply_factor(Inputs& work, double factor, UncertainScale scale);
void apply_capex_position(Inputs& work, double position, UncertainScale scale);

// The green premium paths (docs/ODD.md §7.16): the engine reads them per sector, resolved
// at load (a sector's own path, else the default), so a sample on the default or on the
// per-sector table resolves them again. refresh_sector_green_premiums() is that
// resolution, shared with the loader; the names must be sector ids (the loader checks).
void refresh_sector_green_premiums(Policy& policy, const std::vector<SectorSpec>& sectors);
void reset_green_premium(Inputs& work, const Inputs& base);
void reset_sector_green_premiums(Inputs& work, const Inputs& base);
void apply_green_premium_factor(Inputs& work, double factor, UncertainScale scale);
void apply_sector_green_premiums_factor(Inputs& work, double factor, UncertainScale scale);

}  // namespace eiisim
