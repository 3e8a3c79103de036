// Phase 4: scarce capacity is granted serially, in the scenario's priority order, so
// the result never depends on which thread appraised which plant. The default order is
// cost-effectiveness (EUR per t CO2 avoided of each plant's first choice), as an SDE++
// round ranks its applicants; agreements reserved their capacity before (phase 1c). A plant walks its
// ranked list until an option fits every ledger of the scarce resources
// (core/scarce_resources.hpp: grid headroom of its cluster, national CO2 storage,
// hydrogen and biomethane, each reserved from the year the route starts running through
// the end of the run; the budget of its support instrument in the decision year) and the national build-out
// limit per option kind, and one large conversion at a time per site (sim/site_staging.hpp).
// A refused plant takes its next-best option; if that is to stay as it is, it tries again
// next year. A granted large conversion goes through its permit stage (sim/permit_stage.hpp).
#include <algorithm>
#include <limits>
#include <tuple>

#include "agents/permit_terms.hpp"
#include "core/random_stream.hpp"
#include "permit_stage.hpp"
#include "phases.hpp"
#include "site_staging.hpp"

namespace eiisim {
namespace {

struct Order {
    int maatwerk_rank = 0;
    double eur_per_tco2 = 0;
    double tie = 0;
    std::size_t decision = 0;
};

std::vector<std::size_t> priority_order(const Model& model, const RunState& state,
                                        const std::vector<PlantDecision>& decisions, int year, std::uint64_t seed,
                                        std::uint64_t run) {
    const PriorityRule rule = model.inputs.scenario.behaviour.priority;
    std::vector<Order> keys;
    keys.reserve(decisions.size());
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const PlantDecision& d = decisions[i];
        const auto p = static_cast<std::uint64_t>(d.plant);
        Order key;
        key.decision = i;
        RandomStream tie(seed, run, p, static_cast<std::uint64_t>(year), Purpose::tie_break);
        key.tie = tie.uniform();
        const bool by_cost = rule != PriorityRule::queue;
        key.eur_per_tco2 = by_cost && !d.ranked.empty() ? d.ranked.front().eur_per_tco2_avoided
                                                        : std::numeric_limits<double>::infinity();
        if (rule == PriorityRule::maatwerk_then_cost_effectiveness)
            key.maatwerk_rank = state.in_live_agreement[static_cast<std::size_t>(d.plant)] != 0 ? 0 : 1;
        keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end(), [](const Order& a, const Order& b) {
        return std::tie(a.maatwerk_rank, a.eur_per_tco2, a.tie, a.decision) <
               std::tie(b.maatwerk_rank, b.eur_per_tco2, b.tie, b.decision);
    });
    std::vector<std::size_t> order;
    for (const Order& key : keys) order.push_back(key.decision);
    return order;
}

int buildout_limit(const Scenario& scenario, OptionKind kind) {
    for (const BuildoutLimit& limit : scenario.buildout_limits)
        if (limit.kind == kind) return limit.max_conversions_per_year;
    return std::numeric_limits<int>::max();
}

// Why `c` does not fit, or RefusedBy::none when it does: the build-out limit of its kind,
// then the first resource ledger (in core/scarce_resources.hpp order) it overflows.
RefusedBy misfit(const Model& model, const RunState& state, std::size_t p, const Candidate& c, int year) {
    const Inputs& in = model.inputs;
    const OptionKind kind = in.technologies[static_cast<std::size_t>(c.technology)].kind;
    if (state.conversions_this_year[static_cast<std::size_t>(kind)] >= buildout_limit(in.scenario, kind))
        return RefusedBy::buildout_limit;
    // One large conversion at a time per site (sim/site_staging.hpp); an entrant converts nothing.
    const bool conversion = kind != OptionKind::close && !is_relocation(kind) && state.status[p] != PlantStatus::not_built;
    if (conversion && is_large_conversion(c.capex_eur, in.scenario.behaviour) && site_conversion_under_way(model, state, p))
        return RefusedBy::site_staging;
    return ledger_misfit(model, state, p, c, year);
}

}  // namespace

RefusedBy ledger_misfit(const Model& model, const RunState& state, std::size_t p, const Candidate& c, int year) {
    const int cluster = model.inputs.plants[p].cluster;
    for (const ResourceSpec& r : resources()) {
        const double claim = amount_of(c.claim, r.id);
        if (r.scope == ResourceScope::instrument && !c.subsidised()) continue;  // draws on no budget
        if (r.booking == Booking::yearly) continue;  // a yearly market, not a route claim
        const CapacityLedger& ledger = ledger_of(state, r.id, cluster, c.instrument);
        const bool fit = r.booking == Booking::while_running
                             ? ledger.fits(claim, c.start_year, amount_of(state.held[p], r.id))
                             : ledger.fits_in_year(claim, year);
        if (!fit) return refused_by(r.id);
    }
    return RefusedBy::none;
}

