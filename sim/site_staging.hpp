#pragma once
// Staged conversions on multi-unit sites (docs/ODD.md §7.9 "Staged conversions"): the units
// of a site share one operator (plants.csv `site`, checked by the loader), and an operator
// converts one unit at a time. A unit may not be granted a large conversion
// (agents/permit_terms.hpp) while another unit of its site has one granted and not yet
// running; allocation refuses it (RefusedBy::site_staging) and it asks again next year.
#include <cstddef>

#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// Whether a unit of `plant`'s site other than itself has a large conversion under way: granted
// (in its permit stage or building) and not yet running. Closures, relocations and an
// entrant's build are not conversions.
[[nodiscard]] bool site_conversion_under_way(const Model& model, const RunState& state, std::size_t plant);

}  // namespace eiisim
