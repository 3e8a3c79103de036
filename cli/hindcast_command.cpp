// `eiisim hindcast`: the scenario over seeds 1..N in forced and free history modes
// against the dataset's observed emissions (docs/validation.md "Hindcast").
#include <iostream>
#include <memory>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "command.hpp"
#include "core/input_error.hpp"
#include "core/input_files.hpp"
#include "hindcast_report.hpp"
#include "inputs/dataset_loader.hpp"
#include "inputs/observed_emissions.hpp"
#include "output/hdf5_hindcast_writer.hpp"
#include "output_guard.hpp"
#include "sweep/hindcast.hpp"

namespace eiisim::cli {
namespace {

struct HindcastOptions {
    std::string scenario = kDefaultScenario;
    int seeds = 10;
    std::string out;
    std::string format = "table";
    int threads = 0;
};

// The observed table, its file recorded with the inputs' (it is an input of the hindcast).
std::vector<ObservedSeries> load_observed(Inputs& inputs) {
    const InputFileLog log;
    const std::filesystem::path file = dataset_folder(inputs) / kObservedEmissionsFile;
    if (!std::filesystem::exists(file))
        throw InputError({file.string(), 0, 0}, "",
                         "the dataset has no observed emissions to compare with (docs/input-format.md)");
    std::vector<ObservedSeries> observed = load_observed_emissions(file, inputs);
    for (InputFileRecord& record : log.files(std::filesystem::path(inputs.provenance.scenario_file).parent_path()))
        inputs.provenance.files.push_back(std::move(record));
    return observed;
}

int hindcast(const HindcastOptions& o) {
    Inputs inputs = load_inputs(o.scenario);
    std::vector<ObservedSeries> observed = load_observed(inputs);
    // The same guard as run and sweep: never an input, one writer at a time (issue 16).
    std::unique_ptr<OutputLock> lock;
    if (!o.out.empty()) lock = claim_output(o.out, inputs.provenance, std::cerr);
    const int threads = o.threads > 0 ? o.threads : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const HindcastResult result = run_hindcast(inputs, std::move(observed), o.seeds);
    if (!o.out.empty()) write_hindcast_hdf5(o.out, inputs, result);
    if (o.format == "csv")
        print_hindcast_csv(std::cout, result);
    else if (o.format == "json")
        print_hindcast_json(std::cout, result);
    else
        print_hindcast_table(std::cout, result);
    if (!o.out.empty() && o.format == "table") std::cout << "\nWrote " << o.out << "\n";
    return 0;
}

}  // namespace

Command add_hindcast_command(CLI::App& app) {
    auto options = std::make_shared<HindcastOptions>();
    CLI::App* cmd = app.add_subcommand(
        "hindcast", "Run the scenario over seeds 1..N with the observed history forced and free, and compare "
                    "the emissions with the dataset's observed ones (observed_emissions.csv; docs/validation.md)");
    cmd->add_option("--scenario", options->scenario, "Scenario file (TOML)")->capture_default_str();
    cmd->add_option("--seeds", options->seeds, "Runs per mode, seeds 1..N")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--out", options->out,
                    "Also write the tables to this HDF5 file (docs/output-format.md); an existing output is replaced, "
                    "an input never is (exit status 2)")
        ->check(non_empty_path());
    cmd->add_option("--format", options->format, "Printed form: table, csv (one row per mode, series and year) or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->add_option("--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    return {cmd, [options] { return hindcast(*options); }};
}

}  // namespace eiisim::cli
