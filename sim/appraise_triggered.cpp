// Phase 3: which plants decide this year, and their appraisals. A plant decides when
// its asset reaches its reinvestment cycle, after N consecutive loss years, when a
// scenario event opens a window, when a value-chain neighbour left, or when it was
// refused scarce capacity last year and tries again. Appraisals read last year's
// snapshot only, so they run in parallel.
#include <algorithm>
#include <optional>

#include "agents/energy_stack.hpp"
#include "core/random_stream.hpp"
#include "demand_volume.hpp"
#include "fuel_gas_balance.hpp"
#include "green_quota.hpp"
#include "parallel_plants.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kPlantGrain = 8;

// A scenario event invites the plant only if it opens a kind of route the plant does not
// run already (docs/ODD.md §7.2): Porthos changes nothing for a plant already on CCS.
bool event_concerns(const Model& model, const RunState& state, int year, int plant) {
    const auto y = static_cast<std::size_t>(year - model.inputs.scenario.base_year);
    const auto& windows = model.event_plants[y];
    const auto it = std::lower_bound(windows.begin(), windows.end(), plant);
    if (it == windows.end() || *it != plant) return false;
    const std::uint16_t kinds = model.event_kinds[y][static_cast<std::size_t>(it - windows.begin())];
    const OptionKind current =
        model.inputs.technologies[static_cast<std::size_t>(state.technology[static_cast<std::size_t>(plant)])].kind;
    return (kinds & ~(1u << static_cast<unsigned>(current))) != 0;
}

}  // namespace

std::optional<Trigger> decision_trigger(const Model& model, const RunState& state, int year, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    if (state.status[p] == PlantStatus::not_built) return entry_trigger(model, state, year, plant);
    if (state.status[p] != PlantStatus::operating || state.target_technology[p] >= 0) return std::nullopt;
    const Inputs& in = model.inputs;
    // Forced history: the observed years happened as observed, so no decision of the model
    // may take effect in them; a decision takes effect a year later at the earliest.
    if (year < model.history.last_observed_year) return std::nullopt;
    // Frozen technology (a reference run): nothing is decided, so nothing changes by choice.
    if (in.scenario.behaviour.frozen_technology) return std::nullopt;
    if (state.waiting[p]) return state.waiting_trigger[p];
    if (state.asset_age_y[p] >= state.route_lifetime_y[p]) return Trigger::reinvestment;
    if (state.loss_years[p] >= in.scenario.behaviour.loss_years_trigger) return Trigger::losses;
    // Commitment: a plant that invested in a new route (any kind but the incumbent keep)
    // keeps it for the asset's economic life; only a failing business case (losses, above)
    // reopens the choice, and then with the new asset's write-off in every other option.
    // Events and value-chain changes re-open the choice of plants on the incumbent route.
    if (in.technologies[static_cast<std::size_t>(state.technology[p])].kind != OptionKind::keep) return std::nullopt;
    if (event_concerns(model, state, year, plant)) return Trigger::event;
    if (state.shocked[p]) return Trigger::value_chain;
    return std::nullopt;
}

std::vector<std::array<double, kOptionKindCount>> cluster_peer_shares(const Model& model, const RunState& state) {
    const Inputs& in = model.inputs;
    std::vector<std::array<double, kOptionKindCount>> shares(in.clusters.size());
    std::vector<int> active(in.clusters.size(), 0);
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        if (!on_site(state.status[p])) continue;
        const auto c = static_cast<std::size_t>(in.plants[p].cluster);
        const int route = state.target_technology[p] >= 0 ? state.target_technology[p] : state.technology[p];
        shares[c][static_cast<std::size_t>(in.technologies[static_cast<std::size_t>(route)].kind)] += 1.0;
        ++active[c];
    }
    for (std::size_t c = 0; c < shares.size(); ++c)
        for (double& s : shares[c]) s = active[c] > 0 ? s / active[c] : 0.0;
    return shares;
}

