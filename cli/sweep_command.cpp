#include "sweep_command.hpp"

#include <memory>

#include "branch_command.hpp"
#include "command.hpp"
#include "output_guard.hpp"
#include "seed_option.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "inputs/dataset_loader.hpp"
#include "inputs/given_settings.hpp"
#include "core/input_error.hpp"
#include "output/hdf5_sweep_writer.hpp"
#include "sim/reference_run.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_checkpoint.hpp"
#include "sweep/sweep_memory.hpp"
#include "sweep/sweep_parts.hpp"
#include "sweep/sweep_progress.hpp"
#include "sweep/sweep_resume.hpp"
#include "sweep/sweep_team.hpp"

namespace eiisim {
namespace {

constexpr int kExitInterrupted = 130;

// Set by SIGINT/SIGTERM; the sweep stops after the chunk in flight, checkpointed.
volatile std::sig_atomic_t g_stop = 0;  // NOLINT: a signal handler can only reach a global
extern "C" void request_stop(int) { g_stop = 1; }

SamplerKind parse_sampler(const std::string& name) {
    for (std::size_t i = 0; i < 3; ++i)
        if (name == kSamplerNames[i]) return static_cast<SamplerKind>(i);
    throw std::invalid_argument("unknown sampler " + name);
}

SaveLevel parse_save(const std::string& name) {
    if (name == "clusters") return SaveLevel::clusters;
    if (name == "plants") return SaveLevel::plants;
    return SaveLevel::none;
}

void note_grid_shape(const SweepCliOptions& o, std::size_t dims) {
    const std::size_t levels = grid_levels(o.runs, dims);
    double points = 1;
    for (std::size_t d = 0; d < dims; ++d) points *= static_cast<double>(levels);
    if (points != static_cast<double>(o.runs))
        std::cerr << fmt::format("note: grid of {} levels x {} settings = {:.0f} points for {} runs: {}\n", levels, dims,
                                 points, o.runs,
                                 points > static_cast<double>(o.runs) ? "the grid is cut short"
                                                                      : "grid points repeat as replicates");
}

// Estimates the sweep's peak memory before anything is allocated for its runs, prints it,
// and refuses (exit status 2) a sweep above --max-memory, naming what would fit.
void check_sweep_memory(const SweepCliOptions& o, bool quiet, const Model& model, const SweepOptions& options,
                        const RecordLayout& layout, int threads) {
    const std::size_t limit = o.max_memory.empty() ? default_max_memory_bytes() : parse_byte_size(o.max_memory);
    const std::size_t panel = options.save == SaveLevel::plants ? plant_panel_bytes(model) : 0;
    const SweepMemoryEstimate need = estimate_sweep_memory(layout, options, model.inputs.scenario.uncertain.size(),
                                                           static_cast<std::size_t>(threads), panel);
    if (!quiet)
        std::cerr << fmt::format("memory: about {} at the peak (limit {}, --max-memory)\n", format_bytes(need.total()),
                                 format_bytes(limit));
    if (limit == 0 || need.total() <= limit) return;
    const std::size_t per_run = std::max<std::size_t>(1, (need.total() - need.working_bytes) / options.runs);
    const std::size_t fits = limit > need.working_bytes ? (limit - need.working_bytes) / per_run : 0;
    throw InputError({"--runs", 0, 0}, "",
                     fmt::format("this sweep would need about {} of memory ({} per run{}), above the limit of {} "
                                 "(--max-memory; default three quarters of this machine's memory): at most about {} "
                                 "runs fit; use fewer runs{}, or split the design over several sweeps",
                                 format_bytes(need.total()), format_bytes(per_run),
                                 options.save == SaveLevel::plants ? ", most of it plant panels" : "",
                                 format_bytes(limit), fits,
                                 options.save != SaveLevel::none ? " or a smaller --save" : ""));
}

// --design: the file's columns become the sampled settings and its rows the runs.
// Returns the design's text, which the checkpoint's fingerprint covers.
std::string use_design(const SweepCliOptions& o, Inputs& inputs, SweepOptions& options) {
    GivenDesign design = read_design_file(o.design, inputs.scenario.uncertain);
    if (o.runs != 0 && o.runs != design.runs)
        throw InputError({o.design, 0, 0}, "",
                         fmt::format("--runs {} differs from the design's {} rows (leave --runs out)", o.runs,
                                     design.runs));
    inputs.scenario.uncertain = std::move(design.settings);
    options.runs = design.runs;
    options.given_samples = std::move(design.samples);
    options.given_streams = std::move(design.streams);
    return design.text;
}

// An interrupted sweep: what is kept, and how to go on.
void report_interrupted(const SweepOptions& options, std::size_t completed,
                        const std::filesystem::path& checkpoint) {
    if (options.save == SaveLevel::plants)
        std::cerr << fmt::format("interrupted after {} of {} runs (a --save plants sweep cannot be resumed)\n",
                                 completed, options.runs);
    else
        std::cerr << fmt::format("interrupted after {} of {} runs; continue with the same command and --resume "
                                 "(checkpoint {})\n",
                                 completed, options.runs, checkpoint.string());
}

// The output guard (cli/output_guard.hpp); under MPI rank 0 holds the lock for the job
// and the other ranks only check that the output is no input.
std::unique_ptr<cli::OutputLock> claim_for_team(const std::filesystem::path& out, const InputProvenance& inputs,
                                                const SweepTeam& team) {
    if (team.rank() == 0) return cli::claim_output(out, inputs, std::cerr);
    cli::refuse_output_onto_inputs(out, inputs);
    return nullptr;
}

void print_timing(const SweepTimings& t, double load, double write) {
    std::cerr << fmt::format(
        "timing (s): load {:.3f}  design {:.3f}  simulate {:.3f}  between chunks {:.3f}  drain {:.3f}  "
        "reduce {:.3f}  write {:.3f}\n",
        load, t.design, t.simulate, t.between, t.drain, t.reduce, write);
}

// The sweep's options from the command line (and --design, which replaces the scenario's
// [[uncertain]] settings in `inputs`); `design_text` is the design's text, or empty.
void set_sweep_options(const SweepCliOptions& o, Inputs& inputs, const SweepTeam& team, SweepOptions& options,
                       std::string& design_text) {
    options.sampler = parse_sampler(o.sampler);
    options.runs = o.runs;
    design_text = o.design.empty() ? "" : use_design(o, inputs, options);
    options.seed = inputs.scenario.seed;
    options.save = parse_save(o.save);
    if (!o.reference.empty()) options.reference = *reference_kind(o.reference);  // CLI::IsMember checked it
    if (options.save == SaveLevel::plants && o.resume)
        throw std::runtime_error("--resume is not supported with --save plants (plant panels are not checkpointed)");
    if (options.save == SaveLevel::plants && team.size() > 1)
        throw InputError({"--save", 0, 0}, "",
                         "--save plants keeps every run's plant panels in one process's memory and cannot be shared "
                         "among MPI ranks: run it as one process (without mpirun/srun), or use --save clusters");
}

// The sweep on this process, one of `team` (a team of one without mpirun or srun).
int sweep_on_team(const SweepCliOptions& o, SweepTeam& team) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    Inputs inputs = load_inputs(o.scenario);
    const std::filesystem::path out = o.out;
    const auto lock = claim_for_team(out, inputs.provenance, team);  // before any work
    if (o.seed_given) inputs.scenario.seed = o.seed;
    const std::uint64_t seed = inputs.scenario.seed;
    const int threads = o.threads > 0 ? o.threads : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

