#pragma once
// Inverse cumulative distribution functions, written out by hand (std:: distributions
// give different numbers on different standard libraries): a sampler's point u in (0, 1)
// becomes a value of an uncertain setting.
#include "core/inputs.hpp"

namespace eiisim {

// Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
[[nodiscard]] double normal_quantile(double u);
// Triangular(low, mode, high) quantile.
[[nodiscard]] double triangular_quantile(double u, double low, double mode, double high);
// The value of `setting` at probability u in (0, 1).
[[nodiscard]] double setting_quantile(const UncertainSetting& setting, double u);
// The value a plain run uses for the setting's sample: 1 for factors, else the base value
// is kept; reported only (the median of the distribution is what a user may expect).
[[nodiscard]] double setting_median(const UncertainSetting& setting);

}  // namespace eiisim
