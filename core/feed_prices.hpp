#pragma once
// The price per t of an alternative feedstock and of a sector's fossil feed in a year
// (docs/ODD.md §7.18): their own prices.feedstock_eur_per_t path, or, for natural gas and
// biomethane, the scenario's carrier price per GJ at 48 GJ/t, read at use so that a
// sampled gas price (the gas_factor of [[uncertain]]) moves the feed with it; plus the fuel
// gas a feedstock makes the plant burn besides (FeedstockSpec::gas_gj_per_t) at the gas price.
#include "inputs.hpp"

namespace eiisim {
namespace feed_price_detail {

[[nodiscard]] inline double per_t(const PricePaths& prices, FeedPricing pricing, const TimePath& own, int year) {
    switch (pricing) {
        case FeedPricing::gas: return kGasFeedGjPerT * prices.gas_eur_per_gj.at(year);
        case FeedPricing::biomethane: return kGasFeedGjPerT * prices.biomethane_eur_per_gj.at(year);
        case FeedPricing::table: break;
    }
    return own.at(year);
}

}  // namespace feed_price_detail

[[nodiscard]] inline double feedstock_price_eur_per_t(const PricePaths& prices, const FeedstockSpec& f, int year) {
    const double gas = f.gas_gj_per_t > 0 ? f.gas_gj_per_t * prices.gas_eur_per_gj.at(year) : 0.0;
    return feed_price_detail::per_t(prices, f.pricing, f.price_eur_per_t, year) + gas;
}

[[nodiscard]] inline double fossil_feed_price_eur_per_t(const PricePaths& prices, const SectorFeed& feed, int year) {
    return feed_price_detail::per_t(prices, feed.fossil_pricing, feed.fossil_price_eur_per_t, year);
}

}  // namespace eiisim
