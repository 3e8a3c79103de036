#include "history_plan.hpp"

#include <algorithm>

namespace eiisim {

bool history_row_applies(const HistoryEntry& row, HistoryMode mode) {
    return mode == HistoryMode::forced || (mode == HistoryMode::free && row.exogenous);
}

namespace {

// Closing at least this share of capacity closes the plant.
constexpr double kWholePlant = 1.0 - 1e-9;

// A project is granted in the year its route's lead time before the start, at the
// earliest in the base year, so it holds its scarce capacity from then on as a granted
// conversion does.
int grant_year(const Inputs& in, const HistoryEntry& row) {
    const int lead = in.technologies[static_cast<std::size_t>(row.technology)].lead_time_y;
    return std::max(in.scenario.base_year, row.first_year - std::max(1, lead));
}

void add_row(const Inputs& in, const HistoryEntry& row, HistoryPlan& plan) {
    const int base = in.scenario.base_year;
    const int years = in.year_count();
    const auto at = [&](int year) { return static_cast<std::size_t>((year - base) * plan.plants + row.plant); };
    const int first = row.first_year - base;
    if (first >= years) return;  // after the run
    switch (row.kind) {
        case HistoryKind::outage:
        case HistoryKind::curtailment:
        case HistoryKind::mothball:
            for (int y = row.first_year; y <= std::min(row.last_year, in.scenario.end_year); ++y)
                plan.utilisation[at(y)] = row.kind == HistoryKind::mothball ? 0.0 : row.share;
            break;
        case HistoryKind::closure:
            if (row.share >= kWholePlant) {
                plan.closures[static_cast<std::size_t>(first)].push_back(row.plant);
                break;
            }
            for (int y = row.first_year; y <= in.scenario.end_year; ++y) plan.capacity_share[at(y)] *= 1.0 - row.share;
            break;
        case HistoryKind::project:
            plan.projects[static_cast<std::size_t>(grant_year(in, row) - base)].push_back(
                {row.plant, row.technology, row.first_year});
            break;
    }
}

// The last year a row reports as observed: a closure's last year of output (it is known
// once the plant stopped); a project's start lies after the years it was decided in.
int observed_until(const HistoryEntry& row) {
    if (row.kind == HistoryKind::closure) return row.first_year - 1;
    if (row.kind == HistoryKind::project) return 0;
    return row.last_year;
}

// Forced mode: a plant without an observed utilisation in a year up to the last observed
// one runs at its sector's observed volume index that year (docs/ODD.md §7.13); a plant
// with a row keeps the row. Free and off modes leave activity to behaviour.
void add_sector_activity(const Inputs& in, HistoryPlan& plan) {
    const int base = in.scenario.base_year;
    for (const SectorActivity& a : in.sector_activity) {
        if (a.year > plan.last_observed_year || a.year > in.scenario.end_year) continue;
        const auto row = static_cast<std::size_t>((a.year - base) * plan.plants);
        for (std::size_t p = 0; p < in.plants.size(); ++p)
            if (in.plants[p].sector == a.sector && plan.utilisation[row + p] < 0) plan.activity[row + p] = a.index;
    }
}

// The gas a plant makes in year row `row` relative to the base year: its observed
// utilisation over its base one, else its activity factor.
double gas_made_ratio(const Inputs& in, const HistoryPlan& plan, std::size_t row, std::size_t p) {
    const double observed = plan.utilisation[row + p];
    const double base = in.plants[p].production_t / in.plants[p].capacity_t;
    if (observed >= 0) return base > 0 ? observed / base : 1.0;
    return plan.activity[row + p];
}

// Forced mode: a fuel-gas buyer without its own observed utilisation burns what its
// suppliers make, so it runs at the lowest of their gas ratios (docs/ODD.md §7.13, "A
// gas-coupled buyer"), not at its own sector's index: in a strong steel year Velsen and
// IJmond burn the extra blast-furnace gas instead of Tata flaring it.
void add_fuel_gas_activity(const Inputs& in, HistoryPlan& plan) {
    const int base = in.scenario.base_year;
    const std::size_t n = in.plants.size();
    for (int year = base; year <= std::min(plan.last_observed_year, in.scenario.end_year); ++year) {
        const auto row = static_cast<std::size_t>((year - base) * plan.plants);
        std::vector<double> ratio(n, -1.0);  // < 0: no fuel-gas supplier
        for (const EdgeSpec& e : in.edges) {
            if (e.coupling != EdgeCoupling::fuel_gas) continue;
            const auto b = static_cast<std::size_t>(e.customer);
            const double made = gas_made_ratio(in, plan, row, static_cast<std::size_t>(e.supplier));
            ratio[b] = ratio[b] < 0 ? made : std::min(ratio[b], made);
        }
        for (std::size_t b = 0; b < n; ++b)
            if (ratio[b] >= 0 && plan.utilisation[row + b] < 0) plan.activity[row + b] = ratio[b];
    }
}

}  // namespace

HistoryPlan plan_history(const Inputs& in) {
    HistoryPlan plan;
    const HistoryMode mode = in.scenario.history;
    const auto years = static_cast<std::size_t>(in.year_count());
    plan.plants = static_cast<int>(in.plants.size());
    plan.last_observed_year = in.scenario.base_year - 1;
    plan.utilisation.assign(years * in.plants.size(), -1.0);
    plan.capacity_share.assign(years * in.plants.size(), 1.0);
    plan.activity.assign(years * in.plants.size(), 1.0);
    plan.closures.resize(years);
    plan.projects.resize(years);
    for (const HistoryEntry& row : in.history) {
        if (!history_row_applies(row, mode)) continue;
        add_row(in, row, plan);
        if (mode == HistoryMode::forced) plan.last_observed_year = std::max(plan.last_observed_year, observed_until(row));
    }
    if (mode == HistoryMode::forced) {
        add_sector_activity(in, plan);
        add_fuel_gas_activity(in, plan);  // after the suppliers' own indices
    }
    return plan;
}

}  // namespace eiisim
