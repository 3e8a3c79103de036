// Phase 2: every plant produces on the route in force and books its year: production,
// energy by carrier, emissions gross / captured / net, cost components, margin.
// Plants are independent here, so the loop runs in parallel; each task writes only its
// own plant's slots.
#include <algorithm>
#include <limits>

#include "agents/curtailment.hpp"
#include "agents/energy_stack.hpp"
#include "agents/fuel_gas_carbon.hpp"
#include "agents/fuel_gas_coupling.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "core/value_added.hpp"
#include "feedstock_market.hpp"
#include "demand_volume.hpp"
#include "free_allocation.hpp"
#include "fuel_gas_balance.hpp"
#include "green_quota.hpp"
#include "ikc_budget.hpp"
#include "parallel_plants.hpp"
#include "phases.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kPlantGrain = 32;

// A fuel-gas supplier on a route that makes the gas: its profile at a given production
// carries the gas its buyers do not burn, flared on site, and the allowances for what they
// burn (agents/fuel_gas_carbon.hpp). A buyer's profile leaves its gas's allowances to the
// maker. Every other plant's profile is the route's.
struct ProfileAt {
    RouteProfile route;
    const PlantBaseline* base = nullptr;
    bool flares = false;
    ProcessGas burnt;            // by the buyers this year (booked before the supplier's accounts)
    bool expected = false;       // before the buyers are booked: the appraisal's expectation
    ProcessGas expected_flared;  // per t: the gas of buyers that have left

    [[nodiscard]] RouteProfile operator()(double production) const {
        RouteProfile profile = route;
        if (!flares || production <= 0) return profile;
        if (expected) {
            flare_process_gas(profile, expected_flared);
            pay_for_buyers_gas_carbon(profile, base->process_gas_made_co2_t_per_t - expected_flared.co2_t);
            return profile;
        }
        flare_process_gas(profile, unburnt_per_t(*base, production, burnt));
        pay_for_buyers_gas_carbon(profile, burnt.co2_emitted_t / production);
        return profile;
    }
};

// The year the route in force was built or last rebuilt: the bands an electrified route
// runs on are those of that year (docs/ODD.md §7.3).
int built_year(const RunState& state, int year, std::size_t p) { return year - state.asset_age_y[p]; }

// Where the plant stands in the year's booking order (record_accounts).
enum class BookingStep { ordinary, supplier_decides, supplier_books };

// A plant's utilisation for the year and whether the curtailment rule cut it.
struct UtilisationChoice {
    double utilisation = 0;
    bool curtailed = false;
};

// One operating plant's year: its route, profile and unit cost at any utilisation.
struct PlantYear {
    const Model& model;
    const RunState& state;
    int year;
    std::size_t p;
    const PlantSpec& plant;
    const SectorSpec& sector;
    const TechnologySpec& tech;
    double capacity_t;  // after observed partial closures
    double observed_utilisation;  // < 0: none observed this year
    // Forced history: the sector's observed volume index this year; after the last observed
    // year: its demand volume path (sim/demand_volume.hpp); else 1.
    double activity;
    ProfileAt profile_at;
    double route_net_t_per_t = 0;  // the route's own net CO2 per t, before process-gas bookings
    // Whether its sector uses fossil feed (sector_feed.csv); a sector without feed books
    // none, so its plant-years skip the feed's work (sim/feedstock_market.hpp).
    bool uses_feed = false;

