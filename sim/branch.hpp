#pragma once
// Scenario branches (`eiisim sweep --branch-from`, docs/analysis.md "Scenario branches"):
// several policy variants continue one shared history. The base scenario's run is
// simulated from the base year to year Y - 1 once; each variant then continues a copy of
// that run's workspace (result and state) from Y with its own model. So:
//   - shared: everything decided and booked before Y (routes, conversions under way,
//     capacity booked, aid contracts, learning, stranded assets, the event log) and the
//     draws made at the start of the run (strategic bias, lasting taste, how each
//     agreement turns out: they belong to the plants and the run, not to the policy);
//   - the variant's from Y: prices, policy, expectations, infrastructure capacity (the
//     ledgers' capacity from Y on; what was booked stays booked), events, behaviour;
//   - random numbers: every draw is keyed by (seed, run, plant, year, purpose), so the
//     years from Y draw what the variant's own run would draw in those years.
// A branch is therefore the variant's own run from the base year whenever nothing the
// years before Y read differs between base and variant (bit for bit; tests/test_branch.cpp).
// Where the variant's settings would already act before Y in its own run (a policy
// anticipated over the decision horizon, say), the branch is that policy arriving
// unannounced in Y.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model.hpp"
#include "simulation.hpp"

namespace eiisim {

// What makes `variant` unable to continue a run of `base` (different years, plants,
// clusters, technologies, sectors, instruments, agreements, feedstocks or scarce-capacity
// ledgers), one line each; empty when it can.
[[nodiscard]] std::vector<std::string> branch_incompatibilities(const Model& base, const Model& variant);

// Hands a state simulated under another scenario up to `year` - 1 over to `variant`:
// from `year` on, every ledger's capacity is the variant's.
void adopt_variant(const Model& variant, int year, RunState& state);

// Simulates `base` to `year` - 1 once, then each of `variants` from `year` to the end
// (RecordLevel::full), calling `done(i, result)` for variant i in order. `year` may be the
// base year (only the start-of-run draws are shared). Requires branch_incompatibilities
// to be empty for every variant.
void simulate_branches(const Model& base, const std::vector<const Model*>& variants, int year, std::uint64_t seed,
                       std::uint64_t run, const std::function<void(std::size_t, const RunResult&)>& done);

}  // namespace eiisim
