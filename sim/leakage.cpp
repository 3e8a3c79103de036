#include "leakage.hpp"

#include <algorithm>
#include <array>

#include "core/production_value.hpp"
#include "core/strategic_products.hpp"

namespace eiisim {

PlantLeakage plant_leakage(const Inputs& in, const RunResult& result, std::size_t p, std::size_t at,
                           double base_production_t) {
    PlantLeakage out;
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(in.plants[p].sector)];
    if (is_power_sector(sector)) return out;
    const auto status = static_cast<PlantStatus>(result.status[at]);
    if (status == PlantStatus::relocated || status == PlantStatus::relocated_eu) {
        out.relocated_t = base_production_t;
        out.imported_product_t = out.demand_t = base_production_t;
        return out;
    }
    const double production = result.production_t[at];
    const int technology = result.technology[at];
    const double import_share =
        production > 0 && technology >= 0 ? in.technologies[static_cast<std::size_t>(technology)].import_share : 0.0;
    out.lost_t = std::max(0.0, base_production_t - production);
    out.intermediate_t = production * import_share * sector.intermediate_t_per_t;
    // An import route's intermediate is in the replacement imports, its CO2 abroad is not:
    // the accounts book it as co2_relocated already (sim/accounts.cpp, issue 21).
    out.embodied_t = out.lost_t * sector.foreign_t_co2_per_t;
    out.imported_product_t = out.lost_t + production * import_share;
    out.demand_t = production + out.lost_t;
    return out;
}

void record_leakage(const Inputs& in, RunState& state, int yi, int row, RunResult& result,
                    const std::vector<double>& sector_demand) {
    std::array<double, kStrategicProductCount> imported{}, demand{};
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const std::size_t at = result.at(row, static_cast<int>(p));
        if (yi == 0) state.base_production_t[p] = result.production_t[at];
        const double market =
            sector_demand.empty() ? 1.0 : sector_demand[static_cast<std::size_t>(in.plants[p].sector)];
        const PlantLeakage leak = plant_leakage(in, result, p, at, state.base_production_t[p] * market);
        result.replacement_imports_t[at] = leak.replacement_t();
        result.co2_embodied_imports_t[at] = leak.embodied_t;
        result.cluster_co2_embodied_imports_t[result.at_cluster(yi, in.plants[p].cluster)] += leak.embodied_t;
        const int tag = in.sectors[static_cast<std::size_t>(in.plants[p].sector)].strategic_product;
        if (tag == kNotStrategic) continue;
        imported[static_cast<std::size_t>(tag)] += leak.imported_product_t;
        demand[static_cast<std::size_t>(tag)] += leak.demand_t;
    }
    for (std::size_t k = 0; k < kStrategicProductCount; ++k)
        result.strategic_import_dependence[static_cast<std::size_t>(yi) * kStrategicProductCount + k] =
            import_dependence(imported[k], demand[k]);
}

}  // namespace eiisim
