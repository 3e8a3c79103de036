#pragma once
// Human-readable summaries printed by the CLI: what a dataset holds (validate) and what
// a run produced (run). Plain text, fixed-width, stable for golden tests.
#include <ostream>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// Plants per cluster and sector, base-year emissions, infrastructure timelines.
void print_input_summary(std::ostream& out, const Inputs& inputs);

// Net emissions per cluster (Mt CO2) in the base year, 2030, 2040 and the end year,
// relocated emissions, the public cost per support instrument (output/public_cost_summary.hpp)
// and the route mix in the end year.
void print_run_summary(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
