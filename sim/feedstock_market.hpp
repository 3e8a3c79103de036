#pragma once
// The yearly market of alternative feedstocks (docs/ODD.md §7.18). At the start of each
// year every plant of a sector in feedstocks.csv says which shares of its feed it wants of
// each feedstock (agents/feedstock_choice.hpp), sized on last year's output; the national
// supply of each feedstock (the scarce resource `feedstock`, booked yearly) is shared out
// pro rata to demand. The plant's accounts then use at most what it was granted, pay the
// premium over fossil feed and the mandate's buy-out on what is short, and count the
// renewable carbon of its feed out of its fossil CO2. Everything here is serial or writes
// only the plant's own slots: independent of the thread count, no random draws.
#include <array>

#include "core/feedstock.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// Whether any feedstock is offered or mandated in the scenario (false: nothing here acts);
// build_model keeps the answer in Model::feedstock_market.
[[nodiscard]] bool feedstock_market_opens(const Inputs& in);

// Start of the year (serial, after the price views are prepared): the grants of the year.
void clear_feedstock_market(const Model& model, RunState& state, int year);

// One plant-year's feed at `production` t, with `net_co2_t_per_t` the route's net CO2 per t
// before its feed is counted.
struct PlantFeedYear {
    std::array<double, kMaxFeedstocks> used_t{};  // t of each feedstock
    double feed_t = 0;          // all feed: fossil feed per t x production
    double renewable_t = 0;     // fossil feed replaced by bio and CCU feed (t of fossil feed)
    double recycled_t = 0;      // fossil feed replaced by recycled (fossil-carbon) feed
    std::array<double, kFeedOriginCount> replaced_t{};  // fossil feed replaced, by the feed's carbon origin
    double premium_eur = 0;     // sum over feedstocks of used x price - replaced x fossil price
    double shortfall_t = 0;     // mandate share x feed - alternative feed used, if positive
    double buyout_eur = 0;      // shortfall x buy-out
    double co2_renewable_t = 0; // renewable share x feed_co2_share x net CO2: not fossil CO2
};
[[nodiscard]] PlantFeedYear plant_feed_year(const Model& model, const RunState& state, int year, std::size_t p,
                                            double production, double net_co2_t_per_t);

// The national feedstock series of the year (serial, from the plants' booked feed).
void record_feedstock_series(const Model& model, const RunState& state, int year, RunResult& result);

}  // namespace eiisim
