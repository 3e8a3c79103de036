#pragma once
// The price per t of an alternative feedstock and of a sector's fossil feed in a year
// (docs/ODD.md §7.18): their own prices.feedstock_eur_per_t path, or, for natural gas and
// biomethane, the scenario's carrier price per GJ at 48 GJ/t, read at use so that a
// sampled gas price (the gas_factor of [[uncertain]]) moves the feed with it.
#include "inputs.hpp"

namespace eiisim {

[[nodiscard]] inline double feedstock_price_eur_per_t(const PricePaths& prices, const FeedstockSpec& f, int year) {
    return feed_price_eur_per_t(f.pricing, f.price_eur_per_t, prices.gas_eur_per_gj, prices.biomethane_eur_per_gj, year,
                                f.gas_gj_per_t);
}

[[nodiscard]] inline double fossil_feed_price_eur_per_t(const PricePaths& prices, const SectorFeed& feed, int year) {
    return feed_price_eur_per_t(feed.fossil_pricing, feed.fossil_price_eur_per_t, prices.gas_eur_per_gj,
                                prices.biomethane_eur_per_gj, year);
}

}  // namespace eiisim
