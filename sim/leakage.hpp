#pragma once
// Leakage beyond relocation (docs/ODD.md §7.12, "Leakage"): Dutch demand for a product is
// taken as unchanged, so output a plant no longer makes at home is imported, made abroad
// with foreign emissions. Relocated plants and an import route's imported intermediate are
// left out of the embodied emissions: their CO2 abroad is co2_relocated(_eu) already (an
// import route books its imported share there at the keep route's intensity, §7.10).
#include <cstddef>
#include <vector>

#include "core/run_result.hpp"
#include "run_state.hpp"

namespace eiisim {

struct PlantLeakage {
    double lost_t = 0;          // max(0, Q0 - Q): t of product no longer made at home (relocated: 0)
    double intermediate_t = 0;  // Q x m x i: t of intermediate an import route buys abroad
    double relocated_t = 0;     // Q0 of a relocated plant: imported too, its CO2 in co2_relocated(_eu)
    double embodied_t = 0;      // t CO2 abroad: lost_t x f_product (the intermediate's is in co2_relocated)
    // The import-dependence KPI, in t of product: what is imported (the import route's
    // upstream share Q x m counted as product) and the Dutch demand, Q + lost + relocated.
    double imported_product_t = 0;
    double demand_t = 0;

    // The plant panel `replacement_imports`: t of product plus t of intermediate.
    [[nodiscard]] double replacement_t() const { return lost_t + intermediate_t; }
};

// Plant `p` in its panel slot `at` of `result`, against its base-year production
// `base_production_t` (what it made in the base year of the run). The power sector (MWh)
// has none: lost site power is bought from the grid, not imported.
[[nodiscard]] PlantLeakage plant_leakage(const Inputs& in, const RunResult& result, std::size_t p, std::size_t at,
                                         double base_production_t);

// Import dependence of a strategic product: imported / demand, 0 without demand.
[[nodiscard]] inline double import_dependence(double imported_t, double demand_t) {
    return demand_t > 0 ? imported_t / demand_t : 0.0;
}

// Year index `yi`'s leakage panels of every plant (slot row `row` of the panel), their
// cluster totals and the national import dependence per strategic product; in the base
// year it keeps each plant's production in `state` first. Serial, in plant order.
// `sector_demand`: per sector the year's demand volume factor D_s(y) (docs/ODD.md §7.19;
// empty: 1 for all): output a shrinking market no longer takes is not imported, so lost
// output is measured against the base-year production x D_s(y).
void record_leakage(const Inputs& in, RunState& state, int yi, int row, RunResult& result,
                    const std::vector<double>& sector_demand = {});

}  // namespace eiisim