    PlantYear(const Model& m, const RunState& s, int y, const RunResult& result, std::size_t plant_index,
              BookingStep booking)
        : model(m), state(s), year(y), p(plant_index), plant(m.inputs.plants[plant_index]),
          sector(m.inputs.sectors[static_cast<std::size_t>(plant.sector)]),
          tech(m.inputs.technologies[static_cast<std::size_t>(s.technology[plant_index])]),
          capacity_t(plant.capacity_t * m.history.open_capacity_share(y - m.inputs.scenario.base_year,
                                                                       static_cast<int>(plant_index))),
          observed_utilisation(
              m.history.observed_utilisation(y - m.inputs.scenario.base_year, static_cast<int>(plant_index))),
          activity(m.history.activity_factor(y - m.inputs.scenario.base_year, static_cast<int>(plant_index)) *
                   actual_demand_factor(m, plant.sector, y, static_cast<int>(plant_index))) {
        const PlantBaseline& base = model.baselines[p];
        // The bands a route electrifies are those of the year it was built (the appraisal
        // priced and the grid reserved them then): a later band comes with the route's next
        // reinvestment, with its capex and grid claim (docs/ODD.md §7.3).
        profile_at.route = route_profile(base, tech, sector, built_year(s, y, plant_index));
        route_net_t_per_t = profile_at.route.co2_net_t_per_t();
        uses_feed = m.inputs.sector_feed[static_cast<std::size_t>(plant.sector)].fossil_feed_t_per_t > 0;
        profile_at.base = &base;
        profile_at.flares = base.process_gas_made_gj_per_t > 0 && route_makes_process_gas(tech.kind);
        profile_at.expected = booking == BookingStep::supplier_decides;
        if (profile_at.flares && profile_at.expected)
            profile_at.expected_flared = expected_flared_per_t(model, state, static_cast<int>(p));
        else if (profile_at.flares)
            profile_at.burnt = process_gas_burnt(model, result, panel_row(result, year - m.inputs.scenario.base_year),
                                                 static_cast<int>(p));
        leave_gas_carbon_to_maker(profile_at.route, base);  // a fuel-gas buyer's gas is paid by its maker
    }

    // The route's profile at `production` with the year's feed counted (docs/ODD.md §7.18):
    // the renewable carbon of its feed leaves its fossil CO2 (gross, so net = gross -
    // captured still holds); `feed` gets the feed's tonnes and money.
    [[nodiscard]] RouteProfile profile_with_feed(double production, PlantFeedYear& feed) const {
        RouteProfile profile = profile_at(production);
        if (!uses_feed) return profile;  // plant_feed_year would return no feed
        feed = plant_feed_year(model, state, year, p, production, profile.co2_net_t_per_t());
        if (feed.co2_renewable_t > 0) profile.co2_gross_t_per_t -= feed.co2_renewable_t / production;
        return profile;
    }

    // The year's unit cost at a given utilisation: fixed charges per t follow it.
    // A partial closure takes its share of capital and fixed cost with it: the cost per t
    // stays that of the plant at this utilisation.
    // `allocation_t` >= 0: the year's free allowances as the activity rule fixed them
    // (the booking); < 0: allocation per t made (the curtailment decision, sim/free_allocation.hpp).
    // `ikc_share`: the share of its full IKC claim counted: 1 for the booking (record_accounts
    // cuts every claim to the year's budget after), the expected share for the decision.
    [[nodiscard]] UnitCost unit_cost_at(double utilisation, double allocation_t = -1, double ikc_share = 1.0) const {
        const double production = capacity_t * utilisation;
        CostTerms terms = route_terms(tech, plant, state.route_capex_eur[p] / plant.capacity_t,
                                      state.route_lifetime_y[p], utilisation);
        terms.value_chain_eur_per_t = state.value_chain_eur_per_t[p];
        terms.export_share = export_share_of(model, state, static_cast<int>(p));
        terms.export_discount = model.inputs.scenario.behaviour.export_discount;
        if (year < state.stranded_until_year[p] && production > 0)
            terms.stranded_eur_per_t = state.stranded_annuity_eur[p] / production;
        const PriceView& prices = actual_view(model, state, year);
        terms.subsidy_eur_per_t = aid_payment_eur_per_t(state, static_cast<int>(p), year, prices, production);
        if (allocation_t >= 0) terms.free_allocation_t_per_t = production > 0 ? allocation_t / production : 0.0;
        terms.production_t = production;
        terms.ikc_pro_rata = ikc_share;
        PlantFeedYear feed;
        const RouteProfile profile = profile_with_feed(production, feed);
        if (production > 0) terms.feedstock_eur_per_t = (feed.premium_eur + feed.buyout_eur) / production;
        return domestic_unit_cost(model.baselines[p], sector, profile, prices, terms);
    }

