#include "demand_summary.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "jobs_summary.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

// National production of each sector in `year` (t), from the plant panel.
std::vector<double> sector_production(const Inputs& inputs, const RunResult& result, int year) {
    std::vector<double> total(inputs.sectors.size(), 0.0);
    for (int p = 0; p < result.plants; ++p)
        total[static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector)] +=
            result.production_t[result.at(year - result.base_year, p)];
    return total;
}

}  // namespace

void print_demand(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    const std::vector<TimePath>& paths = inputs.scenario.prices.sector_volume_index;
    if (paths.empty()) return;
    const std::vector<int> years = base_2030_end_years(result);
    out << fmt::format("\nDemand paths ([demand] variant \"{}\"; docs/ODD.md §7.19): volume index (2025 = 1) and "
                       "national production (Mt)\n",
                       inputs.scenario.demand.variant);
    out << fmt::format("{:<24}", "sector");
    for (int y : years) out << fmt::format(" {:>8}", y);
    for (int y : years) out << fmt::format(" {:>8}", std::to_string(y) + " Mt");
    out << "\n";
    std::vector<std::vector<double>> production;
    for (int y : years) production.push_back(sector_production(inputs, result, y));
    for (std::size_t s = 0; s < paths.size(); ++s) {
        if (paths[s].empty()) continue;
        out << fmt::format("{:<24}", inputs.sectors[s].id);
        for (int y : years) out << fmt::format(" {:>8.2f}", paths[s].at(y));
        for (const std::vector<double>& by_sector : production) out << fmt::format(" {:>8.2f}", by_sector[s] / kMt);
        out << "\n";
    }
}

}  // namespace eiisim
