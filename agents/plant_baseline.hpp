#pragma once
// Per-tonne figures of a plant's base-year route, derived once from its PlantSpec and
// shared by all runs. Every option's profile is computed relative to these.
#include <array>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct PlantBaseline {
    double utilisation = 0;          // base-year production / capacity
    double gas_heat_gj_per_t = 0;    // natural gas burnt for heat
    double gas_feedstock_gj_per_t = 0;
    double other_fuel_gj_per_t = 0;
    double electricity_gj_per_t = 0;
    double hydrogen_gj_per_t = 0;
    double biomethane_gj_per_t = 0;
    double co2_combustion_t_per_t = 0;
    double co2_process_t_per_t = 0;
    std::array<double, kHeatBandCount> heat_share{};
    double co2_intensity_t_per_t = 0;   // gross base-year intensity (dispensation basis)
    // ETS free allocation per t before phase-out (the benchmark, docs/ODD.md §7.4) of each
    // allocation period: 2021-2025 (also the years before), and 2026-2030 (also after).
    double benchmark_2021_t_per_t = 0;
    double benchmark_2026_t_per_t = 0;
    // Of a fallback benchmark, the combustion part (the fuel and heat benchmarks it stands
    // in for), per period; 0 for a product benchmark. The part whose heat is made
    // electrically is no longer allocated (docs/ODD.md §7.4 "Electrified heat").
    double combustion_benchmark_2021_t_per_t = 0;
    double combustion_benchmark_2026_t_per_t = 0;
    // Per heat band, its share of the fuel heat where electrifying that band takes its
    // combustion benchmark away (the high band always; low and mid only when
    // policy.electric_steam_allocated is false), else 0.
    std::array<double, kHeatBandCount> fuel_benchmark_heat_share{};
    // Calibrated net non-energy cost (docs/ODD.md §5). Negative when the plant has
    // site-bound income the model does not see: see site_bound_income_eur_per_t().
    double other_cost_eur_per_t = 0;
    double integration_benefit_eur_per_t = 0;  // sum over the plant's suppliers
    // Some supplier edge is `fuel_gas`: the plant burns that supplier's process gas
    // (agents/fuel_gas_coupling.hpp).
    bool gas_coupled = false;
    // The fuel-gas carbon rule (agents/fuel_gas_carbon.hpp, docs/ODD.md §7.10). A supplier:
    // the process gas its route makes per t of product, in GJ and t CO2 (what its fuel-gas
    // buyers burnt in the base year, per t of the supplier's base production). A buyer:
    // CO2 per GJ of that gas (its other fuel), and the share of its other fuel that comes
    // from each of its fuel-gas suppliers.
    double process_gas_made_gj_per_t = 0;
    double process_gas_made_co2_t_per_t = 0;
    double process_gas_co2_t_per_gj = 0;
    double process_gas_supplier_share = 0;
    EnergyGj sector_energy_gj_per_t{};  // production-weighted mean of the plant's product group (price pass-through)
    // Calibration-year energy prices of the EU competitors (eu_competitor_energy_eur_per_gj),
    // from which the price pass-through counts the change.
    EnergyGj base_competitor_energy_eur_per_gj{};
    double energy_cost_pass_through = 0;
    int import_price_index = -1;        // into PricePaths::import_names; -1: none
    int sector = 0;                     // into Inputs::sectors (its product price index)
    // An entrant that supplies a feedstock or hydrogen sells that, not its sector's product
    // (docs/ODD.md §7.20, "Suppliers"): supply_per_t t or GJ per t of product at the
    // feedstock's price (PricePaths::feedstock_names index; -1: unpriced, it earns nothing)
    // plus the gate fee of the waste it takes in; hydrogen at its product group's price (the
    // grey hydrogen it displaces), renewable hydrogen plus the refinery-route credit.
    EntrySupply supplies = EntrySupply::none;
    int supplied_price_index = -1;
    double supply_per_t = 0;
    double gate_fee_eur_per_t = 0;
    // Its captured CO2 leaves by ship (co2_connections.csv): it pays the ship chain's fee.
    bool co2_by_ship = false;
    // The Dutch energy cost stack (agents/energy_stack.hpp, docs/ODD.md §7.4): its grid
    // connection from its base-year load, and its sector's IKC and energy-tax rules.
    ConnectionLevel connection_level = ConnectionLevel::regional;
    int ikc_eligible_from = 9999;
    bool electricity_tax_exempt = false;
    bool gas_tax_exempt = false;
    // A new entrant (docs/ODD.md §7.20): its per-t figures are its design, and it has no
    // base-year use to build on, so all its use claims the scarce ledgers.
    bool entrant = false;
};

// The calibrated other cost split by where it belongs (docs/ODD.md §5). O is a residual:
// costs the model does not itemise (labour, upkeep, raw materials, overheads) net of
// income it does not see (co-products, heat and power sales, waste-gas credits). A
// negative O proves such income of at least -O per tonne; it is bound to the site (its
// buyers, its gas and steam networks), so it stays behind when production moves abroad.
// A positive O is the best estimate of the site-independent costs; a negative one says
// only that they are at least zero.
[[nodiscard]] inline double site_independent_other_cost_eur_per_t(const PlantBaseline& base) {
    return base.other_cost_eur_per_t > 0 ? base.other_cost_eur_per_t : 0.0;
}
[[nodiscard]] inline double site_bound_income_eur_per_t(const PlantBaseline& base) {
    return base.other_cost_eur_per_t < 0 ? -base.other_cost_eur_per_t : 0.0;
}

// Base-year use per t of a carrier with a national supply ledger (hydrogen, biomethane):
// only use beyond it draws on the ledger. 0 for the other carriers, and for an entrant.
[[nodiscard]] inline double ledger_base_gj_per_t(const PlantBaseline& base, Carrier carrier) {
    if (base.entrant) return 0.0;
    switch (carrier) {
        case Carrier::hydrogen: return base.hydrogen_gj_per_t;
        case Carrier::biomethane: return base.biomethane_gj_per_t;
        default: return 0.0;
    }
}

// Base-year electricity per t that new grid load is counted from (0 for an entrant).
[[nodiscard]] inline double grid_base_gj_per_t(const PlantBaseline& base) {
    return base.entrant ? 0.0 : base.electricity_gj_per_t;
}

// Baselines for every plant. `other_cost_eur_per_t` is calibrated so that at the
// calibration year's prices the keep route (with its capital charge) earns the
// sector's base margin share of revenue. It is negative where energy, carbon and
// capital alone exceed that: income the model does not see (co-products, waste-gas
// credits, heat sales) kept the plant running.
[[nodiscard]] std::vector<PlantBaseline> make_baselines(const Inputs& inputs);

}  // namespace eiisim
