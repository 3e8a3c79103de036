#pragma once
// The outcome (KPI) variables along `run`, shared by single-run and sweep files so that
// both have the same layout ("experiments x outcomes"; docs/output-format.md): one variable
// per row of the outcomes table (core/outcomes.cpp) present in the model.
#include <span>
#include <vector>

#include "core/outcomes.hpp"
#include "nc_file.hpp"

namespace eiisim::output {

struct OutcomeColumns {
    std::span<const int> milestones;  // years of the milestone KPIs
    int end_year = 0;
    OutcomeExtents extents;
    // values[i]: row i of outcomes(), [run][...] (its size(extents) values per run).
    std::span<const std::vector<double>> values;
};

// Adds the `milestone` dimension and the outcome variables; `run`, `cluster`, `agreement`
// (with agreements) and the extra dimensions of the rows present (reduction_part, target)
// must exist.
void write_outcome_variables(h5::NcFile& file, const OutcomeColumns& outcomes);

}  // namespace eiisim::output
