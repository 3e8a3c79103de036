#include "reference_run.hpp"

#include <string>

#include "history_plan.hpp"
#include "model.hpp"
#include "simulation.hpp"

namespace eiisim {
namespace {

// Every path of `paths` set to `value` from `year` on.
void replace_all_from(std::vector<TimePath>& paths, int year, double value) {
    for (TimePath& path : paths) path = path.replaced_from(year, value);
}

// An agreement counts as existing policy when it was binding before the projection.
bool binding_before(const AgreementSpec& agreement, int year) {
    return agreement.stage == AgreementStage::binding && agreement.stage_year < year;
}

// Agreements not binding before `year` are talks, not decisions: a reference stops them.
void stop_agreements_not_binding_before(Inputs& inputs, int year) {
    for (AgreementSpec& agreement : inputs.agreements)
        if (!binding_before(agreement, year)) agreement.stage = AgreementStage::stopped;
}

void remove_national_policy(Inputs& inputs, int year) {
    Policy& policy = inputs.scenario.policy;
    policy.co2_levy_eur_per_t = policy.co2_levy_eur_per_t.replaced_from(year, 0.0);
    // Contracts awarded before keep being paid (the ledger pays what was committed); no
    // new award: an instrument plants apply to gets no budget. An envelope that only
    // funds agreements keeps its budget for the binding agreements that stay.
    for (InstrumentSpec& instrument : policy.instruments)
        if (instrument.applications) instrument.budget_eur = instrument.budget_eur.replaced_from(year, 0.0);
    stop_agreements_not_binding_before(inputs, year);
    replace_all_from(policy.green_quota_share_paths, year, 0.0);
    replace_all_from(policy.sector_green_quota_share, year, 0.0);
    policy.hydrogen_obligation_share = policy.hydrogen_obligation_share.replaced_from(year, 0.0);
    // Feedstock mandates are policy; voluntary buying of alternative feed stays (§7.18).
    replace_all_from(inputs.scenario.feedstock.mandate_share_paths, year, 0.0);
    replace_all_from(inputs.scenario.feedstock.sector_mandate_share, year, 0.0);
    replace_all_from(inputs.scenario.feedstock.sector_price_uplift_eur_per_t, year, 0.0);  // no mandate, no cost in the price
}

}  // namespace

std::optional<ReferenceKind> reference_kind(std::string_view name) {
    for (std::size_t k = 0; k < kReferenceKindNames.size(); ++k)
        if (name == kReferenceKindNames[k]) return static_cast<ReferenceKind>(k);
    return std::nullopt;
}

int first_reference_year(const Inputs& inputs) { return plan_history(inputs).last_observed_year + 1; }

Inputs reference_inputs(Inputs inputs, ReferenceKind kind) {
    const int year = first_reference_year(inputs);
    switch (kind) {
        case ReferenceKind::frozen_technology:
            inputs.scenario.behaviour.frozen_technology = true;
            stop_agreements_not_binding_before(inputs, year);
            break;
        case ReferenceKind::no_policy: remove_national_policy(inputs, year); break;
    }
    inputs.scenario.name += std::string(" (reference: ") + kReferenceKindNames[static_cast<std::size_t>(kind)] + ")";
    return inputs;
}

RunResult simulate_reference(const Inputs& inputs, ReferenceKind kind, std::uint64_t seed, std::uint64_t run) {
    return simulate(build_model(reference_inputs(inputs, kind)), seed, run);
}

}  // namespace eiisim