    // The free allowances of the year: the benchmark times the activity the EU rules fix
    // from the past two years (sim/free_allocation.hpp).
    // A fallback's combustion part rests on its own activity, the fuel-fired output
    // (written as a deduction, so a plant that burns all its heat books B x a x H exactly).
    [[nodiscard]] double allocation_t() const {
        const PriceView& prices = actual_view(model, state, year);
        const double product_activity = allocated_activity_t(state.allocation_activity[p]);
        if (!has_combustion_benchmark(model.baselines[p]))
            return benchmark_allowances_t_per_t(model.baselines[p], sector, prices) * product_activity;
        const double fuel_activity = allocated_activity_t(state.combustion_allocation_activity[p]);
        return benchmark_allowances_t_per_t(model.baselines[p], sector, prices) * product_activity -
               combustion_allowances_t_per_t(model.baselines[p], sector, prices) * (product_activity - fuel_activity);
    }

    // The utilisation it runs at: what its customers take, at most `cap`, curtailed when
    // running costs more than it earns (agents/curtailment.hpp).
    // An observed utilisation replaces both (docs/ODD.md §7.13); a buyer still burns no
    // more gas than its suppliers make.
    // The base year is observed (the dataset's production), and in forced mode so is every
    // year up to the last observed one: history.csv lists the known deviations, and a plant
    // without one ran as usual, scaled by its sector's observed volume index where
    // sector_activity.csv has one, so the curtailment rule (behaviour) does not act there.
    // A plant the rule curtailed last year restarts only at a margin of restart_margin_share
    // of its revenue (restart hysteresis, agents/curtailment.hpp).
    [[nodiscard]] UtilisationChoice decide_utilisation(double cap) const {
        if (observed_utilisation >= 0) return {std::min(observed_utilisation, cap), false};
        const double utilisation = std::min(utilisation_of(model, state, static_cast<int>(p)) * activity, cap);
        if (year == model.inputs.scenario.base_year || year <= model.history.last_observed_year)
            return {utilisation, false};
        const Behaviour& behaviour = model.inputs.scenario.behaviour;
        const double margin_needed = state.curtailed_by_rule[p] != 0 ? behaviour.restart_margin_share : 0.0;
        if (!curtails(unit_cost_at(utilisation, -1, expected_ikc_share()), behaviour.curtailed_utilisation,
                      margin_needed))
            return {utilisation, false};
        return {utilisation * behaviour.curtailed_utilisation, true};
    }

    // The share of its IKC claim the plant expects paid this year: the year's budget over
    // last year's claims, as appraisals expect it (docs/ODD.md §7.4 "Budget"); the year's
    // own claims are known only once every plant has booked.
    [[nodiscard]] double expected_ikc_share() const {
        return ikc_pro_rata(actual_view(model, state, year).ikc_budget_eur, state.ikc_claims_eur);
    }
};

// Production abroad runs on the incumbent (keep) route: its CO2 per t is leakage. A fuel-gas
// supplier's keep route abroad also makes its process gas, burnt or flared there: its CO2
// (booked at home at the buyers or as flared while the step runs here, §7.10) moves abroad
// with the step, so home plus abroad stays the site's CO2 per t (ODD §7.12).
double abroad_t_per_t(const Model& model, std::size_t p, int year) {
    const Inputs& in = model.inputs;
    const auto sector = static_cast<std::size_t>(in.plants[p].sector);
    const TechnologySpec& keep = in.technologies[static_cast<std::size_t>(keep_technology_of(in, static_cast<int>(p)))];
    const PlantBaseline& base = model.baselines[p];
    return route_profile(base, keep, in.sectors[sector], year).co2_net_t_per_t() + base.process_gas_made_co2_t_per_t;
}

