#pragma once
// Everything one run records, in memory, year-major: element [y * plants + p] is plant p
// in year index y (year = base_year + y). Written to HDF5 by output/, read directly by
// tests. Cluster and national aggregates are sums over plants made by the engine's
// recorder so that tests can check them against the plant panel.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "inputs.hpp"

namespace eiisim {

// `relocated`: production moved outside the EU; `relocated_eu`: to an EU neighbour.
// `not_built`: a new entrant (entrants.csv, docs/ODD.md §7.20) before it enters: it has no
// site, output, emissions or jobs yet. New codes come last, so the others keep theirs.
enum class PlantStatus : std::uint8_t { operating, converting, relocated, closed, relocated_eu, not_built };
inline constexpr int kPlantStatusCount = 6;
inline constexpr std::array<const char*, kPlantStatusCount> kPlantStatusNames = {
    "operating", "converting", "relocated", "closed", "relocated_eu", "not_built"};
// Production gone from the Netherlands for good (closed or relocated anywhere).
[[nodiscard]] constexpr bool has_left(PlantStatus status) {
    return status == PlantStatus::closed || status == PlantStatus::relocated || status == PlantStatus::relocated_eu;
}
// A plant on a Dutch site now: neither gone nor an entrant still to be built.
[[nodiscard]] constexpr bool on_site(PlantStatus status) {
    return status == PlantStatus::operating || status == PlantStatus::converting;
}

// Yearly cost components per plant, EUR per year (model price year).
enum class CostComponent : std::uint8_t {
    capex_annuity,      // annualised capex of the route in force
    fixed_opex,
    variable_opex,
    energy,             // all carriers at this year's prices
    ets,                // EU ETS: net emissions x price, minus free allocation value
    co2_levy,           // national levy above the dispensation path
    transport_storage,  // CO2 transport and storage fee on captured CO2
    subsidy,            // operating subsidy received (negative cost)
    stranded,           // annuity of book value left behind by an early switch
    value_chain,        // extra input cost from lost suppliers
    import_purchase,    // imported intermediates
    other_cost,         // non-energy cost of production (calibrated)
    feedstock,          // alternative feed's premium over fossil feed, plus the mandate's buy-out (§7.18)
};
inline constexpr int kCostComponentCount = 13;
inline constexpr std::array<const char*, kCostComponentCount> kCostComponentNames = {
    "capex_annuity", "fixed_opex", "variable_opex", "energy", "ets", "co2_levy",
    "transport_storage", "subsidy", "stranded", "value_chain", "import_purchase", "other_cost", "feedstock"};

// The energy cost component split by what makes it up (docs/ODD.md §7.4, "Energy cost
// stack"): commodity prices of every carrier, Dutch network tariffs (electricity by
// connection level, gas), energy tax (brackets by yearly volume), indirect cost
// compensation (IKC, negative) and any other electricity compensation a scenario sets
// (negative). The parts add up to the energy component.
enum class EnergyPart : std::uint8_t { commodity, network, energy_tax, ikc, other_compensation };
inline constexpr int kEnergyPartCount = 5;
inline constexpr std::array<const char*, kEnergyPartCount> kEnergyPartNames = {
    "commodity", "network", "energy_tax", "ikc", "other_compensation"};

// fuel_gas_ended is no decision but its cause: the supplier whose process gas a plant
// burns stopped making it, and the plant closed that year (sim/transitions.cpp).
// `observed`: a row of the dataset's observed history (docs/ODD.md §7.13) made the change.
// `entry_scheduled`, `entry_candidate`: a new entrant's decision to build (docs/ODD.md
// §7.20): one with a final investment decision enters in its year; a candidate builds when
// its business case is positive.
// permit_refused: a granted conversion's permit stage failed (sim/permit_stage.hpp), so the
// plant is back at its decision. Last, so the other triggers keep their codes.
enum class Trigger : std::uint8_t { reinvestment, losses, event, value_chain, conversion_done, fuel_gas_ended,
                                    observed, agreement, entry_scheduled, entry_candidate, permit_refused };
inline constexpr std::array<const char*, 11> kTriggerNames = {
    "reinvestment", "consecutive_losses", "scenario_event", "value_chain", "conversion_done",
    "fuel_gas_supply_ended", "observed_history", "support_agreement", "entry_scheduled", "entry_candidate",
    "permit_refused"};

// Why an option is not open to a plant (docs/ODD.md §7.7). Scarce capacity, budget and
// build-out limits are not among them: those are checked in allocation.
enum class Infeasible : std::uint8_t {
    not_available,        // available_year after the year the route would start
    nothing_electrified,  // an electrify option with no heat band open by then
    nothing_captured,     // a ccs option with nothing to capture
    no_co2_connection,    // capture before the cluster's co2_connection_year
    no_h2_connection,     // new hydrogen use before the cluster's h2_connection_year
    not_multinational,    // relocation needs a multinational parent
    gas_coupled,          // a plant on a supplier's process gas: keep, ccs or close only
    agreement_commitment,  // a binding agreement holds the unit to its agreed route, here
};
inline constexpr int kInfeasibleCount = 8;
inline constexpr std::array<const char*, kInfeasibleCount> kInfeasibleNames = {
    "not_available", "nothing_electrified", "nothing_captured", "no_co2_connection",
    "no_h2_connection", "not_multinational", "gas_coupled", "agreement_commitment"};

// Why allocation refused a wanted variant (sim/allocation.cpp): the first scarce resource
// whose ledger it did not fit (core/scarce_resources.hpp, same order), or the national
// build-out limit of its kind.
enum class RefusedBy : std::uint8_t {
    none, grid, co2_storage, hydrogen, biomethane, subsidy_budget, co2_shipping, green_hydrogen,
    ammonia_imports, dri_imports, methanol_imports, feedstock, space, buildout_limit,
    site_staging  // another unit of its site has a large conversion under way (sim/site_staging.hpp)
};
inline constexpr int kRefusedByCount = 15;
inline constexpr std::array<const char*, kRefusedByCount> kRefusedByNames = {
    "none", "grid", "co2_storage", "hydrogen", "biomethane", "subsidy_budget", "co2_shipping", "green_hydrogen",
    "ammonia_imports", "dri_imports", "methanol_imports", "feedstock", "space", "buildout_limit",
    "site_staging"};

// One variant a plant weighed in a decision: an option of its list, or (subsidised) that
// option's subsidised twin. Everything the choice used, so the log explains it
// (docs/ODD.md section 7.7): the terms of the levelised cost, the margin, the three
// parts of the random utility, feasibility, allocation's answer and the outcome.
struct OptionAppraisal {
    int technology = -1;          // index into Inputs::technologies
    bool subsidised = false;      // a subsidised twin (operating subsidy, investment aid)
    std::int8_t instrument = -1;  // its instrument (index into Policy::instruments); -1: none
    double cost_eur_per_t = 0;    // levelised cost of production incl. subsidy if any
    double margin_eur_per_t = 0;  // expected price (+ premium) minus cost
    double subsidy_eur_per_t = 0; // operating subsidy per t the award expects, paid yearly for the contract
    // The terms of cost_eur_per_t, EUR per t: the yearly cost components (the twin's
    // operating subsidy, levelised, in `subsidy`), then the energy component by carrier
    // (part of `energy`), the investment aid (negative) and the risk premium.
    std::array<double, kCostComponentCount> cost_terms_eur_per_t{};
    EnergyGj energy_eur_per_t{};
    std::array<double, kEnergyPartCount> energy_part_eur_per_t{};  // the energy term by EnergyPart
    double investment_aid_eur_per_t = 0;
    double risk_premium_eur_per_t = 0;
    double revenue_eur_per_t = 0;          // expected price, discounts and premiums
    double cbam_in_price_eur_per_t = 0;    // CBAM's uplift of the price, in the revenue
    double green_premium_eur_per_t = 0;    // green premium, in the revenue
    // Random utility U = systematic + bias + random (docs/ODD.md section 7.7); the three
    // parts as the ranking added them. Deterministic mode: systematic = margin, others 0.
    double utility_systematic = 0;
    double utility_bias = 0;
    double utility_random = 0;
    int start_year = 0;
    int rank = -1;                // 0-based place in the ranking that decided; -1: not ranked
    std::uint8_t infeasible = 0;  // bit set of Infeasible (1 << reason); 0: feasible
    bool feasible = true;         // false: available year, infrastructure or relocation rule
    bool refused = false;         // wanted, but scarce capacity, budget or build-out was refused
    RefusedBy refused_by = RefusedBy::none;
    bool chosen = false;          // what the decision took (the route in force when it stays)

