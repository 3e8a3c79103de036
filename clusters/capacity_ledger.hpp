#pragma once
// A scarce capacity with a yearly limit (grid headroom of a cluster, national CO2
// storage, hydrogen supply). Grants reserve an amount from the year the conversion
// starts running through the end of the run, so capacity promised today is never
// handed out twice; exits release it from the year they take effect.
#include <vector>

#include "core/time_path.hpp"

namespace eiisim {

class CapacityLedger {
public:
    CapacityLedger() = default;
    CapacityLedger(const TimePath& capacity, int first_year, int years);

    // True when `amount` more fits in every year from `from_year` on, after `released`
    // (what the requester gives back from the same year) is returned.
    [[nodiscard]] bool fits(double amount, int from_year, double released = 0.0) const;
    void reserve(double amount, int from_year);
    void release(double amount, int from_year);
    // For budgets that renew every year (subsidy rounds): only `year` is touched.
    [[nodiscard]] bool fits_in_year(double amount, int year) const;
    void reserve_in_year(double amount, int year);
    [[nodiscard]] double used(int year) const;
    [[nodiscard]] double capacity(int year) const;
    // A scenario branch (sim/branch.hpp): from `from_year` on, the capacity is `other`'s (a
    // ledger of the same years built from another scenario); what is booked stays booked.
    void take_capacity_from(const CapacityLedger& other, int from_year);
    // Capacity that plants add while they run (an entrant that supplies hydrogen or a
    // feedstock, docs/ODD.md §7.20): `amount` more in every year from `from_year` on, on
    // top of the path (a branch's new path keeps it). clear_added forgets what was added
    // from `from_year` on, so a year can recount its suppliers.
    void add_capacity(double amount, int from_year);
    void clear_added(int from_year);

private:
    [[nodiscard]] int index(int year) const { return year - first_year_; }
    int first_year_ = 0;
    TimePath after_end_;         // the capacity path, for routes starting after the last year
    double used_after_end_ = 0;  // reserved by routes starting after the last year
    double added_after_end_ = 0;  // added by suppliers running after the last year
    std::vector<double> capacity_;  // the path's, plus what suppliers add (added_)
    std::vector<double> added_;
    std::vector<double> used_;
};

}  // namespace eiisim
