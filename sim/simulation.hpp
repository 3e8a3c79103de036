#pragma once
// One run of the model from the base year to the end year. The step runs in fixed,
// documented phases each year (docs/ODD.md, "Process overview and scheduling"):
//   1. transitions  conversions, relocations and closures due this year take effect;
//                   exits shock their value-chain neighbours
//   2. accounts     every plant produces on its route: energy, emissions, costs, margin
//   3. appraisal    plants with a trigger appraise their options, in parallel
//   4. allocation   scarce capacity and subsidy granted serially in priority order
//   5. learning     capex of adopted technologies falls; assets age
// Results depend only on (model, seed, run), never on the number of threads.
#include <cstdint>

#include "core/run_result.hpp"
#include "model.hpp"

namespace eiisim {

[[nodiscard]] RunResult simulate(const Model& model, std::uint64_t seed, std::uint64_t run = 0);

}  // namespace eiisim
