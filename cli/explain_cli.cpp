// Registration of `eiisim explain` (cli/explain_command.cpp does the work).
#include <memory>

#include "command.hpp"
#include "explain_command.hpp"

namespace eiisim::cli {

Command add_explain_command(CLI::App& app) {
    auto options = std::make_shared<ExplainCliOptions>();
    options->scenario = kDefaultScenario;
    CLI::App* command = app.add_subcommand(
        "explain", "Explain one plant's decision in a year from the event log: trigger, choice and why (utility = "
                   "deterministic part + bias + random term), the options as ranked with their cost terms, what was "
                   "infeasible and what allocation refused (docs/ODD.md section 7.8)");
    command->add_option("--plant", options->plant, "Plant id (the id column of the dataset's plants.csv)")
        ->required();
    command->add_option("--year", options->year, "Year of the decision")->required();
    auto* result = command->add_option("--result", options->result, "A run file (.h5) to read the log from");
    command->add_option("--scenario", options->scenario, "Scenario file (TOML) to run when no --result is given")
        ->capture_default_str()
        ->excludes(result);
    command->add_option("--seed", options->seed, "Random seed of the run (overrides the scenario's seed)")
        ->excludes(result)
        ->each([options](const std::string&) { options->seed_given = true; });
    return {command, [options] { return explain_command(*options); }};
}

}  // namespace eiisim::cli
