#include "route_profile.hpp"

namespace eiisim {

RouteProfile route_profile(const PlantBaseline& base, const TechnologySpec& technology,
                           const SectorSpec& sector, int year) {
    const bool transforms = !is_relocation(technology.kind) &&
                            technology.kind != OptionKind::close;
    RouteProfile out;
    const double fuel_heat = base.gas_heat_gj_per_t + base.other_fuel_gj_per_t;

    double to_electricity = 0, to_hydrogen = 0, to_bio = 0, fuel_scale = 1.0;
    double process_scale = 1.0, feedstock_scale = 1.0, hydrogen_feedstock = 0, extra_electricity = 0;
    double import_share = 0, capture_rate = 0;
    if (transforms) {
        // Fuel heat moves in a fixed order: electricity first (by band), then hydrogen and
        // biomethane take their shares of what remains. Combustion CO2 follows the fuel.
        // Both shares in one pass over the bands (this runs for every option appraised).
        for (std::size_t b = 0; b < static_cast<std::size_t>(kHeatBandCount); ++b) {
            if (year < technology.electrify_year[b] || technology.electrify_share[b] <= 0) continue;
            out.electrified_heat_share += base.heat_share[b] * technology.electrify_share[b];
            out.fuel_benchmark_electrified_share += base.fuel_benchmark_heat_share[b] * technology.electrify_share[b];
        }
        to_electricity = fuel_heat * out.electrified_heat_share;
        const double after_electric = fuel_heat - to_electricity;
        to_hydrogen = after_electric * technology.hydrogen_fuel_share;
        to_bio = (after_electric - to_hydrogen) * technology.bio_fuel_share;
        const double remaining = after_electric - to_hydrogen - to_bio;
        fuel_scale = fuel_heat > 0 ? remaining / fuel_heat : 1.0;
        process_scale = 1.0 - technology.process_cut_share;
        feedstock_scale = 1.0 - technology.feedstock_gas_cut_share;
        hydrogen_feedstock = technology.hydrogen_feedstock_gj_per_t;
        extra_electricity = technology.electricity_extra_gj_per_t;
        import_share = technology.import_share;
        capture_rate = technology.capture_rate;
    }

    EnergyGj& e = out.energy_gj_per_t;
    e[static_cast<int>(Carrier::gas)] =
        base.gas_heat_gj_per_t * fuel_scale + base.gas_feedstock_gj_per_t * feedstock_scale;
    e[static_cast<int>(Carrier::other_fuel)] = base.other_fuel_gj_per_t * fuel_scale;
    e[static_cast<int>(Carrier::electricity)] =
        base.electricity_gj_per_t + to_electricity / technology.electric_efficiency + extra_electricity;
    e[static_cast<int>(Carrier::hydrogen)] = base.hydrogen_gj_per_t + to_hydrogen + hydrogen_feedstock;
    e[static_cast<int>(Carrier::biomethane)] = base.biomethane_gj_per_t + to_bio;
    double gross = base.co2_combustion_t_per_t * fuel_scale + base.co2_process_t_per_t * process_scale;

    // Importing the intermediate removes that share of the upstream step altogether.
    const double domestic = 1.0 - import_share;
    for (double& carrier : e) carrier *= domestic;
    gross *= domestic;
    out.intermediate_t_per_t = import_share * sector.intermediate_t_per_t;
    out.imported_share = import_share;

    // Capture: its own energy is added; the heat for it is gas whose CO2 is not captured.
    const double captured = capture_rate * gross;
    e[static_cast<int>(Carrier::electricity)] += captured * technology.capture_electricity_gj_per_tco2;
    const double capture_heat = captured * technology.capture_heat_gj_per_tco2;
    e[static_cast<int>(Carrier::gas)] += capture_heat;
    out.co2_gross_t_per_t = gross + capture_heat * kGasEmissionFactorTPerGj;
    out.co2_captured_t_per_t = captured;
    return out;
}

}  // namespace eiisim
