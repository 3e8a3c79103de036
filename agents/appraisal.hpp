#pragma once
// A plant's decision, first half: appraise every option of its sector at expected
// prices (levelised cost and margin per tonne), mark what is infeasible, apply the
// closure rule, and rank the rest by multinomial-logit utility (or by margin in
// deterministic mode). A pure function of its arguments, so plants appraise in
// parallel. The second half, granting scarce capacity, is done serially by the engine.
//
// The appraisal of one option is a breakdown (OptionBreakdown): every term of its cost
// and margin. appraise_options ranks on the breakdown's totals, and `eiisim appraise`
// (cli/appraise_command.cpp) prints the very same breakdown, so the two cannot drift.
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/inputs.hpp"
#include "core/scarce_resources.hpp"
#include "core/random_stream.hpp"
#include "core/run_result.hpp"
#include "aid_contract.hpp"
#include "fuel_gas_carbon.hpp"
#include "plant_baseline.hpp"
#include "price_view.hpp"
#include "route_profile.hpp"
#include "taste_draw.hpp"
#include "unit_cost.hpp"

namespace eiisim {

// What the plant is and holds when it decides (last year's snapshot).
struct PlantSnapshot {
    int technology = -1;               // route in force
    int asset_age_y = 0;
    double utilisation = 0;            // production / capacity, after lost offtake
    double export_share = 0;           // of output sold abroad at a discount
    double value_chain_eur_per_t = 0;  // extra input cost from lost suppliers
    // Its feed's net cost per t as last booked (premium + buy-out - ETS saved; docs/ODD.md
    // §7.18): the same on every route at home (a feed switch is a drop-in), none abroad.
    double feedstock_eur_per_t = 0;
    double book_value_eur = 0;         // undepreciated capex of the route in force
    // The operating-subsidy contract of the route in force: EUR per t paid each year before
    // contract_until_year (exclusive). Leaving the route forfeits the rest (docs/ODD.md §7.7).
    double contract_subsidy_eur_per_t = 0;
    int contract_until_year = 0;
    // Its process gas no fuel-gas buyer would burn (buyers that left), per t: a route
    // that makes the gas flares it and pays for its CO2 (agents/fuel_gas_carbon.hpp).
    ProcessGas flared_process_gas_per_t;
    // A binding agreement holds the unit to its agreed route, in the Netherlands, before this
    // year (exclusive): no other route, no relocation until then (docs/ODD.md §7.15).
    int exit_barred_until_year = 0;
    // A joint letter of intent is under negotiation this year: the unit keeps its route until
    // the talks end (docs/ODD.md §7.15).
    bool negotiating = false;
};

// The shared, per-year view every appraisal reads.
struct AppraisalContext {
    const Inputs* inputs = nullptr;
    int year = 0;
    const PriceView* expected = nullptr;
    const std::vector<double>* learning_multiplier = nullptr;  // per technology
    // Share of the cluster's active plants already on each option kind.
    const std::array<double, kOptionKindCount>* cluster_peer_share = nullptr;
    // Fill PlantDecision::appraisals (the event log). Nothing else reads them, so runs
    // that keep no event log skip them.
    bool record_appraisals = true;
    // Bit i: instrument i has budget in this year, so its offers can be granted; an
    // instrument without budget offers no twin (allocation could never grant it).
    std::uint32_t open_instruments = ~0u;
    // Share of its full IKC claim a plant expects paid: the expected budget over the last
    // year's claims (sim/ikc_budget.hpp, docs/ODD.md §7.4).
    double ikc_pro_rata = 1.0;
};

// One alternative in a plant's ranked list. An option a support instrument offers aid
// for appears once without it and once per offer (needs that instrument's budget).
struct Candidate {
    int technology = -1;
    // A subsidised twin: its instrument (index into Policy::instruments) and the contract
    // it signs (index into PlantDecision::contracts, kept apart so the ranking moves small
    // candidates); -1: the plain option.
    std::int16_t instrument = -1;
    std::int16_t contract = -1;
    double cost_eur_per_t = 0;
    double margin_eur_per_t = 0;
    double utility = 0;
    int start_year = 0;                  // first year the route runs
    double capex_eur = 0;                // investment, for book value and learning
    // What the option claims of each scarce resource (core/scarce_resources.hpp): new
    // electric peak load, captured CO2, new hydrogen and biomethane use over the base
    // year, and (subsidised only) the commitment drawn from its instrument's budget in
    // the decision year.
    ResourceAmounts claim{};
    double eur_per_tco2_avoided = 0;     // cost-effectiveness against keeping

