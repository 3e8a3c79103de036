#pragma once
// The reduction a run makes beyond its reference run of the same seed (docs/ODD.md §7.17,
// `--reference KIND`): the reference's net CO2 less the run's, in t/yr; positive: the run
// emits less. One definition for the run printout (output/reference_summary.cpp) and the
// outcomes `additional_reduction_national` and `additional_reduction_per_cluster`
// (core/outcomes.cpp), so the file and the printout cannot disagree.
#include "run_result.hpp"

namespace eiisim {

// Net CO2 summed over clusters, in cluster order, in year index `yi`.
[[nodiscard]] inline double national_net_co2_t(const RunResult& r, int yi) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c) sum += r.cluster_co2_net_t[r.at_cluster(yi, c)];
    return sum;
}

// National, in calendar year `year`.
[[nodiscard]] inline double additional_reduction_t(const RunResult& run, const RunResult& reference, int year) {
    return national_net_co2_t(reference, year - reference.base_year) - national_net_co2_t(run, year - run.base_year);
}

// Of cluster `c`, in calendar year `year`; over clusters these add up to the national one
// (up to rounding: the national one is a difference of sums).
[[nodiscard]] inline double additional_cluster_reduction_t(const RunResult& run, const RunResult& reference, int year,
                                                           int c) {
    return reference.cluster_co2_net_t[reference.at_cluster(year - reference.base_year, c)] -
           run.cluster_co2_net_t[run.at_cluster(year - run.base_year, c)];
}

}  // namespace eiisim
