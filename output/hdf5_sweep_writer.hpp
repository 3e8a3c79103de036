#pragma once
// Writes a sweep's experiments, outcomes, quantiles and optional trajectories to one
// netCDF-4-compatible HDF5 file (docs/output-format.md, "Sweep files"), atomically.
#include <filesystem>

#include "core/inputs.hpp"
#include "core/sweep_result.hpp"

namespace eiisim {

void write_sweep_hdf5(const std::filesystem::path& out, const Inputs& inputs, const SweepResult& sweep);

}  // namespace eiisim