// The plant's feed of the year (docs/ODD.md §7.18): tonnes used per feedstock and money for
// the national series; the renewable carbon left out of its fossil CO2; the net feed cost
// per t (premium + buy-out - ETS saved) its next appraisal sees.
void book_feed(const PlantYear& py, const PlantFeedYear& feed, const UnitCost& unit, double production,
               RunState& state, RunResult& result, std::size_t at) {
    const std::size_t feeds = py.model.inputs.feedstocks.size();
    for (std::size_t f = 0; f < feeds; ++f) state.feed_used_t[py.p * feeds + f] = feed.used_t[f];
    state.feed_buyout_eur[py.p] = feed.buyout_eur;
    state.feed_premium_eur[py.p] = feed.premium_eur;
    state.feed_basis_t[py.p] = production;
    result.co2_renewable_feed_t[at] = feed.co2_renewable_t;
    for (std::size_t o = 0; o < static_cast<std::size_t>(kFeedOriginCount); ++o)
        result.feed_origin_share[at * kFeedOriginCount + o] = feed.feed_t > 0 ? feed.replaced_t[o] / feed.feed_t : 0.0;
    const double ets = actual_view(py.model, state, py.year).ets_eur_per_t;
    state.feed_net_eur_per_t[py.p] =
        production > 0 ? unit[CostComponent::feedstock] - ets * feed.co2_renewable_t / production : 0.0;
}

// Writes the plant's year at `utilisation`.
void write_year(const PlantYear& py, RunState& state, RunResult& result, std::size_t at, double utilisation) {
    const double production = py.capacity_t * utilisation;
    const UnitCost unit = py.unit_cost_at(utilisation, py.allocation_t());
    PlantFeedYear feed;
    const RouteProfile profile = py.profile_with_feed(production, feed);
    book_feed(py, feed, unit, production, state, result, at);
    result.production_t[at] = production;
    result.free_allocation_t[at] = unit.free_allocation_t_per_t * production;
    const double activity = production * (1.0 - profile.imported_share);
    record_activity(state.allocation_activity[py.p], py.year, activity);
    if (has_combustion_benchmark(py.model.baselines[py.p]))
        record_activity(state.combustion_allocation_activity[py.p], py.year,
                        activity * (1.0 - profile.fuel_benchmark_electrified_share));
    result.utilisation[at] = utilisation;
    result.co2_gross_t[at] = profile.co2_gross_t_per_t * production;
    result.co2_captured_t[at] = profile.co2_captured_t_per_t * production;
    // net = gross - captured, computed from the stored values so it holds exactly
    result.co2_net_t[at] = result.co2_gross_t[at] - result.co2_captured_t[at];
    // An import route's imported share of the upstream step is made abroad, at the keep
    // route's intensity (ODD "Accounts"): relocated CO2, not CO2 that vanishes.
    if (profile.imported_share > 0)
        result.co2_relocated_t[at] = profile.imported_share * abroad_t_per_t(py.model, py.p, py.year) * production;
    for (int c = 0; c < kCarrierCount; ++c)
        result.energy_gj[at * kCarrierCount + static_cast<std::size_t>(c)] =
            profile.energy_gj_per_t[static_cast<std::size_t>(c)] * production;
    double cost = 0;
    for (int k = 0; k < kCostComponentCount; ++k) {
        const double value = unit.eur_per_t[static_cast<std::size_t>(k)] * production;
        result.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(k)] = value;
        cost += value;
    }
    for (int k = 0; k < kEnergyPartCount; ++k)
        result.energy_cost_eur[at * kEnergyPartCount + static_cast<std::size_t>(k)] =
            unit.energy_part_eur_per_t[static_cast<std::size_t>(k)] * production;
    state.route_net_t_per_t[py.p] = py.route_net_t_per_t;
    // What the plant's support paid this year counts against an agreement's ceiling.
    state.aid_paid_eur[py.p] -= unit.eur_per_t[static_cast<std::size_t>(CostComponent::subsidy)] * production;
    result.revenue_eur[at] = unit.revenue_eur_per_t * production;
    result.margin_eur[at] = result.revenue_eur[at] - cost;
    result.value_added_eur[at] = value_added_eur(
        result.revenue_eur[at], std::span<const double>(&result.cost_eur[at * kCostComponentCount], kCostComponentCount),
        py.sector.other_cost_intermediate_share);
    state.loss_years[py.p] = result.margin_eur[at] < 0 ? state.loss_years[py.p] + 1 : 0;
}

