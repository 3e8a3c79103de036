#pragma once
// Leakage in one run (docs/ODD.md §7.12, "Leakage"): the national CO2 emitted abroad by
// relocated production (outside the EU, at EU neighbours) and embodied in the imports that
// replace lost Dutch output, and the import dependence of each strategic product. Printed
// by `eiisim run` after the emissions.
#include <ostream>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// 2030 and 2050 where the run holds them.
void print_leakage(std::ostream& out, const RunResult& result);

}  // namespace eiisim
