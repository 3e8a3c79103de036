#pragma once
// Demand paths per sector (docs/ODD.md §7.19): the scenario's [demand] variant of
// demand_paths.csv, its per-sector overrides and its factor, resolved into one volume path
// per sector (PricePaths::sector_volume_index), and how a path continues the observed
// sector activity without a jump.
#include <string>
#include <vector>

#include "inputs.hpp"

namespace eiisim {

// Fills inputs.scenario.prices.sector_volume_index from inputs.demand_paths and
// inputs.scenario.demand: the variant's rows of each sector (an empty path where a sector
// has none: it keeps today's behaviour), a named override in place of its sector's, then every path's change from 1 scaled
// by the factor, v' = max(0, 1 + factor (v - 1)). No variant and no override: empty.
// Also sets the product price index of each sector of demand.price_by_sector: after the
// sector's last observed price year L_p (its observed_prices.csv series, else the
// calibration year) I_s(y) = I_s(L_p) p_s(y) / p_s(L_p), replacing the national index.
// Call after apply_observed_prices; idempotent with it, so a sweep that moved the factor
// calls both again (sim/model.cpp).
// Throws InputError (at `scenario_file`) for a variant or sector the dataset lacks.
void resolve_demand_paths(Inputs& inputs, const std::string& scenario_file);

// Per sector: the factor c_s in D_s(y) = c_s v_s(y) that chains the volume path v_s to the
// sector's activity A_s(L) in the last observed year L (forced history: its observed
// sector_activity index, 1 without one; free and off: 1, the activity those modes run at),
// c_s = A_s(L) / v_s(L), so D_s(L) = A_s(L) and the projection starts where history ended.
// 1 for a sector without a path. Empty when there are no volume paths.
// `observed_level` false: A_s(L) = 1, the factor of a plant that did not run in L (an
// entrant of docs/ODD.md §7.20): it follows the path's change since L only, not the
// observed level of the plants that ran then.
[[nodiscard]] std::vector<double> demand_chain_factors(const Inputs& inputs, int last_observed_year,
                                                       bool observed_level = true);

}  // namespace eiisim