    [[nodiscard]] double utility() const { return utility_systematic + utility_bias + utility_random; }
};

struct DecisionEvent {
    int year = 0;
    int plant = 0;
    int from_technology = -1;
    int to_technology = -1;
    Trigger trigger = Trigger::reinvestment;
    int running_from_year = 0;   // year the new route starts running
    double subsidy_committed_eur = 0;
    int instrument = -1;         // the support instrument of the chosen variant; -1: none
    // The closure rule (no ranking): the plant closes when its best margin is below this.
    double closure_margin_eur_per_t = 0;
    bool closed_by_rule = false;
    std::vector<OptionAppraisal> options;  // every variant considered, in the rank that decided
};

struct RunResult {
    int base_year = 0;
    int years = 0;
    int plants = 0;
    int clusters = 0;
    int instruments = 0;  // support instruments of the scenario (Policy::instruments)
    bool targets = false;  // the dataset has targets.csv (else target_co2_net is 0 and no target_gap outcome)
    std::uint64_t seed = 0;
    std::uint64_t run = 0;

    // plant panel [year][plant]
    std::vector<std::int16_t> technology;  // route in force (catalogue index)
    std::vector<std::int16_t> route_built_year;  // year the route in force was built or last rebuilt
    std::vector<std::uint8_t> kind;        // OptionKind of that route
    std::vector<std::uint8_t> status;      // PlantStatus
    std::vector<double> production_t;
    std::vector<double> utilisation;
    std::vector<double> co2_gross_t;
    std::vector<double> co2_captured_t;
    std::vector<double> co2_net_t;
    std::vector<double> co2_relocated_t;   // emitted outside the EU by relocated plants (leakage)
    std::vector<double> co2_relocated_eu_t;  // emitted at an EU neighbour by plants relocated there (EU ETS)
    std::vector<double> free_allocation_t;  // ETS allowances received free
    // Leakage beyond relocation (docs/ODD.md §7.12, "Leakage"; sim/leakage.hpp)
    std::vector<double> replacement_imports_t;    // t of product lost at home + t of intermediate imported
    std::vector<double> co2_embodied_imports_t;   // CO2 emitted abroad making those imports
    std::vector<double> revenue_eur;
    std::vector<double> margin_eur;
    std::vector<double> jobs;              // FTE, employees x open share x labour factor (sim/plant_jobs.hpp)
    std::vector<double> value_added_eur;   // at factor cost, EUR2023 (core/value_added.hpp)
    // CO2 of renewable (bio, CCU) feed carbon: not fossil CO2, so out of co2_gross/co2_net (§7.18)
    std::vector<double> co2_renewable_feed_t;
    // [year][plant][feed origin]: share of the plant's fossil feed replaced by feed of that origin (§7.18)
    std::vector<double> feed_origin_share;
    // [year][plant][carrier]
    std::vector<double> energy_gj;
    // [year][plant][component]
    std::vector<double> cost_eur;
    // [year][plant][energy part]: the energy component split (EnergyPart)
    std::vector<double> energy_cost_eur;

