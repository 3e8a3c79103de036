#pragma once
// Reads a scenario file (TOML) and the dataset folder it names (CSV + TOML), validates
// every field, converts units once, and returns immutable Inputs. Every problem throws
// InputError naming file, line, column and field.
#include <filesystem>

#include "core/inputs.hpp"

namespace eiisim {

[[nodiscard]] Inputs load_inputs(const std::filesystem::path& scenario_file);

}  // namespace eiisim
