// Phase 5: learning curves and ageing. Wright's law lowers the capex of technologies
// whose cumulative granted capacity grew this year; every running plant's asset ages.
#include <algorithm>
#include <cmath>

#include "phases.hpp"

namespace eiisim {

void learn_and_age(const Model& model, RunState& state) {
    const Inputs& in = model.inputs;
    for (std::size_t t = 0; t < in.technologies.size(); ++t) {
        const TechnologySpec& tech = in.technologies[t];
        if (tech.learning_rate <= 0) continue;
        // Only grants move the cumulative capacity, and most technologies see none in a
        // year: recomputing log2 and pow for all of them every year was a sizeable share
        // of a sweep. Same inputs, same value, so skipping them changes nothing.
        if (state.learning_capacity_t[t] == state.learning_priced_at_t[t]) continue;
        state.learning_priced_at_t[t] = state.learning_capacity_t[t];
        // Wright's law: capex x (cumulative / initial)^log2(1 - learning rate).
        const double doublings = std::log2(state.learning_capacity_t[t] / std::max(1.0, tech.learning_seed_t_yr));
        state.learning_multiplier[t] = std::pow(1.0 - tech.learning_rate, doublings);
    }
    for (std::size_t p = 0; p < in.plants.size(); ++p)
        if (state.status[p] == PlantStatus::operating || state.status[p] == PlantStatus::converting)
            ++state.asset_age_y[p];
}

}  // namespace eiisim