void grant_conversion(const Model& model, RunState& state, std::size_t p, const Candidate& c, int year,
                      const AidContract* aid) {
    const Inputs& in = model.inputs;
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(c.technology)];
    const int cluster = in.plants[p].cluster;
    release_holding(state, cluster, state.held[p], c.start_year);
    if (!is_relocation(tech.kind)) {
        state.target_held[p] = held_part(c.claim);
        reserve_holding(state, cluster, state.target_held[p], c.start_year);
    }
    for (const ResourceSpec& r : resources())
        if (r.booking == Booking::decision_year && amount_of(c.claim, r.id) > 0)
            ledger_of(state, r.id, cluster, c.instrument).reserve_in_year(amount_of(c.claim, r.id), year);
    state.target_technology[p] = c.technology;
    state.target_year[p] = c.start_year;
    state.permit_fails_year[p] = kNoPermitFailure;  // allocate() books a refusal after the grant
    state.target_capex_eur[p] = c.capex_eur;
    state.target_aid[p] = aid != nullptr ? *aid : AidContract{};
    // An entrant stays not built until its route starts (transitions.cpp).
    if (state.status[p] != PlantStatus::not_built) state.status[p] = PlantStatus::converting;
    ++state.conversions_this_year[static_cast<std::size_t>(tech.kind)];
    state.learning_capacity_t[static_cast<std::size_t>(c.technology)] += in.plants[p].capacity_t;
}

namespace {

// The event log's row of variant `c` (none when no log is kept).
OptionAppraisal* record_of(PlantDecision& decision, int technology, int instrument) {
    for (OptionAppraisal& a : decision.appraisals)
        if (a.technology == technology && a.instrument == instrument) return &a;
    return nullptr;
}

void mark_refused(PlantDecision& decision, const Candidate& c, RefusedBy why) {
    if (OptionAppraisal* r = record_of(decision, c.technology, c.instrument)) {
        r->refused = true;
        r->refused_by = why;
    }
}

void mark_chosen(PlantDecision& decision, int technology, int instrument) {
    if (OptionAppraisal* r = record_of(decision, technology, instrument)) r->chosen = true;
}

}  // namespace

void allocate(const Model& model, RunState& state, int year, std::uint64_t seed, std::uint64_t run,
              std::vector<PlantDecision>& decisions, RunResult* events) {
    const Inputs& in = model.inputs;
    state.conversions_this_year.fill(0);
    for (std::size_t i : priority_order(model, state, decisions, year, seed, run)) {
        PlantDecision& decision = decisions[i];
        const auto p = static_cast<std::size_t>(decision.plant);
        const bool entering = state.status[p] == PlantStatus::not_built;
        const int current = entering ? -1 : state.technology[p];
        DecisionEvent event;
        event.year = year;
        event.plant = decision.plant;
        event.from_technology = current;
        event.trigger = decision.trigger;
        state.shocked[p] = 0;
        state.waiting[p] = 0;
        state.loss_years[p] = 0;

        if (decision.close) {
            const int close = model.close_technology[static_cast<std::size_t>(in.plants[p].sector)];
            const int closing_year =
                year + std::max(1, in.technologies[static_cast<std::size_t>(close)].lead_time_y);
            state.target_technology[p] = close;
            state.target_year[p] = closing_year;
            release_holding(state, in.plants[p].cluster, state.held[p], closing_year);
            event.to_technology = close;
            event.running_from_year = closing_year;
            event.closed_by_rule = true;
            mark_chosen(decision, close, -1);
        } else {
            bool refused_any = false;
            const Candidate* chosen = nullptr;
            for (const Candidate& c : decision.ranked) {
                if (c.technology == current) {
                    chosen = &c;
                    break;
                }
                const RefusedBy why = misfit(model, state, p, c, year);
                if (why == RefusedBy::none) {
                    (void)grant_after_permit(
                        model, state, p, c, year, seed, run,
                        c.contract >= 0 ? &decision.contracts[static_cast<std::size_t>(c.contract)] : nullptr);
                    chosen = &c;
                    break;
                }
                refused_any = true;
                mark_refused(decision, c, why);
            }
            if (chosen != nullptr) mark_chosen(decision, chosen->technology, chosen->instrument);
            if (refused_any) state.refused_in_year[static_cast<std::size_t>(year - in.scenario.base_year)] = 1;
            if (chosen == nullptr || chosen->technology == current) {
                event.to_technology = current;
                event.running_from_year = year;
                if (refused_any && !entering) {
                    // Wait a year for the capacity rather than lock in the old route. (An
                    // entrant asks again each year anyway: entry_trigger.)
                    state.waiting[p] = 1;
                    state.waiting_trigger[p] = decision.trigger;
                } else if (decision.trigger == Trigger::reinvestment && chosen != nullptr) {
                    state.asset_age_y[p] = 0;  // reinvested in the route in force
                    state.route_capex_eur[p] = chosen->capex_eur;
                }
            } else {
                event.to_technology = chosen->technology;
                event.running_from_year = state.target_year[p];  // after the permit stage's delays
                if (chosen->subsidised()) {
                    event.subsidy_committed_eur = amount_of(chosen->claim, Resource::subsidy_budget);
                    event.instrument = chosen->instrument;
                }
            }
        }
        if (events == nullptr) continue;
        event.closure_margin_eur_per_t = decision.closure_margin_eur_per_t;
        event.options = std::move(decision.appraisals);
        events->events.push_back(std::move(event));
    }
}

}  // namespace eiisim
