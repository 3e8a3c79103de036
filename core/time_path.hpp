#pragma once
// A yearly path of one quantity (a price, a capacity, a policy rate), given at a few
// anchor years and linearly interpolated between them; constant before the first and
// after the last anchor. Scenario files write paths as `{ 2020 = 25, 2030 = 100 }`.
#include <utility>
#include <vector>

namespace eiisim {

class TimePath {
public:
    TimePath() = default;
    explicit TimePath(double constant) : points_{{0, constant}} {}
    // Anchors must be sorted by year with no duplicates (the loader checks this).
    explicit TimePath(std::vector<std::pair<int, double>> anchors) : points_(std::move(anchors)) {}

    [[nodiscard]] double at(int year) const;
    // Mean of at(y) for y in [first, first + years), the perfect-foresight expectation.
    [[nodiscard]] double mean_over(int first, int years) const;
    [[nodiscard]] bool empty() const { return points_.empty(); }
    [[nodiscard]] const std::vector<std::pair<int, double>>& anchors() const { return points_; }
    // Every anchor value multiplied by `factor` (scenario scaling, sweep factors).
    [[nodiscard]] TimePath scaled(double factor) const;
    // Every anchor value held within [min, max] (a scaled share stays a share).
    [[nodiscard]] TimePath clamped(double min, double max) const;
    // The same path moved `years` later (infrastructure delays).
    [[nodiscard]] TimePath shifted(int years) const;
    // The same path up to `year - 1`, then `value` from `year` on (a reference run's
    // policy switched off from its first projected year): the path is not interpolated
    // across the switch.
    [[nodiscard]] TimePath replaced_from(int year, double value) const;

    bool operator==(const TimePath&) const = default;

private:
    std::vector<std::pair<int, double>> points_;
};

}  // namespace eiisim
