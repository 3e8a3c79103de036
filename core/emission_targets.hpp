#pragma once
// The climate targets a run is measured against (docs/ODD.md §7.12, "Targets tracked";
// clusters/nl/targets.csv, docs/dataset.md "Targets"). Each is stated by policy for a
// wider scope than the model's (all Dutch industry, all greenhouse gases) and mapped onto
// the model's national net CO2 in its base year, B:
//
//     share:      T = B x reference / reference_base         (the same percentage change)
//     reduction:  T = B - (reference_base - reference)       (the same absolute cut, Mt)
//
// T is floored at 0: a cut larger than the model's base (a `reduction` target on a small
// dataset, a cluster subset) asks for everything, not for negative emissions.
// The run file's target path runs linearly from B in the base year to T in the target
// year and stays at T after it (a target once due remains the ceiling).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace eiisim {

enum class EmissionTarget : std::uint8_t {
    coalition_20mt_2030,     // 20 Mt extra industry reduction by 2030 (coalition agreement, 2022 letter)
    industry_residual_2030,  // the industry sector's indicative residual emissions in 2030
    klimaatwet_2030,         // Klimaatwet: -55 % against 1990 in 2030
    climate_neutral_2050,    // Klimaatwet: climate neutrality in 2050
};
inline constexpr int kEmissionTargetCount = 4;
inline constexpr std::array<const char*, kEmissionTargetCount> kEmissionTargetNames = {
    "coalition_20mt_2030", "industry_residual_2030", "klimaatwet_2030", "climate_neutral_2050"};

enum class TargetMapping : std::uint8_t { share, reduction };
inline constexpr std::array<const char*, 2> kTargetMappingNames = {"share", "reduction"};

// One row of targets.csv, indexed by EmissionTarget.
struct TargetSpec {
    int year = 0;                  // the year the target is due
    TargetMapping mapping = TargetMapping::share;
    double reference_mt = 0;       // the target in its own scope, Mt CO2(-eq) per year
    double reference_base_mt = 0;  // what the target is measured from, same scope
    std::string source;

    bool operator==(const TargetSpec&) const = default;
};

// The target's level on the model's scope, t/yr, from the model's base-year net CO2.
[[nodiscard]] inline double target_level_t(const TargetSpec& spec, double model_base_t) {
    constexpr double kMt = 1e6;
    const double level = spec.mapping == TargetMapping::reduction
                             ? model_base_t - (spec.reference_base_mt - spec.reference_mt) * kMt
                         : spec.reference_base_mt > 0 ? model_base_t * spec.reference_mt / spec.reference_base_mt
                                                      : 0.0;
    return std::max(0.0, level);
}

// The target path in `year`: linear from the base year's net CO2 to the level in the
// target year, the level after it.
[[nodiscard]] inline double target_path_t(const TargetSpec& spec, double model_base_t, int base_year, int year) {
    const double level = target_level_t(spec, model_base_t);
    if (year >= spec.year || spec.year <= base_year) return level;
    const double f = static_cast<double>(year - base_year) / static_cast<double>(spec.year - base_year);
    return model_base_t + f * (level - model_base_t);
}

}  // namespace eiisim
