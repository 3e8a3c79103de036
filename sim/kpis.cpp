#include "kpis.hpp"

#include <algorithm>

namespace eiisim {

std::vector<int> kpi_milestones(int base_year, int end_year) {
    std::vector<int> years;
    for (int y : {2030, 2040, 2050})
        if (y >= base_year && y <= end_year) years.push_back(y);
    if (years.empty()) years.push_back(end_year);
    return years;
}

namespace {

// Every KPI but the unmet-infrastructure years.
RunKpis aggregate_kpis(const RunResult& r, const std::vector<int>& milestones) {
    RunKpis k;
    const auto clusters = static_cast<std::size_t>(r.clusters);
    k.cluster_net_co2_t.assign(milestones.size() * clusters, 0.0);
    k.net_co2_t.assign(milestones.size(), 0.0);
    for (std::size_t m = 0; m < milestones.size(); ++m) {
        const int yi = milestones[m] - r.base_year;
        double national = 0;
        for (std::size_t c = 0; c < clusters; ++c) {
            const double v = r.cluster_co2_net_t[r.at_cluster(yi, static_cast<int>(c))];
            k.cluster_net_co2_t[m * clusters + c] = v;
            national += v;
        }
        k.net_co2_t[m] = national;
    }
    for (double paid : r.instrument_paid_eur) k.cumulative_subsidy_eur += paid;
    const int last = r.years - 1;
    double base_production = 0;
    double end_production = 0;
    for (int c = 0; c < r.clusters; ++c) {
        k.relocated_co2_t += r.cluster_co2_relocated_t[r.at_cluster(last, c)];
        // By value at reference prices, power excluded (core/production_value.hpp): tonnes
        // of different products and MWh of power do not add up.
        base_production += r.cluster_production_value_eur[r.at_cluster(0, c)];
        end_production += r.cluster_production_value_eur[r.at_cluster(last, c)];
    }
    k.production_retained = base_production > 0 ? end_production / base_production : 0.0;
    return k;
}

}  // namespace

RunKpis compute_kpis(const RunResult& r, const std::vector<int>& milestones) {
    RunKpis k = aggregate_kpis(r, milestones);
    std::vector<char> refused(static_cast<std::size_t>(r.years), 0);
    for (const DecisionEvent& e : r.events) {
        const bool any = std::any_of(e.options.begin(), e.options.end(),
                                     [](const OptionAppraisal& o) { return o.refused; });
        const int yi = e.year - r.base_year;
        if (any && yi >= 0 && yi < r.years) refused[static_cast<std::size_t>(yi)] = 1;
    }
    k.unmet_infrastructure_years = static_cast<std::int32_t>(std::count(refused.begin(), refused.end(), 1));
    return k;
}

RunKpis compute_kpis(const RunResult& r, const std::vector<std::uint8_t>& refused_in_year,
                     const std::vector<int>& milestones) {
    RunKpis k = aggregate_kpis(r, milestones);
    k.unmet_infrastructure_years =
        static_cast<std::int32_t>(std::count(refused_in_year.begin(), refused_in_year.end(), std::uint8_t{1}));
    return k;
}

}  // namespace eiisim
