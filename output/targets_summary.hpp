#pragma once
// The climate targets against one run, printed by `eiisim run` (issue 14): each target's
// level on the model's scope in its year (target_co2_net, core/emission_targets.hpp), the
// run's national net CO2 that year and the gap between them.
#include <ostream>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// National net CO2 in year index `yi`, t/yr: cluster_co2_net summed over clusters.
[[nodiscard]] double national_net_t(const RunResult& result, int yi);

// The run's national net CO2 above target `t` in its year, t/yr: national net minus the
// target (positive: still to cut; negative: target beaten).
[[nodiscard]] double target_gap_t(const Inputs& inputs, const RunResult& result, EmissionTarget t);

// Nothing when the dataset has no targets (no targets.csv) or a target falls outside the run.
void print_targets(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
