#pragma once
// Jobs in one run (issue 14): FTE per cluster, nationally and per sector in the base year,
// 2030 and the end year (docs/ODD.md §7.12, "Jobs"). Printed by `eiisim run`.
#include <ostream>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// The base year, 2030 (when inside the run) and the end year: the years of the jobs and
// the value-added tables of the run printout.
[[nodiscard]] std::vector<int> base_2030_end_years(const RunResult& result);

// Jobs per sector (Inputs::sectors order) in `year`, summed from the plant panel.
[[nodiscard]] std::vector<double> sector_jobs(const Inputs& inputs, const RunResult& result, int year);

void print_jobs(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
