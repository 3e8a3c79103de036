#pragma once
// Free allocation by the EU's activity-level rules (docs/ODD.md §7.4, "Free allocation
// follows activity"). A plant's free allowances for a year are fixed before the year: the
// benchmark times the historical activity level (HAL) of the allocation period, adjusted
// by the same percentage as the change when the mean activity of the two preceding years
// is more than 15 % away from the HAL (Directive 2003/87/EC Art. 10a(20); Implementing
// Regulation (EU) 2019/1842 Art. 5). A plant that curtails keeps its allowances for two
// years and loses them after; a closed or relocated plant receives none.
//
// Activity is the benchmarked step's output: production x (1 - the route's imported
// share). Allocation periods run 2021-2025 and 2026-2030 (Delegated Regulation (EU)
// 2019/331 Art. 2(15)) with the HAL the mean of the baseline years 2014-2018 and
// 2019-2023 (Art. 15); the model continues five-year periods after 2030 (ESTIMATE: no
// rules beyond 2030 are legislated), each with its baseline window S-7 .. S-3.

namespace eiisim {

// The per-plant memory the rule needs, kept in RunState::allocation_activity.
struct AllocationActivity {
    double historical_t = 0;       // HAL of the current allocation period
    double last_t = 0;             // activity in the year before
    double before_last_t = 0;      // and in the year before that
    double window_sum_t = 0;       // the next period's baseline window so far
    int window_years = 0;
    double next_historical_t = -1;  // the next period's HAL once its window is complete (< 0: none)
};

inline constexpr double kActivityChangeThreshold = 0.15;
inline constexpr int kFirstAllocationPeriod = 2021;
inline constexpr int kAllocationPeriodY = 5;
// The baseline window of the period starting in S runs from S - 7 to S - 3.
inline constexpr int kBaselineLeadY = 3;

// Every plant starts with its base-year activity as HAL and as the two years before.
[[nodiscard]] AllocationActivity initial_allocation_activity(double base_activity_t);

// The activity the year's allocation rests on: the HAL, or the mean of the two preceding
// years when that is more than 15 % away from it.
[[nodiscard]] double allocated_activity_t(const AllocationActivity& a);

// At the start of `year`: a new allocation period takes the HAL of its completed window.
void start_allocation_year(AllocationActivity& a, int year);

// After the plant's booking of `year`: shifts the two-year memory and adds the year to the
// baseline window it belongs to.
void record_activity(AllocationActivity& a, int year, double activity_t);

}  // namespace eiisim
