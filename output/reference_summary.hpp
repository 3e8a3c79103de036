#pragma once
// The run printout's comparison with a reference run of the same seed (`eiisim run
// --reference KIND`, sim/reference_run.hpp): national net CO2 of both, the additional
// reduction and what it is made of, and the additional reduction per cluster.
#include <ostream>
#include <string>

#include "core/additional_reduction.hpp"
#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

void print_reference_comparison(std::ostream& out, const Inputs& inputs, const RunResult& scenario,
                                const RunResult& reference, const std::string& kind, int first_year);

}  // namespace eiisim
