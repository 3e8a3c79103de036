// The record layout: [cluster net CO2 per milestone x cluster][national net CO2 per
// milestone][cumulative subsidy][relocated CO2][production retained][unmet years]
// [cluster net CO2 per year x cluster][national net CO2 per year]
// and with cluster trajectories [production][net][captured][relocated], each year x cluster.
//
// Quantiles are exact: the per-year cluster and national net CO2 of every run stay in
// memory in run order (10,000 runs x 31 years x 7 columns x 8 B = 17 MB) and each column
// is sorted once at the end.
#include "sweep_assemble.hpp"

#include <algorithm>
#include <cmath>

namespace eiisim {
namespace {

double* put(double* out, const std::vector<double>& values) {
    return std::copy(values.begin(), values.end(), out);
}

}  // namespace

void pack_record(const RecordLayout& layout, const RunKpis& k, const RunResult& r, double* out) {
    out = put(out, k.cluster_net_co2_t);
    out = put(out, k.net_co2_t);
    *out++ = k.cumulative_subsidy_eur;
    *out++ = k.relocated_co2_t;
    *out++ = k.production_retained;
    *out++ = static_cast<double>(k.unmet_infrastructure_years);
    out = put(out, r.cluster_co2_net_t);
    for (int y = 0; y < r.years; ++y) {
        double national = 0;
        for (int c = 0; c < r.clusters; ++c) national += r.cluster_co2_net_t[r.at_cluster(y, c)];
        *out++ = national;
    }
    if (layout.cluster_trajectories) {
        out = put(out, r.cluster_production_t);
        out = put(out, r.cluster_co2_net_t);
        out = put(out, r.cluster_co2_captured_t);
        out = put(out, r.cluster_co2_relocated_t);
    }
}

std::vector<double> column_quantiles(const std::vector<double>& data, std::size_t runs, std::size_t columns) {
    std::vector<double> q(kSweepQuantiles.size() * columns, 0.0);
    std::vector<double> column(runs);
    for (std::size_t c = 0; c < columns && runs > 0; ++c) {
        for (std::size_t r = 0; r < runs; ++r) column[r] = data[r * columns + c];
        std::sort(column.begin(), column.end());
        for (std::size_t k = 0; k < kSweepQuantiles.size(); ++k) {
            const double h = static_cast<double>(runs - 1) * kSweepQuantiles[k];
            const auto lo = static_cast<std::size_t>(std::floor(h));
            const std::size_t hi = std::min(lo + 1, runs - 1);
            q[k * columns + c] = column[lo] + (h - static_cast<double>(lo)) * (column[hi] - column[lo]);
        }
    }
    return q;
}

SweepResult assemble_sweep(const RecordLayout& layout, const std::vector<double>& records, std::size_t runs,
                           const std::vector<int>& milestones, const Inputs& inputs) {
    SweepResult s;
    s.runs = runs;
    s.base_year = inputs.scenario.base_year;
    s.years = inputs.year_count();
    s.clusters = static_cast<int>(inputs.clusters.size());
    s.milestones = milestones;
    const std::size_t m = layout.milestones, y = layout.years, c = layout.clusters, w = layout.width();
    const std::size_t yc = y * c;
    std::vector<double> cluster_traj(runs * yc), national_traj(runs * y);
    s.has_cluster_trajectories = layout.cluster_trajectories;
    if (s.has_cluster_trajectories)
        for (auto* v : {&s.cluster_production_t, &s.cluster_co2_net_t, &s.cluster_co2_captured_t,
                        &s.cluster_co2_relocated_t})
            v->resize(runs * yc);
    for (std::size_t r = 0; r < runs; ++r) {
        const double* in = records.data() + r * w;
        s.cluster_net_co2_t.insert(s.cluster_net_co2_t.end(), in, in + m * c);
        in += m * c;
        s.net_co2_t.insert(s.net_co2_t.end(), in, in + m);
        in += m;
        s.cumulative_subsidy_eur.push_back(*in++);
        s.relocated_co2_t.push_back(*in++);
        s.production_retained.push_back(*in++);
        s.unmet_infrastructure_years.push_back(static_cast<std::int32_t>(*in++));
        std::copy(in, in + yc, cluster_traj.begin() + static_cast<std::ptrdiff_t>(r * yc));
        in += yc;
        std::copy(in, in + y, national_traj.begin() + static_cast<std::ptrdiff_t>(r * y));
        in += y;
        if (s.has_cluster_trajectories) {
            for (auto* v : {&s.cluster_production_t, &s.cluster_co2_net_t, &s.cluster_co2_captured_t,
                            &s.cluster_co2_relocated_t}) {
                std::copy(in, in + yc, v->begin() + static_cast<std::ptrdiff_t>(r * yc));
                in += yc;
            }
        }
    }
    s.cluster_net_co2_quantiles_t = column_quantiles(cluster_traj, runs, yc);
    s.net_co2_quantiles_t = column_quantiles(national_traj, runs, y);
    return s;
}

}  // namespace eiisim
