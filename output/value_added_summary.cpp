#include "value_added_summary.hpp"

#include <string>

#include <fmt/format.h>

namespace eiisim {
namespace {

constexpr double kBn = 1e9;

// Production index of a cluster series (or their sum when `cluster` < 0): year over base, x 100.
double production_index(const RunResult& r, int cluster, int yi) {
    double base = 0, now = 0;
    for (int c = 0; c < r.clusters; ++c) {
        if (cluster >= 0 && c != cluster) continue;
        base += r.cluster_production_value_eur[r.at_cluster(0, c)];
        now += r.cluster_production_value_eur[r.at_cluster(yi, c)];
    }
    return base > 0 ? 100.0 * now / base : 0.0;
}

void print_header(std::ostream& out, const char* first, const std::vector<int>& years, bool index) {
    out << fmt::format("{:<24}", first);
    for (int y : years) out << fmt::format(" {:>8}", fmt::format("VA {}", y));
    if (index)
        for (std::size_t k = 1; k < years.size(); ++k) out << fmt::format(" {:>8}", fmt::format("PI {}", years[k]));
    out << "\n";
}

void print_by_sector(std::ostream& out, const Inputs& inputs, const RunResult& r, const std::vector<int>& years) {
    out << "\nValue added by sector (bn EUR2023/yr)\n";
    print_header(out, "sector", years, false);
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s) {
        out << fmt::format("{:<24}", inputs.sectors[s].id);
        for (int y : years) {
            double sum = 0;
            for (int p = 0; p < r.plants; ++p)
                if (static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector) == s)
                    sum += r.value_added_eur[r.at(y - r.base_year, p)];
            out << fmt::format(" {:>8.2f}", sum / kBn);
        }
        out << "\n";
    }
}

}  // namespace

double national_value_added_eur(const RunResult& result, int yi) {
    double sum = 0;
    for (int c = 0; c < result.clusters; ++c) sum += result.cluster_value_added_eur[result.at_cluster(yi, c)];
    return sum;
}

void print_value_added(std::ostream& out, const Inputs& inputs, const RunResult& result,
                       const std::vector<int>& years) {
    out << "Value added at factor cost (VA, bn EUR2023/yr) and production index (PI: production value at fixed "
           "prices, power sector excluded, base year = 100)\n";
    print_header(out, "cluster", years, true);
    for (int c = 0; c < result.clusters; ++c) {
        out << fmt::format("{:<24}", inputs.clusters[static_cast<std::size_t>(c)].name);
        for (int y : years)
            out << fmt::format(" {:>8.2f}", result.cluster_value_added_eur[result.at_cluster(y - result.base_year, c)] / kBn);
        for (std::size_t k = 1; k < years.size(); ++k)
            out << fmt::format(" {:>8.1f}", production_index(result, c, years[k] - result.base_year));
        out << "\n";
    }
    out << fmt::format("{:<24}", "national");
    for (int y : years) out << fmt::format(" {:>8.2f}", national_value_added_eur(result, y - result.base_year) / kBn);
    for (std::size_t k = 1; k < years.size(); ++k)
        out << fmt::format(" {:>8.1f}", production_index(result, -1, years[k] - result.base_year));
    out << "\n";
    print_by_sector(out, inputs, result, years);
    out << "\n";
}

}  // namespace eiisim
