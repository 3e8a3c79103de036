#pragma once
// A Monte Carlo sweep: one Model built once, then `runs` runs, each with the sampled
// settings applied to a per-thread working copy of the inputs and simulated with run
// index = run id (so each run's Philox streams differ). Runs go in parallel over oneTBB
// (plant loops inside a run are serial); each run writes only its own slot and
// everything is reduced serially in run order, so the result is bit-identical for any
// thread count, any chunking and across an interruption and resume.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/sweep_result.hpp"
#include "model.hpp"
#include "samplers.hpp"

namespace eiisim {

enum class SaveLevel : std::uint8_t { none, clusters, plants };

// The per-run record the driver keeps (and a checkpoint stores): the KPIs, the cluster
// and national net CO2 trajectories (for quantiles) and, with --save clusters, four
// cluster trajectories. Fixed width for a given model and save level.
struct RecordLayout {
    std::size_t milestones = 0, years = 0, clusters = 0;
    bool cluster_trajectories = false;
    [[nodiscard]] std::size_t width() const;
};

struct SweepOptions {
    SamplerKind sampler = SamplerKind::lhs;
    std::size_t runs = 0;
    std::uint64_t seed = 1;
    SaveLevel save = SaveLevel::none;
    std::size_t chunk = 0;  // runs between progress reports / checkpoints; 0: automatic
};

// What a caller may do between chunks (all called on the calling thread).
struct SweepHooks {
    // Runs already done (from a checkpoint); records[run * width ...] filled for them.
    std::vector<char> done;
    std::vector<double> records;
    std::function<void(const std::vector<std::size_t>& runs, const std::vector<double>& records,
                       std::size_t width)> chunk_done;  // the chunk's run ids and all records
    std::function<void(std::size_t done, std::size_t total)> progress;
    std::function<bool()> stop_requested;  // true: stop after this chunk
};

[[nodiscard]] RecordLayout record_layout(const Model& base, SaveLevel save);
[[nodiscard]] std::size_t default_chunk(std::size_t runs);

// The sampled values [run][setting] for the model's uncertain settings.
[[nodiscard]] std::vector<double> sweep_samples(const std::vector<UncertainSetting>& settings,
                                                const std::vector<double>& design);

// Applies one run's samples to `work` (a copy of `base`) and rebuilds what depends on them.
void apply_samples(Model& work, const Model& base, const double* samples);

// Runs the sweep. Returns std::nullopt-like empty result (runs == 0) when stopped early.
// `complete` is set to whether every run is done.
[[nodiscard]] SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepHooks& hooks,
                                    bool& complete);

}  // namespace eiisim
