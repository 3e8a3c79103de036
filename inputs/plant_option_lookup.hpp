#pragma once
// A plant's option by name, as history.csv and agreement_plants.csv name routes: one of
// the plant's own options (its sector's technologies.csv rows with plant_options.csv's
// replacing same-named ones). An unknown name fails at the row, listing the options.
#include <string_view>
#include <vector>

#include "core/inputs.hpp"
#include "csv_reader.hpp"

namespace eiisim {

// Index into `technologies` of the option named in `column` of `row` among `options` (the
// plant's list); relocate and close are not routes a plant runs and are not matched.
[[nodiscard]] int plant_option_named(const CsvTable& table, const CsvRow& row, std::string_view column,
                                     const std::vector<TechnologySpec>& technologies, const std::vector<int>& options,
                                     const PlantSpec& plant);
// The same for a name taken from the column's text (one of several names in one field).
[[nodiscard]] int plant_option_named(const CsvTable& table, const CsvRow& row, std::string_view column,
                                     std::string_view name, const std::vector<TechnologySpec>& technologies,
                                     const std::vector<int>& options, const PlantSpec& plant);

}  // namespace eiisim
