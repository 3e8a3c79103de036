#pragma once
// The run printout's feedstock table (docs/ODD.md §7.18): alternative feed used against its
// supply by carbon origin, primary fossil feed, renewable and recycled shares, embodied
// fossil carbon in the products and the mandate's buy-out, for the summary's years.
#include <ostream>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// Prints nothing when the dataset has no feedstocks.csv.
void print_feedstock(std::ostream& out, const Inputs& inputs, const RunResult& result, const std::vector<int>& years);

}  // namespace eiisim
