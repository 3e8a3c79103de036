#pragma once
// The model's price year and the one deflator for money given in nominal euros of a
// future year. Every money value in the engine is EUR2023 (docs/ODD.md §6). Analysts'
// price forecasts, such as the EU ETS paths of the scenarios (facts.md, "ESTIMATE path
// to 2050", built on Veyt's and analysts' forecasts), are nominal: EUR of the year they
// are for. They are converted once, by the loader (prices.ets_nominal_from), with the
// ECB's medium-term inflation target of 2 % a year (ECB, "The ECB's monetary policy
// strategy statement", 8 July 2021) from the price year on. docs/ODD.md §7.1.
#include <cmath>
#include <utility>
#include <vector>

#include "time_path.hpp"

namespace eiisim {

inline constexpr int kModelPriceYear = 2023;
inline constexpr double kExpectedInflationRate = 0.02;  // ECB target, per year

// EUR2023 per nominal euro of `year`.
[[nodiscard]] inline double deflator_to_model_year(int year) {
    return std::pow(1.0 + kExpectedInflationRate, -static_cast<double>(year - kModelPriceYear));
}

// `path` with its anchors from `first_nominal_year` on read as nominal euros of their
// year and converted to EUR2023; earlier anchors (observations already taken as EUR2023)
// stay. Between anchors the path interpolates linearly in EUR2023.
[[nodiscard]] inline TimePath nominal_anchors_to_model_year(const TimePath& path, int first_nominal_year) {
    std::vector<std::pair<int, double>> anchors = path.anchors();
    for (auto& [year, value] : anchors)
        if (year >= first_nominal_year) value *= deflator_to_model_year(year);
    return TimePath(std::move(anchors));
}

}  // namespace eiisim
