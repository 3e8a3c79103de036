#include "plant_baseline.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "benchmark_period.hpp"
#include "core/co2_connection.hpp"
#include "energy_stack.hpp"
#include "fuel_gas_carbon.hpp"
#include "price_view.hpp"
#include "route_profile.hpp"
#include "unit_cost.hpp"

namespace eiisim {
namespace {

PlantBaseline per_tonne_profile(const PlantSpec& plant) {
    PlantBaseline b;
    b.utilisation = plant.capacity_t > 0 ? plant.production_t / plant.capacity_t : 0.0;
    // A plant idle in the base year keeps zero intensities: it emits nothing per tonne.
    const double per_t = plant.production_t > 0 ? 1.0 / plant.production_t : 0.0;
    const auto energy = [&](Carrier c) { return plant.energy_gj[static_cast<int>(c)] * per_t; };
    b.gas_feedstock_gj_per_t = plant.feedstock_gas_gj * per_t;
    b.gas_heat_gj_per_t = energy(Carrier::gas) - b.gas_feedstock_gj_per_t;
    b.other_fuel_gj_per_t = energy(Carrier::other_fuel);
    b.electricity_gj_per_t = energy(Carrier::electricity);
    b.hydrogen_gj_per_t = energy(Carrier::hydrogen);
    b.biomethane_gj_per_t = energy(Carrier::biomethane);
    b.co2_combustion_t_per_t = plant.co2_combustion_t * per_t;
    b.co2_process_t_per_t = plant.co2_process_t * per_t;
    b.heat_share = plant.heat_share;
    b.co2_intensity_t_per_t = b.co2_combustion_t_per_t + b.co2_process_t_per_t;
    return b;
}

// An entrant as it would run: its design production and the energy and CO2 that go with
// it (its PlantSpec's base-year figures are zero, as it did not exist). Direct CO2 is
// combustion CO2 up to what its natural gas for heat emits, process CO2 beyond.
PlantSpec entrant_design(const PlantSpec& plant) {
    PlantSpec design = plant;
    const EntrySpec& entry = plant.entry;
    design.production_t = plant.capacity_t * entry.utilisation;
    for (std::size_t c = 0; c < kCarrierCount; ++c) design.energy_gj[c] = entry.energy_gj_per_t[c] * design.production_t;
    const double co2 = entry.co2_t_per_t * design.production_t;
    design.co2_combustion_t = std::min(co2, design.energy_gj[static_cast<int>(Carrier::gas)] * kGasEmissionFactorTPerGj);
    design.co2_process_t = co2 - design.co2_combustion_t;
    return design;
}

// An entrant's other cost (labour, upkeep, raw materials net of co-products), production-
// weighted over incumbents: an expansion of a site (entrants.csv `site`) takes its units'
// calibrated cost, site-bound income included, as it runs their process on their site; a
// new site takes the site-independent cost of its product group, else of its sector, else
// none, since a negative calibrated cost is income bound to an incumbent's site
// (site_bound_income_eur_per_t). Its own capex, opex and energy make the difference
// (docs/ODD.md §7.20).
void set_entrant_other_cost(const Inputs& inputs, std::vector<PlantBaseline>& baselines) {
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        const PlantSpec& entrant = inputs.plants[p];
        if (!entrant.is_entrant()) continue;
        // A supplier's running cost is its own fixed opex (entrants.csv), its gate fee the
        // income from the waste it takes in: it takes no incumbent's other cost (the
        // electrolysers' group holds SMRs, whose other cost is their own process's).
        if (entrant.entry.supplies_anything()) {
            baselines[p].other_cost_eur_per_t = 0;
            continue;
        }
        const bool expansion = entrant.site != entrant.id;
        double site_cost = 0, site_t = 0, group_cost = 0, group_t = 0, sector_cost = 0, sector_t = 0;
        for (std::size_t q = 0; q < inputs.plants.size(); ++q) {
            const PlantSpec& peer = inputs.plants[q];
            if (peer.is_entrant() || peer.sector != entrant.sector) continue;
            if (expansion && peer.site == entrant.site) {
                site_cost += baselines[q].other_cost_eur_per_t * peer.production_t;
                site_t += peer.production_t;
            }
            const double cost = site_independent_other_cost_eur_per_t(baselines[q]);
            sector_cost += cost * peer.production_t;
            sector_t += peer.production_t;
            if (peer.product != entrant.product) continue;
            group_cost += cost * peer.production_t;
            group_t += peer.production_t;
        }
        baselines[p].other_cost_eur_per_t = site_t > 0     ? site_cost / site_t
                                            : group_t > 0  ? group_cost / group_t
                                            : sector_t > 0 ? sector_cost / sector_t
                                                           : 0.0;
    }
}

// What a supplying entrant sells (docs/ODD.md §7.20, "Suppliers"): the feedstock's price
// path (its index among the scenario's feedstock prices; -1: unpriced) or hydrogen's.
void set_supply(const Inputs& inputs, const EntrySpec& entry, PlantBaseline& base) {
    base.supplies = entry.supplies;
    base.supply_per_t = entry.supply_per_t;
    base.gate_fee_eur_per_t = entry.gate_fee_eur_per_t;
    if (entry.supplies != EntrySupply::feedstock) return;
    const std::vector<std::string>& names = inputs.scenario.prices.feedstock_names;
    const std::string& id = inputs.feedstocks[static_cast<std::size_t>(entry.supplied_feedstock)].id;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == id) base.supplied_price_index = static_cast<int>(i);
}

