#pragma once
// The last guard before a result is written (issue 16): no file may hold an infinity or a
// NaN. Input ranges (core/bounds.hpp) keep them out; this catches what slips through a
// derived quantity, and names where it is, so that the cause can be found.
#include <stdexcept>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim::output {

// Thrown with a message naming the series, the year and the plant (id and name), cluster
// or instrument, and the index along the series' extra dimension.
struct NonFiniteResult : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Checks every series of `r` that goes into a run file, and the costs of its decision log.
void check_result_finite(const Inputs& inputs, const RunResult& r);

}  // namespace eiisim::output
