// Phase 2: every plant produces on the route in force and books its year: production,
// energy by carrier, emissions gross / captured / net, cost components, margin.
// Plants are independent here, so the loop runs in parallel; each task writes only its
// own plant's slots.
#include <algorithm>

#include "agents/curtailment.hpp"
#include "agents/fuel_gas_carbon.hpp"
#include "agents/fuel_gas_coupling.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "fuel_gas_balance.hpp"
#include "parallel_plants.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kPlantGrain = 32;

// A fuel-gas supplier on a route that makes the gas: its profile at a given production
// carries the gas its buyers (booked before it) do not burn, flared on site
// (agents/fuel_gas_carbon.hpp). Every other plant's profile is the route's.
struct ProfileAt {
    RouteProfile route;
    const PlantBaseline* base = nullptr;
    bool flares = false;
    ProcessGas burnt;  // by the buyers this year

    [[nodiscard]] RouteProfile operator()(double production) const {
        RouteProfile profile = route;
        if (flares) flare_process_gas(profile, unburnt_per_t(*base, production, burnt));
        return profile;
    }
};

ProfileAt profile_of(const Model& model, const RunResult& result, int row, std::size_t p,
                     const TechnologySpec& tech, int year) {
    const Inputs& in = model.inputs;
    const PlantBaseline& base = model.baselines[p];
    ProfileAt at;
    at.route = route_profile(base, tech, in.sectors[static_cast<std::size_t>(in.plants[p].sector)], year);
    at.base = &base;
    at.flares = base.process_gas_made_gj_per_t > 0 && route_makes_process_gas(tech.kind);
    if (at.flares) at.burnt = process_gas_burnt(model, result, row, static_cast<int>(p));
    return at;
}

void book_plant(const Model& model, RunState& state, int year, RunResult& result, std::size_t p) {
    const Inputs& in = model.inputs;
    const PlantSpec& plant = in.plants[p];
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(plant.sector)];
    const PlantBaseline& base = model.baselines[p];
    const int yi = year - in.scenario.base_year;
    const std::size_t at = result.at(panel_row(result, yi), static_cast<int>(p));
    const int tech_index = state.technology[p];
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(tech_index)];

    result.technology[at] = static_cast<std::int16_t>(tech_index);
    result.kind[at] = static_cast<std::uint8_t>(tech.kind);
    result.status[at] = static_cast<std::uint8_t>(state.status[p]);

    // Production abroad runs on the incumbent (keep) route: its CO2 is leakage. A fuel-gas
    // supplier's keep route abroad also makes its process gas, burnt or flared there: its
    // CO2 (booked at home at the buyers or as flared while the step runs here, §7.10) moves
    // abroad with the step, so home plus abroad stays the site's CO2 per t (ODD §7.12).
    const auto abroad_t_per_t = [&] {
        const TechnologySpec& keep =
            in.technologies[static_cast<std::size_t>(in.sector_keep_technology[static_cast<std::size_t>(plant.sector)])];
        return route_profile(base, keep, sector, year).co2_net_t_per_t() + base.process_gas_made_co2_t_per_t;
    };
    if (state.status[p] == PlantStatus::relocated) {
        result.co2_relocated_t[at] = abroad_t_per_t() * plant.capacity_t * base.utilisation;
        return;
    }
    if (state.status[p] == PlantStatus::closed) return;

    const ProfileAt profile_at = profile_of(model, result, panel_row(result, yi), p, tech, year);
    const PriceView& prices = model.actual[static_cast<std::size_t>(yi)];
    // The year's unit cost at a given utilisation: fixed charges per t follow it.
    const auto unit_cost_at = [&](double utilisation) {
        const double production = plant.capacity_t * utilisation;
        CostTerms terms = route_terms(tech, plant, state.route_capex_eur[p] / plant.capacity_t,
                                      state.route_lifetime_y[p], utilisation);
        terms.value_chain_eur_per_t = state.value_chain_eur_per_t[p];
        terms.export_share = export_share_of(model, state, static_cast<int>(p));
        terms.export_discount = in.scenario.behaviour.export_discount;
        if (year < state.stranded_until_year[p] && production > 0)
            terms.stranded_eur_per_t = state.stranded_annuity_eur[p] / production;
        if (year < state.subsidy_until_year[p]) terms.subsidy_eur_per_t = state.subsidy_eur_per_t[p];
        return domestic_unit_cost(base, sector, profile_at(production), prices, terms);
    };
    double utilisation = utilisation_of(model, state, static_cast<int>(p));
    UnitCost unit = unit_cost_at(utilisation);
    const double curtailed = in.scenario.behaviour.curtailed_utilisation;
    if (curtails(unit, curtailed)) {
        utilisation *= curtailed;
        unit = unit_cost_at(utilisation);
    }
    const double production = plant.capacity_t * utilisation;
    const RouteProfile profile = profile_at(production);

    result.production_t[at] = production;
    result.utilisation[at] = utilisation;
    result.co2_gross_t[at] = profile.co2_gross_t_per_t * production;
    result.co2_captured_t[at] = profile.co2_captured_t_per_t * production;
    // net = gross - captured, computed from the stored values so it holds exactly
    result.co2_net_t[at] = result.co2_gross_t[at] - result.co2_captured_t[at];
    // An import route's imported share of the upstream step is made abroad, at the keep
    // route's intensity (ODD "Accounts"): relocated CO2, not CO2 that vanishes.
    if (profile.imported_share > 0) result.co2_relocated_t[at] = profile.imported_share * abroad_t_per_t() * production;
    for (int c = 0; c < kCarrierCount; ++c)
        result.energy_gj[at * kCarrierCount + static_cast<std::size_t>(c)] =
            profile.energy_gj_per_t[static_cast<std::size_t>(c)] * production;
    double cost = 0;
    for (int k = 0; k < kCostComponentCount; ++k) {
        const double value = unit.eur_per_t[static_cast<std::size_t>(k)] * production;
        result.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(k)] = value;
        cost += value;
    }
    result.revenue_eur[at] = unit.revenue_eur_per_t * production;
    result.margin_eur[at] = result.revenue_eur[at] - cost;
    state.loss_years[p] = result.margin_eur[at] < 0 ? state.loss_years[p] + 1 : 0;
}

}  // namespace

void record_accounts(const Model& model, RunState& state, int year, RunResult& result) {
    // A panel of one year is reused every year: clear what closed and relocated plants
    // leave unwritten, as a full panel's fresh row would be.
    if (single_year_panel(result)) {
        for (auto* v : {&result.production_t, &result.utilisation, &result.co2_gross_t, &result.co2_captured_t,
                        &result.co2_net_t, &result.co2_relocated_t, &result.revenue_eur, &result.margin_eur,
                        &result.energy_gj, &result.cost_eur})
            std::fill(v->begin(), v->end(), 0.0);
    }
    // Fuel-gas suppliers are booked after everyone else: what they flare is what their
    // buyers did not burn this year (agents/fuel_gas_carbon.hpp).
    const auto supplies_gas = [&](std::size_t p) { return model.baselines[p].process_gas_made_gj_per_t > 0; };
    for_each_plant_parallel(
        model.inputs.plants.size(), kPlantGrain,
        [&](std::size_t p) {
            if (!supplies_gas(p)) book_plant(model, state, year, result, p);
        },
        model.serial_plants);
    for (std::size_t p = 0; p < model.inputs.plants.size(); ++p)
        if (supplies_gas(p)) book_plant(model, state, year, result, p);
}

}  // namespace eiisim
