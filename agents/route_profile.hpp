#pragma once
// What one tonne of product takes and emits on a given route: the plant's base-year
// profile transformed by a catalogue option (docs/ODD.md, "Route profiles").
#include "core/inputs.hpp"
#include "plant_baseline.hpp"

namespace eiisim {

// Natural gas emission factor (t CO2 per GJ) for capture heat; MIDDEN uses 56.6 kg/GJ.
inline constexpr double kGasEmissionFactorTPerGj = 0.0566;

struct RouteProfile {
    EnergyGj energy_gj_per_t{};
    double co2_gross_t_per_t = 0;
    double co2_captured_t_per_t = 0;
    double intermediate_t_per_t = 0;  // imported intermediate bought per t product
    double imported_share = 0;        // share of the upstream step replaced by the import
    double electrified_heat_share = 0;
    // Share of the fallback's combustion benchmark whose heat is now made electrically
    // (base.fuel_benchmark_heat_share of the electrified bands): no longer allocated.
    double fuel_benchmark_electrified_share = 0;
    // CO2 per t whose allowances this plant buys although another plant emits it (+), or
    // that it emits but another plant pays for (−): a process gas's carbon is paid by the
    // gas's maker, burnt by a buyer or flared (agents/fuel_gas_carbon.hpp). Zero elsewhere.
    double co2_paid_for_others_t_per_t = 0;

    [[nodiscard]] double co2_net_t_per_t() const { return co2_gross_t_per_t - co2_captured_t_per_t; }
    // The CO2 per t the plant surrenders allowances for.
    [[nodiscard]] double co2_priced_t_per_t() const { return co2_net_t_per_t() + co2_paid_for_others_t_per_t; }
};

// Profile of running `technology` in `year` (heat bands not yet available stay on fuel).
// For relocate and close the profile is the plant's untransformed base-year profile
// (what it would emit abroad, or emitted before closing).
[[nodiscard]] RouteProfile route_profile(const PlantBaseline& base, const TechnologySpec& technology,
                                         const SectorSpec& sector, int year);

}  // namespace eiisim
