#include "hindcast.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/input_error.hpp"
#include "hindcast_metrics.hpp"
#include "inputs/observed_emissions.hpp"
#include "parallel_runs.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"
#include "sweep_assemble.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int last_observed_year(const std::vector<ObservedSeries>& observed, int base_year) {
    int last = base_year;
    for (const ObservedSeries& s : observed)
        if (!s.years.empty()) last = std::max(last, s.years.rbegin()->first);
    return last;
}

// [series][seed * years + year index], Mt, for one mode: runs end at `last_year`.
std::vector<std::vector<double>> simulate_mode(const Inputs& inputs, HistoryMode mode, int last_year,
                                               const std::vector<HindcastSeries>& observed, int seeds) {
    Inputs copy = inputs;
    copy.scenario.history = mode;
    copy.scenario.end_year = last_year;
    const Model model = build_model(std::move(copy));
    const auto years = static_cast<std::size_t>(last_year - inputs.scenario.base_year + 1);
    const auto runs = static_cast<std::size_t>(seeds);
    std::vector<std::vector<double>> out(observed.size(), std::vector<double>(runs * years));
    for_each_run_parallel(runs, [&](std::size_t, std::size_t i) {
        const RunResult result = simulate(model, static_cast<std::uint64_t>(i + 1));
        for (std::size_t s = 0; s < observed.size(); ++s) {
            const std::vector<double> mt = series_net_co2_mt(result, observed[s].observed.plants);
            std::copy(mt.begin(), mt.end(), out[s].begin() + static_cast<std::ptrdiff_t>(i * years));
        }
    });
    return out;
}

std::array<double, kSweepQuantiles.size()> quantiles(std::vector<double> values) {
    std::array<double, kSweepQuantiles.size()> q{};
    quantiles_of(values, q);
    return q;
}

constexpr std::size_t kP05 = 0, kMedian = 2, kP95 = 4;  // positions in kSweepQuantiles

// Median over seeds of each seed's value in year index y relative to index `from`.
double median_change(const std::vector<double>& runs, std::size_t seeds, std::size_t years, std::size_t y,
                     std::size_t from) {
    std::vector<double> change;
    for (std::size_t i = 0; i < seeds; ++i) {
        const double before = runs[i * years + from];
        if (before > 0) change.push_back(runs[i * years + y] / before - 1);
    }
    return change.empty() ? kNaN : quantiles(std::move(change))[kMedian];
}

void add_observed(const ObservedSeries& observed, int base_year, HindcastYear& row) {
    const auto at = observed.years.find(row.year);
    const auto base = observed.years.find(base_year);
    const auto previous = observed.years.find(row.year - 1);
    row.observed_mt = at == observed.years.end() ? kNaN : at->second.co2_mt;
    row.label = at == observed.years.end() ? "" : kObservedLabelNames[static_cast<std::size_t>(at->second.label)];
    const bool has_base = base != observed.years.end() && base->second.co2_mt > 0;
    const bool has_previous = previous != observed.years.end() && previous->second.co2_mt > 0;
    row.observed_change = at != observed.years.end() && has_base ? row.observed_mt / base->second.co2_mt - 1 : kNaN;
    row.observed_yoy = at != observed.years.end() && has_previous ? row.observed_mt / previous->second.co2_mt - 1 : kNaN;
    row.error_pp = 100.0 * (row.simulated_change - row.observed_change);
    row.sign_right = std::isnan(row.observed_yoy) || std::isnan(row.simulated_yoy)
                         ? -1
                         : (same_sign(row.simulated_yoy, row.observed_yoy) ? 1 : 0);
}

std::vector<HindcastYear> compare(const ObservedSeries& observed, const std::vector<double>& runs, std::size_t seeds,
                                  int base_year, int last_year) {
    const auto years = static_cast<std::size_t>(last_year - base_year + 1);
    std::vector<HindcastYear> rows(years);
    for (std::size_t y = 0; y < years; ++y) {
        HindcastYear& row = rows[y];
        row.year = base_year + static_cast<int>(y);
        std::vector<double> level(seeds);
        for (std::size_t i = 0; i < seeds; ++i) level[i] = runs[i * years + y];
        const auto q = quantiles(std::move(level));
        row.simulated_p05_mt = q[kP05];
        row.simulated_median_mt = q[kMedian];
        row.simulated_p95_mt = q[kP95];
        row.simulated_change = median_change(runs, seeds, years, y, 0);
        row.simulated_yoy = y == 0 ? kNaN : median_change(runs, seeds, years, y, y - 1);
        add_observed(observed, base_year, row);
    }
    return rows;
}

HindcastMetrics metrics_of(const std::vector<HindcastYear>& rows) {
    std::vector<double> simulated, observed, simulated_index, observed_index, simulated_yoy, observed_yoy;
    for (const HindcastYear& row : rows) {
        if (row.year == rows.front().year) continue;
        if (!std::isnan(row.observed_change) && !std::isnan(row.simulated_change)) {
            simulated.push_back(row.simulated_change);
            observed.push_back(row.observed_change);
            simulated_index.push_back(1 + row.simulated_change);
            observed_index.push_back(1 + row.observed_change);
        }
        if (row.sign_right >= 0) {
            simulated_yoy.push_back(row.simulated_yoy);
            observed_yoy.push_back(row.observed_yoy);
        }
    }
    HindcastMetrics m;
    m.mae_pp = 100.0 * mean_absolute_error(simulated, observed);
    m.mape_pct = mean_absolute_percentage_error(simulated_index, observed_index);
    m.signs_compared = static_cast<int>(simulated_yoy.size());
    const double accuracy = sign_accuracy(simulated_yoy, observed_yoy);
    m.signs_right = m.signs_compared == 0 ? 0 : static_cast<int>(std::lround(accuracy * m.signs_compared));
    return m;
}

}  // namespace

std::vector<double> series_net_co2_mt(const RunResult& result, const std::vector<int>& plants) {
    std::vector<double> mt(static_cast<std::size_t>(result.years), 0.0);
    for (int y = 0; y < result.years; ++y) {
        double sum = 0;
        for (int p : plants) sum += result.co2_net_t[result.at(y, p)];
        mt[static_cast<std::size_t>(y)] = sum / kMt;
    }
    return mt;
}

HindcastResult run_hindcast(const Inputs& inputs, std::vector<ObservedSeries> observed, int seeds) {
    HindcastResult out;
    out.scenario = inputs.scenario.name;
    out.base_year = inputs.scenario.base_year;
    out.last_year = std::min(last_observed_year(observed, out.base_year), inputs.scenario.end_year);
    out.seeds = seeds;
    if (out.last_year <= out.base_year)
        throw InputError({kObservedEmissionsFile, 0, 0}, "year",
                         "no observation after the scenario's base year " + std::to_string(out.base_year));
    for (ObservedSeries& s : observed) out.series.push_back({std::move(s), {}, {}});
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m) {
        const auto runs = simulate_mode(inputs, kHindcastModes[m], out.last_year, out.series, seeds);
        for (std::size_t s = 0; s < out.series.size(); ++s) {
            out.series[s].years[m] = compare(out.series[s].observed, runs[s], static_cast<std::size_t>(seeds),
                                             out.base_year, out.last_year);
            out.series[s].metrics[m] = metrics_of(out.series[s].years[m]);
        }
    }
    return out;
}

}  // namespace eiisim
