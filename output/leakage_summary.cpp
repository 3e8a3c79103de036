#include "leakage_summary.hpp"

#include <vector>

#include <fmt/format.h>

#include "core/strategic_products.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

// The national sum of a cluster series in year index `yi`.
double national(const std::vector<double>& cluster_series, const RunResult& result, int yi) {
    double sum = 0;
    for (int c = 0; c < result.clusters; ++c) sum += cluster_series[result.at_cluster(yi, c)];
    return sum;
}

}  // namespace

void print_leakage(std::ostream& out, const RunResult& result) {
    std::vector<int> years;
    for (int y : {2030, 2050})
        if (y > result.base_year && y < result.base_year + result.years) years.push_back(y);
    if (years.empty()) return;
    out << "CO2 emitted abroad for Dutch demand, national (Mt/yr)\n" << fmt::format("{:<36}", "leakage");
    for (int y : years) out << fmt::format(" {:>8}", y);
    const auto row = [&](const char* label, const std::vector<double>& series) {
        out << fmt::format("\n{:<36}", label);
        for (int y : years) out << fmt::format(" {:>8.2f}", national(series, result, y - result.base_year) / kMt);
    };
    row("relocated outside the EU", result.cluster_co2_relocated_t);
    row("relocated within the EU", result.cluster_co2_relocated_eu_t);
    row("embodied in replacement imports", result.cluster_co2_embodied_imports_t);
    out << "\n\nImport dependence of strategic products (imports / Dutch demand, %)\n"
        << fmt::format("{:<36}", "strategic product");
    for (int y : years) out << fmt::format(" {:>8}", y);
    for (std::size_t k = 0; k < kStrategicProductCount; ++k) {
        out << fmt::format("\n{:<36}", kStrategicProductNames[k]);
        for (int y : years) {
            const auto yi = static_cast<std::size_t>(y - result.base_year);
            const double share = result.strategic_import_dependence[yi * kStrategicProductCount + k];
            out << fmt::format(" {:>8.1f}", 100.0 * share);
        }
    }
    out << "\n\n";
}

}  // namespace eiisim
