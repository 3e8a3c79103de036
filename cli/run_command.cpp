// `eiisim run` (one scenario, or the replay of one sweep run) and `eiisim validate`.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "clusters/value_chain_metrics.hpp"
#include "command.hpp"
#include "output_guard.hpp"
#include "seed_option.hpp"
#include "inputs/dataset_loader.hpp"
#include "inputs/given_settings.hpp"
#include "output/hdf5_writer.hpp"
#include "output/reference_summary.hpp"
#include "output/summary.hpp"
#include "sim/kpis.hpp"
#include "sim/model.hpp"
#include "sim/reduction_decomposition.hpp"
#include "sim/reference_run.hpp"
#include "sim/simulation.hpp"
#include "sweep/replay.hpp"

namespace eiisim::cli {
namespace {

struct RunOptions {
    std::string scenario = kDefaultScenario;
    std::string out;
    std::uint64_t seed = 0;
    bool seed_given = false;
    int threads = 0;
    bool quiet = false;
    std::string from_sweep;  // replay run `replay_run` of this sweep file (sweep/replay.hpp)
    std::string from_run;    // make this run file's run again (sweep/replay.hpp)
    std::uint64_t replay_run = 0;
    bool scenario_given = false;
    std::string reference;  // kReferenceKindNames; empty: none
    std::vector<std::string> set;  // --set KEY=VALUE overrides (inputs/given_settings.hpp)
};

// What the printout says first: which scenario and seed, the overrides, and that a single
// run is one draw of the plants' random choices.
void print_run_header(const Inputs& inputs, const std::vector<GivenValue>& given) {
    std::cout << fmt::format("Scenario {} ({}), seed {}\n", inputs.scenario.name, inputs.provenance.scenario_file,
                             inputs.scenario.seed);
    for (const GivenValue& g : given)
        std::cout << fmt::format("  --set {} = {} ({})\n", g.setting.name, g.value,
                                 g.setting.scale == UncertainScale::factor ? "factor" : "value");
    std::cout << "One run is one draw of the plants' random choices (other seeds move 2030 emissions by several Mt);\n"
                 "for bands run `eiisim sweep` or tools/seed_ensemble.py (docs/analysis.md).\n\n";
}

// The end year's change in net CO2 since the base year by sector and part (Mt/yr,
// docs/ODD.md §7.12), after the national table of the summary.
void print_sector_reduction(const Model& model, const RunResult& result) {
    const int year = model.inputs.scenario.end_year;
    const std::vector<double> parts = sector_reduction(model, result, year);
    std::cout << fmt::format("\nChange in net CO2 {}-{} by sector and part (Mt/yr)\n{:<16}", result.base_year, year,
                             "sector");
    // Eight characters a column: the two relocation parts would both read "relocati".
    for (const char* name : kReductionPartNames) {
        const std::string_view text = name;
        std::cout << fmt::format(" {:>8.8}", text == "relocation_eu" ? "reloc_eu" : text == "relocation" ? "reloc" : text);
    }
    std::cout << fmt::format(" {:>8}\n", "total");
    for (std::size_t s = 0; s < model.inputs.sectors.size(); ++s) {
        std::cout << fmt::format("{:<16.16}", model.inputs.sectors[s].id);
        double total = 0;
        for (int k = 0; k < kReductionPartCount; ++k) {
            const double v = parts[s * kReductionPartCount + static_cast<std::size_t>(k)];
            std::cout << fmt::format(" {:>8.2f}", v / 1e6);
            total += v;
        }
        std::cout << fmt::format(" {:>8.2f}\n", total / 1e6);
    }
}

std::string default_output(const std::string& scenario) {
    return "results/" + std::filesystem::path(scenario).stem().string() + ".h5";
}

// The reference run of `options.reference` for the same inputs and seed; none if not asked.
std::optional<RunResult> reference_run(const RunOptions& options, const Inputs& inputs, std::string& kind_name,
                                       int& first_year) {
    if (options.reference.empty()) return std::nullopt;
    const ReferenceKind kind = *reference_kind(options.reference);  // CLI::IsMember checked it
    kind_name = options.reference;
    first_year = first_reference_year(inputs);
    return simulate_reference(inputs, kind, inputs.scenario.seed);
}

int run_scenario(const RunOptions& options) {
    using Clock = std::chrono::steady_clock;
    Inputs inputs = load_inputs(options.scenario);
    const std::string out = options.out.empty() ? default_output(options.scenario) : options.out;
    const auto lock = claim_output(out, inputs.provenance, std::cerr);  // before any work
    if (options.seed_given) inputs.scenario.seed = options.seed;
    std::vector<GivenValue> given;
    for (const std::string& a : options.set) given.push_back(parse_assignment(a, inputs.scenario.uncertain));
    apply_given_values(inputs, given);
    for (const GivenValue& g : given) inputs.provenance.set_values.push_back(assignment_text(g));
    if (!options.quiet) print_run_header(inputs, given);
    const int threads = options.threads > 0 ? options.threads
                                            : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

    const auto start = Clock::now();
    ReferenceRun reference;
    const std::optional<RunResult> reference_result =
        reference_run(options, inputs, reference.kind, reference.first_year);
    reference.result = reference_result ? &*reference_result : nullptr;
    const Model model = build_model(std::move(inputs));
    const RunResult result = simulate(model, model.inputs.scenario.seed);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    const std::vector<int> milestones = kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const RunKpis kpis = compute_kpis(result, milestones, reference_result ? &*reference_result : nullptr);
    write_run_hdf5(out, model.inputs, result, &kpis, milestones, reference_result ? &reference : nullptr);

    if (!options.quiet) {
        print_run_summary(std::cout, model.inputs, result);
        print_sector_reduction(model, result);
        if (reference_result)
            print_reference_comparison(std::cout, model.inputs, result, *reference_result, reference.kind,
                                       reference.first_year);
        const double plant_years = static_cast<double>(result.plants) * result.years * (reference_result ? 2 : 1);
        std::cout << fmt::format("\nSimulated {} plants x {} years{} on {} thread(s) in {:.3f} s ({:.0f} plant-years/s)\n",
                                 result.plants, result.years, reference_result ? ", and the reference," : "", threads,
                                 seconds, plant_years / seconds);
        std::cout << "Wrote " << out << "\n";
    }
    return 0;
}

int replay(const RunOptions& o) {
    const bool sweep = !o.from_sweep.empty();
    const std::string source = sweep ? o.from_sweep : o.from_run;
    ReplayOptions replay{source, o.replay_run, o.scenario_given ? o.scenario : "", o.out, o.quiet};
    if (replay.out.empty())
        replay.out = sweep ? default_replay_output(source, o.replay_run)
                           : "results/" + std::filesystem::path(source).stem().string() + "-again.h5";
    InputProvenance read;  // the source file; the scenario's files are read later, by the replay
    read.files.push_back({source, "", 0});
    const auto lock = claim_output(replay.out, read, std::cerr);
    return sweep ? replay_command(replay) : replay_run_file_command(replay);
}

}  // namespace

void prepare_output_path(const std::filesystem::path& out) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(out, error);
    if (fs::exists(status) && !fs::is_regular_file(status))
        throw std::runtime_error("output path " + out.string() + " exists and is not a regular file");
    const fs::path parent = out.parent_path();
    if (!parent.empty() && !fs::create_directories(parent, error) && error)
        throw std::runtime_error("cannot create the output folder " + parent.string() + ": " + error.message());
}

