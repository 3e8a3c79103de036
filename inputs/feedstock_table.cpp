#include "feedstock_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "csv_reader.hpp"
#include "input_file_check.hpp"
#include "core/feed_prices.hpp"
#include "core/sector_setting.hpp"

namespace eiisim {
namespace {

// A technical blend share, and t of fossil feed per t product (naphtha + LPG per t
// ethylene is 2.8 in MIDDEN TC0405; ten times that is a typo).
constexpr Bounds kFeedPerProduct{0.0, 30.0};
// CO2 per t of carbon-bearing matter fully oxidised: pure carbon is 44/12 = 3.67.
constexpr Bounds kCo2PerT{0.0, 3.67};
// Gas burnt besides per t of feed: a t of CO2 binds 0.137 t of hydrogen (16.5 GJ); ten
// times that is a typo.
constexpr Bounds kGasPerFeed{0.0, 200.0};

int read_sector(const CsvTable& table, const CsvRow& row, const std::vector<SectorSpec>& sectors) {
    const std::string id = csv_text(table, row, "sector", false);
    for (std::size_t s = 0; s < sectors.size(); ++s)
        if (sectors[s].id == id) return static_cast<int>(s);
    table.fail(row, "sector", "unknown sector '" + id + "' (not in sectors.csv)");
}

FeedOrigin read_origin(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "origin", false);
    for (int k = 0; k < kFeedOriginCount; ++k)
        if (text == kFeedOriginNames[static_cast<std::size_t>(k)]) return static_cast<FeedOrigin>(k);
    table.fail(row, "origin", "expected recycled, bio or ccu, got '" + text + "'");
}

// A value a feedstock or a sector must have on every row that names it.
void must_agree(const CsvTable& table, const CsvRow& row, std::string_view column, bool agrees,
                const std::string& what) {
    if (!agrees) table.fail(row, column, "differs from an earlier row of " + what);
}

TimePath supply_of(const CsvTable& table, const CsvRow& row, const std::string& id,
                   const NationalInfrastructure& national) {
    const auto& names = national.feedstock_supply_names;
    const auto it = std::find(names.begin(), names.end(), id);
    if (it == names.end())
        table.fail(row, "feedstock",
                   "no supply path for '" + id + "': add " + id + "_kt to [feedstock_supply] in infrastructure.toml");
    return national.feedstock_supply_t[static_cast<std::size_t>(it - names.begin())];
}

FeedstockSpec& feedstock_of(FeedstockTable& out, const CsvTable& table, const CsvRow& row, std::size_t sectors,
                            const NationalInfrastructure& national) {
    const std::string id = csv_text(table, row, "feedstock", false);
    const FeedOrigin origin = read_origin(table, row);
    const double carbon = csv_number(table, row, "carbon_t_co2_per_t", kCo2PerT);
    const double gas = csv_number_or(table, row, "gas_gj_per_t", kGasPerFeed, 0.0);
    for (FeedstockSpec& f : out.feedstocks) {
        if (f.id != id) continue;
        must_agree(table, row, "origin", f.origin == origin, "feedstock '" + id + "'");
        must_agree(table, row, "carbon_t_co2_per_t", f.carbon_t_co2_per_t == carbon, "feedstock '" + id + "'");
        must_agree(table, row, "gas_gj_per_t", f.gas_gj_per_t == gas, "feedstock '" + id + "'");
        return f;
    }
    if (out.feedstocks.size() >= static_cast<std::size_t>(kMaxFeedstocks))
        table.fail(row, "feedstock", "more than " + std::to_string(kMaxFeedstocks) + " feedstocks");
    FeedstockSpec f;
    f.id = id;
    f.origin = origin;
    f.carbon_t_co2_per_t = carbon;
    if (carbon <= 0) table.fail(row, "carbon_t_co2_per_t", "expected a value > 0: a feed replaces fossil feed carbon for carbon");
    f.pricing = feed_pricing_of(id);
    f.gas_gj_per_t = gas;
    f.max_share.assign(sectors, 0.0);
    f.supply_t = supply_of(table, row, id, national);
    f.source = national.feedstock_supply_source;
    out.feedstocks.push_back(std::move(f));
    return out.feedstocks.back();
}

void read_sector_feed(const CsvTable& table, const CsvRow& row, SectorFeed& feed, const std::string& sector) {
    SectorFeed read;
    read.fossil_feed = csv_text(table, row, "fossil_feed", false);
    read.fossil_feed_t_per_t = csv_number(table, row, "fossil_feed_t_per_t", kFeedPerProduct);
    read.feed_co2_share = csv_number(table, row, "feed_co2_share", kShare);
    // Per t of the sector's product with its co-products (a t of ethylene comes with 1.2 t of
    // propylene, C4 and pygas): up to the fossil feed's carbon, so bounded like it.
    read.product_co2_t_per_t = csv_number(table, row, "product_co2_t_per_t", kFeedPerProduct);
    read.fossil_carbon_t_co2_per_t = csv_number(table, row, "fossil_carbon_t_co2_per_t", kCo2PerT);
    if (read.fossil_carbon_t_co2_per_t <= 0) table.fail(row, "fossil_carbon_t_co2_per_t", "expected a value > 0");
    if (read.fossil_feed_t_per_t <= 0) table.fail(row, "fossil_feed_t_per_t", "expected a value > 0");
    if (feed.fossil_feed_t_per_t == 0) {
        feed = read;
        return;
    }
    const std::string what = "sector '" + sector + "'";
    must_agree(table, row, "fossil_feed", feed.fossil_feed == read.fossil_feed, what);
    must_agree(table, row, "fossil_feed_t_per_t", feed.fossil_feed_t_per_t == read.fossil_feed_t_per_t, what);
    must_agree(table, row, "feed_co2_share", feed.feed_co2_share == read.feed_co2_share, what);
    must_agree(table, row, "product_co2_t_per_t", feed.product_co2_t_per_t == read.product_co2_t_per_t, what);
    must_agree(table, row, "fossil_carbon_t_co2_per_t", feed.fossil_carbon_t_co2_per_t == read.fossil_carbon_t_co2_per_t,
               what);
}

}  // namespace

