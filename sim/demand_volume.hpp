#pragma once
// The demand volume a plant's sector takes, as the engine applies it (docs/ODD.md §7.19):
// after the last observed year a plant's utilisation follows its sector's volume path,
// chained to the observed activity of that year (core/demand_paths.hpp), and an appraisal
// expects the path as it expects market prices.
#include <vector>

#include "agents/price_view.hpp"
#include "model.hpp"

namespace eiisim {

// D_s(y) = c_s v_s(y) for the actual year `year` after the last observed (and base) year;
// 1 before, and for a sector without a path or a scenario without [demand].
// `plant` >= 0: that plant's factor (an entrant chains to the path only); < 0: the sector's.
// Read from Model::demand_factors, which fill_demand_factors computes from the model's
// actual views when the model is built or its prices rebuilt.
[[nodiscard]] double actual_demand_factor(const Model& model, int sector, int year, int plant = -1);
// actual_demand_factor of every sector (Inputs::sectors order); empty without [demand].
[[nodiscard]] const std::vector<double>& actual_demand_factors(const Model& model, int year);
// Fills Model::demand_factors and entrant_demand_factors from model.actual.
void fill_demand_factors(Model& model);
// The factor a plant deciding in the view's year expects: c_s E[v_s] under the scenario's
// expectation mode (myopic: this year's; perfect foresight: the horizon's mean; adaptive:
// the smoothed past). 1 without a path.
[[nodiscard]] double expected_demand_factor(const Model& model, const PriceView& expected, int sector, int plant = -1);
// The utilisation the appraisal expects: u x factor, capped at max(1, u) as utilisation_of
// caps a network producer's (sim/run_state.cpp); u unchanged at factor 1.
[[nodiscard]] double with_demand(double utilisation, double factor);

}  // namespace eiisim
