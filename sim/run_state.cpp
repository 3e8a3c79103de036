#include "run_state.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/appraisal.hpp"
#include "agents/route_lifetime.hpp"
#include "core/random_stream.hpp"
#include "model.hpp"

namespace eiisim {

RunState make_initial_state(const Model& model, std::uint64_t seed, std::uint64_t run) {
    RunState s;
    reset_state(model, seed, run, s);
    return s;
}

namespace {

// Plant `p` on its incumbent route, with its lasting draws and allocation memory.
void start_plant(const Model& model, std::uint64_t seed, std::uint64_t run, std::size_t p, RunState& s) {
    const Inputs& in = model.inputs;
    const PlantSpec& plant = in.plants[p];
    const int keep = keep_technology_of(in, static_cast<int>(p));
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(keep)];
    s.technology[p] = keep;
    s.asset_age_y[p] = plant.asset_age_y;
    s.route_capex_eur[p] = tech.capex_eur_per_t_yr * plant.capacity_t;
    // The incumbent is written off over the plant's own reinvestment cycle, so that at
    // its reinvestment point nothing is left to strand whichever way it decides.
    s.route_lifetime_y[p] = route_lifetime_y(in, static_cast<int>(p), keep);
    RandomStream bias_stream(seed, run, p, 0, Purpose::strategic_bias);
    s.strategic_bias[p] = draw_strategic_bias(in.scenario.behaviour, bias_stream);
    s.lasting_taste[p] = lasting_taste(seed, run, static_cast<int>(p));
    s.allocation_activity[p] = initial_allocation_activity(plant.capacity_t * model.baselines[p].utilisation);
    s.combustion_allocation_activity[p] = s.allocation_activity[p];
    // An entrant waits, not built, for its entry (sim/entry.cpp); its route is known already.
    if (plant.is_entrant()) {
        s.status[p] = PlantStatus::not_built;
        s.route_capex_eur[p] = 0.0;  // nothing invested yet: entry strands no book value
    }
}

}  // namespace

namespace {

// The feed market's state (docs/ODD.md §7.18): demand is first sized on base-year output.
void reset_feed_state(const Model& model, RunState& s) {
    const Inputs& in = model.inputs;
    const std::size_t n = in.plants.size();
    const std::size_t feeds = in.feedstocks.size();
    s.feed_basis_t.assign(n, 0.0);
    for (std::size_t p = 0; p < n; ++p) s.feed_basis_t[p] = in.plants[p].capacity_t * model.baselines[p].utilisation;
    s.feed_share.assign(n * feeds, 0.0);
    s.feed_granted_t.assign(n * feeds, 0.0);
    s.feed_ask.assign(n * feeds, 0.0);
    s.feed_used_t.assign(n * feeds, 0.0);
    s.feed_buyout_eur.assign(n, 0.0);
    s.feed_premium_eur.assign(n, 0.0);
    s.feed_net_eur_per_t.assign(n, 0.0);
}

// Each agreement's outcome in the run, the units still to commit, and the years a letter
// of intent under negotiation holds its units (sim/agreements.hpp).
void start_agreements(const Model& model, std::uint64_t seed, std::uint64_t run, RunState& s) {
    const Inputs& in = model.inputs;
    const std::size_t n = in.plants.size();
    const int first = in.scenario.base_year;
    s.agreement_outcome.resize(in.agreements.size());
    s.agreement_unit_pending.resize(in.agreements.size());
    s.in_live_agreement.assign(n, 0);
    s.exit_barred_until_year.assign(n, first);
    // An empty interval [max, first) until a letter of intent covers the plant.
    s.negotiating_from_year.assign(n, std::numeric_limits<int>::max());
    s.negotiating_until_year.assign(n, first);
    for (std::size_t a = 0; a < in.agreements.size(); ++a) {
        const AgreementSpec& agreement = in.agreements[a];
        s.agreement_outcome[a] = draw_agreement_outcome(agreement, in.scenario.agreements, seed, run, a);
        const bool live = s.agreement_outcome[a].binding_year != 0;
        s.agreement_unit_pending[a].assign(agreement.units.size(), live ? 1 : 0);
        if (live)
            for (const AgreementUnit& unit : agreement.units) s.in_live_agreement[static_cast<std::size_t>(unit.plant)] = 1;
        const int talks_end = negotiation_end_year(agreement, s.agreement_outcome[a], in.scenario.agreements);
        if (talks_end == 0) continue;
        for (const AgreementUnit& unit : agreement.units) {
            const auto p = static_cast<std::size_t>(unit.plant);
            s.negotiating_from_year[p] = std::min(s.negotiating_from_year[p], agreement.stage_year);
            s.negotiating_until_year[p] = std::max(s.negotiating_until_year[p], talks_end);
        }
    }
}

}  // namespace

