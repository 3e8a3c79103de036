#pragma once
// Writes one run's results to an HDF5 file whose layout netCDF-4 tools read directly
// (docs/output-format.md). The file is written under a temporary name and renamed into
// place only when complete, so a failed or interrupted run never leaves a partial file.
#include <filesystem>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "core/sweep_result.hpp"

namespace eiisim {

// With `kpis`, the file also carries the run's outcome variables along `run` (length 1),
// in the same layout as a sweep's outcomes (`milestones`: the KPI years).
void write_run_hdf5(const std::filesystem::path& out, const Inputs& inputs, const RunResult& result,
                    const RunKpis* kpis = nullptr, const std::vector<int>& milestones = {});

}  // namespace eiisim
