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

RunKpis compute_kpis(const RunResult& r, const std::vector<int>& milestones, const RunResult* reference) {
    std::vector<std::uint8_t> refused(static_cast<std::size_t>(r.years), 0);
    for (const DecisionEvent& e : r.events) {
        const bool any = std::any_of(e.options.begin(), e.options.end(),
                                     [](const OptionAppraisal& o) { return o.refused; });
        const int yi = e.year - r.base_year;
        if (any && yi >= 0 && yi < r.years) refused[static_cast<std::size_t>(yi)] = 1;
    }
    return compute_kpis(r, refused, milestones, reference);
}

RunKpis compute_kpis(const RunResult& r, const std::vector<std::uint8_t>& refused_in_year,
                     const std::vector<int>& milestones, const RunResult* reference) {
    return compute_outcomes({r, milestones, refused_in_year, reference});
}

OutcomeExtents outcome_extents(const RunResult& r, const std::vector<int>& milestones, bool reference) {
    return {milestones.size(), static_cast<std::size_t>(r.clusters), r.targets, r.agreement_fate.size(), reference};
}

}  // namespace eiisim
