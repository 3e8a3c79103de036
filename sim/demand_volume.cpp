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

namespace {

// The year's factors of every sector for the plants that ran in the last observed year
// (`chain` = Model::demand_chain) or for entrants (Model::entrant_demand_chain).
std::vector<double> year_factors(const Model& model, const std::vector<double>& chain, int year) {
    const PriceView& actual = model.actual[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
    std::vector<double> factors(chain.size(), 1.0);
    if (year <= std::max(model.history.last_observed_year, model.inputs.scenario.base_year)) return factors;
    for (std::size_t s = 0; s < chain.size(); ++s) factors[s] = chain[s] * actual.volume_index(static_cast<int>(s));
    return factors;
}

const std::vector<double> kNoFactors;

}  // namespace

void fill_demand_factors(Model& model) {
    model.demand_factors.clear();
    model.entrant_demand_factors.clear();
    if (model.demand_chain.empty()) return;
    for (int y = model.inputs.scenario.base_year; y <= model.inputs.scenario.end_year; ++y) {
        model.demand_factors.push_back(year_factors(model, model.demand_chain, y));
        model.entrant_demand_factors.push_back(year_factors(model, model.entrant_demand_chain, y));
    }
}

double actual_demand_factor(const Model& model, int sector, int year, int plant) {
    if (model.demand_chain.empty()) return 1.0;
    const bool entrant = plant >= 0 && model.inputs.plants[static_cast<std::size_t>(plant)].is_entrant();
    const auto y = static_cast<std::size_t>(year - model.inputs.scenario.base_year);
    return (entrant ? model.entrant_demand_factors : model.demand_factors)[y][static_cast<std::size_t>(sector)];
}

const std::vector<double>& actual_demand_factors(const Model& model, int year) {
    if (model.demand_chain.empty()) return kNoFactors;
    return model.demand_factors[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
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
