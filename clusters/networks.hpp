#pragma once
// Pipeline networks as value-chain vertices (docs/ODD.md §7.9, "Networks"): the balance of
// one network given which of its members still run, and each plant's memberships in the
// compressed form the yearly loop walks. Pure functions of the inputs and the plants'
// statuses, so the result does not depend on the order in which members left.
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// What a network does for its members once some have left.
struct NetworkBalance {
    // Deliveries of each remaining producer relative to its base flow: 1 in the base year,
    // below 1 when consumers left, up to 1 + headroom when producers left.
    double delivery_factor = 1;
    // Share of the consumers' demand bought outside the network, weighted by its cost:
    // (outside + import_cost_share x imported) / demand. A consumer pays
    // replacement_eur_per_t times this.
    double cost_share = 0;
    double shortfall_share = 0;  // (outside + imported) / demand, for reports
};

// `active[p]`: plant p still produces (neither closed nor relocated); `technology[p]`: its
// route in force. A member takes part while it runs a route outside its leaves_with.
[[nodiscard]] bool takes_part(const NetworkMember& member, const std::vector<std::uint8_t>& active,
                              const std::vector<int>& technology);
[[nodiscard]] NetworkBalance network_balance(const NetworkSpec& network, const std::vector<std::uint8_t>& active,
                                             const std::vector<int>& technology);

// A producer's share of its own output lost to the network (negative: it delivers more
// than in the base year), and a consumer's extra cost per t of its product.
[[nodiscard]] double network_lost_share(const NetworkMember& member, const NetworkBalance& balance);
[[nodiscard]] double network_cost_eur_per_t(const NetworkMember& member, const NetworkBalance& balance);

// Plant p's memberships: memberships[member_begin[p] .. member_begin[p+1]), each a
// (network, member) pair of indices into Inputs::networks and its members.
struct NetworkIndex {
    struct Membership {
        int network = 0;
        int member = 0;
    };
    std::vector<int> member_begin;
    std::vector<Membership> memberships;
};

[[nodiscard]] NetworkIndex index_networks(const Inputs& inputs);

// Whether plant p moving from route `from` to route `to` starts or ends its part in any of
// its networks (one route in a member's leaves_with and the other not).
[[nodiscard]] bool route_change_moves_networks(const Inputs& inputs, const NetworkIndex& index, int plant, int from,
                                               int to);

}  // namespace eiisim
