#include "committed_conversion.hpp"

#include "core/co2_connection.hpp"

namespace eiisim {
namespace {

// The appraisal's view of `plant` in `year`: its context, snapshot and basis, kept
// together because the basis points into the other two.
struct PlantAppraisal {
    std::vector<std::array<double, kOptionKindCount>> peers;
    AppraisalContext context;
    PlantSnapshot snapshot;
    AppraisalBasis basis;

    PlantAppraisal(const Model& model, const RunState& state, int year, int plant, Trigger trigger)
        : peers(cluster_peer_shares(model, state)),
          context(appraisal_context(
              model, state, year,
              peers[static_cast<std::size_t>(model.inputs.plants[static_cast<std::size_t>(plant)].cluster)], false)),
          snapshot(plant_snapshot(model, state, year, plant)),
          basis(appraisal_basis(context, model.baselines[static_cast<std::size_t>(plant)], plant, snapshot, trigger)) {}
    PlantAppraisal(const PlantAppraisal&) = delete;
    PlantAppraisal& operator=(const PlantAppraisal&) = delete;
};

}  // namespace

CommittedRoute committed_route(const Model& model, const RunState& state, int year, int plant, int technology,
                               int start_year, Trigger trigger, const std::optional<AidOffer>& aid) {
    const PlantAppraisal view(model, state, year, plant, trigger);
    CommittedRoute route;
    route.appraisal = appraise_option(view.basis, technology);
    const OptionBreakdown& a = route.appraisal;
    const AidOffer* offer = aid ? (aid->instrument >= 0 ? &*aid : nullptr) : (a.aided() ? &a.offers[0] : nullptr);
    route.candidate = offer != nullptr ? aided_candidate(a, *offer) : plain_candidate(a);
    if (offer != nullptr) route.aid = aid_contract(view.basis, a, *offer);
    route.candidate.start_year = start_year;
    return route;
}

AidOffer committed_offer(const Model& model, const RunState& state, int year, int plant,
                         const OptionBreakdown& appraisal, int instrument) {
    const PlantAppraisal view(model, state, year, plant, Trigger::agreement);
    return aid_offer(view.basis, appraisal, instrument);
}

bool infrastructure_reaches(const Model& model, int plant, const OptionBreakdown& appraisal, int start_year) {
    const Inputs& in = model.inputs;
    const PlantBaseline& base = model.baselines[static_cast<std::size_t>(plant)];
    const ClusterSpec& cluster = in.clusters[static_cast<std::size_t>(in.plants[static_cast<std::size_t>(plant)].cluster)];
    const bool captures = appraisal.profile.co2_captured_t_per_t > 0;
    const bool new_hydrogen =
        appraisal.profile.energy_gj_per_t[static_cast<std::size_t>(Carrier::hydrogen)] > base.hydrogen_gj_per_t + 1e-9;
    if (captures && co2_connection(in, plant).first_year > start_year) return false;
    return !(new_hydrogen && cluster.h2_connection_year > start_year);
}

bool grant_committed(const Model& model, RunState& state, int year, int plant, const CommittedRoute& route,
                     Trigger trigger, RunResult* events) {
    const auto p = static_cast<std::size_t>(plant);
    const Candidate& c = route.candidate;
    Candidate physical = c;
    amount_of(physical.claim, Resource::subsidy_budget) = 0.0;
    if (ledger_misfit(model, state, p, physical, year) != RefusedBy::none) return false;
    if (events != nullptr) {
        DecisionEvent event;
        event.year = year;
        event.plant = plant;
        event.from_technology = state.technology[p];
        event.to_technology = c.technology;
        event.trigger = trigger;
        event.running_from_year = c.start_year;
        if (c.subsidised()) {
            event.subsidy_committed_eur = amount_of(c.claim, Resource::subsidy_budget);
            event.instrument = c.instrument;
        }
        events->events.push_back(std::move(event));
    }
    grant_conversion(model, state, p, c, year, c.subsidised() ? &route.aid : nullptr);
    return true;
}

}  // namespace eiisim
