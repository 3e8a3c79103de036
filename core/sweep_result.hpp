#pragma once
// Everything a Monte Carlo sweep keeps (docs/output-format.md, "Sweep files"): the
// experiments (sampled values per run and setting), the outcomes (KPIs per run), per-year
// quantiles over runs of net CO2 (cluster and national), of the route mix and of
// infrastructure use, and, on request, cluster trajectories or whole plant panels per
// run. Arrays are row-major with `run` (or `quantile`) first.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "run_result.hpp"

namespace eiisim {

// Outcomes of one run (sim/kpis.hpp computes them; also usable for a single run).
struct RunKpis {
    std::vector<double> cluster_net_co2_t;  // [milestone][cluster]
    std::vector<double> net_co2_t;          // [milestone], national
    double cumulative_subsidy_eur = 0;      // operating subsidy paid, all years
    double relocated_co2_t = 0;             // emitted abroad by relocated production, end year
    double production_retained = 0;         // national production end year / base year
    std::int32_t unmet_infrastructure_years = 0;  // years with a refused option (see kpis.hpp)
};

inline constexpr std::array<double, 5> kSweepQuantiles = {0.05, 0.25, 0.5, 0.75, 0.95};

struct SweepResult {
    std::string sampler;
    std::uint64_t seed = 0;
    std::size_t runs = 0;
    int base_year = 0;
    int years = 0;
    int clusters = 0;
    std::vector<int> milestones;                 // e.g. 2030, 2040, 2050 (within the run)
    std::vector<UncertainSetting> settings;      // the sampled settings, in file order
    std::vector<double> design;                  // [run][setting]: the unit-cube point
    std::vector<double> samples;                 // [run][setting]: the value applied

    // outcomes [run, ...]
    std::vector<double> cluster_net_co2_t;       // [run][milestone][cluster]
    std::vector<double> net_co2_t;               // [run][milestone]
    std::vector<double> cumulative_subsidy_eur;  // [run]
    std::vector<double> relocated_co2_t;         // [run]
    std::vector<double> production_retained;     // [run]
    std::vector<std::int32_t> unmet_infrastructure_years;  // [run]

    // quantiles over runs (kSweepQuantiles), [quantile][year][cluster|kind] or [quantile][year]
    std::vector<double> cluster_net_co2_quantiles_t;
    std::vector<double> net_co2_quantiles_t;
    // national production by kind of route in force / the run's base-year national production
    std::vector<double> production_share_by_kind_quantiles;  // [quantile][year][kind]
    std::vector<double> co2_storage_used_quantiles_t;        // [quantile][year]
    std::vector<double> co2_storage_capacity_quantiles_t;
    std::vector<double> hydrogen_used_quantiles_gj;
    std::vector<double> hydrogen_supply_quantiles_gj;
    std::vector<double> biomethane_used_quantiles_gj;
    std::vector<double> biomethane_supply_quantiles_gj;
    std::vector<double> cluster_grid_used_quantiles_mw;      // [quantile][year][cluster]
    std::vector<double> cluster_grid_headroom_quantiles_mw;

    // --save clusters: [run][year][cluster]
    bool has_cluster_trajectories = false;
    std::vector<double> cluster_production_t;
    std::vector<double> cluster_co2_net_t;
    std::vector<double> cluster_co2_captured_t;
    std::vector<double> cluster_co2_relocated_t;

    // --save plants: every run's full result, in run order
    std::vector<RunResult> plant_results;
};

}  // namespace eiisim
