#pragma once
// permits.csv (optional, kept by hand): the permit stage of large conversions per sector
// and option kind, with a source (docs/input-format.md, docs/ODD.md §7.9 "Permit stage").
// Every problem throws InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// Sets permit_y and nitrogen_sensitive of every technology (sector rows and plants' own
// options) of each row's sector and kind; a `*` sector row covers every sector that has
// no row of its own for that kind. A missing file leaves every conversion without a
// permit stage.
void load_permits(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors,
                  std::vector<TechnologySpec>& technologies);

}  // namespace eiisim
