#pragma once
// Writes one run's results to an HDF5 file whose layout netCDF-4 tools read directly
// (docs/output-format.md). The file is written under a temporary name and renamed into
// place only when complete, so a failed or interrupted run never leaves a partial file.
#include <filesystem>
#include <string>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "core/sweep_result.hpp"

namespace eiisim {

// A reference run of the same seed (sim/reference_run.hpp) written beside the scenario's.
struct ReferenceRun {
    std::string kind;   // kReferenceKindNames
    int first_year = 0;  // first year it departs from the scenario
    const RunResult* result = nullptr;
};

// With `kpis`, the file also carries the run's outcome variables along `run` (length 1),
// in the same layout as a sweep's outcomes (`milestones`: the KPI years); with
// `reference`, the reference run's cluster and national series.
void write_run_hdf5(const std::filesystem::path& out, const Inputs& inputs, const RunResult& result,
                    const RunKpis* kpis = nullptr, const std::vector<int>& milestones = {},
                    const ReferenceRun* reference = nullptr);

}  // namespace eiisim
