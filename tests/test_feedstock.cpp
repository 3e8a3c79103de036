// Alternative feedstocks (docs/ODD.md §7.18): the plant's feed choice, the national supply
// limit, the carbon rule (renewable carbon is not fossil CO2, recycled carbon is), the
// mandate's buy-out, the loader's errors, and a scenario without the feature unchanged.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "agents/feedstock_choice.hpp"
#include "agents/price_view.hpp"
#include "agents/unit_cost.hpp"
#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "inputs/feedstock_table.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;
using eiisim::testing::feedstock_named;
using eiisim::testing::plant_index;
using eiisim::testing::sector_named;

namespace {

// The Dutch inputs with only `offered` priced (at `price`, fossil naphtha at 600) and a
// mandate `share` on the crackers with buy-out `buyout` (0: none, they must buy).
Inputs cracker_market(const std::string& offered, double price, double share, double buyout, double supply_t) {
    Inputs in = dutch_inputs();
    const std::size_t hvc = sector_named(in, "hvc");
    for (FeedstockSpec& f : in.feedstocks) {
        f.priced = false;
        f.supply_t = TimePath{0.0};
    }
    FeedstockSpec& f = in.feedstocks[feedstock_named(in, offered)];
    f.priced = true;
    f.price_eur_per_t = TimePath{price};
    f.supply_t = TimePath{supply_t};
    in.sector_feed[hvc].fossil_price_eur_per_t = TimePath{600.0};
    FeedstockPolicy& policy = in.scenario.feedstock;
    policy.sector_mandate_share.assign(in.sectors.size(), TimePath{0.0});
    policy.sector_buyout_eur_per_t.assign(in.sectors.size(), TimePath{0.0});
    policy.sector_mandate_share[hvc] = TimePath{share};
    policy.sector_buyout_eur_per_t[hvc] = TimePath{buyout};
    return in;
}

// `in` as if the dataset had no feedstocks.csv (the model before §7.18).
Inputs without_feedstocks(Inputs in) {
    in.feedstocks.clear();
    in.sector_feed.assign(in.sectors.size(), SectorFeed{});
    in.scenario.feedstock = FeedstockPolicy{};
    // An entrant that supplies a feedstock (a pyrolysis plant) has nothing to supply.
    for (PlantSpec& plant : in.plants)
        if (plant.entry.supplies == EntrySupply::feedstock) {
            plant.entry.supplies = EntrySupply::none;
            plant.entry.supplied_feedstock = -1;
        }
    return in;
}

// `csv` loaded as feedstocks.csv against the Dutch supply paths; `all_supplies` false keeps
// only the supply paths of the feedstocks `csv` names (a supply path for no feedstock is an error).
std::string load_error(const std::string& csv, bool all_supplies = false) {
    const auto file = std::filesystem::temp_directory_path() / "eiisim_test_feedstocks.csv";
    std::ofstream(file) << csv;
    const Inputs in = dutch_inputs();
    NationalInfrastructure national = in.national;
    if (!all_supplies) {
        national.feedstock_supply_names.clear();
        national.feedstock_supply_t.clear();
        for (std::size_t i = 0; i < in.national.feedstock_supply_names.size(); ++i)
            if (csv.find(in.national.feedstock_supply_names[i] + ",") != std::string::npos) {
                national.feedstock_supply_names.push_back(in.national.feedstock_supply_names[i]);
                national.feedstock_supply_t.push_back(in.national.feedstock_supply_t[i]);
            }
    }
    try {
        (void)load_feedstocks(file, in.sectors, national);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a plant wants feed cheaper than fossil, then the mandate's cheapest feed below the buy-out", "[feedstock]") {
    // Voluntary: only the feed cheaper than fossil feed, up to its maximum share.
    const std::array<FeedOffer, 2> offers{{{.extra_eur_per_t = -10, .max_share = 0.2}, {.extra_eur_per_t = 300, .max_share = 0.3}}};
    FeedShares shares = wanted_feed_shares(offers, 0.0, 800);
    CHECK(shares[0] == 0.2);
    CHECK(shares[1] == 0.0);
    // A mandate of 0.35 takes the voluntary 0.2 and 0.15 of the next cheapest below the buy-out.
    shares = wanted_feed_shares(offers, 0.35, 800);
    CHECK(shares[0] == 0.2);
    CHECK(shares[1] == Approx(0.15));
    // Buy-out cheaper than the feed's premium: none of it bought, the rest is bought out.
    shares = wanted_feed_shares(offers, 0.35, 200);
    CHECK(shares[1] == 0.0);
    // No buy-out (0): the plant must buy, up to the technical maximum.
    shares = wanted_feed_shares(offers, 0.9, 0);
    CHECK(shares[1] == Approx(0.3));
    // The cheapest first, whatever the order of the table.
    const std::array<FeedOffer, 2> reversed{{{.extra_eur_per_t = 500, .max_share = 0.3}, {.extra_eur_per_t = 100, .max_share = 0.3}}};
    shares = wanted_feed_shares(reversed, 0.3, 800);
    CHECK(shares[0] == 0.0);
    CHECK(shares[1] == Approx(0.3));
    // The extra cost counts the ETS saved only for renewable carbon.
    CHECK(feed_extra_eur_per_t(1000, 600, true, 100, 0.5) == Approx(350));
    CHECK(feed_extra_eur_per_t(1000, 600, false, 100, 0.5) == Approx(400));
    CHECK(granted_ratio(50, 200) == Approx(0.25));
    CHECK(granted_ratio(500, 200) == 1.0);
}

TEST_CASE("feedstock use never exceeds its supply limit, also when demand exceeds supply", "[feedstock]") {
    // The crackers must take 30 % bio-naphtha (no buy-out) from 100 kt/yr: far short of demand.
    const RunResult r = eiisim::testing::run(cracker_market("bio_naphtha", 900, 0.3, 0, 100e3));
    const auto bio = static_cast<std::size_t>(FeedOrigin::bio);
    bool binding = false;
    for (int y = 0; y < r.years; ++y) {
        const std::size_t at = static_cast<std::size_t>(y) * kFeedOriginCount + bio;
        CHECK(r.feedstock_supply_t[at] == Approx(100e3));
        CHECK(r.feedstock_use_t[at] <= r.feedstock_supply_t[at] * (1 + 1e-12));
        binding = binding || r.feedstock_use_t[at] > 0.9 * r.feedstock_supply_t[at];
    }
    CHECK(binding);  // demand did exceed supply in some year, and the supply was used
    // Ample supply: every cracker gets its 30 %.
    const RunResult ample = eiisim::testing::run(cracker_market("bio_naphtha", 900, 0.3, 0, 1e9));
    CHECK(ample.feedstock_use_t[bio] > 10 * 100e3);
}

TEST_CASE("renewable carbon lowers fossil CO2 by share x feed-derived CO2; pyrolysis oil does not", "[feedstock]") {
    Inputs none = dutch_inputs();
    for (FeedstockSpec& f : none.feedstocks) f.priced = false;
    const RunResult base = eiisim::testing::run(none);
    const RunResult bio = eiisim::testing::run(cracker_market("bio_naphtha", 900, 0.3, 0, 1e9));
    const RunResult recycled = eiisim::testing::run(cracker_market("pyrolysis_oil", 900, 0.1, 0, 1e9));
    // The base year's output is observed, so it is the same in the three runs.
    const int p = plant_index(none, "M192");
    const std::size_t at = base.at(0, p);
    REQUIRE(base.production_t[at] == bio.production_t[at]);
    const double feed_share = 0.75;  // feedstocks.csv feed_co2_share of hvc
    CHECK(bio.co2_renewable_feed_t[at] == Approx(0.3 * feed_share * base.co2_net_t[at]));
    CHECK(bio.co2_net_t[at] == Approx(base.co2_net_t[at] - 0.3 * feed_share * base.co2_net_t[at]));
    CHECK(bio.co2_net_t[at] == Approx(bio.co2_gross_t[at] - bio.co2_captured_t[at]));
    // Plastic-derived pyrolysis oil is fossil carbon: recycled content, no lower ETS emissions.
    CHECK(recycled.co2_net_t[at] == base.co2_net_t[at]);
    CHECK(recycled.co2_renewable_feed_t[at] == 0);
    CHECK(recycled.recycled_content_share[0] > 0);
    CHECK(recycled.renewable_carbon_share[0] == 0);
    // What the plant pays ETS on follows its fossil CO2.
    const auto ets = [](const RunResult& r, std::size_t a) {
        return r.cost_eur[a * kCostComponentCount + static_cast<std::size_t>(CostComponent::ets)];
    };
    CHECK(ets(bio, at) < ets(base, at));
    // Embodied fossil carbon in products falls with the renewable share, not with the recycled one.
    CHECK(bio.embodied_fossil_co2_t[0] < base.embodied_fossil_co2_t[0]);
    CHECK(recycled.embodied_fossil_co2_t[0] == Approx(base.embodied_fossil_co2_t[0]));
}

TEST_CASE("a buy-out cheaper than the feed's premium is paid and no feed is bought", "[feedstock]") {
    // Pyrolysis oil at 1,250 EUR/t against naphtha at 600: a premium of 650 over a buy-out of 100.
    const RunResult r = eiisim::testing::run(cracker_market("pyrolysis_oil", 1250, 0.1, 100, 1e9));
    double used = 0, buyout = 0, premium = 0, component = 0;
    for (int y = 0; y < r.years; ++y) {
        for (int o = 0; o < kFeedOriginCount; ++o) used += r.feedstock_use_t[static_cast<std::size_t>(y * kFeedOriginCount + o)];
        buyout += r.feedstock_buyout_eur[static_cast<std::size_t>(y)];
        premium += r.feedstock_premium_eur[static_cast<std::size_t>(y)];
    }
    for (std::size_t a = 0; a < r.production_t.size(); ++a)
        component += r.cost_eur[a * kCostComponentCount + static_cast<std::size_t>(CostComponent::feedstock)];
    CHECK(used == 0);
    CHECK(premium == 0);
    CHECK(buyout > 0);
    CHECK(component == Approx(buyout));  // the buy-out is in the plants' costs
    // With the buy-out above the premium the feed is bought instead.
    const RunResult buys = eiisim::testing::run(cracker_market("pyrolysis_oil", 1250, 0.1, 1000, 1e9));
    CHECK(buys.feedstock_use_t[static_cast<std::size_t>(FeedOrigin::recycled)] > 0);
}

TEST_CASE("feedstocks.csv errors name file, line and field", "[feedstock]") {
    const std::string header =
        "feedstock,origin,sector,max_blend_share,fossil_feed,fossil_feed_t_per_t,feed_co2_share,product_co2_t_per_t,"
        "fossil_carbon_t_co2_per_t,carbon_t_co2_per_t,source\n";
    const std::string good = "pyrolysis_oil,recycled,hvc,0.1,naphtha,2.8,0.75,7,3.1,3.1,s\n";
    CHECK(load_error(header + good).empty());
    // infrastructure.toml's [feedstock_supply] with a path for a feedstock the table lacks
    std::string e0 = load_error(header + good, true);
    CHECK_THAT(e0, Catch::Contains("infrastructure.toml") && Catch::Contains("feedstock_supply.bio_naphtha_kt"));
    std::string e = load_error(header + good + "bio_naphtha,fossil,hvc,0.3,naphtha,2.8,0.75,7,3.1,3.1,s\n");
    CHECK_THAT(e, Catch::Contains("eiisim_test_feedstocks.csv:3") && Catch::Contains("field 'origin'"));
    e = load_error(header + good + "bio_naphtha,bio,hvc,0.3,naphtha,2.5,0.75,7,3.1,3.1,s\n");
    CHECK_THAT(e, Catch::Contains(":3") && Catch::Contains("field 'fossil_feed_t_per_t'") && Catch::Contains("sector 'hvc'"));
    e = load_error(header + "coal_tar,recycled,hvc,0.1,naphtha,2.8,0.75,7,3.1,3.1,s\n");
    CHECK_THAT(e, Catch::Contains(":2") && Catch::Contains("field 'feedstock'") && Catch::Contains("coal_tar_kt"));
    e = load_error(header + good + "bio_naphtha,bio,hvc,0.95,naphtha,2.8,0.75,7,3.1,3.1,s\n");
    CHECK_THAT(e, Catch::Contains(":3") && Catch::Contains("field 'max_blend_share'"));
    e = load_error(header + "pyrolysis_oil,recycled,nosuch,0.1,naphtha,2.8,0.75,7,3.1,3.1,s\n");
    CHECK_THAT(e, Catch::Contains(":2") && Catch::Contains("field 'sector'"));
}

TEST_CASE("a scenario without feedstock settings gives the results of the model without feedstocks", "[feedstock]") {
    // current-policy prices the feedstocks but mandates nothing: no plant buys any, so every
    // plant's result is bit-identical to a dataset without feedstocks.csv, except the
    // entrants that supply a feedstock (pyrolysis plants): they earn its price (§7.20).
    const Inputs in = dutch_inputs();
    const RunResult with = eiisim::testing::run(in);
    const RunResult without = eiisim::testing::run(without_feedstocks(in));
    int compared = 0;
    for (int p = 0; p < with.plants; ++p) {
        if (in.plants[static_cast<std::size_t>(p)].entry.supplies == EntrySupply::feedstock) continue;
        ++compared;
        for (int y = 0; y < with.years; ++y) {
            const std::size_t at = with.at(y, p);
            INFO(in.plants[static_cast<std::size_t>(p)].id << " year " << y);
            CHECK(with.co2_net_t[at] == without.co2_net_t[at]);
            CHECK(with.margin_eur[at] == without.margin_eur[at]);
            CHECK(with.technology[at] == without.technology[at]);
            CHECK(with.value_added_eur[at] == without.value_added_eur[at]);
            for (std::size_t k = 0; k < static_cast<std::size_t>(kCostComponentCount); ++k)
                CHECK(with.cost_eur[at * kCostComponentCount + k] == without.cost_eur[at * kCostComponentCount + k]);
        }
    }
    CHECK(compared > 200);
    double used = 0;
    for (double u : with.feedstock_use_t) used += u;
    CHECK(used == 0);
}

TEST_CASE("the feedstock market gives the same results in serial and in parallel", "[feedstock]") {
    // Supply short of demand, so the pro rata clearing and the grant caps act every year.
    Model serial = build_model(cracker_market("pyrolysis_oil", 1000, 0.1, 800, 50e3));
    serial.serial_plants = true;
    const Model parallel = build_model(cracker_market("pyrolysis_oil", 1000, 0.1, 800, 50e3));
    const RunResult a = simulate(serial, 11);
    const RunResult b = simulate(parallel, 11);
    CHECK(a.feedstock_use_t == b.feedstock_use_t);
    CHECK(a.feedstock_buyout_eur == b.feedstock_buyout_eur);
    CHECK(a.cost_eur == b.cost_eur);
    CHECK(a.co2_net_t == b.co2_net_t);
    double used = 0;
    for (double u : a.feedstock_use_t) used += u;
    CHECK(used > 0);
}

TEST_CASE("an EU-wide mandate's compliance cost along the merit order enters the EU price", "[feedstock]") {
    const Inputs in = load_inputs(std::string(EIISIM_SOURCE_DIR) + "/scenarios/circular-chemistry.toml");
    const std::size_t hvc = sector_named(in, "hvc");
    const FeedstockPolicy& policy = in.scenario.feedstock;
    REQUIRE(policy.price_pass_through == 1.0);
    REQUIRE(policy.sector_price_uplift_eur_per_t.size() == in.sectors.size());
    const std::vector<PriceView> expected = expected_prices(in.scenario);
    for (int year : {2026, 2030, 2040, 2050}) {
        // A producer meets the share q with the usable feeds by premium, each up to its
        // technical maximum, and buys out the rest (a feed dearer than the buy-out: never).
        const double q = policy.sector_mandate_share[hvc].at(year);
        const double buyout = policy.sector_buyout_eur_per_t[hvc].at(year);
        std::vector<std::pair<double, double>> offers;
        for (const FeedstockSpec& f : in.feedstocks)
            if (f.priced && f.max_share[hvc] > 0)
                offers.emplace_back(f.price_eur_per_t.at(year) - in.sector_feed[hvc].fossil_price_eur_per_t.at(year),
                                    f.max_share[hvc]);
        std::sort(offers.begin(), offers.end());
        double met = 0, cost = 0;
        for (const auto& [premium, share] : offers) {
            if (met >= q || premium >= buyout) break;
            const double take = std::min(share, q - met);
            cost += take * std::max(0.0, premium);
            met += take;
        }
        cost += (q - met) * buyout;
        const double uplift = policy.sector_price_uplift_eur_per_t[hvc].at(year);
        CHECK(uplift == Approx(in.sector_feed[hvc].fossil_feed_t_per_t * cost));
        // Never more than buying out the whole share, and nothing without a mandate.
        CHECK(uplift <= in.sector_feed[hvc].fossil_feed_t_per_t * q * buyout + 1e-9);
        if (q == 0) CHECK(uplift == 0.0);
        // The actual prices carry it; the appraisal's expected prices carry this year's too
        // (not the horizon mean of a rising mandate: the feed cost is seen as last booked).
        CHECK(actual_prices(in.scenario, year).feed_mandate_uplift(static_cast<int>(hvc)) == uplift);
        CHECK(expected[static_cast<std::size_t>(year - in.scenario.base_year)].feed_mandate_uplift(
                  static_cast<int>(hvc)) == uplift);
    }
    CHECK(policy.sector_price_uplift_eur_per_t[hvc].at(2040) > 0);
    // Home revenue and production abroad for the EU market both carry it on the EU share.
    PlantBaseline base;
    base.sector = static_cast<int>(hvc);
    const PriceView view = actual_prices(in.scenario, 2040);
    CHECK(eu_feed_mandate_cost_eur_per_t(base, in.sectors[hvc], view) ==
          Approx(view.feed_mandate_uplift(static_cast<int>(hvc)) * (1.0 - in.sectors[hvc].extra_eu_export_share)));
    // A sector without a mandate gets nothing; nor does a scenario without pass-through.
    CHECK(policy.sector_price_uplift_eur_per_t[sector_named(in, "steel")].at(2040) == 0.0);
    const Inputs current = dutch_inputs();
    CHECK(current.scenario.feedstock.sector_price_uplift_eur_per_t.empty());
    CHECK(actual_prices(current.scenario, 2040).feed_mandate_uplift(static_cast<int>(hvc)) == 0.0);
}

TEST_CASE("a mandate without a positive buy-out is refused, naming the setting", "[feedstock][loader]") {
    std::ifstream in_file(std::string(EIISIM_SOURCE_DIR) + "/scenarios/circular-chemistry.toml");
    std::string text((std::istreambuf_iterator<char>(in_file)), std::istreambuf_iterator<char>());
    const std::string dataset = "dataset = \"../clusters/nl\"";
    REQUIRE(text.find(dataset) != std::string::npos);
    text.replace(text.find(dataset), dataset.size(), "dataset = \"" + std::string(EIISIM_SOURCE_DIR) + "/clusters/nl\"");
    const std::string buyout = "buyout_eur_per_t.hvc = { 2020 = 800, 2050 = 800 }";
    REQUIRE(text.find(buyout) != std::string::npos);
    text.replace(text.find(buyout), buyout.size(), "buyout_eur_per_t.hvc = { 2020 = 800, 2040 = 0, 2050 = 0 }");
    const auto file = std::filesystem::temp_directory_path() / "eiisim_test_zero_buyout.toml";
    std::ofstream(file) << text;
    try {
        (void)load_inputs(file.string());
        FAIL("a zero buy-out under a mandate was accepted");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK(what.find("feedstock.buyout_eur_per_t.hvc") != std::string::npos);
        CHECK(what.find("positive buy-out") != std::string::npos);
    }
    std::filesystem::remove(file);
}
