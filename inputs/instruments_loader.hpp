#pragma once
// The scenario's support instruments: `[[instruments]]` tables (docs/scenario.md, docs/ODD.md
// §7.14), each with its own budget path, the option kinds it supports and its form.
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "loader_toml.hpp"

namespace eiisim {

// Every [[instruments]] table of the scenario file `root`, in file order; none when absent.
// Errors name the file, line and `instruments[i].key`.
[[nodiscard]] std::vector<InstrumentSpec> read_instruments(const TomlSection& root);

// Resolves each instrument's `technologies` names into catalogue indices (every row of
// that name, sector or plant option); an unknown name is an error naming the scenario.
void resolve_instrument_technologies(std::vector<InstrumentSpec>& instruments,
                                     const std::vector<TechnologySpec>& technologies, const std::string& scenario_file);

}  // namespace eiisim
