#pragma once
// The outcomes (KPIs) of one run, the `outcomes` of a sweep (also usable for one run): the
// rows of core/outcomes.cpp (names, units, definitions: docs/output-format.md, "Outcomes"),
// computed from the run's cluster and national series at the milestone years 2030, 2040,
// 2050 inside the run. One of them counts from the run's events: years with unmet
// infrastructure demand, years in which at least one plant was refused an option it wanted
// because a scarce allocation (CO2 storage, hydrogen, grid headroom, subsidy budget or a
// build-out limit) was full. The log does not say which resource refused, so
// subsidy-budget refusals count too.
#include <cstdint>
#include <vector>

#include "core/outcomes.hpp"

namespace eiisim {

// Milestone years 2030, 2040, 2050 that lie inside [base_year, end_year]; if none does,
// the end year alone.
[[nodiscard]] std::vector<int> kpi_milestones(int base_year, int end_year);

// From a full result: unmet years counted from the event log.
// With `reference` (the run's reference run, `--reference`), also the outcomes against it.
[[nodiscard]] RunKpis compute_kpis(const RunResult& result, const std::vector<int>& milestones,
                                   const RunResult* reference = nullptr);
// From cluster and national series only (RecordLevel::aggregates): unmet years counted
// from the run's RunState::refused_in_year flags, which allocation sets exactly when it
// marks an option refused. Equal to the above for the same run (tests/test_sweep.cpp).
[[nodiscard]] RunKpis compute_kpis(const RunResult& result, const std::vector<std::uint8_t>& refused_in_year,
                                   const std::vector<int>& milestones, const RunResult* reference = nullptr);

// The extents of the outcomes of runs of `result`'s shape.
[[nodiscard]] OutcomeExtents outcome_extents(const RunResult& result, const std::vector<int>& milestones,
                                             bool reference = false);

}  // namespace eiisim
