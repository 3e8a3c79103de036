#pragma once
// Reference (counterfactual) runs (docs/ODD.md §7.17): the same inputs and seed with the
// transition or the national climate policy taken out from the first projected year, so
// that a scenario's reductions can be called "additional" against a run that differs in
// that one respect only. `eiisim run --reference KIND` runs both and writes the
// reference's cluster and national series beside the scenario's.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

enum class ReferenceKind : std::uint8_t {
    // No plant decides after the observed history (behaviour.frozen_technology): routes,
    // sites and open capacity stay as observed, but for the agreements binding before it
    // (signed contracts); dispatch and value-chain effects still act.
    frozen_technology,
    // No national climate policy after the observed history: no CO2 levy, no new support
    // (instruments taking applications get no budget), agreements not binding by then
    // stopped, no green quotas and no hydrogen obligation. EU law (ETS, CBAM, free
    // allocation) and the infrastructure plans stay as in the scenario.
    no_policy,
};
inline constexpr std::array<const char*, 2> kReferenceKindNames = {"frozen-technology", "no-policy"};

[[nodiscard]] std::optional<ReferenceKind> reference_kind(std::string_view name);

// The first year the reference departs from the scenario: the year after the last year of
// applied observed history (the base year when the scenario applies none).
[[nodiscard]] int first_reference_year(const Inputs& inputs);

// The scenario's inputs turned into the reference `kind` (the scenario name gets a
// " (reference: KIND)" suffix); the seed and everything else stay.
[[nodiscard]] Inputs reference_inputs(Inputs inputs, ReferenceKind kind);

// The reference `kind` of a run of `inputs` (loaded, with any --set values applied) with
// `seed` and run index `run`: the run `eiisim run --reference KIND` writes beside it.
// Sweeps (sweep/sweep.hpp, simulate_reference_run) make the same run from a sweep's model.
[[nodiscard]] RunResult simulate_reference(const Inputs& inputs, ReferenceKind kind, std::uint64_t seed,
                                           std::uint64_t run = 0);

}  // namespace eiisim
