#pragma once
// Packing one run into its fixed-width record, and unpacking all records (in run
// order) into a SweepResult with the per-year quantiles over runs.
#include <vector>

#include "core/sweep_result.hpp"
#include "sweep.hpp"

namespace eiisim {

void pack_record(const RecordLayout& layout, const RunKpis& kpis, const RunResult& result, double* record);

// Quantiles (linear interpolation between order statistics, numpy's default "linear"
// method) of each column of a [runs][columns] array: returns [quantile][column].
[[nodiscard]] std::vector<double> column_quantiles(const std::vector<double>& data, std::size_t runs,
                                                   std::size_t columns);

[[nodiscard]] SweepResult assemble_sweep(const RecordLayout& layout, const std::vector<double>& records,
                                         std::size_t runs, const std::vector<int>& milestones, const Inputs& inputs);

}  // namespace eiisim
