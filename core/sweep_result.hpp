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

#include "outcomes.hpp"
#include "run_result.hpp"

namespace eiisim {

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
    // --reference: the reference kind every run was also simulated as (kReferenceKindNames,
    // sim/reference_run.hpp) and its first year; empty: none.
    std::string reference;
    int reference_first_year = 0;

    // The outcomes (core/outcomes.hpp): outcomes[outcome_index(name)] is [run][...] (each run's
    // values of that row, empty where the row is not present).
    std::vector<std::vector<double>> outcomes;
    [[nodiscard]] const std::vector<double>& outcome(std::string_view name) const {
        return outcomes.at(outcome_index(name));
    }

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
