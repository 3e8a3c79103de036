// Feedstocks that replace fossil feed carbon for carbon (docs/ODD.md §7.18): biogenic CO2
// and biomethane for the reformer feed of methanol and ammonia, priced from the gas and
// biomethane prices; the per-plant feed mix that sector mixes are read from; entrants
// outside the feed market.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/feed_prices.hpp"
#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "inputs/feedstock_table.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;
using eiisim::testing::feedstock_named;
using eiisim::testing::plant_index;
using eiisim::testing::sector_named;

namespace {

// The Dutch inputs with only `offered` priced and supplied, and a mandate `share` on
// sector `sector` without a buy-out (its plants must buy, up to the supply).
Inputs market(const std::string& sector, const std::string& offered, double share, double supply_t) {
    Inputs in = dutch_inputs();
    const std::size_t s = sector_named(in, sector);
    for (FeedstockSpec& f : in.feedstocks) {
        f.priced = false;
        f.supply_t = TimePath{0.0};
    }
    FeedstockSpec& f = in.feedstocks[feedstock_named(in, offered)];
    f.priced = true;
    f.supply_t = TimePath{supply_t};
    FeedstockPolicy& policy = in.scenario.feedstock;
    policy.sector_mandate_share.assign(in.sectors.size(), TimePath{0.0});
    policy.sector_buyout_eur_per_t.assign(in.sectors.size(), TimePath{0.0});
    policy.sector_mandate_share[s] = TimePath{share};
    return in;
}

constexpr std::size_t kCcu = static_cast<std::size_t>(FeedOrigin::ccu);
constexpr std::size_t kBio = static_cast<std::size_t>(FeedOrigin::bio);

}  // namespace

TEST_CASE("biogenic CO2 replaces natural-gas feed carbon for carbon: 2.69 t of CO2 per t of gas", "[feedstock]") {
    const Inputs ample = market("methanol", "biogenic_co2", 0.15, 1e9);
    const SectorFeed& feed = ample.sector_feed[sector_named(ample, "methanol")];
    const FeedstockSpec& co2 = ample.feedstocks[feedstock_named(ample, "biogenic_co2")];
    const double rho = feed_t_per_fossil_t(co2, feed);
    CHECK(rho == Approx(2.69));
    const RunResult r = eiisim::testing::run(ample);
    // BioMethanol Chemie ran in 2020 (it was mothballed from 2024): it takes 15 % of its
    // reformer feed as CO2, in t of CO2 rho times the gas it replaces.
    const int m070 = plant_index(ample, "M070");
    const std::size_t at = r.at(0, m070);
    REQUIRE(r.production_t[at] > 0);
    CHECK(r.feed_origin_share[at * kFeedOriginCount + kCcu] == Approx(0.15));
    double methanol_t = 0;  // every methanol plant running in 2020 (entrants are not built)
    for (int p = 0; p < r.plants; ++p)
        if (ample.plants[static_cast<std::size_t>(p)].sector == static_cast<int>(sector_named(ample, "methanol")))
            methanol_t += r.production_t[r.at(0, p)];
    CHECK(r.feedstock_use_t[kCcu] == Approx(0.15 * feed.fossil_feed_t_per_t * methanol_t * rho));
    // The supply limit counts t of CO2: a 10 kt supply is never exceeded, and the share
    // of feed it replaces is the supply over rho.
    const RunResult scarce = eiisim::testing::run(market("methanol", "biogenic_co2", 0.15, 10e3));
    for (int y = 0; y < scarce.years; ++y)
        CHECK(scarce.feedstock_use_t[static_cast<std::size_t>(y) * kFeedOriginCount + kCcu] <= 10e3 * (1 + 1e-12));
    const std::size_t s_at = scarce.at(0, m070);
    REQUIRE(scarce.production_t[s_at] > 0);
    CHECK(scarce.feed_origin_share[s_at * kFeedOriginCount + kCcu] * feed.fossil_feed_t_per_t *
              scarce.production_t[s_at] * rho ==
          Approx(scarce.feedstock_use_t[kCcu]));
}

TEST_CASE("biomethane as reformer feed lowers an ammonia plant's fossil CO2 by share x feed CO2", "[feedstock]") {
    Inputs none = dutch_inputs();
    for (FeedstockSpec& f : none.feedstocks) f.priced = false;
    const RunResult base = eiisim::testing::run(none);
    const RunResult bio = eiisim::testing::run(market("ammonia", "biomethane", 0.5, 1e9));
    const int yara = plant_index(none, "M017");
    const std::size_t at = base.at(0, yara);
    REQUIRE(base.production_t[at] == bio.production_t[at]);
    const double feed_co2_share = none.sector_feed[sector_named(none, "ammonia")].feed_co2_share;  // 0.69
    CHECK(bio.feed_origin_share[at * kFeedOriginCount + kBio] == Approx(0.5));
    CHECK(bio.co2_net_t[at] == Approx(base.co2_net_t[at] * (1 - 0.5 * feed_co2_share)));
    CHECK(bio.co2_renewable_feed_t[at] == Approx(0.5 * feed_co2_share * base.co2_net_t[at]));
}