// Base-year totals of one product group: the plants of a sector that make the same
// product (plants.csv `product`), so that nitric acid and urea do not dilute ammonia.
struct ProductGroup {
    double co2_t = 0, production_t = 0;
    double co2_combustion_t = 0;  // of co2_t
    EnergyGj energy_gj{};
};

// The product group of every plant, and each group's totals.
std::vector<ProductGroup> product_groups(const Inputs& inputs, std::vector<std::size_t>& group_of) {
    std::map<std::pair<int, std::string>, std::size_t> index;
    std::vector<ProductGroup> groups;
    group_of.assign(inputs.plants.size(), 0);
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        const PlantSpec& plant = inputs.plants[p];
        const auto [it, added] = index.try_emplace({plant.sector, plant.product}, groups.size());
        if (added) groups.emplace_back();
        ProductGroup& g = groups[it->second];
        group_of[p] = it->second;
        g.co2_t += plant.co2_combustion_t + plant.co2_process_t;
        g.co2_combustion_t += plant.co2_combustion_t;
        g.production_t += plant.production_t;
        for (std::size_t c = 0; c < kCarrierCount; ++c) g.energy_gj[c] += plant.energy_gj[c];
    }
    return groups;
}

// The ETS benchmark of each allocation period (docs/ODD.md §7.4 "Benchmark rule"): the
// plant's EU ETS product benchmark where its product has one, else the fallback of its
// product group's production-weighted base-year intensity times the sector's
// free-allocation share (plants better than the group mean gain, worse lose), its
// combustion part (the heat and fuel benchmarks it stands in for) cut from 2026.
struct PeriodBenchmarks {
    double from_2021 = 0;
    double from_2026 = 0;
    double combustion_from_2021 = 0;  // of from_2021: the fallback's combustion part
    double combustion_from_2026 = 0;
};
PeriodBenchmarks benchmarks_of(const PlantSpec& plant, const SectorSpec& sector, const ProductGroup& group,
                               double unknown_cut_position) {
    if (plant.product_benchmark_t_per_t >= 0) {
        if (plant.product_benchmark_2026_t_per_t < 0)
            return {plant.product_benchmark_t_per_t, plant.product_benchmark_t_per_t};
        // Linear between the least cut and the largest the law allows where the value is
        // not at hand; the two columns are equal where it is adopted.
        const double least = plant.product_benchmark_2026_t_per_t;
        const double largest = plant.product_benchmark_2026_max_cut_t_per_t;
        return {plant.product_benchmark_t_per_t, least + unknown_cut_position * (largest - least), 0, 0};
    }
    if (group.production_t <= 0) return {};
    const double share = sector.free_allocation_share;
    const double process_t = group.co2_t - group.co2_combustion_t;
    const double combustion_2026_t = group.co2_combustion_t * kHeatFuelBenchmark2026Ratio;
    return {share * group.co2_t / group.production_t, share * (combustion_2026_t + process_t) / group.production_t,
            share * group.co2_combustion_t / group.production_t, share * combustion_2026_t / group.production_t};
}