// Every field is assigned in full (resize alone would keep the last run's values), so a
// reused state starts exactly like a fresh one.
void reset_state(const Model& model, std::uint64_t seed, std::uint64_t run, RunState& s) {
    const Inputs& in = model.inputs;
    const std::size_t n = in.plants.size();
    const int first = in.scenario.base_year;
    const int years = in.year_count();
    s.technology.assign(n, -1);
    s.status.assign(n, PlantStatus::operating);
    s.asset_age_y.assign(n, 0);
    s.route_capex_eur.assign(n, 0.0);
    s.route_lifetime_y.assign(n, 0);
    s.held.assign(n, Holding{});
    s.target_technology.assign(n, -1);
    s.target_year.assign(n, 0);
    s.permit_fails_year.assign(n, kNoPermitFailure);
    s.target_capex_eur.assign(n, 0.0);
    s.target_aid.assign(n, AidContract{});
    s.target_held.assign(n, Holding{});
    s.aid.assign(n, AidContract{});
    s.aid_from_year.assign(n, first);
    s.aid_paid_eur.assign(n, 0.0);
    s.ikc_claims_eur = 0.0;
    s.route_net_t_per_t.assign(n, 0.0);
    s.grants_paid_eur.assign(in.scenario.policy.instruments.size(), 0.0);
    s.quota_premium_eur_per_t.assign(in.sectors.size(), 0.0);
    s.reduction_base.assign(n, ReductionBase{});
    s.base_production_t.assign(n, 0.0);
    s.stranded_annuity_eur.assign(n, 0.0);
    s.stranded_until_year.assign(n, first);
    s.offtake_lost_share.assign(n, 0.0);
    s.offtake_lost_local_share.assign(n, 0.0);
    s.network_lost_share.assign(n, 0.0);
    s.network_lost_local_share.assign(n, 0.0);
    s.network_eur_per_t.assign(n, 0.0);
    s.value_chain_eur_per_t.assign(n, 0.0);
    s.shocked.assign(n, 0);
    s.waiting.assign(n, 0);
    s.waiting_trigger.assign(n, Trigger::reinvestment);
    s.loss_years.assign(n, 0);
    s.curtailed_by_rule.assign(n, 0);
    s.strategic_bias.assign(n, {});
    s.lasting_taste.assign(n, {});
    s.allocation_activity.resize(n);
    s.combustion_allocation_activity.resize(n);
    reset_feed_state(model, s);

    for (std::size_t p = 0; p < n; ++p) start_plant(model, seed, run, p, s);

    for (const ResourceSpec& r : resources()) {
        auto& ledgers = s.ledgers[static_cast<std::size_t>(r.id)];
        ledgers.clear();
        for (std::size_t k = 0; k < ledger_count(r, in); ++k) ledgers.emplace_back(r.capacity(in, k), first, years);
    }

    start_agreements(model, seed, run, s);

    s.conversions_this_year.fill(0);
    s.refused_in_year.assign(static_cast<std::size_t>(years), 0);

    s.learning_capacity_t.resize(in.technologies.size());
    s.learning_multiplier.assign(in.technologies.size(), 1.0);
    s.learning_priced_at_t.assign(in.technologies.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t t = 0; t < in.technologies.size(); ++t)
        s.learning_capacity_t[t] = std::max(1.0, in.technologies[t].learning_seed_t_yr);
}

