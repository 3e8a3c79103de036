#include "targets_summary.hpp"

#include <fmt/format.h>

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

int year_index(const Inputs& inputs, const RunResult& result, EmissionTarget t) {
    return inputs.targets[static_cast<std::size_t>(t)].year - result.base_year;
}

double target_t(const RunResult& result, EmissionTarget t, int yi) {
    return result.target_co2_net_t[static_cast<std::size_t>(yi) * kEmissionTargetCount + static_cast<std::size_t>(t)];
}

}  // namespace

double national_net_t(const RunResult& result, int yi) {
    double sum = 0;
    for (int c = 0; c < result.clusters; ++c) sum += result.cluster_co2_net_t[result.at_cluster(yi, c)];
    return sum;
}

double target_gap_t(const Inputs& inputs, const RunResult& result, EmissionTarget t) {
    const int yi = year_index(inputs, result, t);
    return national_net_t(result, yi) - target_t(result, t, yi);
}

void print_targets(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    if (inputs.targets.empty()) return;
    out << fmt::format("Climate targets on the model's scope (national net CO2, Mt/yr; mapping and sources: "
                       "targets.csv, docs/dataset.md \"Targets\")\n");
    out << fmt::format("{:<24} {:>6} {:>8} {:>8} {:>8}\n", "target", "year", "target", "run", "gap");
    for (int k = 0; k < kEmissionTargetCount; ++k) {
        const auto t = static_cast<EmissionTarget>(k);
        const int yi = year_index(inputs, result, t);
        if (yi < 0 || yi >= result.years) continue;
        out << fmt::format("{:<24} {:>6} {:>8.2f} {:>8.2f} {:>8.2f}\n", kEmissionTargetNames[static_cast<std::size_t>(k)],
                           result.base_year + yi, target_t(result, t, yi) / kMt, national_net_t(result, yi) / kMt,
                           target_gap_t(inputs, result, t) / kMt);
    }
    out << "gap: the run's net CO2 above the target (negative: target beaten)\n\n";
}

}  // namespace eiisim
