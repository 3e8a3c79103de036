#include "reference_summary.hpp"

#include <vector>

#include <fmt/format.h>

#include "core/reduction_parts.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

double national_net_t(const RunResult& r, int year) { return national_net_co2_t(r, year - r.base_year); }

double national_part_t(const RunResult& r, int year, int part) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c)
        sum += r.cluster_reduction_t[r.at_cluster(year - r.base_year, c) * kReductionPartCount +
                                     static_cast<std::size_t>(part)];
    return sum;
}

// The base year, the first reference year, 2030, 2040 and the end year, as far as the run goes.
std::vector<int> comparison_years(const Inputs& inputs, int first_year) {
    const Scenario& s = inputs.scenario;
    std::vector<int> years{s.base_year};
    for (int y : {first_year, 2030, 2040, s.end_year})
        if (y > years.back() && y <= s.end_year) years.push_back(y);
    return years;
}

void print_row(std::ostream& out, const std::string& label, const std::vector<int>& years, auto&& value) {
    out << fmt::format("{:<30}", label);
    for (int y : years) out << fmt::format(" {:>8.2f}", value(y) / kMt);
    out << "\n";
}

}  // namespace

void print_reference_comparison(std::ostream& out, const Inputs& inputs, const RunResult& scenario,
                                const RunResult& reference, const std::string& kind, int first_year) {
    const std::vector<int> years = comparison_years(inputs, first_year);
    out << fmt::format("\nAgainst the reference run '{}' (same seed; it departs from the scenario in {})\n", kind,
                       first_year);
    out << fmt::format("{:<30}", "national, Mt/yr");
    for (int y : years) out << fmt::format(" {:>8}", y);
    out << "\n";
    print_row(out, "net CO2, scenario", years, [&](int y) { return national_net_t(scenario, y); });
    print_row(out, "net CO2, reference", years, [&](int y) { return national_net_t(reference, y); });
    print_row(out, "additional reduction", years,
              [&](int y) { return additional_reduction_t(scenario, reference, y); });
    out << "of which (reference's part less the scenario's; docs/ODD.md §7.12 parts)\n";
    for (int k = 0; k < kReductionPartCount; ++k)
        print_row(out, std::string("  ") + kReductionPartNames[static_cast<std::size_t>(k)], years, [&](int y) {
            return national_part_t(reference, y, k) - national_part_t(scenario, y, k);
        });
    out << "additional reduction by cluster\n";
    for (int c = 0; c < scenario.clusters; ++c)
        print_row(out, "  " + inputs.clusters[static_cast<std::size_t>(c)].id, years,
                  [&](int y) { return additional_cluster_reduction_t(scenario, reference, y, c); });
}

}  // namespace eiisim
