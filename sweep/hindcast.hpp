#pragma once
// `eiisim hindcast` without the printing: the scenario run over seeds 1..N from the base
// year to the last observed year, once with scenario.history = forced and once with
// free, and every observed series (inputs/observed_emissions.hpp) compared with the sum
// of its plants' net CO2 (docs/validation.md "Hindcast"). Changes are compared since the
// base year, never levels, because observed and modelled scopes differ.
#include <vector>

#include "core/hindcast_result.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// Runs 2 x seeds runs in parallel (oneTBB, as a sweep): seeds 1..N, run index 0, as
// `eiisim run --seed N`. InputError when no series has an observation after the base year.
[[nodiscard]] HindcastResult run_hindcast(const Inputs& inputs, std::vector<ObservedSeries> observed, int seeds);

// The net CO2 (Mt) of `plants` in each year of one run (a full plant panel), summed in
// plant order; exposed for tests.
[[nodiscard]] std::vector<double> series_net_co2_mt(const RunResult& result, const std::vector<int>& plants);

}  // namespace eiisim
