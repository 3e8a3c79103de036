#pragma once
// history.csv (optional): the dataset's observed history, one row per observed fact of a
// plant with its source (docs/input-format.md, docs/ODD.md §7.13). Every problem throws
// InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// `base_year`: the scenario's first year; history starts after it (the base year is the
// calibration, not an observation). A missing file is no history.
[[nodiscard]] std::vector<HistoryEntry> load_history(const std::filesystem::path& file,
                                                     const std::vector<PlantSpec>& plants,
                                                     const std::vector<TechnologySpec>& technologies,
                                                     const std::vector<std::vector<int>>& plant_technologies,
                                                     int base_year);

}  // namespace eiisim
