#include "feedstock_market.hpp"

#include <algorithm>

#include "agents/feedstock_choice.hpp"
#include "agents/route_profile.hpp"
#include "core/feed_prices.hpp"
#include "green_quota.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

double mandate_share(const Inputs& in, std::size_t sector, int year) {
    const auto& shares = in.scenario.feedstock.sector_mandate_share;
    return shares.empty() ? 0.0 : shares[sector].at(year);
}

double buyout_eur_per_t(const Inputs& in, std::size_t sector, int year) {
    const auto& buyouts = in.scenario.feedstock.sector_buyout_eur_per_t;
    return buyouts.empty() ? 0.0 : buyouts[sector].at(year);
}

// A plant of a sector with feed data blends alternative feeds into its fossil feed; an
// entrant does not: its design (entrants.csv) brings its own feed (waste, CO2 and
// electricity), so it neither buys feed nor owes a mandate on fossil feed it has not.
bool in_feed_market(const Inputs& in, std::size_t p) {
    const PlantSpec& plant = in.plants[p];
    return in.sector_feed[static_cast<std::size_t>(plant.sector)].fossil_feed_t_per_t > 0 && !plant.is_entrant();
}

bool books_feed(const RunState& state, std::size_t p) {
    return state.status[p] == PlantStatus::operating || state.status[p] == PlantStatus::converting;
}

// The plant's feed-derived CO2 per t of fossil feed on its route in force this year.
double feed_co2_per_t_feed(const Model& model, const RunState& state, std::size_t p, int year) {
    const Inputs& in = model.inputs;
    const PlantSpec& plant = in.plants[p];
    const auto s = static_cast<std::size_t>(plant.sector);
    const SectorFeed& feed = in.sector_feed[s];
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(state.technology[p])];
    const double net = route_profile(model.baselines[p], tech, in.sectors[s], year - state.asset_age_y[p]).co2_net_t_per_t();
    return feed.feed_co2_share * std::max(0.0, net) / feed.fossil_feed_t_per_t;
}

// What each feedstock costs plant `p` this year beyond the fossil feed it replaces, and its
// technical maximum share (order of Inputs::feedstocks; unpriced or unusable: share 0).
std::array<FeedOffer, kMaxFeedstocks> offers_of(const Model& model, const RunState& state, std::size_t p, int year,
                                                double ets_eur_per_t) {
    const Inputs& in = model.inputs;
    const auto s = static_cast<std::size_t>(in.plants[p].sector);
    const SectorFeed& feed = in.sector_feed[s];
    const double co2_per_t_feed = feed_co2_per_t_feed(model, state, p, year);
    const PricePaths& prices = in.scenario.prices;
    std::array<FeedOffer, kMaxFeedstocks> offers{};
    for (std::size_t f = 0; f < in.feedstocks.size(); ++f) {
        const FeedstockSpec& spec = in.feedstocks[f];
        if (!spec.priced || spec.max_share[s] <= 0) continue;
        offers[f].max_share = spec.max_share[s];
        // Per t of fossil feed replaced: rho t of the feedstock.
        const double price = feed_t_per_fossil_t(spec, feed) * feedstock_price_eur_per_t(prices, spec, year);
        offers[f].extra_eur_per_t = feed_extra_eur_per_t(price, fossil_feed_price_eur_per_t(prices, feed, year),
                                                         renewable_carbon(spec.origin), ets_eur_per_t, co2_per_t_feed);
    }
    return offers;
}

// t of feedstock `f` a share of plant `p`'s fossil feed is, at its feed basis.
double feed_t_of_share(const Inputs& in, const RunState& state, std::size_t p, std::size_t f, double share) {
    const SectorFeed& feed = in.sector_feed[static_cast<std::size_t>(in.plants[p].sector)];
    return share * feed.fossil_feed_t_per_t * state.feed_basis_t[p] * feed_t_per_fossil_t(in.feedstocks[f], feed);
}

// One round of the pro rata clearing: every plant gets the same share g_f = min(1, L_f / D_f)
// of what it asks of feedstock f this round (`ask`, shares of its feed), within what is left
// of the supply, `left`; the grant is added to its feed shares. True if anything was asked.
bool grant_round(const Inputs& in, RunState& state, const std::vector<double>& ask,
                 std::array<double, kMaxFeedstocks>& left) {
    const std::size_t feeds = in.feedstocks.size();
    std::array<double, kMaxFeedstocks> demand_t{};
    bool asked = false;
    for (std::size_t i = 0; i < ask.size(); ++i)
        if (ask[i] > 0) {
            demand_t[i % feeds] += feed_t_of_share(in, state, i / feeds, i % feeds, ask[i]);
            asked = true;
        }
    if (!asked) return false;
    std::array<double, kMaxFeedstocks> ratio{};
    for (std::size_t f = 0; f < feeds; ++f) {
        ratio[f] = granted_ratio(left[f], demand_t[f]);
        left[f] = std::max(0.0, left[f] - ratio[f] * demand_t[f]);
    }
    for (std::size_t i = 0; i < ask.size(); ++i) state.feed_share[i] += ask[i] * ratio[i % feeds];
    return true;
}

