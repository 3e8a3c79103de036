// `eiisim schema` and `eiisim observables` share their shape: print a table in one of
// three formats.
#include <iostream>
#include <memory>

#include "command.hpp"

namespace eiisim::cli {

Command add_table_command(CLI::App& app, const std::string& name, const std::string& description,
                          const std::string& markdown_is, void (*print)(std::ostream&, const std::string&)) {
    auto format = std::make_shared<std::string>("table");
    CLI::App* cmd = app.add_subcommand(name, description);
    cmd->add_option("--format", *format, "table, markdown (" + markdown_is + ") or json")
        ->check(CLI::IsMember({"table", "markdown", "json"}))
        ->capture_default_str();
    return {cmd, [format, print] {
                print(std::cout, *format);
                return 0;
            }};
}

}  // namespace eiisim::cli
