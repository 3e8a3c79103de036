#include "capacity_ledger.hpp"

#include <algorithm>

namespace eiisim {
namespace {
// Relative slack so that sums of floating-point reservations that exactly fill a
// capacity are not refused for rounding.
constexpr double kTolerance = 1e-9;
}  // namespace

CapacityLedger::CapacityLedger(const TimePath& capacity, int first_year, int years)
    : first_year_(first_year),
      after_end_(capacity),
      capacity_(static_cast<std::size_t>(years)),
      added_(static_cast<std::size_t>(years), 0.0),
      used_(static_cast<std::size_t>(years), 0.0) {
    for (int i = 0; i < years; ++i)
        capacity_[static_cast<std::size_t>(i)] = std::max(0.0, capacity.at(first_year + i));
}

bool CapacityLedger::fits(double amount, int from_year, double released) const {
    if (amount <= 0) return true;
    const int end = static_cast<int>(capacity_.size());
    if (end == 0) return false;
    // A route that starts running after the simulated period still needs room then:
    // judge it against the path's value in its start year and the final reservations.
    const int start = std::min(std::max(0, index(from_year)), end - 1);
    if (index(from_year) >= end) {
        const double after = used_.back() + used_after_end_ - released + amount;
        const double room = after_end_.at(from_year) + added_after_end_;
        return after <= room * (1.0 + kTolerance) + kTolerance;
    }
    for (int i = start; i < end; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const double after = used_[k] - released + amount;
        if (after > capacity_[k] * (1.0 + kTolerance) + kTolerance) return false;
    }
    return true;
}

void CapacityLedger::reserve(double amount, int from_year) {
    if (index(from_year) >= static_cast<int>(used_.size())) {
        used_after_end_ += amount;  // runs only after the simulated period
        return;
    }
    for (int i = std::max(0, index(from_year)); i < static_cast<int>(used_.size()); ++i)
        used_[static_cast<std::size_t>(i)] += amount;
}

void CapacityLedger::release(double amount, int from_year) { reserve(-amount, from_year); }

void CapacityLedger::take_capacity_from(const CapacityLedger& other, int from_year) {
    after_end_ = other.after_end_;
    const int end = std::min(static_cast<int>(capacity_.size()), static_cast<int>(other.capacity_.size()));
    for (int i = std::max(0, index(from_year)); i < end; ++i)
        capacity_[static_cast<std::size_t>(i)] =
            other.capacity_[static_cast<std::size_t>(i)] - other.added_[static_cast<std::size_t>(i)] +
            added_[static_cast<std::size_t>(i)];
}

void CapacityLedger::add_capacity(double amount, int from_year) {
    if (index(from_year) >= static_cast<int>(capacity_.size())) {
        added_after_end_ += amount;
        return;
    }
    added_after_end_ += amount;
    for (int i = std::max(0, index(from_year)); i < static_cast<int>(capacity_.size()); ++i) {
        capacity_[static_cast<std::size_t>(i)] += amount;
        added_[static_cast<std::size_t>(i)] += amount;
    }
}

void CapacityLedger::clear_added(int from_year) {
    for (int i = std::max(0, index(from_year)); i < static_cast<int>(capacity_.size()); ++i) {
        capacity_[static_cast<std::size_t>(i)] -= added_[static_cast<std::size_t>(i)];
        added_[static_cast<std::size_t>(i)] = 0;
    }
    if (index(from_year) < static_cast<int>(capacity_.size())) added_after_end_ = 0;
}

bool CapacityLedger::fits_in_year(double amount, int year) const {
    if (amount <= 0) return true;
    const int i = index(year);
    if (i < 0 || i >= static_cast<int>(used_.size())) return false;
    const auto k = static_cast<std::size_t>(i);
    return used_[k] + amount <= capacity_[k] * (1.0 + kTolerance) + kTolerance;
}

void CapacityLedger::reserve_in_year(double amount, int year) {
    const int i = index(year);
    if (i >= 0 && i < static_cast<int>(used_.size())) used_[static_cast<std::size_t>(i)] += amount;
}

double CapacityLedger::used(int year) const {
    const int i = index(year);
    return i >= 0 && i < static_cast<int>(used_.size()) ? used_[static_cast<std::size_t>(i)] : 0.0;
}

double CapacityLedger::capacity(int year) const {
    const int i = index(year);
    return i >= 0 && i < static_cast<int>(capacity_.size()) ? capacity_[static_cast<std::size_t>(i)]
                                                            : 0.0;
}

}  // namespace eiisim
