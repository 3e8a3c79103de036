#include "sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <optional>
#include <stdexcept>

#include "core/observables.hpp"
#include "core/uncertain_targets.hpp"
#include "distributions.hpp"
#include "output/finite_guard.hpp"
#include "sim/kpis.hpp"
#include "parallel_runs.hpp"
#include "sim/simulation.hpp"
#include "sweep_assemble.hpp"
#include "sweep_checkpoint.hpp"

namespace eiisim {
namespace {

using Clock = std::chrono::steady_clock;

// Seconds since `since`, and restarts the clock.
double lap(Clock::time_point& since) {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - since).count();
    since = now;
    return seconds;
}

// Each thread keeps its own model copy and run buffers for the whole sweep. Runs whose
// plant results are not saved record aggregates only (simulation.hpp).
struct Worker {
    Model model;
    RunWorkspace workspace;
};

// The runs of the chunk starting at `first` not already stored.
void pending_runs(const std::vector<char>& already, std::size_t first, std::size_t chunk,
                  std::vector<std::size_t>& pending) {
    pending.clear();
    for (std::size_t r = first; r < std::min(already.size(), first + chunk); ++r)
        if (already[r] == 0) pending.push_back(r);
}

// The unit-hypercube design and the samples of every run: the sampler's, or those given.
void design_and_samples(const SweepOptions& options, const std::vector<UncertainSetting>& settings,
                        std::vector<double>& design, std::vector<double>& samples) {
    const std::size_t dims = settings.size();
    if (!options.given_samples.empty()) {
        if (options.given_samples.size() != options.runs * dims)
            throw std::logic_error("run_sweep: the given design has another shape than runs x settings");
        design.assign(options.runs * dims, std::numeric_limits<double>::quiet_NaN());
        samples = options.given_samples;
        return;
    }
    design = make_design(options.sampler, options.runs, dims, options.seed);
    samples = sweep_samples(settings, design);
}

// What the sweep sampled, for the file's experiments.
void set_design(SweepResult& result, const SweepOptions& options, const std::vector<UncertainSetting>& settings,
                const std::vector<double>& design, const std::vector<double>& samples) {
    result.sampler = options.given_samples.empty() ? kSamplerNames[static_cast<std::size_t>(options.sampler)]
                                                   : "design";
    result.seed = options.seed;
    result.settings = settings;
    result.design = design;
    result.samples = samples;
    result.streams = options.given_streams;
}

}  // namespace

RecordLayout record_layout(const Model& base, SaveLevel save) {
    const Inputs& in = base.inputs;
    RecordLayout l;
    l.milestones = kpi_milestones(in.scenario.base_year, in.scenario.end_year).size();
    l.years = static_cast<std::size_t>(in.year_count());
    l.clusters = in.clusters.size();
    l.cluster_trajectories = save != SaveLevel::none;
    return l;
}

std::size_t RecordLayout::banded_columns() const {
    std::size_t per_year = 0;
    for (const Observable* o : banded_observables()) per_year += o->per_year(0, clusters);
    return years * per_year;
}

std::size_t RecordLayout::saved_columns() const {
    if (!cluster_trajectories) return 0;
    std::size_t per_year = 0;
    for (const Observable* o : saved_observables()) per_year += o->per_year(0, clusters);
    return years * per_year;
}

std::size_t default_chunk(std::size_t runs) { return std::clamp<std::size_t>(runs / 20, 16, 512); }

std::vector<double> sweep_samples(const std::vector<UncertainSetting>& settings, const std::vector<double>& design) {
    const std::size_t dims = settings.size();
    std::vector<double> samples(design.size());
    for (std::size_t i = 0; i < design.size(); ++i) samples[i] = setting_quantile(settings[i % dims], design[i]);
    return samples;
}

void apply_samples(Model& work, const Model& base, const double* samples) {
    const auto& settings = base.inputs.scenario.uncertain;
    if (settings.empty()) return;
    for (const auto& s : settings) reset_uncertain_target(s.target_index, work.inputs, base.inputs);
    for (std::size_t i = 0; i < settings.size(); ++i)
        apply_uncertain_target(settings[i].target_index, work.inputs, samples[i], settings[i].scale);
    rebuild_price_dependent(work);
}

Model sweep_worker_model(const Model& base) {
    Model work = base;
    work.serial_plants = true;
    return work;
}

// A sweep stores no infinity or NaN either (issue 16): a record that holds one names its
// run and, found in the run's series, the quantity, year and plant.
void check_record_finite(const Inputs& inputs, const RunResult& result, std::size_t run, const double* row,
                         std::size_t width) {
    if (std::all_of(row, row + width, [](double v) { return std::isfinite(v); })) return;
    try {
        output::check_result_finite(inputs, result);
    } catch (const output::NonFiniteResult& error) {
        throw output::NonFiniteResult("run " + std::to_string(run) + ": " + error.what());
    }
    throw output::NonFiniteResult("run " + std::to_string(run) +
                                  ": the run computed a non-finite outcome (KPI); nothing was written");
}

