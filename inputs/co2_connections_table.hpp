#pragma once
// co2_connections.csv (optional, kept by hand): plants whose CO2 connection differs from
// their cluster's, with the first year and the mode (pipeline or ship) and a source
// (docs/input-format.md, docs/ODD.md §7.7). Every problem throws InputError naming file,
// line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// Sets each named plant's co2_connection_year, co2_transport and co2_connection_source.
// `co2_delay_y` (scenario infrastructure.co2_delay_y) moves pipeline connections as it
// moves the clusters'; ship connections do not use the national pipeline and keep their
// year. A missing file overrides nothing.
void load_co2_connections(const std::filesystem::path& file, std::vector<PlantSpec>& plants, int co2_delay_y);

}  // namespace eiisim