PlantSnapshot plant_snapshot(const Model& model, const RunState& state, int year, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    PlantSnapshot snapshot;
    // Not built: no route in force, so every option is a new build.
    snapshot.technology = state.status[p] == PlantStatus::not_built ? -1 : state.technology[p];
    snapshot.asset_age_y = state.asset_age_y[p];
    // The utilisation it expects: what its customers take, times its sector's demand volume
    // as it expects it over its horizon (docs/ODD.md §7.19).
    snapshot.utilisation = with_demand(
        utilisation_of(model, state, plant),
        expected_demand_factor(model, expected_view(model, state, year), model.inputs.plants[p].sector, plant));
    snapshot.export_share = export_share_of(model, state, plant);
    snapshot.value_chain_eur_per_t = state.value_chain_eur_per_t[p];
    snapshot.feedstock_eur_per_t = state.feed_net_eur_per_t[p];
    snapshot.book_value_eur = book_value_of(state, plant);
    // The payments the award expects, for the contract years left (docs/ODD.md §7.14).
    snapshot.contract_subsidy_eur_per_t = state.aid[p].payment_eur_per_t;
    snapshot.contract_until_year = state.aid_from_year[p] + state.aid[p].years;
    snapshot.flared_process_gas_per_t = expected_flared_per_t(model, state, plant);
    snapshot.exit_barred_until_year = state.exit_barred_until_year[p];
    snapshot.negotiating = year >= state.negotiating_from_year[p] && year < state.negotiating_until_year[p];
    return snapshot;
}

AppraisalContext appraisal_context(const Model& model, const RunState& state, int year,
                                   const std::array<double, kOptionKindCount>& peers, bool record_appraisals) {
    AppraisalContext context;
    context.inputs = &model.inputs;
    context.year = year;
    context.expected = &expected_view(model, state, year);
    context.learning_multiplier = &state.learning_multiplier;
    context.cluster_peer_share = &peers;
    context.record_appraisals = record_appraisals;
    context.ikc_pro_rata = ikc_pro_rata(context.expected->ikc_budget_eur, state.ikc_claims_eur);
    context.open_instruments = 0;
    const auto& instruments = model.inputs.scenario.policy.instruments;
    for (std::size_t i = 0; i < instruments.size(); ++i)
        if (instruments[i].budget_eur.at(year) > 0) context.open_instruments |= 1u << i;
    return context;
}

TasteDraw plant_taste(const Model& model, const RunState& state, std::uint64_t seed, std::uint64_t run,
                      int plant, int year) {
    return decision_taste(model.inputs.scenario.behaviour, state.lasting_taste[static_cast<std::size_t>(plant)],
                          seed, run, plant, year);
}

std::vector<PlantDecision> appraise_triggered(const Model& model, const RunState& state, int year,
                                              std::uint64_t seed, std::uint64_t run, bool record_appraisals) {
    const Inputs& in = model.inputs;
    const std::size_t n = in.plants.size();
    const auto peers = cluster_peer_shares(model, state);
    std::vector<std::optional<PlantDecision>> slots(n);

    for_each_plant_parallel(n, kPlantGrain, [&](std::size_t p) {
        const int plant = static_cast<int>(p);
        const std::optional<Trigger> trigger = decision_trigger(model, state, year, plant);
        if (!trigger) return;
        const PlantSnapshot snapshot = plant_snapshot(model, state, year, plant);
        const AppraisalContext context = appraisal_context(
            model, state, year, peers[static_cast<std::size_t>(in.plants[p].cluster)], record_appraisals);
        slots[p] = appraise_options(context, model.baselines[p], plant, snapshot, *trigger,
                                    state.strategic_bias[p], plant_taste(model, state, seed, run, plant, year));
        if (state.status[p] == PlantStatus::not_built) restrict_to_entry(in, *slots[p]);
    }, model.serial_plants);

    std::vector<PlantDecision> decisions;
    for (auto& slot : slots)
        if (slot) decisions.push_back(std::move(*slot));
    return decisions;
}

}  // namespace eiisim