// --save plants: moves the run's result into its slot. The sweep file holds the panels,
// not the decision log: keeping every run's log would double the sweep's memory.
void keep_panels(RunResult& run, RunResult& slot) {
    slot = std::move(run);
    std::vector<DecisionEvent>().swap(slot.events);
}

RunKpis simulate_sweep_run(Model& work, const Model& base, const double* samples, std::uint64_t seed,
                           std::uint64_t run, RecordLevel level, const std::vector<int>& milestones,
                           RunWorkspace& workspace) {
    apply_samples(work, base, samples);
    simulate_into(work, seed, run, level, workspace);
    return compute_kpis(workspace.result, workspace.state.refused_in_year, milestones);
}

SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepCheckpoint& records, SweepHooks& hooks,
                      bool& complete) {
    auto clock = Clock::now();
    SweepTimings& time = hooks.timings;
    time = {};
    const auto& settings = base.inputs.scenario.uncertain;
    const std::size_t runs = options.runs;
    const std::size_t dims = settings.size();
    const RecordLayout layout = record_layout(base, options.save);
    const std::size_t width = layout.width();
    if (records.runs() != runs || records.width() != width || records.columnar() != layout.columnar())
        throw std::logic_error("run_sweep: the record store has another shape than the sweep");
    const std::vector<int> milestones = kpi_milestones(base.inputs.scenario.base_year, base.inputs.scenario.end_year);

    std::vector<double> design, samples;
    design_and_samples(options, settings, design, samples);
    std::vector<RunResult> plant_results(options.save == SaveLevel::plants ? runs : 0);
    time.design = lap(clock);

    // One slot per thread index, built by its own thread on first use.
    std::vector<std::optional<Worker>> workers(run_worker_slots());
    const RecordLevel level = options.save == SaveLevel::plants ? RecordLevel::full : RecordLevel::aggregates;

    // Two chunk buffers: the runs of one chunk are simulated into one while the block of
    // the previous chunk is transposed, checksummed and written from the other by a
    // background task, so the writing is off the critical path.
    const std::size_t chunk = options.chunk > 0 ? options.chunk : default_chunk(runs);
    std::vector<double> buffers[2] = {std::vector<double>(chunk * width), std::vector<double>(chunk * width)};
    std::vector<std::size_t> buffer_runs[2];
    std::future<void> writing;
    int turn = 0;

    const std::vector<char> already = records.done();  // the store is the writer's from here on
    std::size_t done = static_cast<std::size_t>(std::count(already.begin(), already.end(), char{1}));
    if (hooks.progress) hooks.progress(done, runs);
    complete = true;
    for (std::size_t first = 0; first < runs; first += chunk) {
        std::vector<std::size_t>& pending = buffer_runs[turn];
        pending_runs(already, first, chunk, pending);
        if (pending.empty()) continue;
        if (hooks.stop_requested && hooks.stop_requested(done)) {
            complete = false;
            break;
        }
        double* rows = buffers[turn].data();
        time.between += lap(clock);
        for_each_run_parallel(pending.size(), [&](std::size_t slot, std::size_t i) {
            std::optional<Worker>& cell = workers[slot];
            if (!cell) cell.emplace(Worker{sweep_worker_model(base), {}});
            RunWorkspace& ws = cell->workspace;
            const std::size_t r = pending[i];
            const std::uint64_t stream = options.given_streams.empty() ? r : options.given_streams[r];
            const RunKpis kpis = simulate_sweep_run(cell->model, base, samples.data() + r * dims, options.seed,
                                                    stream, level, milestones, ws);
            pack_record(layout, kpis, ws.result, rows + i * width);
            check_record_finite(base.inputs, ws.result, r, rows + i * width, width);
            if (!plant_results.empty()) keep_panels(ws.result, plant_results[r]);
        });
        time.simulate += lap(clock);
        if (writing.valid()) writing.get();  // the previous block is stored; its buffer is free
        writing = std::async(std::launch::async, [&records, &pending, rows, width] {
            records.append(pending, std::span<const double>(rows, pending.size() * width));
        });
        turn = 1 - turn;
        done += pending.size();
        if (hooks.progress) hooks.progress(done, runs);
        time.between += lap(clock);
    }
    if (writing.valid()) writing.get();
    time.drain = lap(clock);
    if (done < runs) complete = false;
    if (!complete) return {};

    SweepResult result = assemble_sweep(layout, records, milestones, base.inputs);
    set_design(result, options, settings, design, samples);
    result.plant_results = std::move(plant_results);
    time.reduce = lap(clock);
    return result;
}

}  // namespace eiisim
