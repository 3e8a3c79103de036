#include "model.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/demand_paths.hpp"
#include "core/observed_prices.hpp"
#include "demand_volume.hpp"
#include "feedstock_market.hpp"

namespace eiisim {

namespace {

// Per year: the plants an event concerns, each with the union of the kinds opened to it.
void index_event_windows(Model& model) {
    const Inputs& in = model.inputs;
    model.event_plants.assign(static_cast<std::size_t>(in.year_count()), {});
    model.event_kinds.assign(static_cast<std::size_t>(in.year_count()), {});
    std::vector<std::vector<std::pair<int, std::uint16_t>>> windows(static_cast<std::size_t>(in.year_count()));
    for (const ScenarioEvent& event : in.scenario.events) {
        const int index = event.year - in.scenario.base_year;
        if (index < 0 || index >= in.year_count()) continue;
        for (std::size_t p = 0; p < in.plants.size(); ++p) {
            const std::uint16_t kinds = event_kinds_for(in, event, static_cast<int>(p));
            if (kinds != 0) windows[static_cast<std::size_t>(index)].emplace_back(static_cast<int>(p), kinds);
        }
    }
    for (std::size_t y = 0; y < windows.size(); ++y) {
        std::sort(windows[y].begin(), windows[y].end());
        for (const auto& [plant, kinds] : windows[y]) {
            if (!model.event_plants[y].empty() && model.event_plants[y].back() == plant) {
                model.event_kinds[y].back() = static_cast<std::uint16_t>(model.event_kinds[y].back() | kinds);
                continue;
            }
            model.event_plants[y].push_back(plant);
            model.event_kinds[y].push_back(kinds);
        }
    }
}

// Per plant the next unit of its site, each site's units in a ring in plant order.
std::vector<int> site_unit_ring(const std::vector<PlantSpec>& plants) {
    std::vector<int> next(plants.size());
    std::map<std::string, std::vector<int>, std::less<>> units;
    for (std::size_t p = 0; p < plants.size(); ++p) units[plants[p].site].push_back(static_cast<int>(p));
    for (const auto& [site, members] : units)
        for (std::size_t k = 0; k < members.size(); ++k)
            next[static_cast<std::size_t>(members[k])] = members[(k + 1) % members.size()];
    return next;
}

}  // namespace

std::uint16_t event_kinds_for(const Inputs& in, const ScenarioEvent& event, int plant) {
    const PlantSpec& spec = in.plants[static_cast<std::size_t>(plant)];
    const bool match = (event.plant < 0 || event.plant == plant) && (event.cluster < 0 || event.cluster == spec.cluster) &&
                       (event.sector < 0 || event.sector == spec.sector);
    if (!match) return 0;
    if (event.cbam_sectors_only && !in.sectors[static_cast<std::size_t>(spec.sector)].cbam_covered) return 0;
    if (event.kinds == 0) return kAnyKind;
    std::uint16_t offered = 0;
    for (int t : in.plant_technologies[static_cast<std::size_t>(plant)])
        offered = static_cast<std::uint16_t>(offered | (1u << static_cast<unsigned>(in.technologies[static_cast<std::size_t>(t)].kind)));
    return static_cast<std::uint16_t>(event.kinds & offered);
}

Model build_model(Inputs inputs) {
    Model model;
    model.inputs = std::move(inputs);
    const Inputs& in = model.inputs;
    model.value_chain = flatten(build_value_chain_graph(in), static_cast<int>(in.plants.size()));
    model.networks = index_networks(in);
    model.history = plan_history(in);  // before the prices: the demand paths chain to its last observed year
    rebuild_price_dependent(model);

    model.close_technology.assign(in.sectors.size(), -1);
    model.relocate_technology.assign(in.sectors.size(), -1);
    for (std::size_t s = 0; s < in.sectors.size(); ++s) {
        for (int t : in.sector_technologies[s]) {
            const OptionKind kind = in.technologies[static_cast<std::size_t>(t)].kind;
            if (kind == OptionKind::close) model.close_technology[s] = t;
            if (kind == OptionKind::relocate) model.relocate_technology[s] = t;
        }
    }

    index_event_windows(model);
    model.next_site_unit = site_unit_ring(in.plants);
    return model;
}

void rebuild_price_dependent(Model& model) {
    // Observed prices first, so a sweep's path factors move only the later years.
    apply_observed_prices(model.inputs);
    // A sweep may have moved the demand factor: the volume paths and their chain follow.
    resolve_demand_paths(model.inputs, model.inputs.provenance.scenario_file);
    const Inputs& in = model.inputs;
    model.demand_chain = demand_chain_factors(in, model.history.last_observed_year);
    model.entrant_demand_chain = demand_chain_factors(in, model.history.last_observed_year, false);
    model.baselines = make_baselines(in);
    model.feedstock_market = feedstock_market_opens(in);
    model.expected = expected_prices(in.scenario);
    model.actual.clear();
    for (int y = in.scenario.base_year; y <= in.scenario.end_year; ++y)
        model.actual.push_back(actual_prices(in.scenario, y));
    fill_demand_factors(model);
}

}  // namespace eiisim
