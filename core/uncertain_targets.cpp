#include "uncertain_targets.hpp"

#include <algorithm>
#include <cmath>

#include "settings_schema.hpp"

namespace eiisim {
namespace {

// The smallest value a sample may take for a bound that excludes its own minimum
// (logit_scale > 0, grid_load_factor > 0).
constexpr double kOpenBoundStep = 1e-9;

const SettingSpec& spec_of(int target) { return settings_schema()[static_cast<std::size_t>(target)]; }

// The setting's valid range in engine units, closed, for clamping samples.
std::pair<double, double> clamp_range(const SettingSpec& s) {
    const double min = s.bounds.min * s.to_engine + (s.bounds.min_open ? kOpenBoundStep : 0.0);
    return {min, s.bounds.max * s.to_engine};
}

Scenario& mutable_base(const Inputs& base) {
    // The accessors take Scenario&; reset only reads through them.
    return const_cast<Scenario&>(base.scenario);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

}  // namespace

Bounds uncertain_sample_bounds(int target, UncertainScale scale) {
    if (scale == UncertainScale::factor) return kMultiplier;
    return spec_of(target).bounds;
}

double clamp_to_sample_bounds(int target, UncertainScale scale, double x) {
    const Bounds range = uncertain_sample_bounds(target, scale);
    return std::clamp(x, range.min + (range.min_open ? kOpenBoundStep : 0.0), range.max);
}

int find_uncertain_target(std::string_view name) {
    const int index = find_setting(name);
    if (index < 0 || spec_of(index).sweep == Sweepable::no) return -1;
    return index;
}

void reset_uncertain_target(int target, Inputs& work, const Inputs& base) {
    const SettingSpec& s = spec_of(target);
    if (s.hook.reset != nullptr) return s.hook.reset(work, base);
    Scenario& from = mutable_base(base);
    switch (s.type) {
        case SettingType::path: s.path(work.scenario) = s.path(from); break;
        case SettingType::number: s.number(work.scenario) = s.number(from); break;
        case SettingType::integer: s.integer(work.scenario) = s.integer(from); break;
        case SettingType::path_table: s.named_paths.paths(work.scenario) = s.named_paths.paths(from); break;
        default: break;  // not sweepable (the schema test checks every sweepable type is handled)
    }
}

void apply_uncertain_target(int target, Inputs& work, double x, UncertainScale scale) {
    const SettingSpec& s = spec_of(target);
    if (s.hook.apply != nullptr) return s.hook.apply(work, x, scale);
    const bool factor = scale == UncertainScale::factor;
    const auto range = clamp_range(s);
    switch (s.type) {
        case SettingType::path: {
            TimePath& path = s.path(work.scenario);
            path = path.scaled(x).clamped(range.first, range.second);
            break;
        }
        case SettingType::number: {
            double& number = s.number(work.scenario);
            number = std::clamp(factor ? number * x : x * s.to_engine, range.first, range.second);
            break;
        }
        case SettingType::integer: {
            int& integer = s.integer(work.scenario);
            // Clamped as a double first, so a huge factor cannot overflow the int.
            const double v = std::clamp(factor ? integer * x : x, range.first, range.second);
            integer = static_cast<int>(std::lround(v));
            break;
        }
        case SettingType::path_table:
            for (TimePath& p : s.named_paths.paths(work.scenario)) p = p.scaled(x).clamped(range.first, range.second);
            break;
        default: break;
    }
}

void reset_uncertain_setting(const UncertainSetting& setting, Inputs& work, const Inputs& base) {
    reset_uncertain_target(setting.target_index, work, base);
    for (const int also : setting.also_indices) reset_uncertain_target(also, work, base);
}

void apply_uncertain_setting(const UncertainSetting& setting, Inputs& work, double x) {
    apply_uncertain_target(setting.target_index, work, x, setting.scale);
    for (const int also : setting.also_indices) apply_uncertain_target(also, work, x, setting.scale);
}

}  // namespace eiisim