// The heat bands whose combustion benchmark leaves with their fuel when electrified:
// furnace heat (high band, fuel benchmark: "non-measurable heat by fuel combustion",
// Delegated Regulation (EU) 2019/331 Art. 2(5)) always; steam (low and mid bands, heat
// benchmark) only when the scenario says electric steam is not allocated (ODD §7.4).
std::array<double, kHeatBandCount> fuel_benchmark_heat_share(const std::array<double, kHeatBandCount>& heat_share,
                                                             bool electric_steam_allocated) {
    std::array<double, kHeatBandCount> out{};
    constexpr auto kBands = static_cast<std::size_t>(kHeatBandCount);
    for (std::size_t b = 0; b < kBands; ++b)
        if (b == kBands - 1 || !electric_steam_allocated) out[b] = heat_share[b];
    return out;
}

// The share of a buyer's base CO2 that is its suppliers' process gas. The gas's carbon is
// allocated to its maker (the hot-metal benchmark covers the waste gases it exports), who
// also pays the allowances for it (agents/fuel_gas_carbon.hpp), and electricity made from
// it earns no free allocation (Delegated Regulation (EU) 2019/331 Art. 10; docs/ODD.md
// §7.4): the buyer's fallback benchmark leaves that share out.
double process_gas_co2_share(const PlantBaseline& b) {
    if (b.co2_intensity_t_per_t <= 0) return 0.0;
    return std::clamp(b.process_gas_co2_t_per_gj * b.other_fuel_gj_per_t / b.co2_intensity_t_per_t, 0.0, 1.0);
}

// The fuel-gas carbon rule's fixed physical quantities (docs/ODD.md §7.10): a buyer's other
// fuel is its suppliers' process gas (split evenly when it has several), its CO2 is the
// buyer's combustion CO2 beyond what its natural gas emits, and that gas, per t of the
// supplier's base production, is what the supplier's route makes.
void add_process_gas_links(const Inputs& inputs, std::vector<PlantBaseline>& baselines) {
    std::vector<int> suppliers(inputs.plants.size(), 0);
    for (const auto& edge : inputs.edges)
        if (edge.coupling == EdgeCoupling::fuel_gas) ++suppliers[static_cast<std::size_t>(edge.customer)];
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        if (suppliers[p] == 0) continue;
        const PlantSpec& plant = inputs.plants[p];
        const double other_fuel = plant.energy_gj[static_cast<int>(Carrier::other_fuel)];
        const double gas_heat = plant.energy_gj[static_cast<int>(Carrier::gas)] - plant.feedstock_gas_gj;
        const double gas_co2 = std::max(0.0, plant.co2_combustion_t - gas_heat * kGasEmissionFactorTPerGj);
        baselines[p].process_gas_co2_t_per_gj = other_fuel > 0 ? gas_co2 / other_fuel : 0.0;
        baselines[p].process_gas_supplier_share = 1.0 / suppliers[p];
    }
    for (const auto& edge : inputs.edges) {
        if (edge.coupling != EdgeCoupling::fuel_gas) continue;
        const PlantSpec& buyer = inputs.plants[static_cast<std::size_t>(edge.customer)];
        const PlantBaseline& bought = baselines[static_cast<std::size_t>(edge.customer)];
        const double supplier_t = inputs.plants[static_cast<std::size_t>(edge.supplier)].production_t;
        if (supplier_t <= 0) continue;
        const double gj = buyer.energy_gj[static_cast<int>(Carrier::other_fuel)] * bought.process_gas_supplier_share;
        PlantBaseline& supplier = baselines[static_cast<std::size_t>(edge.supplier)];
        supplier.process_gas_made_gj_per_t += gj / supplier_t;
        supplier.process_gas_made_co2_t_per_t += gj * bought.process_gas_co2_t_per_gj / supplier_t;
    }
}

// Its grid connection (from its base-year electricity use) and its sector's rules of the
// energy cost stack (docs/ODD.md §7.4).
void set_energy_cost_rules(PlantBaseline& b, const PlantSpec& plant, const SectorSpec& sector,
                           const EnergyCostPolicy& energy) {
    b.connection_level = connection_level(plant.energy_gj[static_cast<int>(Carrier::electricity)], energy.ehv_min_mw,
                                          energy.hv_min_mw);
    b.ikc_eligible_from = sector.ikc_eligible_from;
    b.electricity_tax_exempt = sector.electricity_tax_exempt;
    b.gas_tax_exempt = sector.gas_tax_exempt;
}

}  // namespace

