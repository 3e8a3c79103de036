// The eiisim command line: run a scenario, validate inputs, print the version.
// Exit status: 0 success, 1 runtime failure (e.g. output not writable), 2 bad input.
#include <chrono>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "clusters/dataset_loader.hpp"
#include "core/input_error.hpp"
#include "core/revision.hpp"
#include "output/hdf5_writer.hpp"
#include "output/summary.hpp"
#include "sim/kpis.hpp"
#include "sim/model.hpp"
#include "sim/observables_command.hpp"
#include "sim/schema_command.hpp"
#include "sim/simulation.hpp"
#include "sim/sweep_command.hpp"

namespace {

constexpr int kExitRuntime = 1;
constexpr int kExitBadInput = 2;
const char* const kDefaultScenario = "scenarios/current-policy.toml";

struct RunOptions {
    std::string scenario = kDefaultScenario;
    std::string out;
    std::uint64_t seed = 0;
    bool seed_given = false;
    int threads = 0;
    bool quiet = false;
};

std::string default_output(const std::string& scenario) {
    return "results/" + std::filesystem::path(scenario).stem().string() + ".h5";
}

// The output's folder is created if needed; an existing path that is not a regular
// file (a directory, a device, a pipe) is never replaced.
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

int run_command(const RunOptions& options) {
    using Clock = std::chrono::steady_clock;
    eiisim::Inputs inputs = eiisim::load_inputs(options.scenario);
    if (options.seed_given) inputs.scenario.seed = options.seed;
    const int threads = options.threads > 0 ? options.threads
                                            : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

    const auto start = Clock::now();
    const eiisim::Model model = eiisim::build_model(std::move(inputs));
    const eiisim::RunResult result = eiisim::simulate(model, model.inputs.scenario.seed);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    const std::string out = options.out.empty() ? default_output(options.scenario) : options.out;
    prepare_output_path(out);
    const std::vector<int> milestones =
        eiisim::kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const eiisim::RunKpis kpis = eiisim::compute_kpis(result, milestones);
    eiisim::write_run_hdf5(out, model.inputs, result, &kpis, milestones);

    if (!options.quiet) {
        eiisim::print_run_summary(std::cout, model.inputs, result);
        const double plant_years = static_cast<double>(result.plants) * result.years;
        std::cout << fmt::format("\nSimulated {} plants x {} years on {} thread(s) in {:.3f} s ({:.0f} plant-years/s)\n",
                                 result.plants, result.years, threads, seconds, plant_years / seconds);
        std::cout << "Wrote " << out << "\n";
    }
    return 0;
}

int validate_command(const std::string& scenario) {
    const eiisim::Inputs inputs = eiisim::load_inputs(scenario);
    eiisim::print_input_summary(std::cout, inputs);
    std::cout << "\n" << scenario << ": valid\n";
    return 0;
}

// A command that prints a table as text, markdown (`markdown_is`) or JSON.
CLI::App* add_table_command(CLI::App& app, const std::string& name, const std::string& description,
                            const std::string& markdown_is, std::string& format) {
    CLI::App* cmd = app.add_subcommand(name, description);
    cmd->add_option("--format", format, "table, markdown (" + markdown_is + ") or json")
        ->check(CLI::IsMember({"table", "markdown", "json"}))
        ->capture_default_str();
    return cmd;
}

CLI::App* add_sweep_command(CLI::App& app, eiisim::SweepCliOptions& options) {
    options.scenario = kDefaultScenario;
    CLI::App* cmd = app.add_subcommand(
        "sweep", "Monte Carlo sweep over the scenario's [[uncertain]] settings; writes experiments, "
                 "outcomes (KPIs) and per-year quantiles to one HDF5 file");
    cmd->add_option("--scenario", options.scenario, "Scenario file (TOML)")->capture_default_str();
    cmd->add_option("--runs", options.runs, "Number of runs")->required()->check(CLI::Range(1, 100000000));
    cmd->add_option("--sampler", options.sampler, "Experimental design")
        ->check(CLI::IsMember({"lhs", "sobol", "grid"}))
        ->capture_default_str();
    cmd->add_option("--seed", options.seed, "Seed of the design and of every run (default: the scenario's)")
        ->each([&options](const std::string&) { options.seed_given = true; });
    cmd->add_option("--out", options.out, "Output HDF5 file")->required();
    cmd->add_option("--save", options.save, "Per-run trajectories to keep: none, clusters or plants")
        ->check(CLI::IsMember({"none", "clusters", "plants"}))
        ->capture_default_str();
    cmd->add_option("--threads", options.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    cmd->add_flag("--resume", options.resume, "Continue an interrupted sweep from <out>.checkpoint");
    cmd->add_option("--stop-after", options.stop_after, "Testing: stop as if interrupted after N runs")
        ->group("");
    cmd->add_flag("--quiet", options.quiet, "No progress or summary");
    return cmd;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "eiisim: agent-based simulation of the Dutch energy-intensive industry to 2050.\n"
        "Plants in the five industrial clusters and cluster 6 choose each year between keeping\n"
        "their fossil route, electrifying, CCS, hydrogen, importing intermediates, relocating\n"
        "abroad or closing, under EU ETS/CBAM, the national CO2 levy, subsidies and scarce\n"
        "shared infrastructure. Run from the repository root; see README.md and docs/."};
    app.set_version_flag("--version", std::string("eiisim ") + eiisim::kModelVersion + " (" +
                                          eiisim::source_revision() + ")");
    app.require_subcommand(1);

    RunOptions run;
    CLI::App* run_cmd = app.add_subcommand("run", "Simulate one scenario and write an HDF5 result file");
    run_cmd->add_option("--scenario", run.scenario, "Scenario file (TOML)")->capture_default_str();
    run_cmd->add_option("--out", run.out, "Output HDF5 file (default: results/<scenario>.h5)");
    run_cmd->add_option("--seed", run.seed, "Random seed (overrides the scenario's seed)")
        ->each([&run](const std::string&) { run.seed_given = true; });
    run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    run_cmd->add_flag("--quiet", run.quiet, "Print nothing on success");

    std::string validate_scenario = kDefaultScenario;
    CLI::App* validate_cmd =
        app.add_subcommand("validate", "Check every input of a scenario and summarise the dataset");
    validate_cmd->add_option("--scenario", validate_scenario, "Scenario file (TOML)")->capture_default_str();

    std::string schema_format = "table";
    CLI::App* schema_cmd = add_table_command(
        app, "schema", "List every scenario setting with its unit, default, range and sweepability",
        "docs/scenario.md", schema_format);
    std::string observables_format = "table";
    CLI::App* observables_cmd = add_table_command(
        app, "observables", "List every output series with its dimensions, type, units and what sweeps keep of it",
        "the tables of docs/output-format.md", observables_format);

    eiisim::SweepCliOptions sweep;
    CLI::App* sweep_cmd = add_sweep_command(app, sweep);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version "fail" with status 0; every real parse error is bad input.
        const int status = app.exit(error);
        return status == 0 ? 0 : kExitBadInput;
    }
    try {
        if (*run_cmd) return run_command(run);
        if (*validate_cmd) return validate_command(validate_scenario);
        if (*schema_cmd) {
            eiisim::print_schema(std::cout, schema_format);
            return 0;
        }
        if (*observables_cmd) {
            eiisim::print_observables(std::cout, observables_format);
            return 0;
        }
        if (*sweep_cmd) {
            prepare_output_path(sweep.out);
            return eiisim::sweep_command(sweep);
        }
    } catch (const eiisim::InputError& error) {
        std::cerr << "error: " << error.what() << "\n";
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return kExitRuntime;
    }
    return 0;
}
