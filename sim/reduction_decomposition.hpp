#pragma once
// What a plant's change in net CO2 since the base year is made of (docs/ODD.md §7.12,
// "Reduction decomposition"): an attribution that is exact by construction, each part a
// difference of successive terms that telescope from the base year's CO2 to the year's.
#include <span>
#include <vector>

#include "core/reduction_parts.hpp"
#include "core/run_result.hpp"
#include "model.hpp"

namespace eiisim {

// Plant `p`'s base from its base-year slot `at` of `result`.
[[nodiscard]] ReductionBase reduction_base_of(const Model& model, const RunResult& result, std::size_t p,
                                              std::size_t at);

// Net CO2 per t of the catalogue route `technology` at plant `p` in `year`, before any
// flared process gas: what the accounts' profile of the route in force holds before its
// process-gas bookings (sim/accounts.cpp keeps it in RunState::route_net_t_per_t).
[[nodiscard]] double route_net_t_per_t(const Model& model, std::size_t p, int technology, int year);

// Adds plant `p`'s parts in `year` (its panel slot `at`) to `parts` (kReductionPartCount
// values, t/yr); `route_t_per_t` is route_net_t_per_t of its route in force that year
// (used only when it produces). They add up to co2_net(year) - E0.
void add_plant_reduction(const Model& model, const RunResult& result, const ReductionBase& base, std::size_t p,
                         int year, std::size_t at, double route_t_per_t, std::span<double> parts);

// The national parts in `year` by sector ([sector][part], t/yr) from a full-panel result
// (every year's plant panel, RecordLevel::full): the run printout's sector table.
[[nodiscard]] std::vector<double> sector_reduction(const Model& model, const RunResult& result, int year);

}  // namespace eiisim
