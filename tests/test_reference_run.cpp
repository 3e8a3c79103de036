// Reference runs (docs/ODD.md §7.17, sim/reference_run.hpp): the same inputs and seed with
// the transition (frozen-technology) or national climate policy (no-policy) taken out from
// the first projected year; the observed years are the scenario's.
#include <catch2/catch.hpp>

#include <cstddef>
#include <vector>

#include "fixtures.hpp"
#include "sim/reference_run.hpp"

using namespace eiisim;

namespace {

// Route changes and relocations at or after `first_year` of plants that no event of the
// run concerns (read from the panel against the year before).
int unexplained_changes_from(const RunResult& r, int first_year) {
    std::vector<char> has_event(static_cast<std::size_t>(r.plants), 0);
    for (const DecisionEvent& e : r.events) has_event[static_cast<std::size_t>(e.plant)] = 1;
    int changes = 0;
    for (int yi = first_year - r.base_year; yi < r.years; ++yi)
        for (int p = 0; p < r.plants; ++p) {
            if (has_event[static_cast<std::size_t>(p)] != 0) continue;
            const bool route = r.technology[r.at(yi, p)] != r.technology[r.at(yi - 1, p)];
            if (route || r.status[r.at(yi, p)] != r.status[r.at(yi - 1, p)]) ++changes;
        }
    return changes;
}

int decisions_from(const RunResult& r, int first_year) {
    int n = 0;
    for (const DecisionEvent& e : r.events)
        // Facts are not choices: observed events, a scheduled entrant's investment decision
        // (docs/ODD.md §7.20), the consequences of fuel gas and signed agreements.
        if (e.year >= first_year - 1 && e.trigger != Trigger::observed && e.trigger != Trigger::fuel_gas_ended &&
            e.trigger != Trigger::agreement && e.trigger != Trigger::entry_scheduled)
            ++n;
    return n;
}

// Every unit an agreement commits in `r` from `first` on is in an agreement that was
// binding before `first` in the scenario's `inputs`.
void check_only_signed_agreements_commit(const RunResult& r, const Inputs& inputs, int first) {
    for (const DecisionEvent& e : r.events) {
        if (e.trigger != Trigger::agreement || e.year < first) continue;
        bool binding_before = false;
        for (const AgreementSpec& a : inputs.agreements)
            for (const AgreementUnit& u : a.units)
                if (u.plant == e.plant && a.stage == AgreementStage::binding && a.stage_year < first)
                    binding_before = true;
        INFO("plant " << e.plant << " committed in " << e.year);
        REQUIRE(binding_before);
    }
}

double cluster_net(const RunResult& r, int year) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c) sum += r.cluster_co2_net_t[r.at_cluster(year - r.base_year, c)];
    return sum;
}

double cost_component_in(const RunResult& r, int year, CostComponent component) {
    double sum = 0;
    for (int p = 0; p < r.plants; ++p)
        sum += r.cost_eur[r.at(year - r.base_year, p) * kCostComponentCount + static_cast<std::size_t>(component)];
    return sum;
}

}  // namespace

TEST_CASE("reference kinds are named and the first reference year follows the observed history", "[reference]") {
    REQUIRE(reference_kind("frozen-technology") == ReferenceKind::frozen_technology);
    REQUIRE(reference_kind("no-policy") == ReferenceKind::no_policy);
    REQUIRE_FALSE(reference_kind("frozen").has_value());
    const Inputs dutch = testing::dutch_inputs();
    REQUIRE(first_reference_year(dutch) == 2026);  // history.csv is observed to 2025
    Inputs unobserved = dutch;
    unobserved.scenario.history = HistoryMode::off;
    REQUIRE(first_reference_year(unobserved) == dutch.scenario.base_year);
}

TEST_CASE("frozen technology: no plant changes route or relocates after the observed history", "[reference]") {
    const Inputs dutch = testing::dutch_inputs();
    const int first = first_reference_year(dutch);
    const RunResult scenario = testing::run(dutch, 3);
    const RunResult frozen = testing::run(reference_inputs(dutch, ReferenceKind::frozen_technology), 3);
    REQUIRE(decisions_from(scenario, first) > 10);  // the scenario's plants do decide
    // Only the observed history, binding agreements and physical consequences act.
    REQUIRE(decisions_from(frozen, first) == 0);
    REQUIRE(unexplained_changes_from(frozen, first) == 0);
    check_only_signed_agreements_commit(frozen, dutch, first);
    for (int year = dutch.scenario.base_year; year < first; ++year)
        REQUIRE(cluster_net(frozen, year) == Approx(cluster_net(scenario, year)).epsilon(1e-12));
}

TEST_CASE("no policy: no levy and no new support after the observed history, the observed years unchanged",
          "[reference]") {
    Inputs dutch = testing::dutch_inputs();
    // A levy that bites every year (the embedded one is below the ETS price from 2026).
    dutch.scenario.policy.co2_levy_eur_per_t = TimePath(500.0);
    dutch.scenario.policy.dispensation_factor = TimePath(0.0);
    const int first = first_reference_year(dutch);
    const Inputs reference = reference_inputs(dutch, ReferenceKind::no_policy);
    REQUIRE(reference.scenario.policy.co2_levy_eur_per_t.at(first - 1) ==
            dutch.scenario.policy.co2_levy_eur_per_t.at(first - 1));
    REQUIRE(reference.scenario.policy.co2_levy_eur_per_t.at(first) == 0.0);
    for (const AgreementSpec& a : reference.agreements)
        if (a.stage != AgreementStage::stopped) REQUIRE((a.stage == AgreementStage::binding && a.stage_year < first));

    const RunResult scenario = testing::run(dutch, 5);
    const RunResult none = testing::run(reference, 5);
    for (int year = dutch.scenario.base_year; year < first; ++year)
        REQUIRE(cluster_net(none, year) == Approx(cluster_net(scenario, year)).epsilon(1e-12));
    for (int year = first; year <= dutch.scenario.end_year; ++year)
        REQUIRE(cost_component_in(none, year, CostComponent::co2_levy) == 0.0);
    REQUIRE(cost_component_in(scenario, 2035, CostComponent::co2_levy) > 0.0);  // the scenario's levy bites
    for (std::size_t i = 0; i < reference.scenario.policy.instruments.size(); ++i) {
        if (!reference.scenario.policy.instruments[i].applications) continue;
        for (int year = first; year <= dutch.scenario.end_year; ++year)
            REQUIRE(none.instrument_committed_eur[none.at_instrument(year - none.base_year, static_cast<int>(i))] ==
                    0.0);
    }
    check_only_signed_agreements_commit(none, dutch, first);
}
