#include "demand_paths.hpp"

#include <algorithm>

#include "input_error.hpp"
#include "sector_setting.hpp"

namespace eiisim {
namespace {

// v' = max(0, 1 + factor (v - 1)) at every anchor; factor 1 keeps the path as it is.
TimePath scale_change(const TimePath& path, double factor) {
    if (factor == 1.0) return path;
    std::vector<std::pair<int, double>> anchors = path.anchors();
    for (auto& anchor : anchors) anchor.second = std::max(0.0, 1.0 + factor * (anchor.second - 1.0));
    return TimePath(std::move(anchors));
}


// The last year sector `s`'s product price index is observed: its observed series' last
// year (observed_prices.csv, unless history is off), else the calibration year, where
// every product price is the sectors.csv price.
int last_observed_price_year(const Inputs& inputs, std::size_t s) {
    const std::string name = "product_price_index." + inputs.sectors[s].id;
    if (inputs.scenario.history != HistoryMode::off)
        for (const ObservedPriceSeries& series : inputs.observed_prices)
            if (series.series == name && !series.values.empty()) return series.values.back().first;
    return inputs.scenario.calibration_year;
}

// `observed` up to `last`, then `path` scaled to continue from observed(last):
// I(y) = I(last) p(y) / p(last) for y > last (the path as given where p(last) = 0).
TimePath chained_after(const TimePath& observed, const TimePath& path, int last) {
    std::vector<std::pair<int, double>> anchors;
    for (const auto& anchor : observed.anchors())
        if (anchor.first < last) anchors.push_back(anchor);
    anchors.emplace_back(last, observed.at(last));
    const double at_last = path.at(last);
    const double scale = at_last > 0 ? observed.at(last) / at_last : 1.0;
    bool later = false;
    for (const auto& anchor : path.anchors())
        if (anchor.first > last) {
            anchors.emplace_back(anchor.first, scale * anchor.second);
            later = true;
        }
    if (!later) anchors.emplace_back(last + 1, scale * path.at(last + 1));
    return TimePath(std::move(anchors));
}

// demand.price_by_sector: each named sector's product price index follows its path after
// its last observed price year, chained to the index there.
void apply_price_paths(Inputs& inputs, const std::string& scenario_file) {
    const DemandSettings& demand = inputs.scenario.demand;
    if (demand.price_sector_names.empty()) return;
    PricePaths& prices = inputs.scenario.prices;
    if (prices.sector_product_price_index.empty())
        prices.sector_product_price_index.assign(inputs.sectors.size(), prices.product_price_index);
    for (std::size_t i = 0; i < demand.price_sector_names.size(); ++i) {
        const std::size_t s = sector_named_by_setting(inputs.sectors, demand.price_sector_names[i],
                                                      "demand.price_by_sector", scenario_file,
                                                      inputs.scenario.setting_lines);
        TimePath& index = prices.sector_product_price_index[s];
        index = chained_after(index, demand.price_sector_paths[i], last_observed_price_year(inputs, s));
    }
}

}  // namespace

void resolve_demand_paths(Inputs& inputs, const std::string& scenario_file) {
    apply_price_paths(inputs, scenario_file);
    const DemandSettings& demand = inputs.scenario.demand;
    std::vector<TimePath>& out = inputs.scenario.prices.sector_volume_index;
    out.clear();
    if (demand.variant.empty() && demand.volume_sector_names.empty()) {
        // A factor scales the paths' change; without paths it would be silently ignored.
        if (demand.factor != 1.0)
            throw InputError(setting_where(inputs.scenario.setting_lines, scenario_file, "demand.factor"),
                             "demand.factor",
                             "scales the demand paths, but the scenario sets none: set demand.variant or "
                             "demand.volume_by_sector, or leave the factor at 1");
        return;
    }
    std::vector<std::vector<std::pair<int, double>>> anchors(inputs.sectors.size());
    bool known = demand.variant.empty();
    for (const DemandPathRow& row : inputs.demand_paths) {
        if (row.variant != demand.variant) continue;
        anchors[static_cast<std::size_t>(row.sector)].emplace_back(row.year, row.index);
        known = true;
    }
    if (!known)
        throw InputError(setting_where(inputs.scenario.setting_lines, scenario_file, "demand.variant"),
                         "demand.variant",
                         "no variant '" + demand.variant + "' in the dataset's demand_paths.csv");
    out.assign(inputs.sectors.size(), TimePath{});
    for (std::size_t s = 0; s < anchors.size(); ++s)
        if (!anchors[s].empty()) out[s] = TimePath(std::move(anchors[s]));
    for (std::size_t i = 0; i < demand.volume_sector_names.size(); ++i)
        out[sector_named_by_setting(inputs.sectors, demand.volume_sector_names[i], "demand.volume_by_sector",
                                    scenario_file, inputs.scenario.setting_lines)] = demand.volume_sector_paths[i];
    for (TimePath& path : out)
        if (!path.empty()) path = scale_change(path, demand.factor);
}

std::vector<double> demand_chain_factors(const Inputs& inputs, int last_observed_year, bool observed_level) {
    const std::vector<TimePath>& paths = inputs.scenario.prices.sector_volume_index;
    if (paths.empty()) return {};
    std::vector<double> level(paths.size(), 1.0);
    if (observed_level && inputs.scenario.history == HistoryMode::forced)
        for (const SectorActivity& a : inputs.sector_activity)
            if (a.year == last_observed_year) level[static_cast<std::size_t>(a.sector)] = a.index;
    std::vector<double> chain(paths.size(), 1.0);
    for (std::size_t s = 0; s < paths.size(); ++s) {
        // A path that has fallen to 0 by the last observed year cannot be chained: the
        // sector then follows its path as given.
        if (paths[s].empty()) continue;  // no path: today's behaviour, factor 1
        const double at_last = paths[s].at(last_observed_year);
        chain[s] = at_last > 0 ? level[s] / at_last : 1.0;
    }
    return chain;
}

}  // namespace eiisim
