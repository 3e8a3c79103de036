#pragma once
// What `eiisim hindcast` compares and finds (docs/validation.md "Hindcast"): the observed
// series of the dataset (observed_emissions.csv, read by inputs/observed_emissions.cpp)
// and, per series and mode, the simulated and observed figures by year with the error
// metrics (computed by sweep/hindcast.cpp, written by output/hdf5_hindcast_writer.cpp).
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "inputs.hpp"

namespace eiisim {

enum class ObservedScope : std::uint8_t { national, installation, cluster };
inline constexpr std::array<const char*, 3> kObservedScopeNames = {"national", "installation", "cluster"};

enum class ObservedLabel : std::uint8_t { direct, derived, estimate };
inline constexpr std::array<const char*, 3> kObservedLabelNames = {"direct", "derived", "estimate"};

struct Observation {
    double co2_mt = 0;
    ObservedLabel label = ObservedLabel::direct;
    std::string source;
};

// One observed series and the plants of the model that make up its scope.
struct ObservedSeries {
    ObservedScope scope = ObservedScope::national;
    std::string id;
    std::string name;
    std::string plants_text;            // the `plants` field as written
    std::vector<int> plants;            // indices into Inputs::plants, ascending
    std::map<int, Observation> years;   // by calendar year
};

// The two modes, in the order they are reported.
inline constexpr std::array<HistoryMode, 2> kHindcastModes = {HistoryMode::forced, HistoryMode::free};

// One year of one series in one mode. Simulated figures are over seeds: the level's
// 5 %, 50 % and 95 % quantiles, and the medians of each seed's changes. Observed
// figures and the comparison are NaN (sign_right -1) where the year has no observation.
struct HindcastYear {
    int year = 0;
    double simulated_p05_mt = 0, simulated_median_mt = 0, simulated_p95_mt = 0;
    double simulated_change = 0;  // since the base year, fraction (median over seeds)
    double simulated_yoy = 0;     // on the previous year, fraction (median over seeds); NaN in the base year
    double observed_mt = 0;
    double observed_change = 0;   // since the base year
    double observed_yoy = 0;      // on the previous year; NaN without both observations
    double error_pp = 0;          // 100 x (simulated_change - observed_change)
    int sign_right = -1;          // 1 right, 0 wrong, -1 not comparable
    std::string label;            // of the observation: direct, derived, estimate
};

struct HindcastMetrics {
    double mae_pp = 0;    // mean |error_pp| over the years after the base year with an observation
    double mape_pct = 0;  // MAPE of the base-year-indexed levels (hindcast_metrics.hpp)
    int signs_right = 0;
    int signs_compared = 0;
};

struct HindcastSeries {
    ObservedSeries observed;
    std::array<std::vector<HindcastYear>, kHindcastModes.size()> years;  // base year .. last year
    std::array<HindcastMetrics, kHindcastModes.size()> metrics;
};

struct HindcastResult {
    std::string scenario;
    int base_year = 0;
    int last_year = 0;  // the last observed year: where the runs end
    int seeds = 0;
    std::vector<HindcastSeries> series;
};

}  // namespace eiisim
