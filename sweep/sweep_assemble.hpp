#pragma once
// Packing one run into its fixed-width record, and reducing all stored records (in run
// order) into a SweepResult: the outcome columns, the per-year quantiles over runs and,
// with --save clusters or plants, the cluster trajectories.
#include <cstddef>
#include <span>
#include <vector>

#include "core/sweep_result.hpp"
#include "sweep.hpp"

namespace eiisim {

void pack_record(const RecordLayout& layout, const RunKpis& kpis, const RunResult& result, double* record);

// The kSweepQuantiles of `values` (linear interpolation between order statistics,
// numpy's default "linear" method), exact: the values at the needed ranks are found by
// selection (std::nth_element, about 4x faster than sorting here), which reorders
// `values`. Zeros for no values.
void quantiles_of(std::span<double> values, std::span<double, kSweepQuantiles.size()> out);

// Quantiles of each column of a [runs][columns] array: returns [quantile][column].
[[nodiscard]] std::vector<double> column_quantiles(const std::vector<double>& data, std::size_t runs,
                                                   std::size_t columns);

// The stores a sweep's records are in: one, or the parts of an MPI job (sweep_parts.hpp).
// Every run is in at least one of them; a run in several has the same record in each.
using RecordParts = std::span<const SweepCheckpoint* const>;

// Reads the records back column group by column group (at most `budget_bytes` of them in
// memory at once, besides the result) and computes the quantiles in parallel over columns.
[[nodiscard]] SweepResult assemble_sweep(const RecordLayout& layout, RecordParts records,
                                         const std::vector<int>& milestones, const Inputs& inputs,
                                         std::size_t budget_bytes = std::size_t{32} << 20);
[[nodiscard]] SweepResult assemble_sweep(const RecordLayout& layout, const SweepCheckpoint& records,
                                         const std::vector<int>& milestones, const Inputs& inputs,
                                         std::size_t budget_bytes = std::size_t{32} << 20);

}  // namespace eiisim
