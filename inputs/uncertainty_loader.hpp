#pragma once
// Reads the scenario file's [[uncertain]] tables (docs/scenario.md, "Uncertain settings"):
// the settings a Monte Carlo sweep samples. Every problem (unknown target or
// distribution, a parameter that does not belong to the distribution, an impossible
// range, a duplicate name or target) is an InputError with file, line and column.
#include <vector>

#include "core/inputs.hpp"
#include "core/settings_schema.hpp"
#include "loader_toml.hpp"

namespace eiisim {

[[nodiscard]] std::vector<UncertainSetting> read_uncertain_settings(const TomlSection& root);

// The range a sampled (or given: --design, --set) number must lie in: a factor must be
// >= 0; a value must lie in the target's valid range, in the scenario file's unit.
[[nodiscard]] Bounds sample_bounds(const SettingSpec& target, UncertainScale scale);

}  // namespace eiisim
