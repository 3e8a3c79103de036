#pragma once
// Everything a run reads and never writes: the validated inputs plus what is derived
// from them once (per-tonne baselines, the value-chain graph in CSR form, expected
// prices per decision year). One Model is shared by every run and thread.
#include <vector>

#include "agents/plant_baseline.hpp"
#include "agents/price_view.hpp"
#include "clusters/networks.hpp"
#include "clusters/value_chain.hpp"
#include "core/inputs.hpp"
#include "history_plan.hpp"

namespace eiisim {

struct Model {
    Inputs inputs;
    std::vector<PlantBaseline> baselines;
    ValueChainCsr value_chain;
    NetworkIndex networks;  // each plant's pipeline-network memberships
    std::vector<PriceView> actual;    // per year index
    std::vector<PriceView> expected;  // per decision year index
    std::vector<int> close_technology;     // per sector: its close row (-1 if none)
    std::vector<int> relocate_technology;  // per sector: its relocate row (-1 if none)
    // Per plant: the next unit of its site (plants.csv `site`), in a ring through the site's
    // units; the plant itself on a one-unit site (sim/site_staging.hpp).
    std::vector<int> next_site_unit;
    // Plants with a scenario decision window, per year index (sorted), and per entry the
    // option kinds the year's events open to that plant (bit set; kAnyKind: anything).
    std::vector<std::vector<int>> event_plants;
    std::vector<std::vector<std::uint16_t>> event_kinds;
    // The dataset's observed history per plant and year, for the scenario's history mode.
    HistoryPlan history;
    // Per sector: the factor chaining its demand volume path to the last observed year's
    // activity (core/demand_paths.hpp: demand_chain_factors); empty without [demand].
    std::vector<double> demand_chain;
    // The same for entrants, which did not run in the last observed year: the path's change
    // since then only (demand_chain_factors with observed_level false).
    std::vector<double> entrant_demand_chain;
    // D_s(y) of every sector per year index, for the plants of the dataset and for entrants
    // (sim/demand_volume.hpp: actual_demand_factor): computed once from the actual views,
    // whose volume indices the green quota's premiums leave alone. Empty without [demand].
    std::vector<std::vector<double>> demand_factors;
    std::vector<std::vector<double>> entrant_demand_factors;
    // Whether any feedstock is offered or mandated (sim/feedstock_market.hpp: decided once
    // here, asked per plant-year).
    bool feedstock_market = false;
    // Run the plant loops serially (sweeps parallelise over runs instead). Results are
    // the same either way; only the speed differs.
    bool serial_plants = false;
};

// Recomputes what build_model derives from the scenario's prices, policy and behaviour
// (baselines, actual and expected price views) after a sweep changed model.inputs.
// Structure (plants, value chain, events) must not have changed.
void rebuild_price_dependent(Model& model);

inline constexpr std::uint16_t kAnyKind = (1u << kOptionKindCount) - 1;
// The option kinds `event` opens to `plant` (0: it does not concern the plant; docs/ODD.md §7.2).
[[nodiscard]] std::uint16_t event_kinds_for(const Inputs& in, const ScenarioEvent& event, int plant);

[[nodiscard]] Model build_model(Inputs inputs);

}  // namespace eiisim