// What plant `p` asks for after the earlier rounds: under a mandate not yet met, the
// cheapest feeds below the buy-out that still have supply left, up to their technical
// shares less what it holds (a plant short of one feedstock turns to the next).
void top_up_ask(const Model& model, const RunState& state, std::size_t p, int year, double ets,
                const std::array<double, kMaxFeedstocks>& left, std::vector<double>& ask) {
    const Inputs& in = model.inputs;
    const std::size_t feeds = in.feedstocks.size();
    const auto s = static_cast<std::size_t>(in.plants[p].sector);
    double held = 0;
    for (std::size_t f = 0; f < feeds; ++f) held += state.feed_share[p * feeds + f];
    const double short_of = mandate_share(in, s, year) - held;
    if (short_of <= 1e-12) return;
    std::array<FeedOffer, kMaxFeedstocks> offers = offers_of(model, state, p, year, ets);
    for (std::size_t f = 0; f < feeds; ++f)
        offers[f].max_share = left[f] > 0 ? std::max(0.0, offers[f].max_share - state.feed_share[p * feeds + f]) : 0.0;
    const FeedShares more = wanted_feed_shares(std::span<const FeedOffer>(offers.data(), feeds), short_of,
                                               buyout_eur_per_t(in, s, year));
    for (std::size_t f = 0; f < feeds; ++f) ask[p * feeds + f] = more[f];
}

}  // namespace

bool feedstock_market_opens(const Inputs& in) {
    const bool priced = std::any_of(in.feedstocks.begin(), in.feedstocks.end(), [](const FeedstockSpec& f) { return f.priced; });
    return priced || !in.scenario.feedstock.sector_mandate_share.empty();
}

void clear_feedstock_market(const Model& model, RunState& state, int year) {
    const Inputs& in = model.inputs;
    const std::size_t n = in.plants.size();
    const std::size_t feeds = in.feedstocks.size();
    std::fill(state.feed_share.begin(), state.feed_share.end(), 0.0);
    std::fill(state.feed_granted_t.begin(), state.feed_granted_t.end(), 0.0);
    std::fill(state.feed_used_t.begin(), state.feed_used_t.end(), 0.0);
    std::fill(state.feed_buyout_eur.begin(), state.feed_buyout_eur.end(), 0.0);
    std::fill(state.feed_premium_eur.begin(), state.feed_premium_eur.end(), 0.0);
    if (!model.feedstock_market) return;
    const double ets = actual_view(model, state, year).ets_eur_per_t;
    std::array<double, kMaxFeedstocks> left{};
    for (std::size_t f = 0; f < feeds; ++f) left[f] = ledger_of(state, Resource::feedstock, 0, static_cast<int>(f)).capacity(year);
    // Round 1: what each plant wants (agents/feedstock_choice.hpp), pro rata to the supply.
    std::vector<double>& ask = state.feed_ask;
    std::fill(ask.begin(), ask.end(), 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        if (!in_feed_market(in, p) || !books_feed(state, p)) continue;
        const std::array<FeedOffer, kMaxFeedstocks> offers = offers_of(model, state, p, year, ets);
        const auto s = static_cast<std::size_t>(in.plants[p].sector);
        const FeedShares wanted = wanted_feed_shares(std::span<const FeedOffer>(offers.data(), feeds),
                                                     mandate_share(in, s, year), buyout_eur_per_t(in, s, year));
        for (std::size_t f = 0; f < feeds; ++f) ask[p * feeds + f] = wanted[f];
    }
    grant_round(in, state, ask, left);
    // Later rounds: a plant short of its mandate turns to the next feedstock with supply
    // left; each round empties a feedstock or meets every mandate, so `feeds` rounds end it.
    // Without a mandate no plant is short: no later round.
    const std::size_t rounds = in.scenario.feedstock.sector_mandate_share.empty() ? 1 : feeds;
    for (std::size_t round = 1; round < rounds; ++round) {
        std::fill(ask.begin(), ask.end(), 0.0);
        for (std::size_t p = 0; p < n; ++p)
            if (in_feed_market(in, p) && books_feed(state, p)) top_up_ask(model, state, p, year, ets, left, ask);
        if (!grant_round(in, state, ask, left)) break;
    }
    for (std::size_t f = 0; f < feeds; ++f) {
        CapacityLedger& ledger = ledger_of(state, Resource::feedstock, 0, static_cast<int>(f));
        double granted = 0;
        for (std::size_t p = 0; p < n; ++p) {
            state.feed_granted_t[p * feeds + f] = feed_t_of_share(in, state, p, f, state.feed_share[p * feeds + f]);
            granted += state.feed_granted_t[p * feeds + f];
        }
        // min: pro rata shares can exceed the supply by a rounding step.
        ledger.reserve_in_year(std::min(granted, ledger.capacity(year)), year);
    }
}

