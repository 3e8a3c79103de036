#pragma once
// How each support agreement turned out in one run (docs/ODD.md §7.15): printed by
// `eiisim run` after the public cost, so a reader sees which way the drawn letters of intent
// went before reading the emissions as the scenario's (docs/scenarios.md, "Where the 2030
// spread comes from").
#include <ostream>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// One line per agreement that is not stopped talks: stage in the data, outcome in the run
// (as_agreed, on_time, late, failed; "fixed" where [agreements.fixed] set it), the year it
// binds and the first year its routes run. Nothing when the dataset has no agreements.
void print_agreement_outcomes(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
