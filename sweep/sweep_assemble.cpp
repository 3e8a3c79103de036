// The record (RecordLayout, sweep.hpp), in this order:
//   outcomes  the outcomes present (core/outcomes.cpp), in table order, each [milestone x ...]
//             or one value
//   banded    the banded observables (core/observables.cpp) in band order, each
//             year-major: [year] or [year x cluster|kind|instrument] or [year x cluster x kind]
//   saved     with cluster trajectories, the saved observables in table order, each
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
#include <stdexcept>
#include <utility>

#include "core/observables.hpp"
#include "parallel_runs.hpp"
#include "sweep_checkpoint.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kQ = kSweepQuantiles.size();

double* put(double* out, const std::vector<double>& values) {
    return std::copy(values.begin(), values.end(), out);
}

// The series `o` derives from (every Derive but none).
const std::vector<double>& source_of(const Observable& o, const RunResult& r) {
    const Observable* from = find_observable(o.from);
    if (from == nullptr || from->f64 == nullptr || from->level != Level::cluster)
        throw std::logic_error("observable " + std::string(o.name) + " derives from no cluster series");
    return r.*from->f64;
}

// National sums over clusters of a [year][cluster][per_cluster] series, year-major; with
// `share`, divided by the run's national production value in the base year (the same
// measure as the by-kind series it divides: production at reference prices, power left out).
double* put_cluster_sums(const RunResult& r, const std::vector<double>& v, std::size_t per_cluster, bool share,
                         double* out) {
    double base_production = 0;
    for (int c = 0; c < r.clusters; ++c) base_production += r.cluster_production_value_eur[r.at_cluster(0, c)];
    for (int y = 0; y < r.years; ++y)
        for (std::size_t e = 0; e < per_cluster; ++e) {
            double national = 0;
            for (int c = 0; c < r.clusters; ++c) national += v[r.at_cluster(y, c) * per_cluster + e];
            if (share) national = base_production > 0 ? national / base_production : 0.0;
            *out++ = national;
        }
    return out;
}

// A [year][cluster][per_cluster] series divided by each cluster's own production value in
// the run's base year (0 for a cluster without any), year-major as the source.
double* put_cluster_shares(const RunResult& r, const std::vector<double>& v, std::size_t per_cluster, double* out) {
    for (int y = 0; y < r.years; ++y)
        for (int c = 0; c < r.clusters; ++c) {
            const double base = r.cluster_production_value_eur[r.at_cluster(0, c)];
            for (std::size_t e = 0; e < per_cluster; ++e) {
                const double value = v[r.at_cluster(y, c) * per_cluster + e];
                *out++ = base > 0 ? value / base : 0.0;
            }
        }
    return out;
}

double* put_band(const Observable& o, const RunResult& r, double* out) {
    switch (o.derive) {
        case Derive::none: return put(out, r.*o.f64);
        case Derive::sum_over_clusters: return put_cluster_sums(r, source_of(o, r), o.per_year(0, 0), false, out);
        case Derive::share_of_base_production:
            return put_cluster_sums(r, source_of(o, r), o.per_year(0, 0), true, out);
        case Derive::share_of_cluster_base_production:
            return put_cluster_shares(r, source_of(o, r), o.per_year(0, 1), out);  // per cluster: the kinds
    }
    return out;
}

// The stores hold disjoint (or identical) records, each run in at least one: reading
// each in turn fills every run's values.
void read_columns(RecordParts parts, std::size_t first, std::size_t count, std::vector<double>& out) {
    for (const SweepCheckpoint* part : parts) part->read_columns(first, count, out);
}

void read_rows(RecordParts parts, std::size_t first, std::size_t count, std::span<std::vector<double>* const> outs) {
    for (const SweepCheckpoint* part : parts) part->read_rows(first, count, outs);
}

// Reads record columns [first, first + count) into out[run * count + column] ([run][...],
// the order of the outcome variables), `group` columns at a time.
void read_outcome_rows(RecordParts records, std::size_t first, std::size_t count, std::size_t group,
               std::vector<double>& columns, std::vector<double>& out) {
    const std::size_t runs = records.front()->runs();
    out.resize(runs * count);
    constexpr std::size_t kRunBlock = 256;
    const std::size_t blocks = (runs + kRunBlock - 1) / kRunBlock;
    for (std::size_t c0 = 0; c0 < count; c0 += group) {
        const std::size_t n = std::min(group, count - c0);
        read_columns(records, first + c0, n, columns);
        for_each_run_parallel(blocks, [&](std::size_t, std::size_t b) {
            const std::size_t end = std::min(runs, (b + 1) * kRunBlock);
            for (std::size_t c = 0; c < n; ++c)
                for (std::size_t r = b * kRunBlock; r < end; ++r) out[r * count + c0 + c] = columns[c * runs + r];
        });
    }
}

}  // namespace