// Books plant `p`'s year. `cap` bounds its utilisation (a fuel-gas buyer burns no more gas
// than its suppliers make); `fixed` >= 0 imposes a utilisation decided earlier (a gas
// supplier decides before its buyers are booked and books after them).
void book_plant(const Model& model, RunState& state, int year, RunResult& result, std::size_t p,
                double cap = 1.0, double fixed = -1.0, BookingStep booking = BookingStep::ordinary) {
    const Inputs& in = model.inputs;
    const PlantSpec& plant = in.plants[p];
    const int yi = year - in.scenario.base_year;
    const std::size_t at = result.at(panel_row(result, yi), static_cast<int>(p));
    result.status[at] = static_cast<std::uint8_t>(state.status[p]);
    // Not built yet: no route, output, CO2 or cost (its route is written once it runs).
    if (state.status[p] == PlantStatus::not_built) {
        result.technology[at] = -1;
        result.kind[at] = 0;
        return;
    }
    const int tech_index = state.technology[p];
    result.technology[at] = static_cast<std::int16_t>(tech_index);
    result.kind[at] = static_cast<std::uint8_t>(in.technologies[static_cast<std::size_t>(tech_index)].kind);
    // Relocated production runs abroad at base utilisation: outside the EU its CO2 is
    // leakage; at an EU neighbour it stays under the EU ETS (docs/ODD.md §7.5).
    if (state.status[p] == PlantStatus::relocated || state.status[p] == PlantStatus::relocated_eu) {
        auto& abroad = state.status[p] == PlantStatus::relocated ? result.co2_relocated_t : result.co2_relocated_eu_t;
        // It serves the same market as at home: its demand path applies abroad too (§7.19).
        abroad[at] = abroad_t_per_t(model, p, year) * plant.capacity_t * model.baselines[p].utilisation *
                     actual_demand_factor(model, plant.sector, year, static_cast<int>(p));
        return;
    }
    if (state.status[p] == PlantStatus::closed) return;
    result.route_built_year[at] = static_cast<std::int16_t>(built_year(state, year, p));
    start_allocation_year(state.allocation_activity[p], year);
    start_allocation_year(state.combustion_allocation_activity[p], year);
    const PlantYear py(model, state, year, result, p, booking);
    double utilisation = fixed;  // a gas supplier's, decided (and its curtailment recorded) before
    if (fixed < 0) {
        const UtilisationChoice choice = py.decide_utilisation(cap);
        utilisation = choice.utilisation;
        state.curtailed_by_rule[p] = choice.curtailed ? 1 : 0;
    }
    // Mothballed or stopped all year: it books nothing (its fixed cost per t is undefined)
    // and its activity that year is nil.
    if (utilisation <= 0 && py.observed_utilisation == 0) {
        record_activity(state.allocation_activity[p], year, 0.0);
        record_activity(state.combustion_allocation_activity[p], year, 0.0);
        return;
    }
    write_year(py, state, result, at, utilisation);
}

