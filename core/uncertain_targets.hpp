#pragma once
// The settings a Monte Carlo sweep may sample: one explicit table of name -> how to reset
// it from the loaded Inputs and how to apply a sampled number to it. The scenario loader
// accepts only these names in [[uncertain]] target = "..."; docs/scenario.md lists them.
//
// Kinds:
//   path       a price or policy path; scale "factor" multiplies every anchor (TimePath::scaled)
//   number     a number (behaviour, policy); "value" replaces it, "factor" multiplies it
//   integer    like number, rounded to the nearest whole number after applying
//   infra      an infrastructure factor: the sample multiplies the loaded capacity path(s)
//   delay      an infrastructure delay in years: the rounded sample is added to the
//              loaded (already delayed) connection years and national capacity path
//   capex      a position in [0, 1] within every catalogue row's MIDDEN capex range
// Sampled values outside the target's range are clamped into it (a normal sample of a
// share below 0 becomes 0); see UncertainTarget::min/max.
#include <span>
#include <string_view>

#include "inputs.hpp"

namespace eiisim {

enum class TargetKind : std::uint8_t { path, number, integer, infra, delay, capex };

struct UncertainTarget {
    const char* name;
    TargetKind kind;
    const char* units;  // of a "value" sample; "1" for factors
    double min;         // valid range of the resulting setting (clamped)
    double max;
    const char* long_name;
};

[[nodiscard]] std::span<const UncertainTarget> uncertain_targets();
// Index into uncertain_targets(), or -1.
[[nodiscard]] int find_uncertain_target(std::string_view name);
// Whether `scale` is meaningful for the target's kind (paths and infrastructure factors:
// factor only; delays: value only; numbers: both).
[[nodiscard]] bool target_accepts(const UncertainTarget& target, UncertainScale scale);
[[nodiscard]] UncertainScale default_scale(const UncertainTarget& target);

// Copies the target's field(s) from `base` into `work` (undoing an earlier sample).
void reset_uncertain_target(int target, Inputs& work, const Inputs& base);
// Applies sampled number `x` to `work` (which holds the base values of the target).
void apply_uncertain_target(int target, Inputs& work, double x, UncertainScale scale);

}  // namespace eiisim
