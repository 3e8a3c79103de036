// Registration of `eiisim appraise` (cli/appraise_command.cpp does the work).
#include <memory>

#include "appraise_command.hpp"
#include "command.hpp"

namespace eiisim::cli {

Command add_appraise_command(CLI::App& app) {
    auto options = std::make_shared<AppraiseCliOptions>();
    options->scenario = kDefaultScenario;
    CLI::App* command = app.add_subcommand(
        "appraise", "Print every option a plant weighs in a year with its cost terms as the engine computes "
                    "them, at the plant's state in a run of the scenario (docs/ODD.md section 7.7)");
    command->add_option("--plant", options->plant, "Plant id (the id column of the dataset's plants.csv)")
        ->required();
    command->add_option("--year", options->year, "Year of the appraisal (within the scenario's years)")->required();
    command->add_option("--scenario", options->scenario, "Scenario file (TOML)")->capture_default_str();
    command->add_option("--seed", options->seed, "Random seed of the run (overrides the scenario's seed)")
        ->each([options](const std::string&) { options->seed_given = true; });
    command->add_option("--format", options->format, "Output: a table, or CSV with one row per option variant")
        ->check(CLI::IsMember({"table", "csv"}))
        ->capture_default_str();
    return {command, [options] { return appraise_command(*options); }};
}

}  // namespace eiisim::cli
