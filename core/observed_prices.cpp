#include "observed_prices.hpp"

#include <map>
#include <string_view>

#include "settings_schema.hpp"

namespace eiisim {
namespace {

constexpr std::string_view kSectorIndex = "product_price_index.";
constexpr std::string_view kImport = "import_eur_per_t.";

const ObservedPriceSeries* find_series(const Inputs& inputs, std::string_view name) {
    for (const ObservedPriceSeries& s : inputs.observed_prices)
        if (s.series == name) return &s;
    return nullptr;
}

// Every [prices] path of the schema, observed values summed per engine field (a setting
// with Merge::add shares its field with another).
void merge_market_paths(Inputs& inputs) {
    std::map<TimePath*, std::map<int, double>> observed;
    for (const SettingSpec& spec : settings_schema()) {
        if (spec.table() != "prices" || spec.type != SettingType::path) continue;
        const ObservedPriceSeries* s = find_series(inputs, spec.name());
        if (s == nullptr) continue;
        auto& sums = observed[&spec.path(inputs.scenario)];
        for (const auto& [year, value] : s->values) sums[year] += value * spec.to_engine;
    }
    for (auto& [path, sums] : observed) *path = with_observed(*path, {sums.begin(), sums.end()});
    PricePaths& prices = inputs.scenario.prices;
    for (std::size_t i = 0; i < prices.import_names.size(); ++i)
        if (const ObservedPriceSeries* s = find_series(inputs, std::string(kImport) + prices.import_names[i]))
            prices.import_eur_per_t[i] = with_observed(prices.import_eur_per_t[i], s->values);
}

// The sector's production-weighted energy use per t by carrier (base year).
EnergyGj sector_energy_gj_per_t(const Inputs& inputs, int sector) {
    EnergyGj gj{};
    double production = 0;
    for (const PlantSpec& plant : inputs.plants) {
        if (plant.sector != sector) continue;
        production += plant.production_t;
        for (std::size_t c = 0; c < kCarrierCount; ++c) gj[c] += plant.energy_gj[c];
    }
    for (double& v : gj) v = production > 0 ? v / production : 0.0;
    return gj;
}

// The observed index of one sector less the energy pass-through the engine adds.
TimePath sector_index_path(const Inputs& inputs, std::size_t sector, const ObservedPriceSeries& observed) {
    const PricePaths& prices = inputs.scenario.prices;
    const SectorSpec& spec = inputs.sectors[sector];
    const EnergyGj gj = sector_energy_gj_per_t(inputs, static_cast<int>(sector));
    const double k = inputs.scenario.behaviour.energy_cost_pass_through;
    const int calibration = inputs.scenario.calibration_year;
    std::vector<std::pair<int, double>> index;
    for (const auto& [year, value] : observed.values) {
        double energy_change = 0;
        for (std::size_t c = 0; c < kCarrierCount; ++c) {
            const auto carrier = static_cast<Carrier>(c);
            energy_change += (competitor_energy_price(inputs.scenario, carrier, year) -
                              competitor_energy_price(inputs.scenario, carrier, calibration)) *
                             gj[c];
        }
        index.emplace_back(year, value - k * energy_change / spec.product_price_eur_per_t);
    }
    return with_observed(prices.product_price_index, index);
}

}  // namespace

const TimePath& energy_price_path(const PricePaths& prices, Carrier carrier) {
    switch (carrier) {
        case Carrier::gas: return prices.gas_eur_per_gj;
        case Carrier::electricity: return prices.electricity_eur_per_gj;
        case Carrier::hydrogen: return prices.hydrogen_eur_per_gj;
        case Carrier::biomethane: return prices.biomethane_eur_per_gj;
        case Carrier::other_fuel: break;
    }
    return prices.other_fuel_eur_per_gj;
}

double competitor_energy_price(const Scenario& scenario, Carrier carrier, int year) {
    const Neighbours& n = scenario.neighbours;
    if (carrier != Carrier::gas && carrier != Carrier::electricity)
        return energy_price_path(scenario.prices, carrier).at(year);
    const auto& paths = carrier == Carrier::gas ? n.gas_eur_per_gj : n.electricity_eur_per_gj;
    double sum = 0;
    for (const TimePath& path : paths) sum += path.at(year);
    return sum / kNeighbourCount;
}

TimePath with_observed(const TimePath& path, const std::vector<std::pair<int, double>>& observed) {
    if (observed.empty()) return path;
    std::vector<std::pair<int, double>> anchors = observed;
    const int last = observed.back().first;
    bool later = false;
    for (const auto& anchor : path.anchors())
        if (anchor.first > last) {
            anchors.push_back(anchor);
            later = true;
        }
    // A path with no anchor after the observations (a constant) goes on at its own value.
    if (!later) anchors.emplace_back(last + 1, path.at(last + 1));
    return TimePath(std::move(anchors));
}

void apply_observed_prices(Inputs& inputs) {
    PricePaths& prices = inputs.scenario.prices;
    prices.sector_product_price_index.clear();
    if (inputs.scenario.history == HistoryMode::off || inputs.observed_prices.empty()) return;
    merge_market_paths(inputs);
    bool any_sector = false;
    std::vector<TimePath> sector_paths(inputs.sectors.size(), prices.product_price_index);
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s) {
        const ObservedPriceSeries* observed = find_series(inputs, std::string(kSectorIndex) + inputs.sectors[s].id);
        if (observed == nullptr) continue;
        sector_paths[s] = sector_index_path(inputs, s, *observed);
        any_sector = true;
    }
    if (any_sector) prices.sector_product_price_index = std::move(sector_paths);
}

}  // namespace eiisim
