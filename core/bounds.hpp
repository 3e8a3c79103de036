#pragma once
// The allowed range of one input number, shared by the CSV and the TOML readers so that
// both say what was expected in the same words ("expected a number in [0, 1]").
#include <limits>
#include <string>

namespace eiisim {

struct Bounds {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_open = false;  // true: min itself is not allowed (capacity > 0)

    // NaN and infinities are never inside, whatever the bounds: no NaN gets through.
    [[nodiscard]] bool contains(double value) const;
    // "a number >= 0", "an integer in [1900, 2200]", "a number > 0", ...
    [[nodiscard]] std::string describe(bool integer) const;
};

inline constexpr Bounds kAnyNumber{};
inline constexpr Bounds kNonNegative{0.0};
inline constexpr Bounds kPositive{0.0, std::numeric_limits<double>::infinity(), true};
inline constexpr Bounds kShare{0.0, 1.0};
// A margin may be negative: a sector that was loss-making in its calibration year.
inline constexpr Bounds kMarginShare{-1.0, 1.0};
inline constexpr Bounds kYear{1900.0, 2200.0};
// Infrastructure connection years: 9999 means "never connected".
inline constexpr Bounds kConnectionYear{1900.0, 9999.0};

// Shortest text that reads back to the same double ("0.12", "1e+06").
[[nodiscard]] std::string format_number(double value);

}  // namespace eiisim
