#pragma once
// How much memory a sweep will hold at its peak, estimated before it starts, so that a
// sweep too large for the machine is refused at once with a clear message instead of
// running for hours into std::bad_alloc (issue 16; docs/sweeps.md, "Memory").
//
// The records of finished runs stream to the checkpoint on disk; what stays in memory
// grows with the number of runs: the design and its samples, the outcome (KPI) columns
// and their copy in the result, the cluster trajectories with --save clusters, and every
// run's plant panels with --save plants (kept until written, and stacked once more for
// writing).
#include <cstddef>
#include <string>

#include "sweep.hpp"

namespace eiisim {

struct SweepMemoryEstimate {
    std::size_t design_bytes = 0;       // unit design and sampled settings
    std::size_t outcome_bytes = 0;      // KPI columns read back, and the result's copy
    std::size_t trajectory_bytes = 0;   // --save clusters (and plants): per-run cluster series
    std::size_t panel_bytes = 0;        // --save plants: every run's plant panels, twice
    std::size_t working_bytes = 0;      // per-thread model copies, chunk buffers, read-back blocks

    [[nodiscard]] std::size_t total() const {
        return design_bytes + outcome_bytes + trajectory_bytes + panel_bytes + working_bytes;
    }
};

// `panel_bytes_per_run`: the plant panels one run records (plant_panel_bytes), used with
// --save plants only.
[[nodiscard]] SweepMemoryEstimate estimate_sweep_memory(const RecordLayout& layout, const SweepOptions& options,
                                                        std::size_t dims, std::size_t threads,
                                                        std::size_t panel_bytes_per_run);
// The bytes of the plant-level series of one run of `model` (the --save plants panels).
[[nodiscard]] std::size_t plant_panel_bytes(const Model& model);

// This machine's physical memory (0 if unknown), and the default --max-memory: three
// quarters of it, leaving room for the system and the page cache that writing needs.
[[nodiscard]] std::size_t physical_memory_bytes();
[[nodiscard]] std::size_t default_max_memory_bytes();

// "1.5 GiB", "820 MiB".
[[nodiscard]] std::string format_bytes(std::size_t bytes);
// Parses "8G", "500M", "2048K", "1.5GiB", or plain bytes; std::invalid_argument otherwise.
[[nodiscard]] std::size_t parse_byte_size(const std::string& text);

}  // namespace eiisim
