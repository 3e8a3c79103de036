#pragma once
// The dynamic state of one run: structure of arrays over plants (cache-friendly, and
// each parallel task writes only its own plant's slots), plus the shared ledgers of
// scarce capacity. Allocated per run from the Model, or reset in place for the next run
// of a sweep (reset_state).
#include <array>
#include <cstdint>
#include <vector>

#include "agents/aid_contract.hpp"
#include "agents/price_view.hpp"
#include "agents/taste_draw.hpp"
#include "agreements.hpp"
#include "clusters/capacity_ledger.hpp"
#include "core/inputs.hpp"
#include "core/reduction_parts.hpp"
#include "core/scarce_resources.hpp"
#include "core/run_result.hpp"
#include "free_allocation.hpp"

namespace eiisim {

struct Model;

// RunState::permit_fails_year of a plant whose permit stage, if any, succeeds.
inline constexpr int kNoPermitFailure = -1;

// Amounts of scarce capacity a route holds while it runs (resources booked
// while_running; the others stay zero).
using Holding = ResourceAmounts;
[[nodiscard]] Holding held_part(const ResourceAmounts& claim);

struct RunState {
    // route and lifecycle
    std::vector<int> technology;
    std::vector<PlantStatus> status;
    std::vector<int> asset_age_y;
    std::vector<double> route_capex_eur;      // capital of the route in force
    std::vector<int> route_lifetime_y;        // depreciation period = reinvestment cycle
    std::vector<Holding> held;
    // a granted conversion, relocation or closure waiting for its year
    std::vector<int> target_technology;       // -1: none
    std::vector<int> target_year;
    std::vector<double> target_capex_eur;
    std::vector<AidContract> target_aid;      // the support it was granted with
    std::vector<Holding> target_held;
    // The year a granted conversion's permit is refused (sim/permit_stage.hpp); kNoPermitFailure:
    // its permit stage, if any, succeeds
    std::vector<int> permit_fails_year;
    // money carried between years
    // The support of the route in force (docs/ODD.md §7.14): operating payments from
    // aid_from_year for aid.years, the total paid so far (an agreement's ceiling caps it).
    std::vector<AidContract> aid;
    std::vector<int> aid_from_year;
    std::vector<double> aid_paid_eur;
    // The year's net CO2 per t of the route in force before process-gas bookings, as the
    // accounts computed it (the reduction decomposition's route intensity, sim/aggregates.cpp)
    std::vector<double> route_net_t_per_t;
    // per instrument: investment grants paid this year as routes start (record_aggregates
    // books and clears it)
    std::vector<double> grants_paid_eur;
    // per plant: its base year, for the reduction decomposition (record_aggregates sets it
    // in the base year)
    std::vector<ReductionBase> reduction_base;
    // per plant: its production in the base year, for the replacement imports
    // (docs/ODD.md §7.12, "Leakage"; record_aggregates sets it in the base year)
    std::vector<double> base_production_t;
    // per plant: its yearly feed market (docs/ODD.md §7.18; sim/feedstock_market.hpp).
    // feed_basis_t: the production its feed demand is sized on (last year's booked output);
    // per plant x feedstock: the share of its feed granted and the t granted (set by the
    // clearing at the start of the year) and the t used (set by its accounts); the net
    // feed cost per t (premium + buy-out - ETS saved) it booked, which its appraisal sees.
    std::vector<double> feed_basis_t;
    std::vector<double> feed_share;
    std::vector<double> feed_granted_t;
    std::vector<double> feed_ask;  // scratch of the clearing's rounds (per plant x feedstock)
    std::vector<double> feed_used_t;
    std::vector<double> feed_buyout_eur;
    std::vector<double> feed_premium_eur;
    std::vector<double> feed_net_eur_per_t;
    // per plant: the activity memory of the EU allocation rules (sim/free_allocation.hpp)
    std::vector<AllocationActivity> allocation_activity;
    // and of a fallback benchmark's combustion part, whose activity is the fuel-fired part of
    // that output: electrified heat is no fuel combustion (docs/ODD.md §7.4 "Electrified heat")
    std::vector<AllocationActivity> combustion_allocation_activity;
    std::vector<double> stranded_annuity_eur;
    std::vector<int> stranded_until_year;     // exclusive
    // value chain
    // Share of output lost because customers left: of a product (part of it can be
    // exported) and of a utility (steam, power, industrial gases: it cannot).
    std::vector<double> offtake_lost_share;
    std::vector<double> offtake_lost_local_share;
    // edges' and networks' extra cost per t (network_eur_per_t is the networks' part of it)
    std::vector<double> value_chain_eur_per_t;
    // pipeline networks (docs/ODD.md §7.9 "Networks"), recomputed from the members that
    // still run whenever one leaves: per plant its producer share lost to networks
    // (negative: it delivers more), split like offtake, and its consumer cost per t
    std::vector<double> network_lost_share;
    std::vector<double> network_lost_local_share;
    std::vector<double> network_eur_per_t;
    std::vector<std::uint8_t> shocked;        // a supplier or customer left: re-evaluate
    std::vector<std::uint8_t> waiting;        // refused last year: try again
    std::vector<Trigger> waiting_trigger;
    // economics
    std::vector<int> loss_years;
    // per plant: the curtailment rule curtailed it in the last booked year (its restart
    // needs behaviour.restart_margin_share; agents/curtailment.hpp)
    std::vector<std::uint8_t> curtailed_by_rule;
    std::vector<std::array<double, kOptionKindCount>> strategic_bias;
    std::vector<TasteDraw> lasting_taste;     // drawn once per run (agents/taste_draw.hpp)
    // shared scarce capacity: per resource, one ledger per cluster or one national
    std::array<std::vector<CapacityLedger>, kResourceCount> ledgers;
    // Green quotas (sim/green_quota.hpp): per sector the premium per green t its quota
    // cleared at for the current year, and the year's price views with it added.
    std::vector<double> quota_premium_eur_per_t;
    PriceView year_actual, year_expected;
    std::array<int, kOptionKindCount> conversions_this_year{};
    std::vector<double> learning_capacity_t;  // cumulative capacity per technology
    std::vector<double> learning_multiplier;  // capex factor per technology
    std::vector<double> learning_priced_at_t;  // capacity the multiplier was computed at (NaN: never)
    // support agreements (sim/agreements.hpp): per agreement how it turns out in this run,
    // and per unit whether it still waits to be committed; per plant whether a live
    // agreement (binding now or later in this run) covers it
    std::vector<AgreementOutcome> agreement_outcome;
    std::vector<std::vector<std::uint8_t>> agreement_unit_pending;
    std::vector<std::uint8_t> in_live_agreement;
    // per plant: a committed agreement holds it to its agreed route before this year (exclusive)
    std::vector<int> exit_barred_until_year;
    // per plant: a joint letter of intent under negotiation holds its decisions from the year
    // it was signed to the year it binds, or would have bound had it not failed (exclusive)
    std::vector<int> negotiating_from_year;
    std::vector<int> negotiating_until_year;
    // per year index: some plant was refused an option it wanted (scarce capacity or
    // budget); the same fact the event log's OptionAppraisal::refused flags record, kept
    // here so KPIs need no event log
    std::vector<std::uint8_t> refused_in_year;
    // The last booked year's full IKC claims of all eligible plants (sim/ikc_budget.hpp):
    // plants expect the budget over these as the share of their claim paid.
    double ikc_claims_eur = 0;
};

[[nodiscard]] RunState make_initial_state(const Model& model, std::uint64_t seed, std::uint64_t run);
// The same, into an existing state whose buffers are reused (sweeps: one per thread).
void reset_state(const Model& model, std::uint64_t seed, std::uint64_t run, RunState& state);

// The ledger of resource `r` that a plant in `cluster` draws on with a claim on
// `instrument` (-1: none; only the subsidy budget has one ledger per instrument; for the
// feedstock supply it is the feedstock's index).
[[nodiscard]] inline std::size_t ledger_index(Resource r, int cluster, int instrument = -1) {
    switch (resource(r).scope) {
        case ResourceScope::cluster: return static_cast<std::size_t>(cluster);
        case ResourceScope::instrument:
        case ResourceScope::feedstock: return static_cast<std::size_t>(instrument);
        case ResourceScope::national: break;
    }
    return 0;
}
[[nodiscard]] inline CapacityLedger& ledger_of(RunState& state, Resource r, int cluster, int instrument = -1) {
    return state.ledgers[static_cast<std::size_t>(r)].at(ledger_index(r, cluster, instrument));
}
[[nodiscard]] inline const CapacityLedger& ledger_of(const RunState& state, Resource r, int cluster,
                                                     int instrument = -1) {
    return state.ledgers[static_cast<std::size_t>(r)].at(ledger_index(r, cluster, instrument));
}

// Books a holding of a plant in `cluster` in the ledgers of the resources held while
// running (its cluster's ledger or the national one) from `from_year` to the end of the
// run, or gives it back.
void reserve_holding(RunState& state, int cluster, const Holding& amount, int from_year);
void release_holding(RunState& state, int cluster, const Holding& amount, int from_year);

// Utilisation of a plant after customers left: lost product offtake is partly exported,
// lost utility offtake is not; a network producer may deliver more (up to capacity).
[[nodiscard]] double utilisation_of(const Model& model, const RunState& state, int plant);
// Share of a plant's remaining output that goes abroad at a discount.
[[nodiscard]] double export_share_of(const Model& model, const RunState& state, int plant);
// The operating subsidy per t the route in force earns in `year` at `prices` (0 outside the
// contract years and once an agreement's ceiling is paid out; production_t spreads what
// is left of that ceiling).
[[nodiscard]] double aid_payment_eur_per_t(const RunState& state, int plant, int year, const PriceView& prices,
                                           double production_t);

// Undepreciated capital of the route in force (straight line over its lifetime).
[[nodiscard]] double book_value_of(const RunState& state, int plant);

}  // namespace eiisim
