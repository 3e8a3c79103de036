// The eiisim command line: one subcommand per file in cli/ (cli/command.hpp).
#include <iostream>

#include "command.hpp"
#include "core/input_error.hpp"
#include "core/revision.hpp"

int main(int argc, char** argv) {
    using namespace eiisim::cli;
    CLI::App app{
        "eiisim: agent-based simulation of the Dutch energy-intensive industry to 2050.\n"
        "Plants in the five industrial clusters and cluster 6 choose each year between keeping\n"
        "their fossil route, electrifying, CCS, hydrogen, importing intermediates, relocating\n"
        "abroad or closing, under EU ETS/CBAM, the national CO2 levy, subsidies and scarce\n"
        "shared infrastructure. Run from the repository root; see README.md and docs/."};
    app.set_version_flag("--version", std::string("eiisim ") + eiisim::kModelVersion + " (" +
                                          eiisim::source_revision() + ")");
    app.require_subcommand(1);
    const Command commands[] = {add_run_command(app), add_validate_command(app), add_sweep_command(app),
                                add_schema_command(app), add_observables_command(app), add_appraise_command(app),
                                add_hindcast_command(app),
                                add_explain_command(app), add_agreements_command(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version "fail" with status 0; every real parse error is bad input.
        const int status = app.exit(error);
        return status == 0 ? 0 : kExitBadInput;
    }
    try {
        for (const Command& command : commands)
            if (*command.subcommand) return command.execute();
    } catch (const eiisim::InputError& error) {
        std::cerr << "error: " << error.what() << "\n";
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return kExitRuntime;
    }
    return 0;
}
