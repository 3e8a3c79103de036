#pragma once
// demand_paths.csv (optional): demand volume paths per sector, variant and year relative to
// the paths' base year (docs/input-format.md, docs/ODD.md §7.19). Every problem throws
// InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// A missing file is no demand path.
[[nodiscard]] std::vector<DemandPathRow> load_demand_paths(const std::filesystem::path& file,
                                                           const std::vector<SectorSpec>& sectors);

}  // namespace eiisim
