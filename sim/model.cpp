#include "model.hpp"

#include <algorithm>

namespace eiisim {

Model build_model(Inputs inputs) {
    Model model;
    model.inputs = std::move(inputs);
    const Inputs& in = model.inputs;
    model.value_chain = flatten(build_value_chain_graph(in), static_cast<int>(in.plants.size()));
    model.networks = index_networks(in);
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

    model.history = plan_history(in);
    model.event_plants.resize(static_cast<std::size_t>(in.year_count()));
    for (const ScenarioEvent& event : in.scenario.events) {
        const int index = event.year - in.scenario.base_year;
        if (index < 0 || index >= in.year_count()) continue;
        auto& plants = model.event_plants[static_cast<std::size_t>(index)];
        for (std::size_t p = 0; p < in.plants.size(); ++p) {
            const PlantSpec& plant = in.plants[p];
            const bool match = (event.plant < 0 || event.plant == static_cast<int>(p)) &&
                               (event.cluster < 0 || event.cluster == plant.cluster) &&
                               (event.sector < 0 || event.sector == plant.sector);
            if (match) plants.push_back(static_cast<int>(p));
        }
        std::sort(plants.begin(), plants.end());
        plants.erase(std::unique(plants.begin(), plants.end()), plants.end());
    }
    return model;
}

void rebuild_price_dependent(Model& model) {
    const Inputs& in = model.inputs;
    model.baselines = make_baselines(in);
    model.expected = expected_prices(in.scenario);
    model.actual.clear();
    for (int y = in.scenario.base_year; y <= in.scenario.end_year; ++y)
        model.actual.push_back(actual_prices(in.scenario, y));
}

}  // namespace eiisim
