#include "free_allocation.hpp"

#include <cmath>

namespace eiisim {
namespace {

bool is_period_start(int year) {
    return year >= kFirstAllocationPeriod && (year - kFirstAllocationPeriod) % kAllocationPeriodY == 0;
}

// The first year of the period whose baseline window holds `year`: windows are adjacent
// (S-7 .. S-3 for consecutive S five years apart), so every year belongs to exactly one.
int period_of_window_year(int year) {
    int start = kFirstAllocationPeriod;
    while (start - kBaselineLeadY < year) start += kAllocationPeriodY;
    return start;
}

}  // namespace

AllocationActivity initial_allocation_activity(double base_activity_t) {
    AllocationActivity a;
    a.historical_t = base_activity_t;
    a.last_t = base_activity_t;
    a.before_last_t = base_activity_t;
    return a;
}

double allocated_activity_t(const AllocationActivity& a) {
    if (a.historical_t <= 0) return 0.0;
    const double mean = 0.5 * (a.last_t + a.before_last_t);
    return std::abs(mean / a.historical_t - 1.0) > kActivityChangeThreshold ? mean : a.historical_t;
}

void start_allocation_year(AllocationActivity& a, int year) {
    if (!is_period_start(year) || a.next_historical_t < 0) return;
    a.historical_t = a.next_historical_t;
    a.next_historical_t = -1;
}

void record_activity(AllocationActivity& a, int year, double activity_t) {
    a.before_last_t = a.last_t;
    a.last_t = activity_t;
    a.window_sum_t += activity_t;
    ++a.window_years;
    // The window's last year: its mean becomes the next period's HAL.
    if (period_of_window_year(year) - kBaselineLeadY == year) {
        a.next_historical_t = a.window_sum_t / a.window_years;
        a.window_sum_t = 0;
        a.window_years = 0;
    }
}

}  // namespace eiisim
