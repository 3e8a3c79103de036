// Phase 1: conversions, relocations and closures whose year has come take effect, and
// every exit shocks its value-chain neighbours (who feel it from this year on and
// re-evaluate in this year's appraisal phase). A supplier whose route in force no longer
// makes process gas, because it switched route or left, closes its gas-coupled customers
// in the same year (agents/fuel_gas_coupling.hpp).
#include <algorithm>

#include "agents/fuel_gas_coupling.hpp"
#include "agents/route_lifetime.hpp"
#include "agents/unit_cost.hpp"
#include "clusters/networks.hpp"
#include "permit_stage.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

bool has_left(const RunState& state, std::size_t p) {
    return has_left(state.status[p]);
}

const EdgeSpec& edge_at(const Model& model, const std::vector<int>& edges, int k) {
    return model.inputs.edges[static_cast<std::size_t>(edges[static_cast<std::size_t>(k)])];
}

// Whether the plant's route in force still makes the process gas its customers burn.
bool makes_process_gas(const Model& model, const RunState& state, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    if (has_left(state, p)) return false;
    return route_makes_process_gas(model.inputs.technologies[static_cast<std::size_t>(state.technology[p])].kind);
}

// Gives back, from `year` on, what the plant holds in the ledgers and what a pending
// grant reserved for it.
void release_all_holdings(const Model& model, RunState& state, std::size_t p, int year) {
    const int cluster = model.inputs.plants[p].cluster;
    release_holding(state, cluster, state.held[p], year);
    const int target = state.target_technology[p];
    if (target < 0) return;
    // The grant (or a decision to close) already swapped the route's holding for the
    // target's from the target year (allocation.cpp); undo that swap.
    const int from = state.target_year[p];
    reserve_holding(state, cluster, state.held[p], from);
    const OptionKind kind = model.inputs.technologies[static_cast<std::size_t>(target)].kind;
    if (kind != OptionKind::close && !is_relocation(kind))
        release_holding(state, cluster, state.target_held[p], from);
}

void shock_neighbours(const Model& model, RunState& state, int plant, int year, RunResult* events,
                      int cause = -1);

}  // namespace

void cancel_pending_conversion(const Model& model, RunState& state, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    const int target = state.target_technology[p];
    if (target < 0) return;
    const OptionKind kind = model.inputs.technologies[static_cast<std::size_t>(target)].kind;
    if (kind == OptionKind::close || is_relocation(kind)) return;
    const int cluster = model.inputs.plants[p].cluster;
    const int from = state.target_year[p];
    // Undo the grant's swap of holdings (allocation.cpp): the route in force holds again.
    reserve_holding(state, cluster, state.held[p], from);
    release_holding(state, cluster, state.target_held[p], from);
    state.target_technology[p] = -1;
    state.target_held[p] = Holding{};
    state.target_aid[p] = AidContract{};
    state.permit_fails_year[p] = kNoPermitFailure;
    state.status[p] = PlantStatus::operating;
}

