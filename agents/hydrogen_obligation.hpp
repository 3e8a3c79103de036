#pragma once
// The RED III Art. 22a hydrogen obligation (docs/ODD.md §7.16): a share of the hydrogen
// the plants use must be renewable (RFNBO). A plant meets its share by buying renewable
// hydrogen or by paying the buy-out, whichever is cheaper, so the price it pays per GJ of
// hydrogen is a blend of the other (grey/blue) supply and that compliance price. The
// national settlement of the year (sim/aggregates.cpp) books how much renewable hydrogen
// was used against the supply, the shortfall and the buy-out paid.
#include <algorithm>

#include "core/inputs.hpp"

namespace eiisim {

// The price per GJ of meeting the obligation: renewable hydrogen, or the buy-out when one
// is set and is cheaper (buy-out 0: no buy-out, the plant must buy renewable hydrogen).
[[nodiscard]] inline double compliance_eur_per_gj(double green_eur_per_gj, double buyout_eur_per_gj) {
    return buyout_eur_per_gj > 0 ? std::min(green_eur_per_gj, buyout_eur_per_gj) : green_eur_per_gj;
}

// Price per GJ of hydrogen under obligation share `share`:
//   p_H2 = (1 - s) p_other + s min(p_green, b).
// With no obligation the other price is returned unchanged (bit for bit).
[[nodiscard]] inline double obligated_hydrogen_eur_per_gj(double other_eur_per_gj, double green_eur_per_gj,
                                                          double share, double buyout_eur_per_gj) {
    if (share <= 0) return other_eur_per_gj;
    return (1.0 - share) * other_eur_per_gj + share * compliance_eur_per_gj(green_eur_per_gj, buyout_eur_per_gj);
}

// The highest obligation share from `from_year` to the end of the run (a route starting
// after it: the share of its start year): what a new hydrogen route must be able to buy.
[[nodiscard]] inline double highest_obligation_share(const Scenario& scenario, int from_year) {
    const TimePath& share = scenario.policy.hydrogen_obligation_share;
    double highest = share.at(from_year);
    for (int y = from_year + 1; y <= scenario.end_year; ++y) highest = std::max(highest, share.at(y));
    return highest;
}

// The national settlement of one year, all in GJ except the buy-out.
struct HydrogenSettlement {
    double use_gj = 0;          // hydrogen used by the plants (base use included)
    double obligation_gj = 0;   // share x use
    double renewable_gj = 0;    // renewable hydrogen used to meet it
    double shortfall_gj = 0;    // obligation - renewable
    double buyout_eur = 0;      // shortfall x buy-out price
};

// R = min(O, G), or 0 when the buy-out is cheaper than renewable hydrogen (no plant buys
// it then); S = O - R; buy-out paid = S b.
[[nodiscard]] inline HydrogenSettlement settle_hydrogen_obligation(double use_gj, double share,
                                                                   double green_supply_gj, double green_eur_per_gj,
                                                                   double buyout_eur_per_gj) {
    HydrogenSettlement s;
    s.use_gj = use_gj;
    s.obligation_gj = std::max(0.0, share) * use_gj;
    const bool buys_out = buyout_eur_per_gj > 0 && buyout_eur_per_gj < green_eur_per_gj;
    s.renewable_gj = buys_out ? 0.0 : std::min(s.obligation_gj, std::max(0.0, green_supply_gj));
    s.shortfall_gj = s.obligation_gj - s.renewable_gj;
    s.buyout_eur = s.shortfall_gj * buyout_eur_per_gj;
    return s;
}

}  // namespace eiisim
