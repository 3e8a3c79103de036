#pragma once
// The public cost of each support instrument in one run (issue 12): what it committed and
// paid, the CO2 its supported routes avoided and the euros paid per tonne avoided. Printed
// by `eiisim run` after the emissions; tools/public_cost.py computes the same over seeds.
#include <ostream>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

struct InstrumentCost {
    double committed_to_2030_eur = 0;  // instrument_committed summed over the years to 2030
    double committed_to_2050_eur = 0;  // ... to 2050 (or the run's end, if earlier)
    double paid_to_2050_eur = 0;       // instrument_paid summed to 2050
    double avoided_to_2050_t = 0;      // instrument_avoided summed to 2050
    // paid over avoided; NaN when nothing was avoided
    [[nodiscard]] double eur_per_t() const;
};

// One entry per instrument of the run (RunResult::instruments), in scenario order.
[[nodiscard]] std::vector<InstrumentCost> instrument_costs(const RunResult& result);

void print_public_cost(std::ostream& out, const Inputs& inputs, const RunResult& result);

}  // namespace eiisim