    // cluster aggregates [year][cluster]
    std::vector<double> cluster_production_t;        // physical units: t, MWh for power plants
    std::vector<double> cluster_production_value_eur;  // domestic, at reference prices, power excluded
    std::vector<double> cluster_value_added_eur;       // sum of the plants' value added
    std::vector<double> cluster_co2_gross_t;
    std::vector<double> cluster_co2_captured_t;
    std::vector<double> cluster_co2_net_t;
    std::vector<double> cluster_co2_relocated_t;
    std::vector<double> cluster_co2_relocated_eu_t;
    std::vector<double> cluster_co2_embodied_imports_t;  // CO2 embodied in replacement imports
    std::vector<double> cluster_grid_used_mw;      // new load granted and running
    std::vector<double> cluster_jobs;              // FTE, sum of the plants' jobs
    std::vector<double> cluster_entrants;          // new entrants built and on site (count)
    std::vector<double> cluster_entrant_capacity_t;  // their capacity, t/yr
    std::vector<double> cluster_grid_headroom_mw;
    std::vector<double> cluster_space_used_ha;     // land held by the sites running that claimed it
    std::vector<double> cluster_space_ha;          // free industrial land new sites can take
    // [year][cluster][kind]: production by route kind
    std::vector<double> cluster_production_value_by_kind_eur;  // as cluster_production_value, by route kind
    std::vector<double> route_mix;  // [year][kind]: share of base-year production value by route kind (sim/aggregates.cpp)
    // [year][cluster][reduction_part]: net CO2 less the base year's, by what it is made of
    std::vector<double> cluster_reduction_t;

