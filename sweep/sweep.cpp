#include "sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <span>
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
#include "sweep_parts.hpp"
#include "sweep_team.hpp"

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
    std::optional<ReferenceWork> reference;  // --reference
};

// The sweep's runs done in no part of its store, in run order, cut into chunks.
struct PendingRuns {
    std::vector<std::size_t> runs;
    std::size_t chunk = 1;
    [[nodiscard]] std::size_t chunks() const { return (runs.size() + chunk - 1) / chunk; }
    [[nodiscard]] std::span<const std::size_t> operator[](std::size_t c) const {
        const std::size_t first = c * chunk;
        return std::span<const std::size_t>(runs).subspan(first, std::min(chunk, runs.size() - first));
    }
};

// Which runs are done in any part of the store (sweep_parts.hpp), the same on every
// member: rank 0 reads the other parts once every member has opened its own.
std::vector<char> done_in_any_part(const SweepCheckpoint& records, SweepTeam& team) {
    team.barrier();
    std::vector<char> done = records.done();
    if (team.rank() == 0)
        for (const auto& part : open_other_parts(records)) add_done(done, *part);
    team.broadcast(done);
    return done;
}

// What every run of a sweep reads.
struct SweepPlan {
    const Model& base;
    const SweepOptions& options;
    RecordLayout layout;
    std::vector<int> milestones;
    std::vector<double> design, samples;
    RecordLevel level = RecordLevel::aggregates;
    std::optional<ReferenceWork> reference;  // --reference: the reference model each thread copies
};

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

RecordLayout record_layout(const Model& base, SaveLevel save, bool reference) {
    const Inputs& in = base.inputs;
    RecordLayout l;
    l.milestones = kpi_milestones(in.scenario.base_year, in.scenario.end_year).size();
    l.years = static_cast<std::size_t>(in.year_count());
    l.clusters = in.clusters.size();
    l.targets = !in.targets.empty();
    l.agreements = in.agreements.size();
    l.instruments = in.scenario.policy.instruments.size();  // samples change budgets, never the instruments
    l.cluster_trajectories = save != SaveLevel::none;
    l.reference = reference;
    return l;
}

std::size_t RecordLayout::banded_columns() const {
    std::size_t per_year = 0;
    for (const Observable* o : banded_observables()) per_year += o->per_year(0, clusters, instruments);
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
    for (const auto& s : settings) reset_uncertain_setting(s, work.inputs, base.inputs);
    for (std::size_t i = 0; i < settings.size(); ++i) apply_uncertain_setting(settings[i], work.inputs, samples[i]);
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

ReferenceWork reference_work(const Model& base, ReferenceKind kind) {
    ReferenceWork reference{kind, build_model(reference_inputs(base.inputs, kind)), {}};
    reference.model.serial_plants = true;
    return reference;
}

void simulate_reference_run(ReferenceWork& reference, const Model& work, std::uint64_t seed, std::uint64_t run,
                            RecordLevel level) {
    // The structure (plants, value chain, events) is the reference model's already; what
    // the samples move is rebuilt, as apply_samples does for the run itself.
    reference.model.inputs = reference_inputs(work.inputs, reference.kind);
    rebuild_price_dependent(reference.model);
    simulate_into(reference.model, seed, run, level, reference.workspace);
}

RunKpis simulate_sweep_run(Model& work, const Model& base, const double* samples, std::uint64_t seed,
                           std::uint64_t run, RecordLevel level, const std::vector<int>& milestones,
                           RunWorkspace& workspace, ReferenceWork* reference) {
    apply_samples(work, base, samples);
    simulate_into(work, seed, run, level, workspace);
    if (reference == nullptr) return compute_kpis(workspace.result, workspace.state.refused_in_year, milestones);
    simulate_reference_run(*reference, work, seed, run, level);
    return compute_kpis(workspace.result, workspace.state.refused_in_year, milestones, &reference->workspace.result);
}

namespace {

// Simulates the runs `ids` in parallel, each into its record (rows[i * width ...] for ids[i]).
void simulate_chunk(const SweepPlan& plan, std::vector<std::optional<Worker>>& workers,
                    std::span<const std::size_t> ids, double* rows, std::vector<RunResult>& plant_results) {
    const std::size_t width = plan.layout.width();
    const std::size_t dims = plan.base.inputs.scenario.uncertain.size();
    for_each_run_parallel(ids.size(), [&](std::size_t slot, std::size_t i) {
        std::optional<Worker>& cell = workers[slot];  // built by its own thread on first use
        if (!cell) cell.emplace(Worker{sweep_worker_model(plan.base), {}, plan.reference});
        RunWorkspace& ws = cell->workspace;
        const std::size_t r = ids[i];
        // A --design with a stream column: the run draws the random numbers of that run.
        const std::uint64_t stream = plan.options.given_streams.empty() ? r : plan.options.given_streams[r];
        ReferenceWork* reference = cell->reference ? &*cell->reference : nullptr;
        const RunKpis kpis = simulate_sweep_run(cell->model, plan.base, plan.samples.data() + r * dims,
                                                plan.options.seed, stream, plan.level, plan.milestones, ws, reference);
        pack_record(plan.layout, kpis, ws.result, rows + i * width);
        check_record_finite(plan.base.inputs, ws.result, r, rows + i * width, width);
        if (!plant_results.empty()) keep_panels(ws.result, plant_results[r]);
    });
}

// Simulates the chunks the team hands this member until none is left or a stop is
// requested, storing their records in `records`; returns how many runs this member did.
// Two chunk buffers: the runs of one chunk are simulated into one while the block of the
// previous chunk is transposed, checksummed and written from the other by a background
// task, so the writing is off the critical path.
std::size_t run_chunks(const SweepPlan& plan, const PendingRuns& pending, std::size_t before,
                       SweepCheckpoint& records, SweepHooks& hooks, SweepTeam& team,
                       std::vector<RunResult>& plant_results) {
    auto clock = Clock::now();
    SweepTimings& time = hooks.timings;
    const std::size_t width = plan.layout.width();
    std::vector<std::optional<Worker>> workers(run_worker_slots());  // one slot per thread index
    std::vector<double> buffers[2] = {std::vector<double>(pending.chunk * width),
                                      std::vector<double>(pending.chunk * width)};
    std::vector<std::size_t> buffer_runs[2];
    std::future<void> writing;
    int turn = 0;
    std::size_t mine = 0, last = 0;
    team.start(pending.chunks());
    for (;;) {
        if (hooks.stop_requested && hooks.stop_requested(before + mine)) {
            team.leave();
            break;
        }
        const std::optional<std::size_t> chunk = team.next_chunk(last);
        if (!chunk) break;
        std::vector<std::size_t>& ids = buffer_runs[turn];
        const std::span<const std::size_t> runs = pending[*chunk];
        ids.assign(runs.begin(), runs.end());
        double* rows = buffers[turn].data();
        time.between += lap(clock);
        simulate_chunk(plan, workers, ids, rows, plant_results);
        time.simulate += lap(clock);
        if (writing.valid()) writing.get();  // the previous block is stored; its buffer is free
        writing = std::async(std::launch::async, [&records, &ids, rows, width] {
            records.append(ids, std::span<const double>(rows, ids.size() * width));
        });
        turn = 1 - turn;
        last = ids.size();
        mine += last;
        if (hooks.progress) hooks.progress(before + mine + team.others_finished(), plan.options.runs);
        time.between += lap(clock);
    }
    if (writing.valid()) writing.get();
    if (team.size() > 1) sync_part(records.path());  // rank 0 may read it from another node
    team.finish();
    time.drain = lap(clock);
    return mine;
}

// Rank 0, every run done: the result from every part of the store, in run order.
SweepResult assemble_parts(const SweepPlan& plan, const SweepCheckpoint& records) {
    const std::vector<std::unique_ptr<SweepCheckpoint>> others = open_other_parts(records);
    std::vector<const SweepCheckpoint*> parts{&records};
    for (const auto& part : others) parts.push_back(part.get());
    return assemble_sweep(plan.layout, parts, plan.milestones, plan.base.inputs);
}

}  // namespace

SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepCheckpoint& records, SweepHooks& hooks,
                      bool& complete) {
    SweepTeam alone;
    return run_sweep(base, options, records, hooks, complete, alone);
}

