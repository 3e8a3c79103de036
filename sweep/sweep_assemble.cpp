// The record (RecordLayout, sweep.hpp), in this order:
//   outcomes  [cluster net CO2 per milestone x cluster][national net CO2 per milestone]
//             [cumulative subsidy][relocated CO2][production retained][unmet years]
//   banded    each year-major: [cluster net CO2, year x cluster][national net CO2, year]
//             [production share, year x kind][CO2 storage used, year][CO2 storage
//             capacity, year][hydrogen used, year][hydrogen supply, year][biomethane
//             used, year][biomethane supply, year][grid used, year x cluster]
//             [grid headroom, year x cluster]
//   saved     with cluster trajectories [production][net][captured][relocated], each
//             year x cluster.
//
// Quantiles are exact. The records are on disk (the checkpoint); the reduction reads the
// banded columns back a group at a time, in run order, and selects the order statistics
// of each column in parallel over columns: memory stays within a budget whatever the
// number of runs (docs/sweeps.md, "Memory").
#include "sweep_assemble.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "parallel_runs.hpp"
#include "sweep_checkpoint.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kQ = kSweepQuantiles.size();

double* put(double* out, const std::vector<double>& values) {
    return std::copy(values.begin(), values.end(), out);
}

// The banded series in record order: the SweepResult field of its quantiles and its
// columns per year.
struct Band {
    std::vector<double> SweepResult::*quantiles;
    std::size_t per_year;
};

std::vector<Band> bands(const RecordLayout& l) {
    return {{&SweepResult::cluster_net_co2_quantiles_t, l.clusters},
            {&SweepResult::net_co2_quantiles_t, 1},
            {&SweepResult::production_share_by_kind_quantiles, l.kinds},
            {&SweepResult::co2_storage_used_quantiles_t, 1},
            {&SweepResult::co2_storage_capacity_quantiles_t, 1},
            {&SweepResult::hydrogen_used_quantiles_gj, 1},
            {&SweepResult::hydrogen_supply_quantiles_gj, 1},
            {&SweepResult::biomethane_used_quantiles_gj, 1},
            {&SweepResult::biomethane_supply_quantiles_gj, 1},
            {&SweepResult::cluster_grid_used_quantiles_mw, l.clusters},
            {&SweepResult::cluster_grid_headroom_quantiles_mw, l.clusters}};
}

// Reads record columns [first, first + count) into out[run * count + column] ([run][...],
// the order of the outcome variables), `group` columns at a time.
void read_outcome_rows(const SweepCheckpoint& records, std::size_t first, std::size_t count, std::size_t group,
               std::vector<double>& columns, std::vector<double>& out) {
    const std::size_t runs = records.runs();
    out.resize(runs * count);
    constexpr std::size_t kRunBlock = 256;
    const std::size_t blocks = (runs + kRunBlock - 1) / kRunBlock;
    for (std::size_t c0 = 0; c0 < count; c0 += group) {
        const std::size_t n = std::min(group, count - c0);
        records.read_columns(first + c0, n, columns);
        for_each_run_parallel(blocks, [&](std::size_t, std::size_t b) {
            const std::size_t end = std::min(runs, (b + 1) * kRunBlock);
            for (std::size_t c = 0; c < n; ++c)
                for (std::size_t r = b * kRunBlock; r < end; ++r) out[r * count + c0 + c] = columns[c * runs + r];
        });
    }
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
    double base_production = 0;
    for (int c = 0; c < r.clusters; ++c) base_production += r.cluster_production_t[r.at_cluster(0, c)];
    const std::size_t kinds = layout.kinds;
    for (int y = 0; y < r.years; ++y)
        for (std::size_t kind = 0; kind < kinds; ++kind) {
            double national = 0;
            for (int c = 0; c < r.clusters; ++c)
                national += r.cluster_production_by_kind_t[r.at_cluster(y, c) * kinds + kind];
            *out++ = base_production > 0 ? national / base_production : 0.0;
        }
    out = put(out, r.co2_storage_used_t);
    out = put(out, r.co2_storage_capacity_t);
    out = put(out, r.hydrogen_used_gj);
    out = put(out, r.hydrogen_supply_gj);
    out = put(out, r.biomethane_used_gj);
    out = put(out, r.biomethane_supply_gj);
    out = put(out, r.cluster_grid_used_mw);
    out = put(out, r.cluster_grid_headroom_mw);

    if (layout.cluster_trajectories) {
        out = put(out, r.cluster_production_t);
        out = put(out, r.cluster_co2_net_t);
        out = put(out, r.cluster_co2_captured_t);
        out = put(out, r.cluster_co2_relocated_t);
    }
}