    [[nodiscard]] bool subsidised() const { return instrument >= 0; }
};

struct PlantDecision {
    int plant = -1;
    Trigger trigger = Trigger::reinvestment;
    bool close = false;                  // no option has a positive margin
    double closure_margin_eur_per_t = 0; // the closure rule's bound on the best margin
    std::vector<Candidate> ranked;       // best first; empty when closing
    std::vector<AidContract> contracts;  // the subsidised twins' contracts (Candidate::contract)
    std::vector<OptionAppraisal> appraisals;  // one per sector option, for the event log
};

// One instrument's offer of aid for an option: the terms of its subsidised twin.
struct AidOffer {
    int instrument = -1;                   // index into Policy::instruments
    double subsidy_eur_per_t = 0;          // operating: the yearly payment per t the award expects
    // Those payments as a levelised equivalent over the route's lifetime n (what the
    // levelised cost compares): s x crf(r, n) / crf(r, min(contract years, n)).
    double subsidy_levelised_eur_per_t = 0;
    double investment_aid_eur = 0;         // investment: one-off share of capex
    double investment_aid_eur_per_t = 0;   // its annuity per t
    double budget_eur = 0;                 // drawn from the instrument's budget in the decision year
    // operating: the contract's correction terms at the award (agents/aid_contract.hpp)
    double base_eur_per_t = 0;
    double correction_floor_eur_per_t = 0;
    double max_payment_eur_per_t = 0;

    [[nodiscard]] double levelised_eur_per_t() const { return subsidy_levelised_eur_per_t + investment_aid_eur_per_t; }
};

// One option as the plant appraises it: every term of its levelised cost and margin per
// tonne, its feasibility, and what it would ask of scarce capacity. The engine ranks on
// cost_eur_per_t() / margin_eur_per_t() (and their subsidised twins).
struct OptionBreakdown {
    int technology = -1;
    UnitCost cost;                       // components and revenue, without any subsidy
    double risk_premium_eur_per_t = 0;   // pending infrastructure, or the relocation hurdle
    // Staying on a subsidised route: the contract's remaining payments, levelised (in
    // cost[CostComponent::subsidy]); every other option forgoes them.
    double contract_subsidy_levelised_eur_per_t = 0;
    RouteProfile profile;                // in the start year (relocate: the base profile)
    int start_year = 0;                  // first year the route would run
    int lifetime_y = 0;                  // capex annualised over it (route_lifetime.hpp)
    double capex_eur = 0;                // investment, before investment aid
    std::uint8_t infeasible = 0;         // bit set of Infeasible reasons; 0: feasible
    // Claims on the resources held while the route runs, checked in allocation (zero
    // for relocate); the subsidy budget is the twin's, below.
    ResourceAmounts claim{};
    double avoided_t_per_t = 0;            // net CO2 per t below the keep route built new
    double eur_per_tco2_avoided = std::numeric_limits<double>::infinity();
    // The subsidised twins: one per instrument that takes applications and supports the
    // option's kind (docs/ODD.md §7.14), in the scenario's instrument order.
    std::array<AidOffer, kMaxOffersPerKind> offers{};
    int offer_count = 0;

