#pragma once
// The dataset's observed history (Inputs::history) as the engine applies it, laid out once
// per plant and year when the Model is built, for the scenario's history mode (docs/ODD.md
// §7.13): the yearly loops only index it.
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct HistoryProject {
    int plant = 0;
    int technology = 0;
    int start_year = 0;
};

struct HistoryPlan {
    int plants = 0;
    // Forced mode: the last year a row of observed behaviour covers; no endogenous route
    // change, closure or relocation takes effect in or before it. Otherwise base_year - 1.
    int last_observed_year = 0;
    // [year index x plants + plant]: observed utilisation (production / capacity), < 0:
    // none; and the share of capacity still open after partial closures (1: all).
    std::vector<double> utilisation;
    std::vector<double> capacity_share;
    // Forced mode, years up to last_observed_year: the factor on the base utilisation of a
    // plant without an observed utilisation that year, its sector's observed production
    // volume index (sector_activity.csv); 1 otherwise.
    std::vector<double> activity;
    // per year index: plants that close in full that year; projects granted that year
    std::vector<std::vector<int>> closures;
    std::vector<std::vector<HistoryProject>> projects;

    [[nodiscard]] double observed_utilisation(int yi, int plant) const {
        return utilisation[static_cast<std::size_t>(yi * plants + plant)];
    }
    [[nodiscard]] double activity_factor(int yi, int plant) const {
        return activity[static_cast<std::size_t>(yi * plants + plant)];
    }
    [[nodiscard]] double open_capacity_share(int yi, int plant) const {
        return capacity_share[static_cast<std::size_t>(yi * plants + plant)];
    }
};

// Whether a row applies under `mode`: forced all, free the exogenous ones, off none.
[[nodiscard]] bool history_row_applies(const HistoryEntry& row, HistoryMode mode);
[[nodiscard]] HistoryPlan plan_history(const Inputs& in);

}  // namespace eiisim