void quantiles_of(std::span<double> v, std::span<double, kSweepQuantiles.size()> out) {
    const std::size_t n = v.size();
    if (n == 0) {
        std::fill(out.begin(), out.end(), 0.0);
        return;
    }
    auto at = [&](std::size_t i) { return v.begin() + static_cast<std::ptrdiff_t>(i); };
    std::array<std::size_t, kQ> lo{};
    for (std::size_t k = 0; k < kQ; ++k)
        lo[k] = static_cast<std::size_t>(std::floor(static_cast<double>(n - 1) * kSweepQuantiles[k]));
    // Positions whose order statistic is in place: every value before such a position is
    // no greater, every value after it no smaller. Select the middle level first, then
    // the outer ones inside the parts it leaves, so each selection scans a shrinking part.
    std::vector<std::size_t> fixed;
    fixed.reserve(kQ);
    auto part = [&](std::size_t r) {  // [first, last) of the unsorted part holding rank r
        std::size_t first = 0, last = n;
        for (std::size_t f : fixed) {
            if (f < r) first = std::max(first, f + 1);
            if (f > r) last = std::min(last, f);
        }
        return std::pair{first, last};
    };
    auto is_fixed = [&](std::size_t r) { return std::find(fixed.begin(), fixed.end(), r) != fixed.end(); };
    for (std::size_t k : {std::size_t{2}, std::size_t{1}, std::size_t{3}, std::size_t{0}, std::size_t{4}}) {
        if (k >= kQ || is_fixed(lo[k])) continue;
        const auto [first, last] = part(lo[k]);
        std::nth_element(at(first), at(lo[k]), at(last));
        fixed.push_back(lo[k]);
    }
    for (std::size_t k = 0; k < kQ; ++k) {
        const double h = static_cast<double>(n - 1) * kSweepQuantiles[k];
        const std::size_t hi = std::min(lo[k] + 1, n - 1);
        // The next order statistic: in place, or the least value of the part after lo.
        const double next = hi == lo[k] || is_fixed(hi) ? v[hi] : *std::min_element(at(hi), at(part(hi).second));
        out[k] = v[lo[k]] + (h - static_cast<double>(lo[k])) * (next - v[lo[k]]);
    }
}

std::vector<double> column_quantiles(const std::vector<double>& data, std::size_t runs, std::size_t columns) {
    std::vector<double> q(kQ * columns, 0.0);
    std::vector<double> column(runs);
    std::array<double, kQ> out{};
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::size_t r = 0; r < runs; ++r) column[r] = data[r * columns + c];
        quantiles_of(column, out);
        for (std::size_t k = 0; k < kQ; ++k) q[k * columns + c] = out[k];
    }
    return q;
}

SweepResult assemble_sweep(const RecordLayout& layout, const SweepCheckpoint& records,
                           const std::vector<int>& milestones, const Inputs& inputs, std::size_t budget_bytes) {
    const std::size_t runs = records.runs();
    SweepResult s;
    s.runs = runs;
    s.base_year = inputs.scenario.base_year;
    s.years = inputs.year_count();
    s.clusters = static_cast<int>(inputs.clusters.size());
    s.milestones = milestones;
    const std::size_t m = layout.milestones, c = layout.clusters, yc = layout.years * layout.clusters;

    // Columns read back at a time: as many as fit in the budget.
    const std::size_t column_bytes = std::max<std::size_t>(runs, 1) * sizeof(double);
    const std::size_t group = std::max<std::size_t>(1, budget_bytes / column_bytes);
    std::vector<double> columns;

    // Outcomes -> the [run][...] vectors.
    const std::size_t outcomes = layout.outcome_columns();
    std::vector<double> rows;
    read_outcome_rows(records, 0, outcomes, group, columns, rows);
    s.cluster_net_co2_t.resize(runs * m * c);
    s.net_co2_t.resize(runs * m);
    for (std::size_t r = 0; r < runs; ++r) {
        const double* in = rows.data() + r * outcomes;
        std::copy(in, in + m * c, s.cluster_net_co2_t.begin() + static_cast<std::ptrdiff_t>(r * m * c));
        in += m * c;
        std::copy(in, in + m, s.net_co2_t.begin() + static_cast<std::ptrdiff_t>(r * m));
        in += m;
        s.cumulative_subsidy_eur.push_back(*in++);
        s.relocated_co2_t.push_back(*in++);
        s.production_retained.push_back(*in++);
        s.unmet_infrastructure_years.push_back(static_cast<std::int32_t>(*in++));
    }

    // Banded series: quantiles [column][quantile], a group of columns at a time.
    const std::size_t banded = layout.banded_columns();
    std::vector<double> quantiles(banded * kQ, 0.0);
    for (std::size_t first = 0; first < banded; first += group) {
        const std::size_t count = std::min(group, banded - first);
        records.read_columns(outcomes + first, count, columns);
        for_each_run_parallel(count, [&](std::size_t, std::size_t j) {
            std::span<double> column(columns.data() + j * runs, runs);
            quantiles_of(column, std::span<double, kQ>(quantiles.data() + (first + j) * kQ, kQ));
        });
    }
    std::size_t offset = 0;
    for (const Band& band : bands(layout)) {
        const std::size_t n = layout.years * band.per_year;
        std::vector<double>& out = s.*band.quantiles;
        out.resize(kQ * n);
        for (std::size_t k = 0; k < kQ; ++k)
            for (std::size_t j = 0; j < n; ++j) out[k * n + j] = quantiles[(offset + j) * kQ + k];
        offset += n;
    }

    // Trajectories, stored by run: [run][year][cluster].
    s.has_cluster_trajectories = layout.cluster_trajectories;
    if (s.has_cluster_trajectories) {
        std::vector<double>* saved[] = {&s.cluster_production_t, &s.cluster_co2_net_t, &s.cluster_co2_captured_t,
                                        &s.cluster_co2_relocated_t};
        records.read_rows(outcomes + banded, yc, saved);
    }
    return s;
}

}  // namespace eiisim
