#pragma once
// What a Monte Carlo sweep sample does to Inputs. The settings a sweep may sample, with
// their valid ranges and allowed scales, are the rows of core/settings_schema.cpp whose
// `sweep` is not `no`; a target is found by its key ("prices.ets_eur_per_t"):
//   factor   the sample multiplies the loaded path or number
//   value    the sample replaces the number (integers are rounded)
// Plain settings are changed through their schema accessor; settings acting on the
// loaded dataset (infrastructure factors and delays, the capex position) through their
// SweepHook (core/sweep_hooks.hpp). Samples outside the setting's bounds are clamped
// into them (a normal sample of a share below 0 becomes 0).
#include <string_view>

#include "bounds.hpp"
#include "inputs.hpp"

namespace eiisim {

// The range a sample of `target` under `scale` must lie in, in the file's unit: a factor
// in [0, 100] (kMultiplier: no path is scaled beyond its setting's range by much more), a
// value in the setting's bounds. Samples of unbounded distributions are clamped into it.
[[nodiscard]] Bounds uncertain_sample_bounds(int target, UncertainScale scale);
// `x` clamped into that range (an open minimum by the same step as a scaled setting).
[[nodiscard]] double clamp_to_sample_bounds(int target, UncertainScale scale, double x);

// Index into settings_schema() of a sweepable setting, or -1.
[[nodiscard]] int find_uncertain_target(std::string_view name);

// Copies the target's field(s) from `base` into `work` (undoing an earlier sample).
void reset_uncertain_target(int target, Inputs& work, const Inputs& base);
// Applies sampled number `x` to `work` (which holds the base values of the target).
void apply_uncertain_target(int target, Inputs& work, double x, UncertainScale scale);

// The same for every target of an uncertain setting: its target and its joint (`also`) ones.
void reset_uncertain_setting(const UncertainSetting& setting, Inputs& work, const Inputs& base);
void apply_uncertain_setting(const UncertainSetting& setting, Inputs& work, double x);

}  // namespace eiisim