void pack_record(const RecordLayout& layout, const RunKpis& k, const RunResult& r, double* out) {
    for (const std::vector<double>& values : k.values) out = put(out, values);

    for (const Observable* o : banded_observables()) out = put_band(*o, r, out);
    if (layout.cluster_trajectories)
        for (const Observable* o : saved_observables()) out = put(out, r.*o->f64);
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

namespace {

// Outcomes -> the [run][...] vectors of `s`.
void read_outcomes(const RecordLayout& layout, RecordParts records, std::size_t group,
                   std::vector<double>& columns, SweepResult& s) {
    const std::size_t runs = records.front()->runs();
    const std::size_t outcomes = layout.outcome_columns();
    std::vector<double> rows;
    read_outcome_rows(records, 0, outcomes, group, columns, rows);
    const OutcomeExtents extents = layout.outcome_extents();
    s.outcomes.assign(eiisim::outcomes().size(), {});
    std::size_t offset = 0;
    for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
        const std::size_t n = eiisim::outcomes()[i].size(extents);
        std::vector<double>& column = s.outcomes[i];
        column.resize(runs * n);
        for (std::size_t r = 0; r < runs; ++r) {
            const double* in = rows.data() + r * outcomes + offset;
            std::copy(in, in + n, column.begin() + static_cast<std::ptrdiff_t>(r * n));
        }
        offset += n;
    }
}

// Banded series: quantiles [column][quantile], a group of columns at a time, then split
// into one [quantile][year][...] array per banded observable.
void read_bands(const RecordLayout& layout, RecordParts records, std::size_t group,
                std::vector<double>& columns, SweepResult& s) {
    const std::size_t runs = records.front()->runs(), outcomes = layout.outcome_columns();
    const std::size_t banded = layout.banded_columns();
    std::vector<double> quantiles(banded * kQ, 0.0);
    for (std::size_t first = 0; first < banded; first += group) {
        const std::size_t count = std::min(group, banded - first);
        read_columns(records, outcomes + first, count, columns);
        for_each_run_parallel(count, [&](std::size_t, std::size_t j) {
            std::span<double> column(columns.data() + j * runs, runs);
            quantiles_of(column, std::span<double, kQ>(quantiles.data() + (first + j) * kQ, kQ));
        });
    }
    std::size_t offset = 0;
    for (const Observable* o : banded_observables()) {
        const std::size_t n = layout.years * o->per_year(0, layout.clusters, layout.instruments);
        std::vector<double>& out = s.bands.emplace_back(kQ * n);
        for (std::size_t k = 0; k < kQ; ++k)
            for (std::size_t j = 0; j < n; ++j) out[k * n + j] = quantiles[(offset + j) * kQ + k];
        offset += n;
    }
}

}  // namespace

SweepResult assemble_sweep(const RecordLayout& layout, const SweepCheckpoint& records,
                           const std::vector<int>& milestones, const Inputs& inputs, std::size_t budget_bytes) {
    const SweepCheckpoint* one[] = {&records};
    return assemble_sweep(layout, RecordParts(one), milestones, inputs, budget_bytes);
}

SweepResult assemble_sweep(const RecordLayout& layout, RecordParts records,
                           const std::vector<int>& milestones, const Inputs& inputs, std::size_t budget_bytes) {
    const std::size_t runs = records.front()->runs();
    SweepResult s;
    s.runs = runs;
    s.base_year = inputs.scenario.base_year;
    s.years = inputs.year_count();
    s.clusters = static_cast<int>(inputs.clusters.size());
    s.milestones = milestones;

    // Columns read back at a time: as many as fit in the budget.
    const std::size_t column_bytes = std::max<std::size_t>(runs, 1) * sizeof(double);
    const std::size_t group = std::max<std::size_t>(1, budget_bytes / column_bytes);
    std::vector<double> columns;
    read_outcomes(layout, records, group, columns, s);
    read_bands(layout, records, group, columns, s);

    // Trajectories, stored by run: [run][year][cluster] (every saved observable is per cluster).
    s.has_cluster_trajectories = layout.cluster_trajectories;
    if (s.has_cluster_trajectories) {
        s.trajectories.resize(saved_observables().size());
        std::vector<std::vector<double>*> saved;
        for (std::vector<double>& t : s.trajectories) saved.push_back(&t);
        read_rows(records, layout.columnar(), layout.years * layout.clusters, saved);
    }
    return s;
}

}  // namespace eiisim
