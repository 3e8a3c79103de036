#pragma once
// Reads the scenario file's [[uncertain]] tables (docs/scenario.md, "Uncertain settings"):
// the settings a Monte Carlo sweep samples. Every problem (unknown target or
// distribution, a parameter that does not belong to the distribution, an impossible
// range, a duplicate name or target) is an InputError with file, line and column.
#include <vector>

#include "core/inputs.hpp"
#include "loader_toml.hpp"

namespace eiisim {

[[nodiscard]] std::vector<UncertainSetting> read_uncertain_settings(const TomlSection& root);

}  // namespace eiisim