    SweepOptions options;
    std::string design_text;
    set_sweep_options(o, inputs, team, options, design_text);
    const bool quiet = o.quiet || team.rank() != 0;  // rank 0 speaks for the job
    const std::size_t dims = inputs.scenario.uncertain.size();
    if (options.sampler == SamplerKind::grid && o.design.empty() && dims > 0 && !quiet) note_grid_shape(o, dims);

    const Model model = build_model(std::move(inputs));
    const auto loaded = Clock::now();
    std::filesystem::path checkpoint = out;
    checkpoint += ".checkpoint";

    const RecordLayout layout = record_layout(model, options.save, options.reference.has_value());
    const std::string sampler = o.design.empty() ? o.sampler : "design";
    // A resume with another reference (or none) is another sweep: the fingerprint covers it.
    const std::string reference = o.reference.empty() ? "" : "\n--reference " + o.reference;
    const std::string fingerprint = sweep_fingerprint(model.inputs.scenario.text + design_text + reference, options.runs,
                                                      seed, sampler, layout.width(), model.inputs.provenance.files);
    check_sweep_memory(o, quiet, model, options, layout, threads);
    if (o.resume) check_resume(checkpoint, fingerprint, model.inputs.provenance.scenario_file);
    // The records go to the checkpoint as the runs finish; the final reduction reads them
    // back. With --save plants (not resumable) the same file is a scratch store.
    // One part per MPI rank (sweep/sweep_parts.hpp); a fresh sweep drops parts of ranks it has not.
    if (!o.resume && team.rank() == 0) remove_other_parts(checkpoint, team.size());
    SweepCheckpoint records(checkpoint_part(checkpoint, team.rank()), fingerprint, options.runs, layout.width(),
                            layout.columnar(), o.resume, options.save != SaveLevel::plants);
    SweepHooks hooks;
    SweepProgress progress(std::cerr, ::isatty(STDERR_FILENO) == 1);
    if (!quiet) hooks.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
    hooks.stop_requested = [&](std::size_t done) {
        return g_stop != 0 || (o.stop_after > 0 && done >= o.stop_after);
    };