    // national [year]
    // [year][target]: the climate targets' paths on the model's scope (core/emission_targets.hpp)
    std::vector<double> target_co2_net_t;
    std::vector<double> co2_storage_used_t;
    std::vector<double> co2_storage_capacity_t;
    std::vector<double> co2_shipping_used_t;      // captured by ship-connected plants
    std::vector<double> co2_shipping_capacity_t;
    std::vector<double> hydrogen_used_gj;
    std::vector<double> hydrogen_supply_gj;
    // The hydrogen obligation's settlement (docs/ODD.md §7.16; agents/hydrogen_obligation.hpp)
    std::vector<double> hydrogen_industry_use_gj;       // all hydrogen the plants use, base use included
    std::vector<double> hydrogen_obligation_gj;         // the renewable share required of it
    std::vector<double> hydrogen_renewable_used_gj;     // renewable hydrogen used to meet it
    std::vector<double> hydrogen_obligation_shortfall_gj;
    std::vector<double> hydrogen_obligation_buyout_eur;  // buy-out paid on the shortfall
    std::vector<double> green_hydrogen_supply_gj;       // renewable hydrogen deliverable
    // Green quotas summed over the sectors with one (docs/ODD.md §7.16; sim/green_quota.hpp)
    std::vector<double> green_quota_required_t;      // required green t of the year
    std::vector<double> green_quota_offered_t;       // green t the plants of those sectors made
    std::vector<double> green_quota_premium_paid_eur;  // quota premium paid to them
    std::vector<double> biomethane_used_gj;    // new use over the plants' base-year use
    std::vector<double> biomethane_supply_gj;
    std::vector<double> power_output_mwh;      // the power sector's output (left out of the value)
    // [year][strategic_product]: imports / Dutch demand of the tag (sim/leakage.hpp)
    std::vector<double> strategic_import_dependence;

    // Alternative feedstocks (docs/ODD.md §7.18; sim/feedstock_market.hpp)
    std::vector<double> feedstock_use_t;          // [year][feed origin]: alternative feed used
    std::vector<double> feedstock_supply_t;       // [year][feed origin]: national supply limit
    std::vector<double> fossil_feedstock_use_t;   // fossil feed of the sectors in feedstocks.csv
    std::vector<double> renewable_carbon_share;   // bio + CCU feed / all feed of those sectors
    std::vector<double> recycled_content_share;   // recycled feed / all feed of those sectors
    std::vector<double> embodied_fossil_co2_t;    // fossil carbon in their products, as CO2
    std::vector<double> feedstock_buyout_eur;     // mandate buy-out paid
    std::vector<double> feedstock_premium_eur;    // premium of alternative over fossil feed paid

    // per support instrument [year][instrument] (docs/ODD.md §7.14)
    std::vector<double> instrument_budget_eur;     // commitment budget of the year
    std::vector<double> instrument_committed_eur;  // committed in the year (over whole contracts)
    std::vector<double> instrument_paid_eur;       // paid out in the year
    std::vector<double> instrument_avoided_t;      // CO2 avoided that year by the routes it supports

    // per support agreement [agreement] (docs/ODD.md §7.15): how each turned out in this run
    std::vector<std::uint8_t> agreement_fate;          // AgreementFate
    std::vector<std::int32_t> agreement_binding_year;  // 0: never binding in this run
    // The first year the agreed routes run in this run, as the simulation set it (the agreed
    // start, later by the delay when late; sim/agreements.cpp); 0: never (failed, stopped).
    std::vector<std::int32_t> agreement_routes_from_year;

    std::vector<DecisionEvent> events;

    [[nodiscard]] std::size_t at(int year_index, int plant) const {
        return static_cast<std::size_t>(year_index) * static_cast<std::size_t>(plants) +
               static_cast<std::size_t>(plant);
    }
    [[nodiscard]] std::size_t at_cluster(int year_index, int cluster) const {
        return static_cast<std::size_t>(year_index) * static_cast<std::size_t>(clusters) +
               static_cast<std::size_t>(cluster);
    }
    [[nodiscard]] std::size_t at_instrument(int year_index, int instrument) const {
        return static_cast<std::size_t>(year_index) * static_cast<std::size_t>(instruments) +
               static_cast<std::size_t>(instrument);
    }
};

}  // namespace eiisim
