#pragma once
// What every subcommand shares: its registration returns the CLI11 subcommand and the
// action to run when it was chosen; the options live with the action. Exit status:
// 0 success, 1 runtime failure (e.g. output not writable), 2 bad input.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

namespace eiisim::cli {

inline constexpr int kExitRuntime = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr const char* kDefaultScenario = "scenarios/current-policy.toml";

struct Command {
    CLI::App* subcommand = nullptr;
    std::function<int()> execute;
};

// The output's folder is created if needed; an existing path that is not a regular
// file (a directory, a device, a pipe) is never replaced.
void prepare_output_path(const std::filesystem::path& out);

// A command that prints one of the declared-once tables with --format table|markdown|json;
// `markdown_is` names the document the markdown form is.
Command add_table_command(CLI::App& app, const std::string& name, const std::string& description,
                          const std::string& markdown_is, void (*print)(std::ostream&, const std::string&));

// One registration per command, each in its own file.
Command add_run_command(CLI::App& app);       // cli/run_command.cpp (run, and replay --from-sweep)
Command add_validate_command(CLI::App& app);  // cli/run_command.cpp
Command add_sweep_command(CLI::App& app);     // cli/sweep_command.cpp
Command add_schema_command(CLI::App& app);    // cli/schema_command.cpp
Command add_observables_command(CLI::App& app);  // cli/observables_command.cpp
Command add_appraise_command(CLI::App& app);  // cli/appraise_cli.cpp
Command add_hindcast_command(CLI::App& app);  // cli/hindcast_command.cpp
Command add_explain_command(CLI::App& app);   // cli/explain_cli.cpp
Command add_agreements_command(CLI::App& app);  // cli/agreements_command.cpp

}  // namespace eiisim::cli
