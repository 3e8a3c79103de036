#include "networks.hpp"

#include <algorithm>

namespace eiisim {
namespace {

bool leaves_on(const NetworkMember& member, int route) {
    return std::find(member.leaves_with.begin(), member.leaves_with.end(), route) != member.leaves_with.end();
}

}  // namespace

// The balance of docs/ODD.md §7.9 ("Networks"). With F0 the producers' base flow,
// F the remaining producers' flow, D the remaining consumers' demand plus the buyers
// outside the model (F0 - sum of all consumers' demand, who stay):
//   Q = min(D, (1 + headroom) F)     delivered by the remaining producers
//   g = (Q / F) / (Q0 / F0)          each producer's delivery factor (Q0 / F0 = 1 but for rounding)
//   S = D - Q                        shortfall, imported up to import_share x F0
//   cost share = (S - M + import_cost_share M) / D, M = min(S, import_share x F0)
bool takes_part(const NetworkMember& member, const std::vector<std::uint8_t>& active,
                const std::vector<int>& technology) {
    const auto p = static_cast<std::size_t>(member.plant);
    return active[p] != 0 && !leaves_on(member, technology[p]);
}

NetworkBalance network_balance(const NetworkSpec& network, const std::vector<std::uint8_t>& active,
                               const std::vector<int>& technology) {
    double base_supply = 0, base_demand = 0, supply = 0, demand = 0;
    for (const NetworkMember& m : network.members) {
        const bool runs = takes_part(m, active, technology);
        if (m.role == NetworkRole::producer) {
            base_supply += m.flow_kt;
            if (runs) supply += m.flow_kt;
        } else {
            base_demand += m.flow_kt;
            if (runs) demand += m.flow_kt;
        }
    }
    const double outside = std::max(0.0, base_supply - base_demand);  // buyers outside the model stay
    demand += outside;
    NetworkBalance b;
    if (demand <= 0) {
        b.delivery_factor = 0;
        return b;
    }
    const double room = 1.0 + network.headroom_share;
    const double delivered = std::min(demand, room * supply);
    // relative to the base year's factor, which is 1 up to the rounding of the flows
    const double base_factor = base_supply > 0 ? std::min(base_demand + outside, room * base_supply) / base_supply : 1.0;
    b.delivery_factor = supply > 0 ? delivered / supply / base_factor : 0.0;
    const double shortfall = demand - delivered;
    const double imported = std::min(shortfall, network.import_share * base_supply);
    b.shortfall_share = shortfall / demand;
    b.cost_share = (shortfall - imported + network.import_cost_share * imported) / demand;
    return b;
}

double network_lost_share(const NetworkMember& member, const NetworkBalance& balance) {
    if (member.role != NetworkRole::producer) return 0.0;
    return member.offtake_share * (1.0 - balance.delivery_factor);
}

double network_cost_eur_per_t(const NetworkMember& member, const NetworkBalance& balance) {
    if (member.role != NetworkRole::consumer) return 0.0;
    return member.replacement_eur_per_t * balance.cost_share;
}

NetworkIndex index_networks(const Inputs& inputs) {
    const std::size_t n = inputs.plants.size();
    NetworkIndex index;
    index.member_begin.assign(n + 1, 0);
    for (const NetworkSpec& network : inputs.networks)
        for (const NetworkMember& m : network.members) ++index.member_begin[static_cast<std::size_t>(m.plant) + 1];
    for (std::size_t p = 0; p < n; ++p) index.member_begin[p + 1] += index.member_begin[p];
    index.memberships.resize(static_cast<std::size_t>(index.member_begin[n]));
    std::vector<int> next(index.member_begin.begin(), index.member_begin.end() - 1);
    for (std::size_t k = 0; k < inputs.networks.size(); ++k) {
        const auto& members = inputs.networks[k].members;
        for (std::size_t j = 0; j < members.size(); ++j) {
            const auto p = static_cast<std::size_t>(members[j].plant);
            index.memberships[static_cast<std::size_t>(next[p]++)] = {static_cast<int>(k), static_cast<int>(j)};
        }
    }
    return index;
}

bool route_change_moves_networks(const Inputs& inputs, const NetworkIndex& index, int plant, int from, int to) {
    const auto p = static_cast<std::size_t>(plant);
    for (int k = index.member_begin[p]; k < index.member_begin[p + 1]; ++k) {
        const auto& at = index.memberships[static_cast<std::size_t>(k)];
        const NetworkMember& member = inputs.networks[static_cast<std::size_t>(at.network)]
                                          .members[static_cast<std::size_t>(at.member)];
        if (leaves_on(member, from) != leaves_on(member, to)) return true;
    }
    return false;
}

}  // namespace eiisim
