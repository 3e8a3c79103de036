// `eiisim agreements`: the additionality check of the support agreements. The scenario over
// seeds 1..N as is and without each agreement, paired by seed (docs/validation.md,
// "Additionality of the agreements").
#include <iostream>
#include <memory>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "agreements_report.hpp"
#include "command.hpp"
#include "inputs/dataset_loader.hpp"
#include "sweep/agreement_additionality.hpp"

namespace eiisim::cli {
namespace {

struct AgreementsOptions {
    std::string scenario = kDefaultScenario;
    int seeds = 10;
    std::string format = "table";
    std::string agreement;  // only this one; empty: every agreement that is not stopped
    int threads = 0;
};

int agreements(const AgreementsOptions& o) {
    const Inputs inputs = load_inputs(o.scenario);
    const int only = o.agreement.empty() ? -1 : static_cast<int>(agreement_index(inputs, o.agreement));
    const std::vector<std::size_t> checked = agreements_to_check(inputs, only);
    const int threads = o.threads > 0 ? o.threads : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const AdditionalityResult result = run_additionality(inputs, checked, o.seeds);
    if (o.format == "csv")
        print_additionality_csv(std::cout, result);
    else if (o.format == "json")
        print_additionality_json(std::cout, result);
    else
        print_additionality_table(std::cout, result);
    return 0;
}

}  // namespace

Command add_agreements_command(CLI::App& app) {
    auto options = std::make_shared<AgreementsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "agreements", "Check the additionality of the support agreements: run the scenario over seeds 1..N as is "
                      "and without each agreement that is not stopped, paired by seed, and report the reduction "
                      "each adds and its aid per additional tonne (docs/validation.md)");
    cmd->add_option("--scenario", options->scenario, "Scenario file (TOML)")->capture_default_str();
    cmd->add_option("--seeds", options->seeds, "Runs per case, seeds 1..N")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--format", options->format, "Printed form: table, csv (one row per agreement) or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->add_option("--agreement", options->agreement,
                    "Check only this agreement (its id in agreements.csv), even when its talks stopped");
    cmd->add_option("--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 4096));
    return {cmd, [options] { return agreements(*options); }};
}

}  // namespace eiisim::cli
