// Cluster and national aggregates of one year, summed serially in plant order so that
// they are bit-identical whatever the thread count.
#include <algorithm>

#include "agents/appraisal.hpp"
#include "agents/hydrogen_obligation.hpp"
#include "feedstock_market.hpp"
#include "core/production_value.hpp"
#include "demand_volume.hpp"
#include "green_quota.hpp"
#include "leakage.hpp"
#include "phases.hpp"
#include "plant_jobs.hpp"
#include "reduction_decomposition.hpp"

namespace eiisim {
namespace {

// The year's national settlement of the hydrogen obligation (docs/ODD.md §7.16).
void record_hydrogen_obligation(const Scenario& scenario, double green_supply_gj, double use_gj, int year,
                                std::size_t y, RunResult& result) {
    const HydrogenSettlement s = settle_hydrogen_obligation(
        use_gj, scenario.policy.hydrogen_obligation_share.at(year), green_supply_gj,
        scenario.prices.green_hydrogen_eur_per_gj.at(year), scenario.policy.hydrogen_obligation_buyout_eur_per_gj.at(year));
    result.hydrogen_industry_use_gj[y] = s.use_gj;
    result.hydrogen_obligation_gj[y] = s.obligation_gj;
    result.hydrogen_renewable_used_gj[y] = s.renewable_gj;
    result.hydrogen_obligation_shortfall_gj[y] = s.shortfall_gj;
    result.hydrogen_obligation_buyout_eur[y] = s.buyout_eur;
    result.green_hydrogen_supply_gj[y] = green_supply_gj;
}

// What the plants used of the national resources in the year (new use over their base).
struct NationalUse {
    double storage = 0;       // CO2 into national storage, t
    double shipping = 0;      // CO2 shipped abroad, t
    double hydrogen = 0;      // new hydrogen use, GJ
    double hydrogen_all = 0;  // all hydrogen used, base use included, GJ
    double biomethane = 0;    // new biomethane use, GJ
    double power_output = 0;  // the power sector's output, MWh
};

// The plant's jobs in the year (sim/plant_jobs.hpp), by the route and status the accounts booked.
double jobs_of(const Model& model, const RunResult& result, std::size_t p, int yi, std::size_t at) {
    const Inputs& in = model.inputs;
    const int technology = result.technology[at];
    const PlantJobsState state{
        .status = static_cast<PlantStatus>(result.status[at]),
        .kind = static_cast<OptionKind>(result.kind[at]),
        .import_share = technology >= 0 ? in.technologies[static_cast<std::size_t>(technology)].import_share : 0.0,
        .open_share = model.history.open_capacity_share(yi, static_cast<int>(p))};
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(in.plants[p].sector)];
    return plant_jobs(in.plants[p].employees, state, sector.upstream_labour_share);
}

// The targets' paths on the model's scope, from the base year's national net CO2
// (core/emission_targets.hpp): set once, in the base year, for every year.
void record_target_paths(const Inputs& in, RunResult& result) {
    if (in.targets.empty()) return;
    double base_t = 0;
    for (int c = 0; c < result.clusters; ++c) base_t += result.cluster_co2_net_t[result.at_cluster(0, c)];
    for (int yi = 0; yi < result.years; ++yi)
        for (std::size_t t = 0; t < in.targets.size(); ++t)
            result.target_co2_net_t[static_cast<std::size_t>(yi) * kEmissionTargetCount + t] =
                target_path_t(in.targets[t], base_t, result.base_year, result.base_year + yi);
}

// National use of the scarce resources against their capacity, and each instrument's
// budget, commitments and payments of the year.
void record_national(const Inputs& in, const RunState& state, int year, const NationalUse& use, RunResult& result) {
    const int yi = year - in.scenario.base_year;
    for (int c = 0; c < static_cast<int>(in.clusters.size()); ++c) {
        const std::size_t at = result.at_cluster(yi, c);
        result.cluster_grid_headroom_mw[at] = ledger_of(state, Resource::grid, c).capacity(year);
        result.cluster_space_used_ha[at] = ledger_of(state, Resource::space, c).used(year);
        result.cluster_space_ha[at] = ledger_of(state, Resource::space, c).capacity(year);
    }
    const auto national = [&](Resource r) -> const CapacityLedger& { return ledger_of(state, r, 0); };
    const auto y = static_cast<std::size_t>(yi);
    result.co2_storage_used_t[y] = use.storage;
    result.co2_storage_capacity_t[y] = national(Resource::co2_storage).capacity(year);
    result.co2_shipping_used_t[y] = use.shipping;
    result.co2_shipping_capacity_t[y] = national(Resource::co2_shipping).capacity(year);
    result.hydrogen_used_gj[y] = use.hydrogen;
    result.hydrogen_supply_gj[y] = national(Resource::hydrogen).capacity(year);
    record_hydrogen_obligation(in.scenario, national(Resource::green_hydrogen).capacity(year), use.hydrogen_all, year,
                               y, result);
    result.biomethane_used_gj[y] = use.biomethane;
    result.biomethane_supply_gj[y] = national(Resource::biomethane).capacity(year);
    for (int i = 0; i < result.instruments; ++i) {
        const CapacityLedger& budget = ledger_of(state, Resource::subsidy_budget, 0, i);
        const std::size_t at = result.at_instrument(yi, i);
        result.instrument_budget_eur[at] = budget.capacity(year);
        result.instrument_committed_eur[at] = budget.used(year);
        result.instrument_paid_eur[at] += state.grants_paid_eur[static_cast<std::size_t>(i)];
    }
}

// The route mix of the year (the `route_mix` observable; the one definition the run
// printout, tools/compare_scenarios.py and eiisim_results read): per kind of route in
// force, the share of the national base-year production value (each plant's base-year
// output at reference prices, `plant_base_value`; the power sector weighs nothing) held
// by the plants on a route of that kind. Relocated and closed plants count under their
// kind, so the shares add up to 1 and lost production shows; an entrant counts once built.
void record_route_mix(const Inputs& in, const std::vector<SectorValuation>& valuations, int yi, int row,
                      RunResult& result) {
    double* mix = &result.route_mix[static_cast<std::size_t>(yi) * kOptionKindCount];
    double total = 0;
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const std::size_t at = result.at(row, static_cast<int>(p));
        if (static_cast<PlantStatus>(result.status[at]) == PlantStatus::not_built) continue;
        const PlantSpec& plant = in.plants[p];
        const double value = plant.production_t * valuations[static_cast<std::size_t>(plant.sector)].product_eur_per_t;
        mix[result.kind[at]] += value;
        total += value;
    }
    if (total > 0)
        for (int k = 0; k < kOptionKindCount; ++k) mix[k] /= total;
}

}  // namespace

