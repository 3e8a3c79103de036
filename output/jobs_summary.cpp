#include "jobs_summary.hpp"

#include <fmt/format.h>

namespace eiisim {

std::vector<int> base_2030_end_years(const RunResult& result) {
    const int end = result.base_year + result.years - 1;
    std::vector<int> years{result.base_year};
    if (2030 > result.base_year && 2030 < end) years.push_back(2030);
    if (end > result.base_year) years.push_back(end);
    return years;
}

std::vector<double> sector_jobs(const Inputs& inputs, const RunResult& result, int year) {
    std::vector<double> jobs(inputs.sectors.size(), 0.0);
    for (int p = 0; p < result.plants; ++p)
        jobs[static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector)] +=
            result.jobs[result.at(year - result.base_year, p)];
    return jobs;
}

void print_jobs(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    const std::vector<int> years = base_2030_end_years(result);
    out << "\nJobs at the plants in the Netherlands (FTE; docs/ODD.md §7.12 \"Jobs\")\n";
    out << fmt::format("{:<24}", "cluster");
    for (int y : years) out << fmt::format(" {:>8}", y);
    out << "\n";
    std::vector<double> national(years.size(), 0.0);
    for (int c = 0; c < result.clusters; ++c) {
        out << fmt::format("{:<24}", inputs.clusters[static_cast<std::size_t>(c)].name);
        for (std::size_t k = 0; k < years.size(); ++k) {
            const double jobs = result.cluster_jobs[result.at_cluster(years[k] - result.base_year, c)];
            out << fmt::format(" {:>8.0f}", jobs);
            national[k] += jobs;
        }
        out << "\n";
    }
    out << fmt::format("{:<24}", "national");
    for (double v : national) out << fmt::format(" {:>8.0f}", v);
    out << "\n";
    // The plant panel holds every year only in a full run (aggregate-only runs keep one).
    if (result.jobs.size() != static_cast<std::size_t>(result.years) * static_cast<std::size_t>(result.plants)) return;
    std::vector<std::vector<double>> by_year;
    for (int y : years) by_year.push_back(sector_jobs(inputs, result, y));
    out << "by sector\n";
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s) {
        if (by_year.front()[s] <= 0) continue;
        out << fmt::format("  {:<22}", inputs.sectors[s].id);
        for (const auto& jobs : by_year) out << fmt::format(" {:>8.0f}", jobs[s]);
        out << "\n";
    }
}

}  // namespace eiisim
