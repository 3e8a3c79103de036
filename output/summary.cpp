#include "summary.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/production_value.hpp"
#include "core/reduction_parts.hpp"
#include "feedstock_summary.hpp"
#include "demand_summary.hpp"
#include "jobs_summary.hpp"
#include "leakage_summary.hpp"
#include "agreements_summary.hpp"
#include "public_cost_summary.hpp"
#include "targets_summary.hpp"
#include "value_added_summary.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

std::vector<int> report_years(const Inputs& inputs) {
    const Scenario& s = inputs.scenario;
    std::vector<int> years{s.base_year};
    for (int y : {2030, 2040})
        if (y > s.base_year && y < s.end_year) years.push_back(y);
    if (s.end_year != s.base_year) years.push_back(s.end_year);
    return years;
}

// Domestic production value (power excluded) and power output, end year over base year.
void print_production_retained(std::ostream& out, const RunResult& result) {
    const int last = result.years - 1;
    double base_value = 0, end_value = 0;
    for (int c = 0; c < result.clusters; ++c) {
        base_value += result.cluster_production_value_eur[result.at_cluster(0, c)];
        end_value += result.cluster_production_value_eur[result.at_cluster(last, c)];
    }
    const double base_power = result.power_output_mwh.front();
    const double end_power = result.power_output_mwh.back();
    out << fmt::format("\nProduction retained in {} (value at reference prices, power sector excluded): {:.1f} %\n",
                       result.base_year + last, base_value > 0 ? 100.0 * end_value / base_value : 0.0);
    out << fmt::format("Power-sector output: {:.2f} TWh in {}, {:.2f} TWh in {}\n", base_power / 1e6,
                       result.base_year, end_power / 1e6, result.base_year + last);
}

// National change in net CO2 since the base year, split by what it is made of
// (cluster_reduction summed over clusters; docs/ODD.md §7.12).
void print_reduction_parts(std::ostream& out, const RunResult& result, const std::vector<int>& years) {
    out << fmt::format("Change in net CO2 since {} by what it is made of, national (Mt/yr)\n", result.base_year);
    out << fmt::format("{:<24}", "part");
    for (int y : years) out << fmt::format(" {:>8}", y);
    out << "\n";
    std::vector<double> total(years.size(), 0.0);
    for (int k = 0; k < kReductionPartCount; ++k) {
        out << fmt::format("{:<24}", kReductionPartNames[static_cast<std::size_t>(k)]);
        for (std::size_t i = 0; i < years.size(); ++i) {
            double sum = 0;
            for (int c = 0; c < result.clusters; ++c)
                sum += result.cluster_reduction_t[result.at_cluster(years[i] - result.base_year, c) *
                                                      kReductionPartCount + static_cast<std::size_t>(k)];
            out << fmt::format(" {:>8.2f}", sum / kMt);
            total[i] += sum;
        }
        out << "\n";
    }
    out << fmt::format("{:<24}", "total");
    for (double v : total) out << fmt::format(" {:>8.2f}", v / kMt);
    out << "\n\n";
}

}  // namespace

void print_input_summary(std::ostream& out, const Inputs& inputs) {
    const std::size_t nc = inputs.clusters.size();
    std::vector<int> plants(nc, 0);
    std::vector<double> co2(nc, 0.0);
    std::map<std::string, std::pair<int, double>> by_sector;
    int entrants = 0;
    for (const PlantSpec& p : inputs.plants) {
        // New entrants have no base year (docs/ODD.md §7.20): counted apart.
        if (p.is_entrant()) {
            ++entrants;
            continue;
        }
        const auto c = static_cast<std::size_t>(p.cluster);
        ++plants[c];
        co2[c] += p.co2_combustion_t + p.co2_process_t;
        auto& entry = by_sector[inputs.sectors[static_cast<std::size_t>(p.sector)].id];
        ++entry.first;
        entry.second += p.co2_combustion_t + p.co2_process_t;
    }
    out << fmt::format("Scenario '{}' ({}-{}): {} plants and {} new entrants, {} sectors, {} technologies, {} "
                       "value-chain edges\n\n",
                       inputs.scenario.name, inputs.scenario.base_year, inputs.scenario.end_year,
                       inputs.plants.size() - static_cast<std::size_t>(entrants), entrants, inputs.sectors.size(),
                       inputs.technologies.size(), inputs.edges.size());
    out << fmt::format("{:<24} {:>6} {:>12} {:>8} {:>8} {:>12}\n", "cluster", "plants", "CO2 Mt (base)",
                       "CO2 from", "H2 from", "grid MW 2030");
    double total = 0;
    for (std::size_t c = 0; c < nc; ++c) {
        const ClusterSpec& cl = inputs.clusters[c];
        out << fmt::format("{:<24} {:>6} {:>12.3f} {:>8} {:>8} {:>12.0f}\n", cl.name, plants[c], co2[c] / kMt,
                           cl.co2_connection_year, cl.h2_connection_year, cl.grid_headroom_mw.at(2030));
        total += co2[c];
    }
    const std::size_t incumbents = inputs.plants.size() - static_cast<std::size_t>(entrants);
    out << fmt::format("{:<24} {:>6} {:>12.3f}\n\n", "total", incumbents, total / kMt);
    out << fmt::format("{:<24} {:>6} {:>12}\n", "sector", "plants", "CO2 Mt (base)");
    for (const auto& [sector, entry] : by_sector)
        out << fmt::format("{:<24} {:>6} {:>12.3f}\n", sector, entry.first, entry.second / kMt);
    const NationalInfrastructure& n = inputs.national;
    out << fmt::format("\nCO2 storage (Mt/yr): 2026 {:.1f}, 2030 {:.1f}, 2040 {:.1f}; "
                       "hydrogen for industry (PJ/yr): 2030 {:.0f}, 2040 {:.0f}; "
                       "new biomethane for industry (PJ/yr): 2030 {:.0f}, 2040 {:.0f}\n",
                       n.co2_storage_t.at(2026) / kMt, n.co2_storage_t.at(2030) / kMt,
                       n.co2_storage_t.at(2040) / kMt, n.hydrogen_supply_gj.at(2030) / 1e6,
                       n.hydrogen_supply_gj.at(2040) / 1e6, n.biomethane_supply_gj.at(2030) / 1e6,
                       n.biomethane_supply_gj.at(2040) / 1e6);
}

