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
// Feedstocks a dataset may list (fixed-size per-plant buffers in the engine).
inline constexpr int kMaxFeedstocks = 8;

// One alternative feedstock (a feedstocks.csv id).
struct FeedstockSpec {
    std::string id;                   // "pyrolysis_oil"; its price is prices.feedstock_eur_per_t.<id>
    FeedOrigin origin = FeedOrigin::recycled;
    std::vector<double> max_share;    // by sector index: technical maximum blend share (0: not usable)
    double carbon_t_co2_per_t = 0;    // CO2 if its carbon is fully oxidised, t per t feed
    TimePath supply_t{0.0};           // national supply per year (infrastructure.toml x feedstock.supply_factor)
    TimePath price_eur_per_t{0.0};    // resolved from the scenario's prices
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
    TimePath fossil_price_eur_per_t{0.0};

    bool operator==(const SectorFeed&) const = default;
};

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
