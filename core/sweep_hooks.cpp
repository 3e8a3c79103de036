#include "sweep_hooks.hpp"

#include <algorithm>
#include <cmath>

namespace eiisim {
namespace {


// Capex at `position` in [0, 1] of the row's range: piecewise linear through the lower
// limit (0), the central value (0.5) and the upper limit (1).
double capex_at(const TechnologySpec& t, double position) {
    if (position <= 0.5) return t.capex_low_eur_per_t_yr + 2 * position * (t.capex_eur_per_t_yr - t.capex_low_eur_per_t_yr);
    return t.capex_eur_per_t_yr + (2 * position - 1) * (t.capex_high_eur_per_t_yr - t.capex_eur_per_t_yr);
}

// A delay moves every connected cluster's connection year and the national path.
void delay(Inputs& work, double sample, bool co2) {
    const int years = std::clamp(static_cast<int>(std::lround(sample)), static_cast<int>(kDelayBounds.min),
                                 static_cast<int>(kDelayBounds.max));
    for (ClusterSpec& c : work.clusters) {
        int& year = co2 ? c.co2_connection_year : c.h2_connection_year;
        if (year < kNeverConnected) year += years;
    }
    // Plant-level pipeline connections move with the pipelines; ship connections do not.
    if (co2)
        for (PlantSpec& p : work.plants)
            if (p.co2_transport == Co2Transport::pipeline && p.co2_connection_year != kNoPlantConnection &&
                p.co2_connection_year < kNeverConnected)
                p.co2_connection_year += years;
    TimePath& national = co2 ? work.national.co2_storage_t : work.national.hydrogen_supply_gj;
    national = national.shifted(years);
}

// A scaled premium path stays within the premiums' bounds (EUR/t).
TimePath scaled_premium(const TimePath& path, double factor) {
    return path.scaled(factor).clamped(kEurPerTonne.min, kEurPerTonne.max);
}

}  // namespace

void reset_co2_infrastructure(Inputs& work, const Inputs& base) {
    work.national.co2_storage_t = base.national.co2_storage_t;
    for (std::size_t c = 0; c < work.clusters.size(); ++c)
        work.clusters[c].co2_connection_year = base.clusters[c].co2_connection_year;
    for (std::size_t p = 0; p < work.plants.size(); ++p)
        work.plants[p].co2_connection_year = base.plants[p].co2_connection_year;
}

void reset_h2_infrastructure(Inputs& work, const Inputs& base) {
    work.national.hydrogen_supply_gj = base.national.hydrogen_supply_gj;
    for (std::size_t c = 0; c < work.clusters.size(); ++c)
        work.clusters[c].h2_connection_year = base.clusters[c].h2_connection_year;
}

void reset_grid_headroom(Inputs& work, const Inputs& base) {
    for (std::size_t c = 0; c < work.clusters.size(); ++c)
        work.clusters[c].grid_headroom_mw = base.clusters[c].grid_headroom_mw;
}

void reset_biomethane_supply(Inputs& work, const Inputs& base) {
    work.national.biomethane_supply_gj = base.national.biomethane_supply_gj;
}

void reset_co2_shipping(Inputs& work, const Inputs& base) {
    work.national.co2_shipping_t = base.national.co2_shipping_t;
}

void reset_capex(Inputs& work, const Inputs& base) {
    for (std::size_t t = 0; t < work.technologies.size(); ++t)
        work.technologies[t].capex_eur_per_t_yr = base.technologies[t].capex_eur_per_t_yr;
}

void apply_co2_delay(Inputs& work, double years, UncertainScale) { delay(work, years, true); }
void apply_h2_delay(Inputs& work, double years, UncertainScale) { delay(work, years, false); }

void apply_grid_headroom_factor(Inputs& work, double factor, UncertainScale) {
    for (ClusterSpec& c : work.clusters) c.grid_headroom_mw = c.grid_headroom_mw.scaled(std::max(0.0, factor));
}

void apply_co2_storage_factor(Inputs& work, double factor, UncertainScale) {
    work.national.co2_storage_t = work.national.co2_storage_t.scaled(std::max(0.0, factor));
}

void apply_co2_shipping_factor(Inputs& work, double factor, UncertainScale) {
    work.national.co2_shipping_t = work.national.co2_shipping_t.scaled(std::max(0.0, factor));
}

void apply_hydrogen_supply_factor(Inputs& work, double factor, UncertainScale) {
    work.national.hydrogen_supply_gj = work.national.hydrogen_supply_gj.scaled(std::max(0.0, factor));
}

void apply_biomethane_supply_factor(Inputs& work, double factor, UncertainScale) {
    work.national.biomethane_supply_gj = work.national.biomethane_supply_gj.scaled(std::max(0.0, factor));
}

// One position for every row: costs move together (comonotonic), so the sample spans
// MIDDEN's ranges rather than averaging them away.
void apply_capex_position(Inputs& work, double position, UncertainScale) {
    const double p = std::clamp(position, 0.0, 1.0);
    for (TechnologySpec& tech : work.technologies) tech.capex_eur_per_t_yr = capex_at(tech, p);
}

void refresh_sector_green_premiums(Policy& policy, const std::vector<SectorSpec>& sectors) {
    if (policy.green_premium_sector_names.empty()) return;  // every sector on the default
    policy.sector_green_premium_eur_per_t.assign(sectors.size(), policy.green_premium_eur_per_t);
    for (std::size_t i = 0; i < policy.green_premium_sector_names.size(); ++i) {
        const auto it = std::find_if(sectors.begin(), sectors.end(), [&](const SectorSpec& sector) {
            return sector.id == policy.green_premium_sector_names[i];
        });
        if (it != sectors.end())
            policy.sector_green_premium_eur_per_t[static_cast<std::size_t>(it - sectors.begin())] =
                policy.green_premium_sector_paths[i];
    }
}

void reset_green_premium(Inputs& work, const Inputs& base) {
    work.scenario.policy.green_premium_eur_per_t = base.scenario.policy.green_premium_eur_per_t;
    refresh_sector_green_premiums(work.scenario.policy, work.sectors);
}

void reset_sector_green_premiums(Inputs& work, const Inputs& base) {
    work.scenario.policy.green_premium_sector_paths = base.scenario.policy.green_premium_sector_paths;
    refresh_sector_green_premiums(work.scenario.policy, work.sectors);
}

void apply_green_premium_factor(Inputs& work, double factor, UncertainScale) {
    TimePath& path = work.scenario.policy.green_premium_eur_per_t;
    path = scaled_premium(path, factor);
    refresh_sector_green_premiums(work.scenario.policy, work.sectors);
}

void apply_sector_green_premiums_factor(Inputs& work, double factor, UncertainScale) {
    for (TimePath& path : work.scenario.policy.green_premium_sector_paths) path = scaled_premium(path, factor);
    refresh_sector_green_premiums(work.scenario.policy, work.sectors);
}

}  // namespace eiisim