FeedstockTable load_feedstocks(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors,
                               const NationalInfrastructure& national) {
    FeedstockTable out;
    out.sector_feed.assign(sectors.size(), SectorFeed{});
    if (!optional_input_present(file)) return out;  // optional: no alternative feedstocks
    static constexpr std::array<CsvColumn, 12> kColumns{
        {{"feedstock"}, {"origin"}, {"sector"}, {"max_blend_share"}, {"fossil_feed"}, {"fossil_feed_t_per_t"},
         {"feed_co2_share"}, {"product_co2_t_per_t"}, {"fossil_carbon_t_co2_per_t"}, {"carbon_t_co2_per_t"}, {"gas_gj_per_t", false}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    for (const CsvRow& row : table.rows()) {
        const auto s = static_cast<std::size_t>(read_sector(table, row, sectors));
        FeedstockSpec& f = feedstock_of(out, table, row, sectors.size(), national);
        if (f.max_share[s] > 0) table.fail(row, "sector", "feedstock '" + f.id + "' already has a row for this sector");
        f.max_share[s] = csv_number(table, row, "max_blend_share", kShare);
        (void)csv_text(table, row, "source", false);
        read_sector_feed(table, row, out.sector_feed[s], sectors[s].id);
        double total = 0;
        for (const FeedstockSpec& g : out.feedstocks) total += g.max_share[s];
        if (total > 1.0 + 1e-9)
            table.fail(row, "max_blend_share", "the maximum shares of sector '" + sectors[s].id + "' add up to more than 1");
    }
    // A supply path for no feedstock of the table is a typo, not a feedstock nobody uses.
    for (const std::string& name : national.feedstock_supply_names)
        if (std::none_of(out.feedstocks.begin(), out.feedstocks.end(), [&](const FeedstockSpec& f) { return f.id == name; }))
            throw InputError({(file.parent_path() / "infrastructure.toml").string(), 0, 0}, "feedstock_supply." + name + "_kt",
                             "no feedstock '" + name + "' in " + file.filename().string());
    return out;
}

namespace {

const TimePath* price_named(const PricePaths& prices, const std::string& key) {
    const auto& names = prices.feedstock_names;
    const auto it = std::find(names.begin(), names.end(), key);
    return it == names.end() ? nullptr : &prices.feedstock_eur_per_t[static_cast<std::size_t>(it - names.begin())];
}

// Where the scenario file wrote `field`, or the nearest setting enclosing it.
InputLocation written_at(const Inputs& in, const std::string& scenario_file, const std::string& field) {
    return setting_where(in.scenario.setting_lines, scenario_file, field);
}

void resolve_prices(Inputs& in, const std::string& scenario_file) {
    const PricePaths& prices = in.scenario.prices;
    for (const std::string& name : prices.feedstock_names) {
        const std::string key = "prices.feedstock_eur_per_t." + name;
        if (feed_pricing_of(name) != FeedPricing::table)
            throw InputError(written_at(in, scenario_file, key), key,
                             "'" + name + "' is priced from the scenario's " +
                                 (feed_pricing_of(name) == FeedPricing::gas ? "gas" : "biomethane") +
                                 " price per GJ (docs/ODD.md §7.18): remove this line");
        const bool alternative = std::any_of(in.feedstocks.begin(), in.feedstocks.end(),
                                             [&](const FeedstockSpec& f) { return f.id == name; });
        const bool fossil = std::any_of(in.sector_feed.begin(), in.sector_feed.end(),
                                        [&](const SectorFeed& f) { return f.fossil_feed == name; });
        if (!alternative && !fossil)
            throw InputError(written_at(in, scenario_file, key), key,
                             "'" + name + "' is no feedstock or fossil feed of feedstocks.csv");
    }
    for (FeedstockSpec& f : in.feedstocks) {
        const TimePath* price = price_named(prices, f.id);
        f.priced = price != nullptr || f.pricing != FeedPricing::table;
        if (price != nullptr) f.price_eur_per_t = *price;
        f.supply_t = f.supply_t.scaled(in.scenario.feedstock.supply_factor);
    }
    for (std::size_t s = 0; s < in.sector_feed.size(); ++s) {
        SectorFeed& feed = in.sector_feed[s];
        if (feed.fossil_feed_t_per_t <= 0) continue;
        feed.fossil_pricing = feed_pricing_of(feed.fossil_feed);
        if (feed.fossil_pricing != FeedPricing::table) continue;
        const bool offered = std::any_of(in.feedstocks.begin(), in.feedstocks.end(),
                                         [&](const FeedstockSpec& f) { return f.priced && f.max_share[s] > 0; });
        const TimePath* fossil = price_named(prices, feed.fossil_feed);
        if (offered && fossil == nullptr)
            throw InputError(written_at(in, scenario_file, "prices.feedstock_eur_per_t." + feed.fossil_feed),
                             "prices.feedstock_eur_per_t." + feed.fossil_feed,
                             "sector '" + in.sectors[s].id + "' is offered priced alternatives to " + feed.fossil_feed +
                                 ": price " + feed.fossil_feed + " too");
        if (fossil != nullptr) feed.fossil_price_eur_per_t = *fossil;
    }
}

// The compliance cost the EU price carries per t of sector `s`'s product in `year`:
//   u = phi x f x (cost of meeting share q along the merit order),
// where a producer elsewhere in the EU meets q with the usable feeds in order of their
// premium over fossil feed per t of fossil feed replaced (rho p_f - p_fossil, at least 0), each up to its technical maximum
// share, and buys out the rest, a feed dearer than the buy-out b never being bought (the
// rule of agents/feedstock_choice.hpp without the national supply limit, which binds Dutch
// plants only). The ETS saving of renewable carbon is left out: it differs by plant and is
// small against the premiums (docs/ODD.md §7.18, "Price").
double compliance_eur_per_t_product(const Inputs& in, std::size_t s, int year) {
    const FeedstockPolicy& policy = in.scenario.feedstock;
    const SectorFeed& feed = in.sector_feed[s];
    const double q = policy.sector_mandate_share[s].at(year);
    const double buyout = policy.sector_buyout_eur_per_t[s].at(year);
    const PricePaths& prices = in.scenario.prices;
    std::vector<std::pair<double, double>> offers;  // premium per t fossil feed replaced, max share
    for (const FeedstockSpec& spec : in.feedstocks)
        if (spec.priced && spec.max_share[s] > 0)
            offers.emplace_back(std::max(0.0, feed_t_per_fossil_t(spec, feed) * feedstock_price_eur_per_t(prices, spec, year) -
                                                  fossil_feed_price_eur_per_t(prices, feed, year)),
                                spec.max_share[s]);
    std::stable_sort(offers.begin(), offers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double met = 0, cost = 0;
    for (const auto& [premium, max_share] : offers) {
        if (met >= q || premium >= buyout) break;
        const double take = std::min(max_share, q - met);
        cost += take * premium;
        met += take;
    }
    cost += (q - met) * buyout;
    return policy.price_pass_through * feed.fossil_feed_t_per_t * cost;
}

void derive_price_uplift(Inputs& in) {
    FeedstockPolicy& policy = in.scenario.feedstock;
    policy.sector_price_uplift_eur_per_t.clear();
    if (policy.price_pass_through <= 0 || policy.sector_mandate_share.empty()) return;
    policy.sector_price_uplift_eur_per_t.assign(in.sectors.size(), TimePath{0.0});
    const Scenario& sc = in.scenario;
    for (std::size_t s = 0; s < in.sectors.size(); ++s) {
        std::vector<std::pair<int, double>> points;
        for (int y = sc.base_year; y <= sc.end_year; ++y) points.emplace_back(y, compliance_eur_per_t_product(in, s, y));
        policy.sector_price_uplift_eur_per_t[s] = TimePath(std::move(points));
    }
}

// A buy-out of 0 in a year with a mandate would make a plant buy at any premium while the
// price carries nothing and a supply shortfall costs nothing: refused.
void require_buyout_under_mandate(const Inputs& in, const std::string& scenario_file) {
    const FeedstockPolicy& policy = in.scenario.feedstock;
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        for (int y = in.scenario.base_year; y <= in.scenario.end_year; ++y)
            if (policy.sector_mandate_share[s].at(y) > 0 && policy.sector_buyout_eur_per_t[s].at(y) <= 0)
                throw InputError(written_at(in, scenario_file, "feedstock.mandate_share." + in.sectors[s].id),
                                 "feedstock.buyout_eur_per_t." + in.sectors[s].id,
                                 "the mandate of sector '" + in.sectors[s].id + "' in " + std::to_string(y) +
                                     " needs a positive buy-out, got " +
                                     std::to_string(policy.sector_buyout_eur_per_t[s].at(y)));
}

void resolve_mandates(Inputs& in, const std::string& scenario_file) {
    FeedstockPolicy& policy = in.scenario.feedstock;
    if (policy.mandate_sector_names.empty() && policy.buyout_sector_names.empty()) return;
    policy.sector_mandate_share.assign(in.sectors.size(), TimePath{0.0});
    policy.sector_buyout_eur_per_t.assign(in.sectors.size(), TimePath{0.0});
    for (std::size_t i = 0; i < policy.mandate_sector_names.size(); ++i) {
        const std::string& name = policy.mandate_sector_names[i];
        const std::size_t s = sector_named_by_setting(in.sectors, name, "feedstock.mandate_share", scenario_file,
                                                      in.scenario.setting_lines);
        if (in.sector_feed[s].fossil_feed_t_per_t <= 0)
            throw InputError(written_at(in, scenario_file, "feedstock.mandate_share." + name),
                             "feedstock.mandate_share." + name,
                             "sector '" + name + "' has no row in feedstocks.csv");
        const auto& buyouts = policy.buyout_sector_names;
        if (std::find(buyouts.begin(), buyouts.end(), name) == buyouts.end())
            throw InputError(written_at(in, scenario_file, "feedstock.mandate_share." + name),
                             "feedstock.buyout_eur_per_t." + name,
                             "the mandate of sector '" + name + "' needs a buy-out");
        policy.sector_mandate_share[s] = policy.mandate_share_paths[i];
    }
    for (std::size_t i = 0; i < policy.buyout_sector_names.size(); ++i) {
        const std::string& name = policy.buyout_sector_names[i];
        const std::size_t s = sector_named_by_setting(in.sectors, name, "feedstock.buyout_eur_per_t", scenario_file,
                                                      in.scenario.setting_lines);
        policy.sector_buyout_eur_per_t[s] = policy.buyout_paths[i];
    }
    require_buyout_under_mandate(in, scenario_file);
}

}  // namespace

void resolve_feedstock_market(Inputs& inputs, const std::string& scenario_file) {
    resolve_prices(inputs, scenario_file);
    resolve_mandates(inputs, scenario_file);
    derive_price_uplift(inputs);
}

}  // namespace eiisim
