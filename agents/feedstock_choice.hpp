#pragma once
// A plant's yearly feed mix (docs/ODD.md §7.18): which alternative feedstocks it wants,
// as shares of its feed, before the national market shares the supply out. Pure
// functions of prices, so a test can check every rule on its own.
#include <algorithm>
#include <array>
#include <span>

#include "core/feedstock.hpp"

namespace eiisim {

// One alternative feedstock as the plant sees it this year: what a t of it costs beyond
// the t of fossil feed it replaces, net of the ETS it saves (renewable carbon only), and
// the technical maximum share of the sector's feed.
struct FeedOffer {
    double extra_eur_per_t = 0;  // p_f - p_fossil - renewable x ETS price x CO2 per t feed
    double max_share = 0;
};

// The extra cost per t of alternative feed: c = p_f - p_fossil - r_f P_ETS e, where e is the
// plant's feed-derived CO2 per t of feed (feed_co2_share x net CO2 per t product / fossil
// feed per t product) and r_f 1 for bio and CCU carbon, 0 for recycled (fossil) carbon.
[[nodiscard]] inline double feed_extra_eur_per_t(double price_eur_per_t, double fossil_eur_per_t, bool renewable,
                                                 double ets_eur_per_t, double feed_co2_t_per_t_feed) {
    return price_eur_per_t - fossil_eur_per_t - (renewable ? ets_eur_per_t * feed_co2_t_per_t_feed : 0.0);
}

// The shares of its feed the plant wants of each offer (same order):
//  1. voluntary: every offer cheaper than fossil feed (c < 0), up to its maximum share;
//  2. the mandate: until the share q is met, the cheapest offers (by c, then by order)
//     whose c is below the buy-out b (b = 0: no buy-out, it must buy), up to their maximum.
// What is left of q is bought out (the settlement charges it).
using FeedShares = std::array<double, kMaxFeedstocks>;
[[nodiscard]] inline FeedShares wanted_feed_shares(std::span<const FeedOffer> offers, double mandate_share,
                                                   double buyout_eur_per_t) {
    FeedShares shares{};
    std::array<std::size_t, kMaxFeedstocks> order{};
    const std::size_t n = std::min(offers.size(), static_cast<std::size_t>(kMaxFeedstocks));
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), [&](std::size_t a, std::size_t b) {
        return offers[a].extra_eur_per_t < offers[b].extra_eur_per_t;
    });
    double taken = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const FeedOffer& o = offers[order[k]];
        if (o.extra_eur_per_t >= 0) break;
        shares[order[k]] = o.max_share;
        taken += o.max_share;
    }
    for (std::size_t k = 0; k < n && taken < mandate_share; ++k) {
        const FeedOffer& o = offers[order[k]];
        if (buyout_eur_per_t > 0 && o.extra_eur_per_t >= buyout_eur_per_t) break;
        const double more = std::min(o.max_share - shares[order[k]], mandate_share - taken);
        if (more <= 0) continue;
        shares[order[k]] += more;
        taken += more;
    }
    return shares;
}

// The share of every plant's demand for a feedstock the national supply meets: pro rata,
// min(1, S / D) (docs/ODD.md §7.18 says why pro rata).
[[nodiscard]] inline double granted_ratio(double supply_t, double demand_t) {
    return demand_t > supply_t ? std::max(0.0, supply_t) / demand_t : 1.0;
}

}  // namespace eiisim
