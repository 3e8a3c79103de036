#include "feedstock_summary.hpp"

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

}  // namespace

void print_feedstock(std::ostream& out, const Inputs& inputs, const RunResult& result, const std::vector<int>& years) {
    if (inputs.feedstocks.empty()) return;
    out << "Feedstock of the sectors in feedstocks.csv, national (docs/ODD.md §7.18)\n";
    out << fmt::format("{:<34}", "");
    for (int y : years) out << fmt::format(" {:>8}", y);
    out << "\n";
    for (int o = 0; o < kFeedOriginCount; ++o) {
        const auto origin = static_cast<std::size_t>(o);
        const std::string name = kFeedOriginNames[origin];
        print_row(out, name + " feed used / supply (kt)", result, years,
                  [&](std::size_t y) {
                      return fmt::format("{:.0f}/{:.0f}", result.feedstock_use_t[y * kFeedOriginCount + origin] / 1e3,
                                         result.feedstock_supply_t[y * kFeedOriginCount + origin] / 1e3);
                  },
                  " {:>8}");
    }
    print_row(out, "fossil feed (Mt)", result, years, [&](std::size_t y) { return result.fossil_feedstock_use_t[y] / 1e6; },
              " {:>8.2f}");
    print_row(out, "renewable carbon share (%)", result, years,
              [&](std::size_t y) { return 100.0 * result.renewable_carbon_share[y]; }, " {:>8.2f}");
    print_row(out, "recycled content (%)", result, years,
              [&](std::size_t y) { return 100.0 * result.recycled_content_share[y]; }, " {:>8.2f}");
    print_row(out, "embodied fossil CO2 (Mt)", result, years,
              [&](std::size_t y) { return result.embodied_fossil_co2_t[y] / 1e6; }, " {:>8.2f}");
    print_row(out, "buy-out paid (M EUR)", result, years,
              [&](std::size_t y) { return result.feedstock_buyout_eur[y] / 1e6; }, " {:>8.1f}");
    out << "\n";
}

}  // namespace eiisim
