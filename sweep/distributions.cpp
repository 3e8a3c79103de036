#include "distributions.hpp"

#include <algorithm>
#include <cmath>

#include "core/uncertain_targets.hpp"

namespace eiisim {

double normal_quantile(double u) {
    // P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative
    // distribution function": rational approximations in a central and two tail regions.
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double low = 0.02425;
    u = std::clamp(u, 1e-300, 1.0 - 1e-16);
    if (u < low) {
        const double q = std::sqrt(-2.0 * std::log(u));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    if (u > 1.0 - low) {
        const double q = std::sqrt(-2.0 * std::log(1.0 - u));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    const double q = u - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

double triangular_quantile(double u, double low, double mode, double high) {
    const double width = high - low;
    const double split = (mode - low) / width;
    if (u < split) return low + std::sqrt(u * width * (mode - low));
    return high - std::sqrt((1.0 - u) * width * (high - mode));
}

namespace {

// A normal or lognormal sample clamped into the range its setting allows (the loader
// checks that bounded distributions stay inside it), so that the stored parameter is the
// value the run used and is never infinite.
double clamped_sample(const UncertainSetting& s, double x) {
    if (s.target_index < 0) return x;  // a distribution on its own (tests)
    return clamp_to_sample_bounds(s.target_index, s.scale, x);
}

}  // namespace

double setting_quantile(const UncertainSetting& s, double u) {
    switch (s.distribution) {
        case Distribution::uniform: return s.low + u * (s.high - s.low);
        case Distribution::triangular: return triangular_quantile(u, s.low, s.mode, s.high);
        case Distribution::normal: return clamped_sample(s, s.mean + s.sd * normal_quantile(u));
        case Distribution::lognormal: return clamped_sample(s, std::exp(s.mu + s.sigma * normal_quantile(u)));
        case Distribution::discrete: {
            const auto k = s.values.size();
            const auto i = static_cast<std::size_t>(u * static_cast<double>(k));
            return s.values[std::min(i, k - 1)];
        }
    }
    return 0.0;
}

double setting_median(const UncertainSetting& s) { return setting_quantile(s, 0.5); }

}  // namespace eiisim
