#include "plant_jobs.hpp"

namespace eiisim {

double labour_factor(const PlantJobsState& state, double upstream_labour_share) {
    if (!on_site(state.status)) return 0.0;
    if (state.kind == OptionKind::import_intermediate) return 1.0 - state.import_share * upstream_labour_share;
    return 1.0;
}

double plant_jobs(double employees, const PlantJobsState& state, double upstream_labour_share) {
    return employees * state.open_share * labour_factor(state, upstream_labour_share);
}

}  // namespace eiisim