// What a gas supplier decides to run at before its buyers are booked, from what it expects
// them to burn (the appraisal's expectation: the gas of buyers that have left is flared).
UtilisationChoice supplier_utilisation(const Model& model, const RunState& state, int year, const RunResult& result,
                                       std::size_t p) {
    if (state.status[p] != PlantStatus::operating && state.status[p] != PlantStatus::converting) return {};
    return PlantYear(model, state, year, result, p, BookingStep::supplier_decides).decide_utilisation(1.0);
}

// A fuel-gas buyer's utilisation cap: the gas its suppliers make this year relative to the
// base year (their production over base production), the lowest over its suppliers, times
// its own base utilisation, at most its capacity: a supplier running above its base rate
// (a strong observed year) lets its buyers burn the extra gas.
double buyer_cap(const Model& model, int buyer, const std::vector<double>& supplier_u) {
    double cap = std::numeric_limits<double>::infinity();
    const ValueChainCsr& csr = model.value_chain;
    const auto b = static_cast<std::size_t>(buyer);
    for (int k = csr.supplier_begin[b]; k < csr.supplier_begin[b + 1]; ++k) {
        const EdgeSpec& e = model.inputs.edges[static_cast<std::size_t>(csr.supplier_edges[static_cast<std::size_t>(k)])];
        if (e.coupling != EdgeCoupling::fuel_gas) continue;
        const auto s = static_cast<std::size_t>(e.supplier);
        const double base_u = model.baselines[s].utilisation;
        cap = std::min(cap, base_u > 0 ? supplier_u[s] / base_u : 0.0);
    }
    return std::min(1.0, cap * model.baselines[b].utilisation);
}

}  // namespace

void record_accounts(const Model& model, RunState& state, int year, RunResult& result) {
    // A panel of one year is reused every year: clear what closed and relocated plants
    // leave unwritten, as a full panel's fresh row would be.
    if (single_year_panel(result)) {
        for (auto* v : {&result.production_t, &result.utilisation, &result.co2_gross_t, &result.co2_captured_t,
                        &result.co2_net_t, &result.co2_relocated_t, &result.co2_relocated_eu_t,
                        &result.free_allocation_t, &result.revenue_eur, &result.margin_eur, &result.value_added_eur,
                        &result.co2_renewable_feed_t, &result.feed_origin_share, &result.energy_gj,
                        &result.cost_eur, &result.energy_cost_eur})
            std::fill(v->begin(), v->end(), 0.0);
        std::fill(result.route_built_year.begin(), result.route_built_year.end(), std::int16_t{0});
    }
    // Fuel-gas suppliers decide their utilisation first (from what they expect their buyers
    // to burn); their buyers then burn no more gas than is made; the suppliers book last,
    // flaring what their buyers did not burn (agents/fuel_gas_carbon.hpp).
    const std::size_t n = model.inputs.plants.size();
    const auto supplies_gas = [&](std::size_t p) { return model.baselines[p].process_gas_made_gj_per_t > 0; };
    const auto buys_gas = [&](std::size_t p) { return model.baselines[p].gas_coupled; };
    std::vector<double> supplier_u(n, 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        if (!supplies_gas(p)) continue;
        const UtilisationChoice choice = supplier_utilisation(model, state, year, result, p);
        supplier_u[p] = choice.utilisation;
        state.curtailed_by_rule[p] = choice.curtailed ? 1 : 0;
    }
    for_each_plant_parallel(
        n, kPlantGrain,
        [&](std::size_t p) {
            if (supplies_gas(p)) return;
            if (buys_gas(p))
                book_plant(model, state, year, result, p, buyer_cap(model, static_cast<int>(p), supplier_u));
            else
                book_plant(model, state, year, result, p);
        },
        model.serial_plants);
    for (std::size_t p = 0; p < n; ++p)
        if (supplies_gas(p)) book_plant(model, state, year, result, p, 1.0, supplier_u[p], BookingStep::supplier_books);
    cut_ikc_to_budget(model, state, year, result);
}

}  // namespace eiisim