std::vector<PlantBaseline> make_baselines(const Inputs& inputs) {
    const std::size_t n = inputs.plants.size();
    std::vector<PlantBaseline> baselines(n);
    for (std::size_t p = 0; p < n; ++p) {
        const PlantSpec& plant = inputs.plants[p];
        baselines[p] = per_tonne_profile(plant.is_entrant() ? entrant_design(plant) : plant);
        baselines[p].entrant = plant.is_entrant();
        set_supply(inputs, plant.entry, baselines[p]);
    }

    std::vector<std::size_t> group_of;
    const std::vector<ProductGroup> groups = product_groups(inputs, group_of);
    for (const auto& edge : inputs.edges) {
        PlantBaseline& customer = baselines[static_cast<std::size_t>(edge.customer)];
        customer.integration_benefit_eur_per_t += edge.integration_benefit_eur_per_t;
        if (edge.coupling == EdgeCoupling::fuel_gas) customer.gas_coupled = true;
    }
    add_process_gas_links(inputs, baselines);

    const PriceView base_prices = actual_prices(inputs.scenario, inputs.scenario.calibration_year);
    for (std::size_t p = 0; p < n; ++p) {
        const PlantSpec& plant = inputs.plants[p];
        const auto s = static_cast<std::size_t>(plant.sector);
        const SectorSpec& sector = inputs.sectors[s];
        PlantBaseline& b = baselines[p];
        const auto& names = inputs.scenario.prices.import_names;
        const auto found = std::find(names.begin(), names.end(), sector.import_price);
        b.import_price_index =
            found == names.end() ? -1 : static_cast<int>(found - names.begin());
        const ProductGroup& group = groups[group_of[p]];
        for (std::size_t c = 0; c < kCarrierCount; ++c)
            b.sector_energy_gj_per_t[c] = group.production_t > 0 ? group.energy_gj[c] / group.production_t : 0.0;
        b.base_competitor_energy_eur_per_gj = eu_competitor_energy_eur_per_gj(base_prices);
        b.energy_cost_pass_through = inputs.scenario.behaviour.energy_cost_pass_through;
        b.sector = plant.sector;
        b.co2_by_ship = co2_connection(inputs, static_cast<int>(p)).transport == Co2Transport::ship;
        set_energy_cost_rules(b, plant.is_entrant() ? entrant_design(plant) : plant, sector,
                              inputs.scenario.policy.energy);
        const PeriodBenchmarks benchmarks =
            benchmarks_of(plant, sector, group, inputs.scenario.policy.unknown_benchmark_cut_position);
        const double own_carbon = 1.0 - process_gas_co2_share(b);
        b.benchmark_2021_t_per_t = benchmarks.from_2021 * own_carbon;
        b.benchmark_2026_t_per_t = benchmarks.from_2026 * own_carbon;
        b.combustion_benchmark_2021_t_per_t = benchmarks.combustion_from_2021 * own_carbon;
        b.combustion_benchmark_2026_t_per_t = benchmarks.combustion_from_2026 * own_carbon;
        b.fuel_benchmark_heat_share =
            fuel_benchmark_heat_share(b.heat_share, inputs.scenario.policy.electric_steam_allocated);

        // Calibrate: full cost of the keep route at calibration-year prices (its capital charge
        // included, as the accounts carry it), without other cost.
        const TechnologySpec& keep =
            inputs.technologies[static_cast<std::size_t>(keep_technology_of(inputs, static_cast<int>(p)))];
        RouteProfile profile = route_profile(b, keep, sector, inputs.scenario.calibration_year);
        // As the accounts price it: a process gas's carbon at its maker (fuel_gas_carbon.hpp).
        pay_for_buyers_gas_carbon(profile, b.process_gas_made_co2_t_per_t);
        leave_gas_carbon_to_maker(profile, b);
        // Annualised over the reinvestment cycle, as the accounts annualise the incumbent.
        const CostTerms terms =
            route_terms(keep, plant, keep.capex_eur_per_t_yr, plant.reinvestment_cycle_y, b.utilisation);
        b.other_cost_eur_per_t = 0;
        const UnitCost cost = domestic_unit_cost(b, sector, profile, base_prices, terms);
        const double revenue = cost.revenue_eur_per_t;
        const double target_cost = revenue * (1.0 - sector.base_margin_share);
        // May be negative: the plant then has income the model does not see (co-products,
        // waste-gas credits, heat sales) that kept it running at these prices.
        b.other_cost_eur_per_t = target_cost - cost.total();
    }
    set_entrant_other_cost(inputs, baselines);
    return baselines;
}

}  // namespace eiisim
