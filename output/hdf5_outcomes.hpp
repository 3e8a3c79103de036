#pragma once
// The outcome (KPI) variables along `run`, shared by single-run and sweep files so that
// both have the same layout ("experiments x outcomes"; docs/output-format.md).
#include <cstdint>
#include <span>
#include <vector>

#include "nc_file.hpp"

namespace eiisim::output {

struct OutcomeColumns {
    std::span<const int> milestones;                  // years of the milestone KPIs
    int end_year = 0;
    std::span<const double> net_co2_t;                // [run][milestone]
    std::span<const double> cluster_net_co2_t;        // [run][milestone][cluster]
    std::span<const double> cumulative_subsidy_eur;   // [run]
    std::span<const double> relocated_co2_t;         // [run]
    std::span<const double> production_retained;     // [run]
    std::span<const std::int32_t> unmet_infrastructure_years;  // [run]
};

// Adds the `milestone` dimension and the outcome variables; `run` and `cluster` must exist.
void write_outcome_variables(h5::NcFile& file, const OutcomeColumns& outcomes);

}  // namespace eiisim::output