namespace {

// Closes the gas-coupled customers of a supplier whose route in force makes no process gas.
void end_fuel_gas_supply(const Model& model, RunState& state, int supplier, int year, RunResult* events) {
    if (makes_process_gas(model, state, supplier)) return;
    const ValueChainCsr& csr = model.value_chain;
    const auto s = static_cast<std::size_t>(supplier);
    for (int k = csr.customer_begin[s]; k < csr.customer_begin[s + 1]; ++k) {
        const EdgeSpec& edge = edge_at(model, csr.customer_edges, k);
        if (edge.coupling == EdgeCoupling::fuel_gas)
            // It has nothing to burn, so there is nothing to decide. The supplier whose route
            // change ended the gas chose knowing this: it is not prompted to decide again.
            close_now(model, state, edge.customer, year, Trigger::fuel_gas_ended, supplier, events);
    }
}

// A plant's network shares and costs, summed over the memberships it takes part in, in a
// fixed order from the networks' balances (so the result is the same whatever order members
// left in). The network cost is kept inside value_chain_eur_per_t as well. Returns whether
// it changed.
bool update_network_terms(const Model& model, RunState& state, std::size_t q, const std::vector<std::uint8_t>& active,
                          const std::vector<NetworkBalance>& balances) {
    const NetworkIndex& index = model.networks;
    double lost = 0, lost_local = 0, cost = 0;
    for (int k = index.member_begin[q]; k < index.member_begin[q + 1]; ++k) {
        const auto& at = index.memberships[static_cast<std::size_t>(k)];
        const NetworkSpec& network = model.inputs.networks[static_cast<std::size_t>(at.network)];
        const NetworkMember& member = network.members[static_cast<std::size_t>(at.member)];
        if (!takes_part(member, active, state.technology)) continue;  // its own route supplies or uses it
        const NetworkBalance& balance = balances[static_cast<std::size_t>(at.network)];
        (network.coupling == EdgeCoupling::utility ? lost_local : lost) += network_lost_share(member, balance);
        cost += network_cost_eur_per_t(member, balance);
    }
    const bool changed = lost != state.network_lost_share[q] || lost_local != state.network_lost_local_share[q] ||
                         cost != state.network_eur_per_t[q];
    state.value_chain_eur_per_t[q] += cost - state.network_eur_per_t[q];
    state.network_lost_share[q] = lost;
    state.network_lost_local_share[q] = lost_local;
    state.network_eur_per_t[q] = cost;
    return changed;
}

// The plant left its networks, or its new route starts or ends its part in one: each of its
// networks is balanced again from the members that take part; the remaining producers
// deliver more or less, the consumers buy the shortfall outside (docs/ODD.md §7.9
// "Networks").
void rebalance_networks(const Model& model, RunState& state, int plant, int cause) {
    const NetworkIndex& index = model.networks;
    const auto p = static_cast<std::size_t>(plant);
    if (index.member_begin[p] == index.member_begin[p + 1]) return;
    // A plant that left no longer draws or delivers: its own terms go to zero.
    if (has_left(state, p)) {
        state.value_chain_eur_per_t[p] -= state.network_eur_per_t[p];
        state.network_eur_per_t[p] = state.network_lost_share[p] = state.network_lost_local_share[p] = 0;
    }
    std::vector<std::uint8_t> active(state.status.size());
    for (std::size_t q = 0; q < active.size(); ++q) active[q] = has_left(state, q) ? 0 : 1;
    std::vector<NetworkBalance> balances(model.inputs.networks.size());
    for (std::size_t k = 0; k < balances.size(); ++k)
        balances[k] = network_balance(model.inputs.networks[k], active, state.technology);
    for (int k = index.member_begin[p]; k < index.member_begin[p + 1]; ++k) {
        const auto& at = index.memberships[static_cast<std::size_t>(k)];
        for (const NetworkMember& member : model.inputs.networks[static_cast<std::size_t>(at.network)].members) {
            const auto q = static_cast<std::size_t>(member.plant);
            if (active[q] == 0) continue;
            if (update_network_terms(model, state, q, active, balances) && member.plant != cause) state.shocked[q] = 1;
        }
    }
}

// An exit: customers lose a supplier, suppliers lose a customer. `cause`, when set, is the
// plant whose own decision brought this exit about: it is not flagged to re-decide.
void shock_neighbours(const Model& model, RunState& state, int plant, int year, RunResult* events,
                      int cause) {
    const ValueChainCsr& csr = model.value_chain;
    const auto p = static_cast<std::size_t>(plant);
    // Customers of a product, by-product or utility replace it (import, buy elsewhere or
    // self-supply) and lose the integration benefit.
    for (int k = csr.customer_begin[p]; k < csr.customer_begin[p + 1]; ++k) {
        const EdgeSpec& edge = edge_at(model, csr.customer_edges, k);
        if (edge.coupling == EdgeCoupling::fuel_gas) continue;  // nothing to import: they close below
        const auto c = static_cast<std::size_t>(edge.customer);
        state.value_chain_eur_per_t[c] += edge.integration_benefit_eur_per_t;
        if (edge.customer != cause) state.shocked[c] = 1;
    }
    end_fuel_gas_supply(model, state, plant, year, events);
    // Suppliers of a product or a utility lose this customer's offtake. A by-product's
    // maker keeps producing for its main product: it loses only the by-product's value.
    // Process gas is a by-product too: its buyer leaving does not cut the supplier's main
    // product (the gas is flared or burnt on site).
    for (int k = csr.supplier_begin[p]; k < csr.supplier_begin[p + 1]; ++k) {
        const EdgeSpec& edge = edge_at(model, csr.supplier_edges, k);
        if (edge.coupling == EdgeCoupling::fuel_gas) continue;
        const auto s = static_cast<std::size_t>(edge.supplier);
        if (edge.coupling == EdgeCoupling::product)
            state.offtake_lost_share[s] = std::min(1.0, state.offtake_lost_share[s] + edge.offtake_share);
        else if (edge.coupling == EdgeCoupling::utility)  // steam and power are not exported
            state.offtake_lost_local_share[s] = std::min(1.0, state.offtake_lost_local_share[s] + edge.offtake_share);
        else
            state.value_chain_eur_per_t[s] += edge.supplier_loss_eur_per_t;
        if (edge.supplier != cause) state.shocked[s] = 1;
    }
    rebalance_networks(model, state, plant, cause);
}

// A granted conversion starts: the old route's undepreciated capital is carried into the
// new one as an annuity over the decision horizon.
void start_route(const Model& model, RunState& state, std::size_t p, int year) {
    const Inputs& in = model.inputs;
    const int target = state.target_technology[p];
    const int horizon = in.scenario.behaviour.horizon_y;
    const double book = book_value_of(state, static_cast<int>(p));
    if (book > 0) {
        // Adds to any annuity still running from an earlier switch.
        if (state.stranded_until_year[p] <= year) state.stranded_annuity_eur[p] = 0;
        state.stranded_annuity_eur[p] += book * capital_recovery_factor(in.plants[p].hurdle_rate, horizon);
        state.stranded_until_year[p] = year + horizon;
    }
    state.target_technology[p] = -1;
    state.technology[p] = target;
    state.status[p] = PlantStatus::operating;
    state.asset_age_y[p] = 0;
    state.route_capex_eur[p] = state.target_capex_eur[p];
    state.route_lifetime_y[p] = route_lifetime_y(in, static_cast<int>(p), target);
    state.held[p] = state.target_held[p];
    if (state.target_aid[p].supported())
        state.grants_paid_eur[static_cast<std::size_t>(state.target_aid[p].instrument)] +=
            state.target_aid[p].investment_aid_eur;
    state.aid[p] = state.target_aid[p];
    state.aid_from_year[p] = year;
    state.aid_paid_eur[p] = 0.0;
    state.target_aid[p] = AidContract{};
}

}  // namespace

