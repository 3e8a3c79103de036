#include "demand_volume.hpp"

#include <algorithm>

namespace eiisim {

namespace {

// c_s of plant `plant`'s sector, or of the whole sector for plant < 0 (docs/ODD.md §7.19).
double chain_of(const Model& model, int sector, int plant) {
    const bool entrant = plant >= 0 && model.inputs.plants[static_cast<std::size_t>(plant)].is_entrant();
    return (entrant ? model.entrant_demand_chain : model.demand_chain)[static_cast<std::size_t>(sector)];
}

}  // namespace

double actual_demand_factor(const Model& model, const PriceView& actual, int sector, int year, int plant) {
    if (model.demand_chain.empty()) return 1.0;
    if (year <= std::max(model.history.last_observed_year, model.inputs.scenario.base_year)) return 1.0;
    return chain_of(model, sector, plant) * actual.volume_index(sector);
}

std::vector<double> actual_demand_factors(const Model& model, const PriceView& actual, int year) {
    std::vector<double> factors;
    if (model.demand_chain.empty()) return factors;
    for (std::size_t s = 0; s < model.inputs.sectors.size(); ++s)
        factors.push_back(actual_demand_factor(model, actual, static_cast<int>(s), year));
    return factors;
}

double expected_demand_factor(const Model& model, const PriceView& expected, int sector, int plant) {
    if (model.demand_chain.empty()) return 1.0;
    return chain_of(model, sector, plant) * expected.volume_index(sector);
}

double with_demand(double utilisation, double factor) {
    if (factor == 1.0) return utilisation;
    return std::min(utilisation * factor, std::max(1.0, utilisation));
}

}  // namespace eiisim
