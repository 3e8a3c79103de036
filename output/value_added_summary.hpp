#pragma once
// Value added and the production index of one run, printed by `eiisim run` (issue 14):
// value added at factor cost per cluster and sector (core/value_added.hpp) beside the
// production index, the domestic production value at fixed reference prices with the base
// year = 100 (core/production_value.hpp). Value added moves with prices, margins and
// taxes; the index only with what is made at home.
#include <ostream>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// National value added in year index `yi`: cluster_value_added summed over clusters.
[[nodiscard]] double national_value_added_eur(const RunResult& result, int yi);

// `years`: calendar years to show (the base year, 2030, the end year).
void print_value_added(std::ostream& out, const Inputs& inputs, const RunResult& result, const std::vector<int>& years);

}  // namespace eiisim
