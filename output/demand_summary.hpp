#pragma once
// Demand paths in one run (issue 15, docs/ODD.md §7.19): per sector with a volume path, the
// scenario's path and the national production it led to. Printed by `eiisim run`.
#include <ostream>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// Nothing without demand paths.
void print_demand(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
