#pragma once
// entrants.csv (optional, kept by hand): new plants that can be built in a cluster
// (docs/input-format.md, docs/ODD.md §7.20). Each becomes a plant appended after the
// dataset's plants (so the incumbents keep their indices and random streams) with a keep
// route of its own appended to the catalogue. Every problem throws InputError naming
// file, line, column and field.
#include <filesystem>

#include "core/inputs.hpp"

namespace eiisim {

// Appends the entrants to `in.plants`, their routes to `in.technologies` and their option
// lists to `in.plant_technologies` (their sector's options with its keep row replaced by
// the entrant's own). Needs sectors, clusters, plants and the catalogue loaded. A missing
// file adds nothing. An entrant's earliest year must come after the scenario's base year (an
// entrant has no base year); one after the end year simply does not enter in that run (a
// hindcast to 2025 leaves out the entrants of 2027).
void load_entrants(const std::filesystem::path& file, Inputs& in, int base_year);

}  // namespace eiisim