    g_stop = 0;
    auto* previous_int = std::signal(SIGINT, request_stop);
    auto* previous_term = std::signal(SIGTERM, request_stop);
    bool complete = false;
    const SweepResult result = run_sweep(model, options, records, hooks, complete, team);
    std::signal(SIGINT, previous_int);
    std::signal(SIGTERM, previous_term);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!complete) {
        if (team.rank() == 0) report_interrupted(options, hooks.runs_done, checkpoint);
        return kExitInterrupted;
    }
    if (team.rank() != 0) return 0;  // rank 0 writes the file
    const auto written = Clock::now();
    write_sweep_hdf5(out, model.inputs, result);
    records.remove();
    remove_other_parts(checkpoint, 1);
    if (std::getenv("EIISIM_SWEEP_TIMING") != nullptr)
        print_timing(hooks.timings, std::chrono::duration<double>(loaded - start).count(),
                     std::chrono::duration<double>(Clock::now() - written).count());
    if (!quiet)
        std::cout << fmt::format("Swept {} runs ({} sampler, {} uncertain settings{}) on {}{} thread(s) in {:.2f} s "
                                 "({:.0f} runs/s)\nWrote {}\n",
                                 options.runs, sampler, dims,
                                 o.reference.empty() ? "" : ", each with its reference run " + o.reference,
                                 team.size() > 1 ? fmt::format("{} ranks x ", team.size()) : "", threads, seconds,
                                 static_cast<double>(options.runs) / seconds, out.string());
    return 0;
}

}  // namespace

int sweep_command(const SweepCliOptions& o) {
    const std::unique_ptr<SweepTeam> team = make_sweep_team();
    try {
        return sweep_on_team(o, *team);
    } catch (const InputError& error) {
        team->fail(error.what(), cli::kExitBadInput);  // alone: returns, and main reports it
        throw;
    } catch (const std::exception& error) {
        team->fail(error.what(), cli::kExitRuntime);
        throw;
    }
}

}  // namespace eiisim