TEST_CASE("natural gas and biomethane feed are priced from the scenario's gas and biomethane prices", "[feedstock]") {
    Inputs in = dutch_inputs();
    const SectorFeed& ammonia = in.sector_feed[sector_named(in, "ammonia")];
    const FeedstockSpec& biomethane = in.feedstocks[feedstock_named(in, "biomethane")];
    CHECK(ammonia.fossil_pricing == FeedPricing::gas);
    CHECK(biomethane.priced);  // always: its carrier is priced
    const PricePaths& prices = in.scenario.prices;
    CHECK(fossil_feed_price_eur_per_t(prices, ammonia, 2030) == Approx(48.0 * prices.gas_eur_per_gj.at(2030)));
    CHECK(feedstock_price_eur_per_t(prices, biomethane, 2030) == Approx(48.0 * prices.biomethane_eur_per_gj.at(2030)));
    // A sampled gas price moves the fossil feed with it (read at use, not copied at load).
    const double before = fossil_feed_price_eur_per_t(prices, ammonia, 2030);
    in.scenario.prices.gas_eur_per_gj = in.scenario.prices.gas_eur_per_gj.scaled(2.0);
    CHECK(fossil_feed_price_eur_per_t(in.scenario.prices, ammonia, 2030) == Approx(2 * before));
    // A second price for them in prices.feedstock_eur_per_t is refused, naming the key.
    Inputs twice = dutch_inputs();
    twice.scenario.prices.feedstock_names.push_back("natural_gas");
    twice.scenario.prices.feedstock_eur_per_t.push_back(TimePath{400.0});
    std::string error;
    try {
        resolve_feedstock_market(twice, "scenario.toml");
    } catch (const InputError& e) {
        error = e.what();
    }
    CHECK_THAT(error, Catch::Contains("prices.feedstock_eur_per_t.natural_gas") && Catch::Contains("gas price"));
}

TEST_CASE("sector feed mixes read from the per-plant shares add up to the national shares", "[feedstock]") {
    Inputs in = market("hvc", "bio_naphtha", 0.3, 150e3);  // scarce: the shares differ by year
    const RunResult r = eiisim::testing::run(in);
    for (int y = 0; y < r.years; ++y) {
        double feed = 0, renewable = 0;
        for (int p = 0; p < r.plants; ++p) {
            const PlantSpec& plant = in.plants[static_cast<std::size_t>(p)];
            const double per_t = in.sector_feed[static_cast<std::size_t>(plant.sector)].fossil_feed_t_per_t;
            if (per_t <= 0 || plant.is_entrant()) continue;
            const std::size_t at = r.at(y, p);
            feed += per_t * r.production_t[at];
            renewable += per_t * r.production_t[at] *
                         (r.feed_origin_share[at * kFeedOriginCount + kBio] + r.feed_origin_share[at * kFeedOriginCount + kCcu]);
        }
        CHECK(renewable / feed == Approx(r.renewable_carbon_share[static_cast<std::size_t>(y)]).margin(1e-12));
    }
}

TEST_CASE("an entrant brings its own feed: it buys none and owes no feed mandate", "[feedstock]") {
    // A mandate on methanol with a buy-out, and the waste-to-methanol candidate made a scheduled
    // entrant so that it runs.
    Inputs in = market("methanol", "biogenic_co2", 0.15, 1e9);
    const std::size_t methanol = sector_named(in, "methanol");
    in.scenario.feedstock.sector_buyout_eur_per_t[methanol] = TimePath{500.0};
    const int esd = plant_index(in, "E_GIDARA_AMS");
    in.plants[static_cast<std::size_t>(esd)].entry.status = EntryStatus::scheduled;
    const RunResult r = eiisim::testing::run(in);
    bool ran = false;
    for (int y = 0; y < r.years; ++y) {
        const std::size_t at = r.at(y, esd);
        ran = ran || r.production_t[at] > 0;
        CHECK(r.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(CostComponent::feedstock)] == 0);
        for (std::size_t o = 0; o < static_cast<std::size_t>(kFeedOriginCount); ++o)
            CHECK(r.feed_origin_share[at * kFeedOriginCount + o] == 0);
    }
    CHECK(ran);
}

TEST_CASE("a plant short of its mandate on one feedstock turns to the next one with supply left", "[feedstock]") {
    // Refineries under a 0.4 % bio mandate with a buy-out above both premiums: bio-oil (the
    // cheaper) is scarce at 10 kt, waste lipids are ample. The mandate is met in full, bio-oil
    // to its supply and lipids for the rest; without the top-up rounds it fell short.
    Inputs in = market("refining", "pyrolysis_bio_oil", 0.004, 10e3);
    const std::size_t refining = sector_named(in, "refining");
    FeedstockSpec& oil = in.feedstocks[feedstock_named(in, "pyrolysis_bio_oil")];
    oil.price_eur_per_t = TimePath{700.0};
    FeedstockSpec& lipids = in.feedstocks[feedstock_named(in, "waste_lipids")];
    lipids.priced = true;
    lipids.price_eur_per_t = TimePath{900.0};
    lipids.supply_t = TimePath{1e9};
    in.scenario.feedstock.sector_buyout_eur_per_t[refining] = TimePath{5000.0};
    const RunResult r = eiisim::testing::run(in);
    const std::size_t f_oil = feedstock_named(in, "pyrolysis_bio_oil");
    const int pernis = plant_index(in, "M186");
    const std::size_t at = r.at(0, pernis);
    REQUIRE(r.production_t[at] > 0);
    CHECK(r.feed_origin_share[at * kFeedOriginCount + kBio] == Approx(0.004));
    double bio_t = r.feedstock_use_t[kBio];
    double oil_supply = in.feedstocks[f_oil].supply_t.at(2020);
    CHECK(bio_t > oil_supply * 1.5);  // lipids carry the rest
    CHECK(r.feedstock_buyout_eur[0] == Approx(0.0).margin(1e-6));
}