PlantFeedYear plant_feed_year(const Model& model, const RunState& state, int year, std::size_t p, double production,
                              double net_co2_t_per_t) {
    PlantFeedYear out;
    const Inputs& in = model.inputs;
    const auto s = static_cast<std::size_t>(in.plants[p].sector);
    const SectorFeed& feed = in.sector_feed[s];
    if (!in_feed_market(in, p) || production <= 0 || !model.feedstock_market) return out;
    const std::size_t feeds = in.feedstocks.size();
    out.feed_t = feed.fossil_feed_t_per_t * production;
    const PricePaths& prices = in.scenario.prices;
    const double fossil_price = fossil_feed_price_eur_per_t(prices, feed, year);
    for (std::size_t f = 0; f < feeds; ++f) {
        const FeedstockSpec& spec = in.feedstocks[f];
        const double rho = feed_t_per_fossil_t(spec, feed);
        // At most what the market granted, whatever the plant makes this year; used in t of
        // the feedstock, replacing used / rho t of fossil feed.
        const double used = std::min(state.feed_granted_t[p * feeds + f], state.feed_share[p * feeds + f] * out.feed_t * rho);
        const double replaced = used / rho;
        out.used_t[f] = used;
        (renewable_carbon(spec.origin) ? out.renewable_t : out.recycled_t) += replaced;
        out.replaced_t[static_cast<std::size_t>(spec.origin)] += replaced;
        out.premium_eur += used * feedstock_price_eur_per_t(prices, spec, year) - replaced * fossil_price;
    }
    out.shortfall_t = std::max(0.0, mandate_share(in, s, year) * out.feed_t - out.renewable_t - out.recycled_t);
    out.buyout_eur = out.shortfall_t * buyout_eur_per_t(in, s, year);
    out.co2_renewable_t = out.renewable_t / out.feed_t * feed.feed_co2_share * std::max(0.0, net_co2_t_per_t) * production;
    return out;
}

void record_feedstock_series(const Model& model, const RunState& state, int year, RunResult& result) {
    const Inputs& in = model.inputs;
    const int yi = year - in.scenario.base_year;
    const auto y = static_cast<std::size_t>(yi);
    const int row = panel_row(result, yi);
    const std::size_t feeds = in.feedstocks.size();
    for (std::size_t f = 0; f < feeds; ++f) {
        const auto o = static_cast<std::size_t>(in.feedstocks[f].origin);
        result.feedstock_supply_t[y * kFeedOriginCount + o] += ledger_of(state, Resource::feedstock, 0, static_cast<int>(f)).capacity(year);
    }
    double feed_t = 0, renewable_t = 0, recycled_t = 0;
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        if (!in_feed_market(in, p)) continue;
        const SectorFeed& feed = in.sector_feed[static_cast<std::size_t>(in.plants[p].sector)];
        const double production = result.production_t[result.at(row, static_cast<int>(p))];
        double alternative_t = 0, plant_renewable_t = 0;  // t of fossil feed replaced
        for (std::size_t f = 0; f < feeds; ++f) {
            const double used = state.feed_used_t[p * feeds + f];
            const FeedOrigin origin = in.feedstocks[f].origin;
            result.feedstock_use_t[y * kFeedOriginCount + static_cast<std::size_t>(origin)] += used;
            const double replaced = used / feed_t_per_fossil_t(in.feedstocks[f], feed);
            alternative_t += replaced;
            (renewable_carbon(origin) ? plant_renewable_t : recycled_t) += replaced;
        }
        const double plant_feed_t = feed.fossil_feed_t_per_t * production;
        feed_t += plant_feed_t;
        renewable_t += plant_renewable_t;
        result.fossil_feedstock_use_t[y] += std::max(0.0, plant_feed_t - alternative_t);
        const double fossil_share = plant_feed_t > 0 ? 1.0 - plant_renewable_t / plant_feed_t : 1.0;
        result.embodied_fossil_co2_t[y] += production * feed.product_co2_t_per_t * fossil_share;
        result.feedstock_buyout_eur[y] += state.feed_buyout_eur[p];
        result.feedstock_premium_eur[y] += state.feed_premium_eur[p];
    }
    result.renewable_carbon_share[y] = feed_t > 0 ? renewable_t / feed_t : 0.0;
    result.recycled_content_share[y] = feed_t > 0 ? recycled_t / feed_t : 0.0;
}

}  // namespace eiisim
