#include "uncertain_targets.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace eiisim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kNeverConnected = 9999;

// One row per target. The accessors below are switch statements over the same index,
// so the table and the code that touches Inputs stay side by side in this file.
constexpr std::array<UncertainTarget, 42> kTargets{{
    // prices (paths; factor)
    {"prices.ets_eur_per_t", TargetKind::path, "1", 0, kInf, "EU ETS price path"},
    {"prices.gas_eur_per_mwh", TargetKind::path, "1", 0, kInf, "natural gas price path"},
    {"prices.electricity_eur_per_mwh", TargetKind::path, "1", 0, kInf, "electricity price path incl. network tariff"},
    {"prices.hydrogen_eur_per_kg", TargetKind::path, "1", 0, kInf, "hydrogen price path"},
    {"prices.biomethane_eur_per_mwh", TargetKind::path, "1", 0, kInf, "biomethane price path"},
    {"prices.other_fuel_eur_per_gj", TargetKind::path, "1", 0, kInf, "other fuel price path"},
    {"prices.co2_transport_storage_eur_per_t", TargetKind::path, "1", 0, kInf, "CO2 transport and storage fee path"},
    {"prices.foreign_gas_eur_per_mwh", TargetKind::path, "1", 0, kInf, "gas price abroad path"},
    {"prices.foreign_electricity_eur_per_mwh", TargetKind::path, "1", 0, kInf, "electricity price abroad path"},
    {"prices.product_price_index", TargetKind::path, "1", 0, kInf, "product price index path"},
    {"prices.import_eur_per_t", TargetKind::path, "1", 0, kInf, "every imported-intermediate price path"},
    // policy paths (factor)
    {"policy.free_allocation_factor", TargetKind::path, "1", 0, 1, "free allocation factor path (CBAM sectors)"},
    {"policy.free_allocation_factor_non_cbam", TargetKind::path, "1", 0, 1, "free allocation factor path (other sectors)"},
    {"policy.cbam_factor", TargetKind::path, "1", 0, 1, "CBAM factor path"},
    {"policy.co2_levy_eur_per_t", TargetKind::path, "1", 0, kInf, "national CO2 levy path"},
    {"policy.dispensation_factor", TargetKind::path, "1", 0, kInf, "levy dispensation factor path"},
    {"policy.subsidy_budget_meur", TargetKind::path, "1", 0, kInf, "subsidy budget path"},
    {"policy.green_premium_eur_per_t", TargetKind::path, "1", 0, kInf, "green premium path"},
    // policy numbers
    {"policy.subsidy_max_eur_per_tco2", TargetKind::number, "EUR/t", 0, kInf, "subsidy cap per t CO2 avoided"},
    {"policy.investment_subsidy_share", TargetKind::number, "1", 0, 1, "investment subsidy share of capex"},
    {"policy.subsidy_years", TargetKind::integer, "year", 1, 100, "subsidy contract length"},
    // infrastructure
    {"infrastructure.co2_storage_factor", TargetKind::infra, "1", 0, kInf, "factor on national CO2 storage capacity"},
    {"infrastructure.hydrogen_supply_factor", TargetKind::infra, "1", 0, kInf, "factor on national hydrogen supply"},
    {"infrastructure.grid_headroom_factor", TargetKind::infra, "1", 0, kInf, "factor on every cluster's grid headroom"},
    {"infrastructure.co2_delay_y", TargetKind::delay, "year", -100, 100, "extra delay of CO2 connections and storage"},
    {"infrastructure.h2_delay_y", TargetKind::delay, "year", -100, 100, "extra delay of hydrogen connections and supply"},
    // behaviour
    {"behaviour.adaptive_weight", TargetKind::number, "1", 0, 1, "weight of the newest price in adaptive expectations"},
    {"behaviour.horizon_y", TargetKind::integer, "year", 1, 100, "decision horizon"},
    {"behaviour.logit_scale", TargetKind::number, "1", 1e-9, kInf, "logit scale (heterogeneity of choices)"},
    {"behaviour.strategic_bias_sd", TargetKind::number, "1", 0, kInf, "sd of plant-specific option bias"},
    {"behaviour.loss_years_trigger", TargetKind::integer, "year", 1, 100, "loss years that force a re-evaluation"},
    {"behaviour.infrastructure_risk_premium", TargetKind::number, "1", 0, kInf, "risk premium while infrastructure is pending"},
    {"behaviour.peer_risk_reduction", TargetKind::number, "1", 0, 1, "share of the premium removed by peer adoption"},
    {"behaviour.export_fraction", TargetKind::number, "1", 0, 1, "share of lost offtake sold abroad"},
    {"behaviour.export_discount", TargetKind::number, "1", 0, 1, "price discount on exports"},
    {"behaviour.grid_load_factor", TargetKind::number, "1", 1e-9, 1, "average / peak load of new electric demand"},
    {"behaviour.energy_cost_pass_through", TargetKind::number, "1", 0, 1, "share of energy-price changes passed to product prices"},
    {"behaviour.relocation_hurdle", TargetKind::number, "1", 0, 1, "relocation hurdle (share of product price)"},
    {"behaviour.closure_threshold", TargetKind::number, "1", 0, 1, "closure threshold (share of product price)"},
    {"behaviour.curtailed_utilisation", TargetKind::number, "1", 0, 1, "utilisation share in a year of negative cash margin"},
    // technology catalogue
    {"technologies.capex_position", TargetKind::capex, "1", 0, 1,
     "position of every option's capex in its MIDDEN range (0 lower limit, 0.5 central, 1 upper limit)"},
    // added after the catalogue target, so earlier indices stay as they were
    {"infrastructure.biomethane_supply_factor", TargetKind::infra, "1", 0, kInf, "factor on national new biomethane supply"},
}};