    [[nodiscard]] bool aided() const { return offer_count > 0; }
    [[nodiscard]] std::span<const AidOffer> aid_offers() const {
        return {offers.data(), static_cast<std::size_t>(offer_count)};
    }
    [[nodiscard]] bool feasible() const { return infeasible == 0; }
    [[nodiscard]] bool infeasible_for(Infeasible why) const {
        return (infeasible & (1u << static_cast<unsigned>(why))) != 0;
    }
    void mark(Infeasible why) { infeasible = static_cast<std::uint8_t>(infeasible | (1u << static_cast<unsigned>(why))); }
    // The levelised cost the choice uses: components plus risk premium.
    [[nodiscard]] double cost_eur_per_t() const { return cost.total() + risk_premium_eur_per_t; }
    [[nodiscard]] double margin_eur_per_t() const { return cost.revenue_eur_per_t - cost_eur_per_t(); }
    [[nodiscard]] double aided_cost_eur_per_t(const AidOffer& offer) const {
        return cost_eur_per_t() - offer.levelised_eur_per_t();
    }
    [[nodiscard]] double aided_margin_eur_per_t(const AidOffer& offer) const {
        return margin_eur_per_t() + offer.levelised_eur_per_t();
    }
};

// What every option of one plant's appraisal shares: the plant, its state and trigger,
// and the keep route appraised as a new build (the reference for subsidy gaps and
// cost-effectiveness).
struct AppraisalBasis {
    const AppraisalContext* context = nullptr;
    const PlantBaseline* base = nullptr;
    const PlantSnapshot* snapshot = nullptr;
    int plant = -1;
    Trigger trigger = Trigger::reinvestment;
    int keep_index = -1;
    double production_t = 0;            // capacity x current utilisation
    double stranded_eur_per_t = 0;      // book value of the route in force, annualised, per t
    double price_ref_eur_per_t = 1;     // max(1, expected product price): scales utility
    RouteProfile keep_profile;          // in the decision year (relocation abroad)
    OptionBreakdown keep_reference;     // keep, paying its capex
};

// The pointers in the basis refer to the arguments, which must outlive it.
[[nodiscard]] AppraisalBasis appraisal_basis(const AppraisalContext& context, const PlantBaseline& base,
                                             int plant, const PlantSnapshot& snapshot, Trigger trigger);

// Option `technology` (a row of the plant's list, not close) as the plant appraises it.
[[nodiscard]] OptionBreakdown appraise_option(const AppraisalBasis& basis, int technology);

// The aid instrument `instrument` would give option `a` of the basis (docs/ODD.md §7.14),
// whatever its list of supported kinds (an agreement names its instrument): an offer with
// instrument -1 when it gives none (not a new route, nothing avoided, no gap to fill).
[[nodiscard]] AidOffer aid_offer(const AppraisalBasis& basis, const OptionBreakdown& a, int instrument);
// Option `a` as a candidate without aid.
[[nodiscard]] Candidate plain_candidate(const OptionBreakdown& a);
// The subsidised twin of `a` under `offer` (its contract index left unset), and the
// contract it signs.
[[nodiscard]] Candidate aided_candidate(const OptionBreakdown& a, const AidOffer& offer);
[[nodiscard]] AidContract aid_contract(const AppraisalBasis& basis, const OptionBreakdown& a, const AidOffer& offer);

// The systematic part of a variant's utility (without the Gumbel draw): its margin in
// deterministic mode, else the margin less the strategic bias, in units of the cost
// spread logit_scale x price_ref.
[[nodiscard]] double systematic_utility(const Behaviour& behaviour, double margin_eur_per_t,
                                        double bias, double price_ref_eur_per_t);

// The closure rule: no option, not even relocating, is expected to earn a margin above
// minus the closure threshold (closing has costs of its own).
[[nodiscard]] bool closes(const Behaviour& behaviour, double best_margin_eur_per_t, double price_ref_eur_per_t);

// Strategic bias of a plant per option kind (a persistent cost mark-up as a share of
// its product price), drawn once per run from the plant's own stream.
[[nodiscard]] std::array<double, kOptionKindCount> draw_strategic_bias(const Behaviour& behaviour,
                                                                      RandomStream& stream);

[[nodiscard]] PlantDecision appraise_options(const AppraisalContext& context,
                                             const PlantBaseline& base, int plant,
                                             const PlantSnapshot& snapshot, Trigger trigger,
                                             const std::array<double, kOptionKindCount>& bias,
                                             const TasteDraw& taste);

// The remaining payments of an operating-subsidy contract of `eur_per_t` a year, from
// `start_year` to `until_year` (exclusive), as a levelised equivalent over `lifetime_y`
// years at `rate`: s x crf(r, n) / crf(r, min(m, n)), m the years left (0 when none).
[[nodiscard]] double remaining_contract_levelised(double eur_per_t, int start_year, int until_year,
                                                  int lifetime_y, double rate);

// Peak electric load (MW) of using `gj_per_year` of electricity at `load_factor`.
[[nodiscard]] double peak_mw(double gj_per_year, double load_factor);

}  // namespace eiisim
