#pragma once
// Observed prices before projected ones (docs/ODD.md §7.1). The dataset's observed yearly
// prices (Inputs::observed_prices, observed_prices.csv) replace every scenario's paths up
// to each series' last observed year, so scenarios differ only after it; `history = "off"`
// keeps the scenario's own paths. Applied by the loader and again after a sweep changed a
// path (sim/model.cpp: rebuild_price_dependent): it is idempotent, and a sweep factor
// therefore moves only the years after the observations.
#include "inputs.hpp"

namespace eiisim {

// The engine-unit price path of an energy carrier.
[[nodiscard]] const TimePath& energy_price_path(const PricePaths& prices, Carrier carrier);

// The price EU competitors pay for `carrier` in `year` (engine units): the neighbours' mean
// for gas and electricity, the Dutch path for the rest; the same as the engine's
// eu_competitor_energy_eur_per_gj, from the paths (docs/ODD.md §7.1).
[[nodiscard]] double competitor_energy_price(const Scenario& scenario, Carrier carrier, int year);

// `path` with its anchors up to the last observed year replaced by `observed` (engine
// units, ascending years); later anchors stay, and the path interpolates from the last
// observation to the next anchor.
[[nodiscard]] TimePath with_observed(const TimePath& path, const std::vector<std::pair<int, double>>& observed);

// Merges the observed market prices into inputs.scenario.prices and sets the per-sector
// product price index paths (PricePaths::sector_product_price_index). An observed sector
// index is the sector's whole price change; the engine adds the energy pass-through on
// top (agents/unit_cost.cpp), so the stored index is the observed one less that term:
//   I_s(y) = I_obs,s(y) - k * sum_c (q_c(y) - q_c(cal)) * e_s,c / P_s
// (q_c: the EU competitors' price, competitor_energy_price; k: energy_cost_pass_through,
// e_s,c: the sector's mean energy use per t, P_s: its
// calibration-year price), and the price the engine forms in an observed year is P_s *
// I_obs,s(y): the gas spike is counted once.
void apply_observed_prices(Inputs& inputs);

}  // namespace eiisim