constexpr int kCapexPosition = 40;
constexpr int kBiomethaneSupply = 41;

// Capex at `position` in [0, 1] of the row's range: piecewise linear through the lower
// limit (0), the central value (0.5) and the upper limit (1).
double capex_at(const TechnologySpec& t, double position) {
    if (position <= 0.5) return t.capex_low_eur_per_t_yr + 2 * position * (t.capex_eur_per_t_yr - t.capex_low_eur_per_t_yr);
    return t.capex_eur_per_t_yr + (2 * position - 1) * (t.capex_high_eur_per_t_yr - t.capex_eur_per_t_yr);
}

// The single path of a path target (prices.import_eur_per_t, several paths, is handled apart).
TimePath* path_of(int target, Inputs& in) {
    PricePaths& p = in.scenario.prices;
    Policy& q = in.scenario.policy;
    switch (target) {
        case 0: return &p.ets_eur_per_t;
        case 1: return &p.gas_eur_per_gj;
        case 2: return &p.electricity_eur_per_gj;
        case 3: return &p.hydrogen_eur_per_gj;
        case 4: return &p.biomethane_eur_per_gj;
        case 5: return &p.other_fuel_eur_per_gj;
        case 6: return &p.co2_transport_storage_eur_per_t;
        case 7: return &p.foreign_gas_eur_per_gj;
        case 8: return &p.foreign_electricity_eur_per_gj;
        case 9: return &p.product_price_index;
        case 11: return &q.free_allocation_factor;
        case 12: return &q.free_allocation_factor_non_cbam;
        case 13: return &q.cbam_factor;
        case 14: return &q.co2_levy_eur_per_t;
        case 15: return &q.dispensation_factor;
        case 16: return &q.subsidy_budget_eur;
        case 17: return &q.green_premium_eur_per_t;
        default: return nullptr;
    }
}

double* number_of(int target, Inputs& in) {
    Policy& q = in.scenario.policy;
    Behaviour& b = in.scenario.behaviour;
    switch (target) {
        case 18: return &q.subsidy_max_eur_per_tco2;
        case 19: return &q.investment_subsidy_share;
        case 26: return &b.adaptive_weight;
        case 28: return &b.logit_scale;
        case 29: return &b.strategic_bias_sd;
        case 31: return &b.infrastructure_risk_premium;
        case 32: return &b.peer_risk_reduction;
        case 33: return &b.export_fraction;
        case 34: return &b.export_discount;
        case 35: return &b.grid_load_factor;
        case 36: return &b.energy_cost_pass_through;
        case 37: return &b.relocation_hurdle;
        case 38: return &b.closure_threshold;
        case 39: return &b.curtailed_utilisation;
        default: return nullptr;
    }
}

int* integer_of(int target, Inputs& in) {
    switch (target) {
        case 20: return &in.scenario.policy.subsidy_years;
        case 27: return &in.scenario.behaviour.horizon_y;
        case 30: return &in.scenario.behaviour.loss_years_trigger;
        default: return nullptr;
    }
}

// A path whose anchors are clamped into [min, max] (scaled shares must stay shares).
TimePath clamped(const TimePath& path, double min, double max) {
    auto anchors = path.anchors();
    for (auto& a : anchors) a.second = std::clamp(a.second, min, max);
    return TimePath(std::move(anchors));
}

int rounded(double x) { return static_cast<int>(std::lround(x)); }

Inputs& mutable_base(const Inputs& base) {
    // The accessors take Inputs&; reset only reads through them.
    return const_cast<Inputs&>(base);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

}  // namespace

std::span<const UncertainTarget> uncertain_targets() { return kTargets; }

