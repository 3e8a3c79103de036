#include "production_value.hpp"

#include <algorithm>

namespace eiisim {

bool is_power_sector(const SectorSpec& sector) { return sector.id == "power"; }

std::vector<SectorValuation> sector_valuations(const Inputs& inputs) {
    const Scenario& scenario = inputs.scenario;
    const PricePaths& prices = scenario.prices;
    const int year = scenario.calibration_year;
    const double national = prices.product_price_index.empty() ? 1.0 : prices.product_price_index.at(year);
    std::vector<SectorValuation> out;
    out.reserve(inputs.sectors.size());
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s) {
        const SectorSpec& sector = inputs.sectors[s];
        const double index = prices.sector_product_price_index.empty() ? national
                                                                        : prices.sector_product_price_index[s].at(year);
        SectorValuation v;
        if (!is_power_sector(sector)) v.product_eur_per_t = sector.product_price_eur_per_t * index;
        const auto found = std::find(prices.import_names.begin(), prices.import_names.end(), sector.import_price);
        if (!sector.import_price.empty() && found != prices.import_names.end())
            v.intermediate_eur_per_t =
                prices.import_eur_per_t[static_cast<std::size_t>(found - prices.import_names.begin())].at(year);
        out.push_back(v);
    }
    return out;
}

double domestic_value_eur_per_t(const SectorValuation& valuation, const SectorSpec& sector,
                                const TechnologySpec& route) {
    // As in the route profile (agents/route_profile.cpp), every route that runs applies its
    // import share; relocate and close produce nothing at home.
    const double imported = route.import_share * sector.intermediate_t_per_t * valuation.intermediate_eur_per_t;
    return std::max(0.0, valuation.product_eur_per_t - imported);
}

}  // namespace eiisim
