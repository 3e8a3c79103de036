#pragma once
// targets.csv (optional): the climate targets a run is measured against, one row per
// EmissionTarget with its mapping onto the model's scope and its source
// (core/emission_targets.hpp, docs/dataset.md "Targets"). Every problem throws InputError
// naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/emission_targets.hpp"

namespace eiisim {

// One TargetSpec per EmissionTarget, in its order; a missing file is no targets (empty).
// `base_year`: the scenario's first year; a target is due after it.
[[nodiscard]] std::vector<TargetSpec> load_targets(const std::filesystem::path& file, int base_year);

}  // namespace eiisim
