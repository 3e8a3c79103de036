#pragma once
// Alternative feedstocks (docs/ODD.md §7.18): recycled, bio-based and CCU feed a plant
// blends into its fossil feed each year without changing its route (a drop-in: MIDDEN
// PCD1286 and TC0405 need no new plant). The dataset's feedstocks.csv says which sectors
// can take each one, up to what blend share, and what fossil feed it replaces; the
// infrastructure file caps the national supply; the scenario's [prices] and [feedstock]
// tables price it and set the mandates.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "time_path.hpp"

namespace eiisim {

// Where the feed's carbon comes from. Recycled (plastic-derived pyrolysis oil) is fossil
// carbon: it counts as recycled content but does not lower ETS emissions; bio and ccu
// carbon is renewable (memo §1c; EU ETS MRR, Implementing Reg. (EU) 2023/2122, 2024/2493).
enum class FeedOrigin : std::uint8_t { recycled, bio, ccu };
inline constexpr int kFeedOriginCount = 3;
inline constexpr std::array<const char*, kFeedOriginCount> kFeedOriginNames = {"recycled", "bio", "ccu"};
[[nodiscard]] constexpr bool renewable_carbon(FeedOrigin o) { return o != FeedOrigin::recycled; }
// Where a feed's price comes from: prices.feedstock_eur_per_t.<id>, or an energy
// carrier's price per GJ (gas, biomethane) times kGasFeedGjPerT, so that a sampled gas
// price moves the feed with it and no price is declared twice.
enum class FeedPricing : std::uint8_t { table, gas, biomethane };
// The feed names priced from a carrier: the fossil feed `natural_gas` and the feedstock `biomethane`.
[[nodiscard]] inline FeedPricing feed_pricing_of(std::string_view id) {
    if (id == "natural_gas") return FeedPricing::gas;
    if (id == "biomethane") return FeedPricing::biomethane;
    return FeedPricing::table;
}
// Feedstocks a dataset may list (fixed-size per-plant buffers in the engine).
inline constexpr int kMaxFeedstocks = 8;

// One alternative feedstock (a feedstocks.csv id).
struct FeedstockSpec {
    std::string id;                   // "pyrolysis_oil"; its price is prices.feedstock_eur_per_t.<id>
    FeedOrigin origin = FeedOrigin::recycled;
    std::vector<double> max_share;    // by sector index: technical maximum blend share (0: not usable)
    double carbon_t_co2_per_t = 0;    // CO2 if its carbon is fully oxidised, t per t feed
    // Natural gas a t of it makes the plant burn besides, priced at the gas price (CO2 into a
    // reformer loop binds hydrogen the plant used to burn; it burns gas instead).
    double gas_gj_per_t = 0;
    TimePath supply_t{0.0};           // national supply per year (infrastructure.toml x feedstock.supply_factor)
    TimePath price_eur_per_t{0.0};    // resolved from the scenario's prices (pricing table)
    FeedPricing pricing = FeedPricing::table;
    bool priced = false;              // the scenario prices it: plants can buy it
    std::string source;

    bool operator==(const FeedstockSpec&) const = default;
};

// What a sector's fossil feed is (feedstocks.csv, one set per sector that can take any).
struct SectorFeed {
    double fossil_feed_t_per_t = 0;   // fossil feed per t product that alternatives replace t for t
    std::string fossil_feed;          // its price key: prices.feedstock_eur_per_t.<fossil_feed>
    double feed_co2_share = 0;        // share of the plant's net CO2 whose carbon comes from the feed
    double product_co2_t_per_t = 0;   // carbon in the product, as CO2 if fully oxidised (end of life)
    double fossil_carbon_t_co2_per_t = 0;  // the fossil feed's carbon as CO2, t per t fossil feed
    TimePath fossil_price_eur_per_t{0.0};  // pricing table
    FeedPricing fossil_pricing = FeedPricing::table;

    bool operator==(const SectorFeed&) const = default;
};

// t of feedstock `f` that replace one t of the sector's fossil feed: carbon for carbon,
// rho = c_fossil / c_f (a t of biogenic CO2 carries 1 t of CO2's carbon, a t of methane
// 2.69: 2.69 t of CO2 replace a t of natural-gas feed). Feed shares, mandates and buy-outs
// count t of fossil feed replaced; supply, use and prices count t of the feedstock itself.
[[nodiscard]] inline double feed_t_per_fossil_t(const FeedstockSpec& f, const SectorFeed& sector) {
    return f.carbon_t_co2_per_t > 0 && sector.fossil_carbon_t_co2_per_t > 0
               ? sector.fossil_carbon_t_co2_per_t / f.carbon_t_co2_per_t
               : 1.0;
}

// Feeds priced from an energy carrier's price path per GJ (the scenario's gas and
// biomethane prices) rather than from prices.feedstock_eur_per_t: a t of natural gas or
// biomethane holds 48.0 GJ (net calorific value of natural gas, IPCC 2006 Guidelines
// Vol. 2 Table 1.2: 48.0 TJ/Gg; biomethane upgraded to grid quality is sold as its
// equivalent). Feed use is exempt from Dutch energy tax (Wet belastingen op
// milieugrondslag art. 64, non-energetic use), so the commodity price alone applies.
inline constexpr double kGasFeedGjPerT = 48.0;

// [feedstock]: mandates per sector (the recycled, bio or CCU share of feed required) and
// the buy-out per t of alternative feed short; resolved by sector index at load.
struct FeedstockPolicy {
    std::vector<std::string> mandate_sector_names;
    std::vector<TimePath> mandate_share_paths;
    std::vector<std::string> buyout_sector_names;
    std::vector<TimePath> buyout_paths;
    std::vector<TimePath> sector_mandate_share;     // by sector; empty: no mandate
    std::vector<TimePath> sector_buyout_eur_per_t;  // by sector
    double supply_factor = 1.0;                     // multiplies every feedstock's supply path
    // Share of the mandate's compliance cost the EU product price carries (docs/ODD.md §7.18,
    // "Price"): 1 when the mandate binds every supplier to the EU market (an EU rule on the
    // product placed on the market), 0 when it binds Dutch producers only.
    double price_pass_through = 0.0;
    // Derived by the loader (inputs/feedstock_table.cpp), by sector: the compliance cost per
    // t product that the EU price carries, pass-through x q x fossil feed per t x
    // min(buy-out, cheapest usable feed's premium over fossil feed). Empty: none.
    std::vector<TimePath> sector_price_uplift_eur_per_t;

    bool operator==(const FeedstockPolicy&) const = default;
};

}  // namespace eiisim