namespace eiisim::cli {

namespace {

// --branch-from: the options a branch uses; those it cannot are refused, not ignored.
int branch_sweep(const SweepCliOptions& s) {
    if (s.runs != 0 || !s.design.empty() || s.resume || s.save != "none" || s.stop_after != 0 || !s.reference.empty())
        throw InputError({"--branch-from", 0, 0}, "",
                         "a branch runs each variant once from the state's run: --runs, --design, --save, --resume "
                         "and --reference do not apply");
    if (s.scenarios.empty()) throw InputError({"--branch-from", 0, 0}, "", "give the variants with --scenario");
    BranchCliOptions b{s.branch_from, s.branch_year, s.scenarios, s.out, s.seed, s.seed_given, s.threads, s.quiet};
    return branch_command(b);
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
    auto sweep = std::make_shared<SweepCliOptions>();
    sweep->scenario = kDefaultScenario;
    CLI::App* cmd = app.add_subcommand(
        "sweep", "Monte Carlo sweep over the scenario's [[uncertain]] settings; writes experiments, "
                 "outcomes (KPIs) and per-year quantiles to one HDF5 file");
    cmd->add_option("--scenario", sweep->scenarios,
                    std::string("Scenario file (TOML; default ") + kDefaultScenario +
                        "); with --branch-from, the variants (one or more)");
    CLI::Option* branch = cmd->add_option("--branch-from", sweep->branch_from,
                                          "A run file (eiisim run): continue each --scenario variant from its run's "
                                          "state at --year, the years before shared (docs/analysis.md, \"Scenario "
                                          "branches\"); --out is then a folder of run files");
    cmd->add_option("--year", sweep->branch_year, "With --branch-from: the first year the variants simulate")
        ->needs(branch);
    branch->needs("--year");
    cmd->add_option("--runs", sweep->runs, "Number of runs (required unless --design gives them)")
        ->check(CLI::Range(1, 100000000));
    cmd->add_option("--design", sweep->design,
                    "CSV design: one row per run, columns named by [[uncertain]] names or setting keys "
                    "(eiisim schema); replaces the sampler (docs/analysis.md)");
    cmd->add_option("--sampler", sweep->sampler, "Experimental design")
        ->check(CLI::IsMember({"lhs", "sobol", "grid"}))
        ->capture_default_str();
    add_seed_option(cmd, sweep->seed, sweep->seed_given, "Seed of the design and of every run (default: the scenario's)");
    cmd->add_option("--out", sweep->out, kOutputHelp)->required()->check(non_empty_path());
    cmd->add_option("--save", sweep->save, "Per-run trajectories to keep: none, clusters or plants")
        ->check(CLI::IsMember({"none", "clusters", "plants"}))
        ->capture_default_str();
    cmd->add_option("--threads", sweep->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    cmd->add_flag("--resume", sweep->resume,
                  "Continue an interrupted sweep from <out>.checkpoint; refused, naming what changed, unless the "
                  "binary, the design and every input file are the same");
    cmd->add_option("--max-memory", sweep->max_memory,
                    "Refuse a sweep whose estimated peak memory is above this size (8G, 500M; default: three "
                    "quarters of this machine's memory); the estimate is printed before the runs start")
        ->check([](const std::string& text) {
            try {
                (void)parse_byte_size(text);
                return std::string();
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        });
    cmd->add_option("--reference", sweep->reference,
                    "Also run each run's reference (same seed, run stream and samples; frozen-technology or "
                    "no-policy, docs/ODD.md §7.17) and record the additional reduction, its net CO2 less the run's, "
                    "nationally and per cluster (docs/sweeps.md)")
        ->check(CLI::IsMember(std::vector<std::string>(kReferenceKindNames.begin(), kReferenceKindNames.end())));
    cmd->add_option("--stop-after", sweep->stop_after, "Testing: stop as if interrupted after N runs")->group("");
    cmd->add_flag("--quiet", sweep->quiet, "No progress or summary");
    cmd->footer("The settings a sweep may sample: eiisim schema (the sweep column; docs/scenario.md).");
    return {cmd, [sweep] {
                if (!sweep->branch_from.empty()) return branch_sweep(*sweep);
                if (sweep->scenarios.size() > 1)
                    throw InputError({"--scenario", 0, 0}, "", "one scenario per sweep (several only with --branch-from)");
                sweep->scenario = sweep->scenarios.empty() ? kDefaultScenario : sweep->scenarios.front();
                if (sweep->runs == 0 && sweep->design.empty())
                    throw CLI::ValidationError("--runs", "give --runs N or --design FILE.csv");
                prepare_output_path(sweep->out);
                return sweep_command(*sweep);
            }};
}

}  // namespace eiisim::cli