int find_uncertain_target(std::string_view name) {
    for (std::size_t i = 0; i < kTargets.size(); ++i)
        if (name == kTargets[i].name) return static_cast<int>(i);
    return -1;
}

bool target_accepts(const UncertainTarget& target, UncertainScale scale) {
    switch (target.kind) {
        case TargetKind::path:
        case TargetKind::infra: return scale == UncertainScale::factor;
        case TargetKind::delay:
        case TargetKind::capex: return scale == UncertainScale::value;
        case TargetKind::number:
        case TargetKind::integer: return true;
    }
    return false;
}

UncertainScale default_scale(const UncertainTarget& target) {
    return target.kind == TargetKind::path || target.kind == TargetKind::infra ? UncertainScale::factor
                                                                              : UncertainScale::value;
}

void reset_uncertain_target(int target, Inputs& work, const Inputs& base) {
    Inputs& from = mutable_base(base);
    if (TimePath* path = path_of(target, work)) {
        *path = *path_of(target, from);
    } else if (double* number = number_of(target, work)) {
        *number = *number_of(target, from);
    } else if (int* integer = integer_of(target, work)) {
        *integer = *integer_of(target, from);
    } else if (target == 10) {
        work.scenario.prices.import_eur_per_t = base.scenario.prices.import_eur_per_t;
    } else if (target == 21 || target == 24) {
        work.national.co2_storage_t = base.national.co2_storage_t;
        for (std::size_t c = 0; c < work.clusters.size(); ++c)
            work.clusters[c].co2_connection_year = base.clusters[c].co2_connection_year;
    } else if (target == 22 || target == 25) {
        work.national.hydrogen_supply_gj = base.national.hydrogen_supply_gj;
        for (std::size_t c = 0; c < work.clusters.size(); ++c)
            work.clusters[c].h2_connection_year = base.clusters[c].h2_connection_year;
    } else if (target == 23) {
        for (std::size_t c = 0; c < work.clusters.size(); ++c)
            work.clusters[c].grid_headroom_mw = base.clusters[c].grid_headroom_mw;
    } else if (target == kCapexPosition) {
        for (std::size_t t = 0; t < work.technologies.size(); ++t)
            work.technologies[t].capex_eur_per_t_yr = base.technologies[t].capex_eur_per_t_yr;
    } else if (target == kBiomethaneSupply) {
        work.national.biomethane_supply_gj = base.national.biomethane_supply_gj;
    }
}

void apply_uncertain_target(int target, Inputs& work, double x, UncertainScale scale) {
    const UncertainTarget& t = kTargets[static_cast<std::size_t>(target)];
    const bool factor = scale == UncertainScale::factor;
    if (TimePath* path = path_of(target, work)) {
        *path = clamped(path->scaled(x), t.min, t.max);
    } else if (double* number = number_of(target, work)) {
        *number = std::clamp(factor ? *number * x : x, t.min, t.max);
    } else if (int* integer = integer_of(target, work)) {
        const double v = factor ? *integer * x : x;
        *integer = std::clamp(rounded(v), static_cast<int>(t.min), static_cast<int>(t.max));
    } else if (target == 10) {
        for (TimePath& p : work.scenario.prices.import_eur_per_t) p = clamped(p.scaled(x), t.min, t.max);
    } else if (target == 21) {
        work.national.co2_storage_t = work.national.co2_storage_t.scaled(std::max(0.0, x));
    } else if (target == 22) {
        work.national.hydrogen_supply_gj = work.national.hydrogen_supply_gj.scaled(std::max(0.0, x));
    } else if (target == 23) {
        for (ClusterSpec& c : work.clusters) c.grid_headroom_mw = c.grid_headroom_mw.scaled(std::max(0.0, x));
    } else if (target == kBiomethaneSupply) {
        work.national.biomethane_supply_gj = work.national.biomethane_supply_gj.scaled(std::max(0.0, x));
    } else if (target == 24 || target == 25) {
        const int years = std::clamp(rounded(x), static_cast<int>(t.min), static_cast<int>(t.max));
        const bool co2 = target == 24;
        for (ClusterSpec& c : work.clusters) {
            int& year = co2 ? c.co2_connection_year : c.h2_connection_year;
            if (year < kNeverConnected) year += years;
        }
        TimePath& national = co2 ? work.national.co2_storage_t : work.national.hydrogen_supply_gj;
        national = national.shifted(years);
    }
    if (target == kCapexPosition) {
        // One position for every row: costs move together (comonotonic), so the sample
        // spans MIDDEN's ranges rather than averaging them away.
        const double position = std::clamp(x, 0.0, 1.0);
        for (TechnologySpec& tech : work.technologies) tech.capex_eur_per_t_yr = capex_at(tech, position);
    }
}

}  // namespace eiisim