void record_aggregates(const Model& model, RunState& state, int year, RunResult& result) {
    const Inputs& in = model.inputs;
    const int yi = year - in.scenario.base_year;
    const double load_factor = in.scenario.behaviour.grid_load_factor;
    NationalUse use;
    const int row = panel_row(result, yi);
    // Production by value at fixed reference prices (core/production_value.hpp).
    const std::vector<SectorValuation> valuations = sector_valuations(in);
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const std::size_t at = result.at(row, static_cast<int>(p));
        const std::size_t c = result.at_cluster(yi, in.plants[p].cluster);
        const PlantBaseline& base = model.baselines[p];
        const double production = result.production_t[at];
        const auto s = static_cast<std::size_t>(in.plants[p].sector);
        result.cluster_production_t[c] += production;
        if (is_power_sector(in.sectors[s])) use.power_output += production;
        if (production > 0) {
            const TechnologySpec& route = in.technologies[static_cast<std::size_t>(result.technology[at])];
            const double value = production * domestic_value_eur_per_t(valuations[s], in.sectors[s], route);
            result.cluster_production_value_eur[c] += value;
            result.cluster_production_value_by_kind_eur[c * kOptionKindCount + result.kind[at]] += value;
        }
        result.jobs[at] = jobs_of(model, result, p, yi, at);
        result.cluster_jobs[c] += result.jobs[at];
        if (in.plants[p].is_entrant() && on_site(static_cast<PlantStatus>(result.status[at]))) {
            result.cluster_entrants[c] += 1.0;
            result.cluster_entrant_capacity_t[c] += in.plants[p].capacity_t;
        }
        result.cluster_value_added_eur[c] += result.value_added_eur[at];
        result.cluster_co2_gross_t[c] += result.co2_gross_t[at];
        result.cluster_co2_captured_t[c] += result.co2_captured_t[at];
        result.cluster_co2_net_t[c] += result.co2_net_t[at];
        result.cluster_co2_relocated_t[c] += result.co2_relocated_t[at];
        result.cluster_co2_relocated_eu_t[c] += result.co2_relocated_eu_t[at];
        // What the change in net CO2 since the base year is made of (docs/ODD.md §7.12).
        if (yi == 0) state.reduction_base[p] = reduction_base_of(model, result, p, at);
        add_plant_reduction(model, result, state.reduction_base[p], p, year, at, state.route_net_t_per_t[p],
                            std::span<double>(&result.cluster_reduction_t[c * kReductionPartCount],
                                              kReductionPartCount));
        const double* energy = &result.energy_gj[at * kCarrierCount];
        const double new_electricity =
            energy[static_cast<int>(Carrier::electricity)] - grid_base_gj_per_t(base) * production;
        result.cluster_grid_used_mw[c] += peak_mw(new_electricity, load_factor);
        // A ship-connected plant's CO2 goes abroad, not into the national storage.
        (base.co2_by_ship ? use.shipping : use.storage) += result.co2_captured_t[at];
        const auto new_use = [&](Carrier carrier) {
            return std::max(0.0, energy[static_cast<int>(carrier)] - ledger_base_gj_per_t(base, carrier) * production);
        };
        use.hydrogen += new_use(Carrier::hydrogen);
        use.hydrogen_all += energy[static_cast<int>(Carrier::hydrogen)];
        use.biomethane += new_use(Carrier::biomethane);
        const AidContract& aid = state.aid[p];
        if (aid.supported() && production > 0) {
            const std::size_t i = result.at_instrument(yi, aid.instrument);
            result.instrument_paid_eur[i] -=
                result.cost_eur[at * kCostComponentCount + static_cast<int>(CostComponent::subsidy)];
            result.instrument_avoided_t[i] += aid.avoided_t_per_t * production;
        }
    }
    record_national(in, state, year, use, result);
    record_route_mix(in, valuations, yi, row, result);
    std::fill(state.grants_paid_eur.begin(), state.grants_paid_eur.end(), 0.0);
    result.power_output_mwh[static_cast<std::size_t>(yi)] = use.power_output;
    // Emissions abroad embodied in the imports that replace lost output (docs/ODD.md §7.12).
    record_leakage(in, state, yi, row, result, actual_demand_factors(model, year));
    record_feedstock_series(model, state, year, result);
    if (yi == 0) record_target_paths(in, result);
}

}  // namespace eiisim