Command add_run_command(CLI::App& app) {
    auto run = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("run", "Simulate one scenario and write an HDF5 result file");
    cmd->add_option("--scenario", run->scenario, "Scenario file (TOML)")
        ->capture_default_str()
        ->each([run](const std::string&) { run->scenario_given = true; });
    cmd->add_option("--out", run->out, std::string(kOutputHelp) + " (default: results/<scenario>.h5)")
        ->check(non_empty_path());
    CLI::Option* seed_opt =
        add_seed_option(cmd, run->seed, run->seed_given, "Random seed (overrides the scenario's seed)");
    CLI::Option* from_opt = cmd->add_option(
        "--from-sweep", run->from_sweep,
        "Replay one run of this sweep file (same inputs, samples, seed and run index; see docs/sweeps.md)");
    CLI::Option* run_opt = cmd->add_option("--run", run->replay_run, "With --from-sweep: the run to replay (0-based)");
    from_opt->needs(run_opt)->excludes(seed_opt);
    run_opt->needs(from_opt);
    CLI::Option* from_run_opt =
        cmd->add_option("--from-run", run->from_run,
                        "Make the run of this run file again (same inputs, seed and --set values; KPIs compared bit "
                        "for bit; docs/analysis.md)")
            ->excludes(seed_opt)
            ->excludes(from_opt);
    cmd->add_option("--threads", run->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    cmd->add_option("--reference", run->reference,
                    "Also run this reference with the same seed and write its series as reference_* (frozen-technology: "
                    "no plant decides after the observed history; no-policy: no national climate policy after it; "
                    "docs/ODD.md §7.17)")
        ->check(CLI::IsMember(std::vector<std::string>(kReferenceKindNames.begin(), kReferenceKindNames.end())))
        ->excludes(from_opt)
        ->excludes(from_run_opt);
    cmd->add_option("--set", run->set,
                    "KEY=VALUE: change one setting for this run (repeatable); KEY a setting key as `eiisim schema` "
                    "lists it or an [[uncertain]] name; applied as a sweep applies a sample (a factor on a price "
                    "path, a value for a number)")
        ->excludes(from_opt)
        ->excludes(from_run_opt);
    cmd->add_flag("--quiet", run->quiet, "Print nothing on success");
    cmd->footer("Every scenario setting, with its unit, range and default: eiisim schema (docs/scenario.md).");
    return {cmd, [run] {
                return run->from_sweep.empty() && run->from_run.empty() ? run_scenario(*run) : replay(*run);
            }};
}

Command add_validate_command(CLI::App& app) {
    auto scenario = std::make_shared<std::string>(kDefaultScenario);
    auto cascades = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("validate", "Check every input of a scenario and summarise the dataset");
    cmd->add_option("--scenario", *scenario, "Scenario file (TOML)")->capture_default_str();
    cmd->add_flag("--cascades", *cascades,
                  "Print, as a Markdown table, what each plant's exit does to its value-chain neighbours");
    return {cmd, [scenario, cascades] {
                const Inputs inputs = load_inputs(*scenario);
                // The checks `run` makes when it builds the model (derived quantities)
                // run here too, so that what validate calls valid runs.
                (void)build_model(Inputs(inputs));
                if (*cascades) {
                    print_exit_effects(std::cout, inputs, exit_effects(inputs));
                    return 0;
                }
                print_input_summary(std::cout, inputs);
                print_value_chain_metrics(std::cout, inputs, value_chain_metrics(inputs));
                std::cout << "\n" << *scenario << ": valid\n";
                return 0;
            }};
}

}  // namespace eiisim::cli
