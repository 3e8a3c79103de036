#pragma once
// A plant's decision, first half: appraise every option of its sector at expected
// prices (levelised cost and margin per tonne), mark what is infeasible, apply the
// closure rule, and rank the rest by multinomial-logit utility (or by margin in
// deterministic mode). A pure function of its arguments, so plants appraise in
// parallel. The second half, granting scarce capacity, is done serially by the engine.
#include <array>
#include <vector>

#include "core/inputs.hpp"
#include "core/random_stream.hpp"
#include "core/run_result.hpp"
#include "plant_baseline.hpp"
#include "price_view.hpp"

namespace eiisim {

// What the plant is and holds when it decides (last year's snapshot).
struct PlantSnapshot {
    int technology = -1;               // route in force
    int asset_age_y = 0;
    double utilisation = 0;            // production / capacity, after lost offtake
    double export_share = 0;           // of output sold abroad at a discount
    double value_chain_eur_per_t = 0;  // extra input cost from lost suppliers
    double book_value_eur = 0;         // undepreciated capex of the route in force
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
};

// One alternative in a plant's ranked list. An option eligible for an operating
// subsidy appears twice: with the subsidy (needs budget) and without.
struct Candidate {
    int technology = -1;
    bool subsidised = false;
    double cost_eur_per_t = 0;
    double margin_eur_per_t = 0;
    double subsidy_eur_per_t = 0;        // operating subsidy per t over subsidy_years
    double utility = 0;
    int start_year = 0;                  // first year the route runs
    double capex_eur = 0;                // investment, for book value and learning
    double grid_mw = 0;                  // new electric load over the base year
    double co2_storage_t = 0;            // captured CO2 per year
    double hydrogen_gj = 0;              // new hydrogen use over the base year
    double biomethane_gj = 0;            // new biomethane use over the base year
    double subsidy_budget_eur = 0;       // commitment drawn from the year's budget
    double eur_per_tco2_avoided = 0;     // cost-effectiveness against keeping
};

struct PlantDecision {
    int plant = -1;
    Trigger trigger = Trigger::reinvestment;
    bool close = false;                  // no option has a positive margin
    std::vector<Candidate> ranked;       // best first; empty when closing
    std::vector<OptionAppraisal> appraisals;  // one per sector option, for the event log
};

// Strategic bias of a plant per option kind (a persistent cost mark-up as a share of
// its product price), drawn once per run from the plant's own stream.
[[nodiscard]] std::array<double, kOptionKindCount> draw_strategic_bias(const Behaviour& behaviour,
                                                                      RandomStream& stream);

[[nodiscard]] PlantDecision appraise_options(const AppraisalContext& context,
                                             const PlantBaseline& base, int plant,
                                             const PlantSnapshot& snapshot, Trigger trigger,
                                             const std::array<double, kOptionKindCount>& bias,
                                             RandomStream& choice_stream);

// Peak electric load (MW) of using `gj_per_year` of electricity at `load_factor`.
[[nodiscard]] double peak_mw(double gj_per_year, double load_factor);

}  // namespace eiisim
