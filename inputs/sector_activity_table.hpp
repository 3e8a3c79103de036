#pragma once
// sector_activity.csv (optional): observed production volume per sector and year relative
// to the base year, one row per sector-year with its source (docs/input-format.md,
// docs/ODD.md §7.13). Every problem throws InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// `base_year`: the scenario's first year, the index's reference (= 1): rows lie after it.
// A missing file is no sector activity.
[[nodiscard]] std::vector<SectorActivity> load_sector_activity(const std::filesystem::path& file,
                                                               const std::vector<SectorSpec>& sectors,
                                                               int base_year);

}  // namespace eiisim
