#pragma once
// A Monte Carlo sweep: one Model built once, then `runs` runs, each with the sampled
// settings applied to a per-thread working copy of the inputs and simulated with run
// index = run id (so each run's Philox streams differ). Runs go in parallel over oneTBB
// (plant loops inside a run are serial); each run writes only its own record, records
// are stored on disk by chunk, and everything is reduced in run order (quantiles column
// by column, in parallel over columns), so the result is bit-identical for any thread
// count, any chunking and across an interruption and resume.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/sweep_result.hpp"
#include "sim/model.hpp"
#include "sim/reference_run.hpp"
#include "samplers.hpp"
#include "sim/simulation.hpp"

namespace eiisim {

enum class SaveLevel : std::uint8_t { none, clusters, plants };

class SweepCheckpoint;
class SweepTeam;

// The per-run record the driver stores (in the checkpoint, sweep_checkpoint.hpp): fixed
// width for a given model and save level, in three parts (sweep_assemble.cpp packs it):
//   outcomes   the KPIs: the rows of core/outcomes.cpp present in the model, in table order
//   banded     the per-year series whose quantiles over runs the sweep file holds: the
//              banded observables (core/observables.cpp), in band order
//   saved      with --save clusters or plants, the saved observables' trajectories
struct RecordLayout {
    std::size_t milestones = 0, years = 0, clusters = 0, instruments = 0;
    bool targets = false;  // the dataset has targets.csv (core/outcomes.hpp, needs_targets)
    std::size_t agreements = 0;  // the dataset's support agreements (core/outcomes.hpp, per_agreement)
    bool cluster_trajectories = false;
    bool reference = false;  // --reference: each run's reference run too (core/outcomes.hpp, needs_reference)
    [[nodiscard]] OutcomeExtents outcome_extents() const {
        return {milestones, clusters, targets, agreements, reference};
    }
    [[nodiscard]] std::size_t outcome_columns() const { return eiisim::outcome_columns(outcome_extents()); }
    [[nodiscard]] std::size_t banded_columns() const;
    [[nodiscard]] std::size_t saved_columns() const;
    [[nodiscard]] std::size_t width() const { return outcome_columns() + banded_columns() + saved_columns(); }
    // Stored column by column in the checkpoint (the rest, the trajectories, run by run).
    [[nodiscard]] std::size_t columnar() const { return outcome_columns() + banded_columns(); }
};

struct SweepOptions {
    SamplerKind sampler = SamplerKind::lhs;
    std::size_t runs = 0;
    std::uint64_t seed = 1;
    SaveLevel save = SaveLevel::none;
    std::size_t chunk = 0;  // runs between progress reports / checkpoints; 0: automatic
    // The samples [run][setting] of a design given from outside (--design FILE.csv,
    // inputs/given_settings.hpp), used instead of the sampler's: then `runs` is its rows,
    // the file's sampler is "design" and its unit-hypercube `design` is NaN (none exists).
    std::vector<double> given_samples;
    // With given samples, optionally: run r draws the random numbers of run given_streams[r]
    // (common random numbers: a Saltelli block's runs share one stream, so the difference
    // between them is the settings', not the plants' random draws).
    std::vector<std::uint64_t> given_streams;
    // --reference KIND: each run is also simulated as that reference (sim/reference_run.hpp)
    // with the same seed, run stream and samples, for the outcomes against it.
    std::optional<ReferenceKind> reference;
};

// Wall time of the parts of a sweep (seconds), for EIISIM_SWEEP_TIMING (docs/benchmarks.md).
struct SweepTimings {
    double design = 0;      // sampler design and inverse CDFs
    double simulate = 0;    // the parallel loops over runs (all chunks)
    double between = 0;     // between chunks: waiting for the previous block's write, progress
    double drain = 0;       // waiting for the last block's write
    double reduce = 0;      // reading the records back, quantiles, outcome columns
};

// What a caller may do between chunks (all called on the calling thread).
struct SweepHooks {
    std::function<void(std::size_t done, std::size_t total)> progress;
    std::function<bool(std::size_t done)> stop_requested;  // true: stop after this chunk
    SweepTimings timings;                                   // filled by run_sweep
    std::size_t runs_done = 0;  // set by run_sweep: runs done in every part of the store
};

[[nodiscard]] RecordLayout record_layout(const Model& base, SaveLevel save, bool reference = false);
[[nodiscard]] std::size_t default_chunk(std::size_t runs);

// The sampled values [run][setting] for the model's uncertain settings.
[[nodiscard]] std::vector<double> sweep_samples(const std::vector<UncertainSetting>& settings,
                                                const std::vector<double>& design);

// Applies one run's samples to `work` (a copy of `base`) and rebuilds what depends on them.
void apply_samples(Model& work, const Model& base, const double* samples);

// The model a sweep thread simulates its runs on: a copy of `base` with serial plant loops.
[[nodiscard]] Model sweep_worker_model(const Model& base);

// A sweep thread's reference runs (--reference): the reference of the sweep's model, with
// serial plant loops, and its buffers.
struct ReferenceWork {
    ReferenceKind kind = ReferenceKind::frozen_technology;
    Model model;
    RunWorkspace workspace;
};
// The reference `kind` of `base` (sim/reference_run.hpp: reference_inputs), built once.
[[nodiscard]] ReferenceWork reference_work(const Model& base, ReferenceKind kind);

// The reference of the run `work` holds (its samples applied), as `eiisim run --reference`
// makes it of a run with those settings: reference_inputs of its inputs, simulated with
// the same `seed` and `run` at `level` into reference.workspace.
void simulate_reference_run(ReferenceWork& reference, const Model& work, std::uint64_t seed, std::uint64_t run,
                            RecordLevel level);

// Run `run` of a sweep, exactly as the sweep simulates it: the run's `samples` (one value
// per uncertain setting) are applied to `work` (from sweep_worker_model(base), possibly
// used for other runs before), the model is simulated with the sweep's `seed` and run
// index `run` into `workspace` at `level`, and the run's KPIs are returned. run_sweep
// calls it for every run; `eiisim run --from-sweep` (replay.hpp) calls it with the
// samples read back from the sweep file, at RecordLevel::full. With `reference`, the run's
// reference run too (simulate_reference_run), and the outcomes against it.
[[nodiscard]] RunKpis simulate_sweep_run(Model& work, const Model& base, const double* samples, std::uint64_t seed,
                                         std::uint64_t run, RecordLevel level, const std::vector<int>& milestones,
                                         RunWorkspace& workspace, ReferenceWork* reference = nullptr);

// Runs the sweep's missing runs (those not done in `records`, which has the width of
// record_layout(base, options.save)), storing their records there chunk by chunk; the
// write of one chunk's block overlaps the simulation of the next. Returns an empty
// result (runs == 0) when stopped early; `complete` is set to whether every run is done.
[[nodiscard]] SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepCheckpoint& records,
                                    SweepHooks& hooks, bool& complete);
// The same, shared among the members of `team` (sweep_team.hpp): `records` is this
// member's part of the store (sweep_parts.hpp); runs done in any part are not run again.
// Every member returns `complete` for the whole sweep; only rank 0 returns the result
// (the others an empty one).
[[nodiscard]] SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepCheckpoint& records,
                                    SweepHooks& hooks, bool& complete, SweepTeam& team);

}  // namespace eiisim