SweepResult run_sweep(const Model& base, const SweepOptions& options, SweepCheckpoint& records, SweepHooks& hooks,
                      bool& complete, SweepTeam& team) {
    auto clock = Clock::now();
    SweepTimings& time = hooks.timings;
    time = {};
    const auto& settings = base.inputs.scenario.uncertain;
    const std::size_t runs = options.runs;
    SweepPlan plan{base, options, record_layout(base, options.save, options.reference.has_value()), {}, {}, {},
                   RecordLevel::aggregates, {}};
    const RecordLayout& layout = plan.layout;
    if (records.runs() != runs || records.width() != layout.width() || records.columnar() != layout.columnar())
        throw std::logic_error("run_sweep: the record store has another shape than the sweep");
    plan.milestones = kpi_milestones(base.inputs.scenario.base_year, base.inputs.scenario.end_year);
    design_and_samples(options, settings, plan.design, plan.samples);
    if (options.save == SaveLevel::plants) plan.level = RecordLevel::full;
    if (options.reference) plan.reference = reference_work(base, *options.reference);
    std::vector<RunResult> plant_results(options.save == SaveLevel::plants ? runs : 0);
    time.design = lap(clock);

    const std::vector<char> already = done_in_any_part(records, team);  // the store is the writer's from here on
    PendingRuns pending{{}, options.chunk > 0 ? options.chunk : default_chunk(runs)};
    for (std::size_t r = 0; r < runs; ++r)
        if (already[r] == 0) pending.runs.push_back(r);
    const std::size_t before = runs - pending.runs.size();
    if (hooks.progress) hooks.progress(before, runs);
    const std::size_t mine = run_chunks(plan, pending, before, records, hooks, team, plant_results);
    hooks.runs_done = before + team.sum(mine);
    complete = hooks.runs_done == runs;
    if (!complete || team.rank() != 0) return {};

    clock = Clock::now();
    SweepResult result = assemble_parts(plan, records);
    set_design(result, options, settings, plan.design, plan.samples);
    result.plant_results = std::move(plant_results);
    if (options.reference) {
        result.reference = kReferenceKindNames[static_cast<std::size_t>(*options.reference)];
        result.reference_first_year = first_reference_year(base.inputs);
    }
    time.reduce = lap(clock);
    return result;
}

}  // namespace eiisim