// A closure that takes effect at once, outside the appraisal: a value-chain closure (not a
// relocation: no leakage) or an observed one; the event log records it with its trigger.
void close_now(const Model& model, RunState& state, int plant, int year, Trigger trigger, int cause,
               RunResult* events) {
    const auto p = static_cast<std::size_t>(plant);
    if (has_left(state, p)) return;
    const int close = model.close_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    if (events != nullptr) {
        DecisionEvent event;
        event.year = year;
        event.plant = plant;
        event.from_technology = state.technology[p];
        event.to_technology = close;
        event.trigger = trigger;
        event.running_from_year = year;
        events->events.push_back(std::move(event));
    }
    release_all_holdings(model, state, p, year);
    state.status[p] = PlantStatus::closed;
    state.technology[p] = close;
    state.target_technology[p] = -1;
    state.held[p] = Holding{};
    state.shocked[p] = 0;
    state.waiting[p] = 0;
    // Its own exit reaches its neighbours like any closure (and may end gas it supplies).
    shock_neighbours(model, state, plant, year, events, cause);
}

void apply_transitions(const Model& model, RunState& state, int year, RunResult* events) {
    const Inputs& in = model.inputs;
    refuse_permits(model, state, year, events);  // before any route starts: a refused one never does
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const int target = state.target_technology[p];
        if (target < 0 || state.target_year[p] != year) continue;
        const OptionKind kind = in.technologies[static_cast<std::size_t>(target)].kind;
        if (kind == OptionKind::close || is_relocation(kind)) {
            state.target_technology[p] = -1;
            state.status[p] = kind == OptionKind::close          ? PlantStatus::closed
                              : kind == OptionKind::relocate_eu ? PlantStatus::relocated_eu
                                                                : PlantStatus::relocated;
            state.technology[p] = target;
            state.held[p] = Holding{};
            shock_neighbours(model, state, static_cast<int>(p), year, events);
            continue;
        }
        const int from = state.technology[p];
        start_route(model, state, p, year);
        // The plant still produces, so only its networks (when the new route makes or no
        // longer uses what it traded there) and customers burning its process gas notice.
        if (route_change_moves_networks(in, model.networks, static_cast<int>(p), from, target))
            rebalance_networks(model, state, static_cast<int>(p), static_cast<int>(p));
        end_fuel_gas_supply(model, state, static_cast<int>(p), year, events);
    }
}

}  // namespace eiisim
