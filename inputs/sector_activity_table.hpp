#pragma once
// sector_activity.csv (optional): observed production volume per sector and year relative
// to the base year, one row per sector-year with its source (docs/input-format.md,
// docs/ODD.md §7.13). Every problem throws InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"
#include "csv_reader.hpp"

namespace eiisim {

// The index into `sectors` of the row's `sector` id; an unknown id fails naming the row
// (shared by the per-sector tables: sector_activity.csv, demand_paths.csv).
[[nodiscard]] int csv_sector(const CsvTable& table, const CsvRow& row, const std::vector<SectorSpec>& sectors);

// `base_year`: the scenario's first year, the index's reference (= 1): rows lie after it.
// A missing file is no sector activity.
[[nodiscard]] std::vector<SectorActivity> load_sector_activity(const std::filesystem::path& file,
                                                               const std::vector<SectorSpec>& sectors,
                                                               int base_year);

}  // namespace eiisim
