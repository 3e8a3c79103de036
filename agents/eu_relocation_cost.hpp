#pragma once
// Producing at an EU neighbour (the `relocate_eu` option, docs/ODD.md §7.5): the keep route
// at Belgian, German or French energy costs, inside the EU ETS with the free allocation the
// plant would get at home, without CBAM, the Dutch CO2 levy or Dutch tariffs and taxes,
// and shipped the short way back to the market.
#include "core/inputs.hpp"
#include "plant_baseline.hpp"
#include "price_view.hpp"
#include "route_profile.hpp"
#include "unit_cost.hpp"

namespace eiisim {

// The neighbour (index into kNeighbourNames) an intra-EU relocation goes to: the declared
// one, or the one whose gas and electricity cost `keep_profile`'s use least at `prices`
// (the first of equals).
[[nodiscard]] int eu_destination(const Neighbours& neighbours, const RouteProfile& keep_profile,
                                 const PriceView& prices);

// The unit cost of producing on `keep_profile` at `eu_destination`'s neighbour and
// selling on the EU market.
[[nodiscard]] UnitCost eu_abroad_unit_cost(const PlantBaseline& base, const SectorSpec& sector,
                                           const Neighbours& neighbours, const RouteProfile& keep_profile,
                                           const PriceView& prices, const CostTerms& terms);

}  // namespace eiisim