void print_run_summary(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    const std::vector<int> years = report_years(inputs);
    out << "Net CO2 emissions in the Netherlands (Mt/yr)\n";
    out << fmt::format("{:<24}", "cluster");
    for (int y : years) out << fmt::format(" {:>8}", y);
    out << "\n";
    std::vector<double> national(years.size(), 0.0), relocated(years.size(), 0.0), relocated_eu(years.size(), 0.0);
    for (int c = 0; c < result.clusters; ++c) {
        out << fmt::format("{:<24}", inputs.clusters[static_cast<std::size_t>(c)].name);
        for (std::size_t k = 0; k < years.size(); ++k) {
            const std::size_t at = result.at_cluster(years[k] - result.base_year, c);
            out << fmt::format(" {:>8.2f}", result.cluster_co2_net_t[at] / kMt);
            national[k] += result.cluster_co2_net_t[at];
            relocated[k] += result.cluster_co2_relocated_t[at];
            relocated_eu[k] += result.cluster_co2_relocated_eu_t[at];
        }
        out << "\n";
    }
    out << fmt::format("{:<24}", "national");
    for (double v : national) out << fmt::format(" {:>8.2f}", v / kMt);
    out << fmt::format("\n{:<24}", "relocated outside EU");
    for (double v : relocated) out << fmt::format(" {:>8.2f}", v / kMt);
    out << fmt::format("\n{:<24}", "relocated within EU");
    for (double v : relocated_eu) out << fmt::format(" {:>8.2f}", v / kMt);
    out << "\n\n";
    print_reduction_parts(out, result, std::vector<int>(years.begin() + (years.size() > 1 ? 1 : 0), years.end()));
    print_leakage(out, result);
    print_feedstock(out, inputs, result, std::vector<int>(years.begin() + (years.size() > 1 ? 1 : 0), years.end()));
    print_targets(out, inputs, result);
    print_value_added(out, inputs, result, base_2030_end_years(result));
    print_public_cost(out, inputs, result);
    print_agreement_outcomes(out, inputs, result);
    out << "\n";

    const int last = result.years - 1;
    // The `route_mix` series (core/observables.cpp, the one definition): base-year production
    // value by kind of route in force; relocate and close keep their weight, so it adds up to 1.
    out << fmt::format("Route mix in {} (plants, share of base-year production value by route in force; power "
                       "sector weighs nothing; relocated and closed plants included)\n",
                       result.base_year + last);
    std::vector<int> count(kOptionKindCount, 0);
    for (int p = 0; p < result.plants; ++p) {
        const std::size_t at = result.at(last, p);
        // An entrant that never entered runs no route (docs/ODD.md §7.20).
        if (static_cast<PlantStatus>(result.status[at]) != PlantStatus::not_built) ++count[result.kind[at]];
    }
    const double* mix = &result.route_mix[static_cast<std::size_t>(last) * kOptionKindCount];
    for (int k = 0; k < kOptionKindCount; ++k)
        out << fmt::format("  {:<10} {:>5} plants {:>6.1f} %\n", kOptionKindNames[static_cast<std::size_t>(k)],
                           count[static_cast<std::size_t>(k)], 100.0 * mix[k]);
    print_production_retained(out, result);
    print_jobs(out, inputs, result);
    print_demand(out, inputs, result);
    std::size_t switches = 0;
    for (const DecisionEvent& e : result.events)
        if (e.to_technology != e.from_technology) ++switches;
    out << fmt::format("\n{} decisions, {} route changes\n", result.events.size(), switches);
}

}  // namespace eiisim
