#pragma once
// The forecast-evaluation metrics of `eiisim hindcast` (docs/validation.md "Hindcast"),
// on paired yearly values: simulated[i] against observed[i]. Every function takes spans
// of equal length and returns NaN when there is nothing to compare.
#include <span>

namespace eiisim {

// Mean of |simulated - observed|: with changes since the base year as fractions, times
// 100 gives the mean absolute error in percentage points.
[[nodiscard]] double mean_absolute_error(std::span<const double> simulated, std::span<const double> observed);

// Mean of |simulated - observed| / |observed|, in per cent. The hindcast applies it to
// levels indexed to the base year (1 + change), i.e. the simulated series rescaled to
// the observed base-year level: levels of different scopes are never compared directly.
[[nodiscard]] double mean_absolute_percentage_error(std::span<const double> simulated,
                                                    std::span<const double> observed);

// Share of pairs whose year-on-year changes have the same sign (-1, 0, +1).
[[nodiscard]] double sign_accuracy(std::span<const double> simulated_change, std::span<const double> observed_change);

// Whether two changes have the same sign.
[[nodiscard]] bool same_sign(double simulated_change, double observed_change);

}  // namespace eiisim
