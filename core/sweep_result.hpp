#pragma once
// Everything a Monte Carlo sweep keeps (docs/output-format.md, "Sweep files"): the
// experiments (sampled values per run and setting), the outcomes (KPIs per run), per-year
// quantiles over runs of the banded observables (net CO2, route mix, infrastructure use;
// core/observables.cpp), and, on request, cluster trajectories or whole plant panels per
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
    std::vector<std::uint64_t> streams;          // a design's `stream` column: run r draws the random
                                                 // numbers of run streams[r]; empty: its own (r)

    // outcomes [run, ...]
    std::vector<double> cluster_net_co2_t;       // [run][milestone][cluster]
    std::vector<double> net_co2_t;               // [run][milestone]
    std::vector<double> cumulative_subsidy_eur;  // [run]
    std::vector<double> relocated_co2_t;         // [run]
    std::vector<double> production_retained;     // [run]
    std::vector<std::int32_t> unmet_infrastructure_years;  // [run]

    // Quantiles over runs (kSweepQuantiles) of each banded observable (core/observables.hpp),
    // in band order: bands[band_index(name)] is [quantile][year] or [quantile][year][cluster|kind].
    std::vector<std::vector<double>> bands;

    // --save clusters: the saved observables, in their order: trajectories[saved_index(name)]
    // is [run][year][cluster].
    bool has_cluster_trajectories = false;
    std::vector<std::vector<double>> trajectories;

    // --save plants: every run's full result, in run order
    std::vector<RunResult> plant_results;
};

}  // namespace eiisim
