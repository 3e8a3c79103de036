#include "feedstock_summary.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

namespace eiisim {
namespace {

// One row: `value(y)` for each year, scaled and formatted.
template <typename Value>
void print_row(std::ostream& out, const std::string& label, const RunResult& result, const std::vector<int>& years,
               Value value, const char* format) {
    out << fmt::format("{:<34}", label);
    for (int y : years) out << fmt::format(fmt::runtime(format), value(static_cast<std::size_t>(y - result.base_year)));
    out << "\n";
}

// A sector's feed mix in year index `y`: the shares of its fossil feed replaced by each
// carbon origin, production-weighted over its plants (every plant of a sector has the
// same fossil feed per t).
std::array<double, kFeedOriginCount> sector_feed_mix(const Inputs& inputs, const RunResult& result, std::size_t sector,
                                                     int y) {
    std::array<double, kFeedOriginCount> replaced{};
    double production = 0;
    for (int p = 0; p < result.plants; ++p) {
        if (static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector) != sector) continue;
        const std::size_t at = result.at(y, p);
        production += result.production_t[at];
        for (std::size_t o = 0; o < static_cast<std::size_t>(kFeedOriginCount); ++o)
            replaced[o] += result.production_t[at] * result.feed_origin_share[at * kFeedOriginCount + o];
    }
    for (double& r : replaced) r = production > 0 ? r / production : 0.0;
    return replaced;
}

void print_sector_mix(std::ostream& out, const Inputs& inputs, const RunResult& result, const std::vector<int>& years) {
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s) {
        if (inputs.sector_feed[s].fossil_feed_t_per_t <= 0) continue;
        print_row(out, inputs.sectors[s].id + " recycled/bio/ccu (%)", result, years,
                  [&](std::size_t y) {
                      const auto mix = sector_feed_mix(inputs, result, s, static_cast<int>(y));
                      return fmt::format("{:.1f}/{:.1f}/{:.1f}", 100 * mix[0], 100 * mix[1], 100 * mix[2]);
                  },
                  " {:>14}");
    }
}

}  // namespace

void print_feedstock(std::ostream& out, const Inputs& inputs, const RunResult& result, const std::vector<int>& years) {
    if (inputs.feedstocks.empty()) return;
    out << "Feedstock of the sectors in feedstocks.csv, national (docs/ODD.md §7.18)\n";
    out << fmt::format("{:<34}", "");
    for (int y : years) out << fmt::format(" {:>14}", y);
    out << "\n";
    for (int o = 0; o < kFeedOriginCount; ++o) {
        const auto origin = static_cast<std::size_t>(o);
        const std::string name = kFeedOriginNames[origin];
        print_row(out, name + " feed used / supply (kt)", result, years,
                  [&](std::size_t y) {
                      return fmt::format("{:.0f}/{:.0f}", result.feedstock_use_t[y * kFeedOriginCount + origin] / 1e3,
                                         result.feedstock_supply_t[y * kFeedOriginCount + origin] / 1e3);
                  },
                  " {:>14}");
    }
    print_row(out, "fossil feed (Mt)", result, years, [&](std::size_t y) { return result.fossil_feedstock_use_t[y] / 1e6; },
              " {:>14.2f}");
    print_row(out, "renewable carbon share (%)", result, years,
              [&](std::size_t y) { return 100.0 * result.renewable_carbon_share[y]; }, " {:>14.2f}");
    print_row(out, "recycled content (%)", result, years,
              [&](std::size_t y) { return 100.0 * result.recycled_content_share[y]; }, " {:>14.2f}");
    print_sector_mix(out, inputs, result, years);
    print_row(out, "embodied fossil CO2 (Mt)", result, years,
              [&](std::size_t y) { return result.embodied_fossil_co2_t[y] / 1e6; }, " {:>14.2f}");
    print_row(out, "buy-out paid (M EUR)", result, years,
              [&](std::size_t y) { return result.feedstock_buyout_eur[y] / 1e6; }, " {:>14.1f}");
    out << "\n";
}

}  // namespace eiisim