namespace {

// The shares of output lost to customers that left (edges and networks): exportable (a
// product) and local (a utility), each at most 1 and together at most 1. A network's
// share is negative when the plant delivers more than in the base year.
struct LostOfftake {
    double exportable = 0;
    double local = 0;
};

LostOfftake lost_offtake(const RunState& state, std::size_t p) {
    LostOfftake lost;
    lost.local = std::min(1.0, state.offtake_lost_local_share[p] + state.network_lost_local_share[p]);
    lost.exportable = std::min(1.0 - std::max(0.0, lost.local), state.offtake_lost_share[p] + state.network_lost_share[p]);
    return lost;
}

// Share of base output still made: 1 - x (1 - export_fraction) - l, where a negative
// x (a network producer delivering more) raises it in full.
double kept_share(const LostOfftake& lost, double export_fraction) {
    const double x = lost.exportable;
    return 1.0 - std::max(0.0, x) * (1.0 - export_fraction) - std::min(0.0, x) - lost.local;
}

}  // namespace

// u = u0 x kept share, capped at max(1, u0) when a network producer delivers more.
double utilisation_of(const Model& model, const RunState& state, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    const LostOfftake lost = lost_offtake(state, p);
    const double kept = kept_share(lost, model.inputs.scenario.behaviour.export_fraction);
    const double u0 = model.baselines[p].utilisation;
    return kept > 1.0 ? std::min(u0 * kept, std::max(1.0, u0)) : u0 * kept;
}

double export_share_of(const Model& model, const RunState& state, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    const LostOfftake lost = lost_offtake(state, p);
    if (lost.exportable <= 0) return 0.0;
    const double fraction = model.inputs.scenario.behaviour.export_fraction;
    const double exported = lost.exportable * fraction;
    const double kept = kept_share(lost, fraction);
    return kept > 0 ? exported / kept : 0.0;
}

Holding held_part(const ResourceAmounts& claim) {
    Holding held{};
    for (const ResourceSpec& r : resources())
        if (r.booking == Booking::while_running) amount_of(held, r.id) = amount_of(claim, r.id);
    return held;
}

void reserve_holding(RunState& state, int cluster, const Holding& amount, int from_year) {
    for (const ResourceSpec& r : resources())
        if (r.booking == Booking::while_running) ledger_of(state, r.id, cluster).reserve(amount_of(amount, r.id), from_year);
}

void release_holding(RunState& state, int cluster, const Holding& amount, int from_year) {
    for (const ResourceSpec& r : resources())
        if (r.booking == Booking::while_running) ledger_of(state, r.id, cluster).release(amount_of(amount, r.id), from_year);
}

double aid_payment_eur_per_t(const RunState& state, int plant, int year, const PriceView& prices,
                             double production_t) {
    const auto p = static_cast<std::size_t>(plant);
    const AidContract& aid = state.aid[p];
    if (!aid.supported() || year < state.aid_from_year[p] || year >= state.aid_from_year[p] + aid.years) return 0.0;
    const double payment = payment_eur_per_t(aid, prices);
    const double left = aid.cap_eur - state.aid_paid_eur[p];
    if (production_t <= 0 || payment * production_t <= left) return payment;
    return std::max(0.0, left) / production_t;
}

double book_value_of(const RunState& state, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    const double lifetime = std::max(1, state.route_lifetime_y[p]);
    const double remaining = std::clamp(1.0 - state.asset_age_y[p] / lifetime, 0.0, 1.0);
    return state.route_capex_eur[p] * remaining;
}

}  // namespace eiisim
