#pragma once
// `eiisim appraise --plant ID --year Y`: every option one plant weighs in year Y, with the
// terms of its levelised cost and margin as the engine computes them, its feasibility
// (and why not), its choice probability and what the run then did.
//
// The plant is seen as the engine sees it: the scenario is run with its seed (run 0, as
// `eiisim run`) and the plant's state is taken in year Y between the accounts and the
// appraisal phase (sim/simulation.hpp: BeforeAppraisal). Its options are appraised by the
// engine's own functions (agents/appraisal.hpp: appraisal_basis, appraise_option,
// appraise_options) with the year's inputs: expected prices, learning multipliers,
// cluster peer shares, strategic bias and the plant's Gumbel draws.
#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agents/appraisal.hpp"
#include "core/run_result.hpp"
#include "sim/model.hpp"

namespace eiisim {

struct AppraiseCliOptions {
    std::string scenario;
    std::string plant;            // id as in the dataset's plants.csv
    int year = 0;
    std::uint64_t seed = 0;
    bool seed_given = false;
    std::string format = "table";  // table or csv
};

// One variant of an option: as appraised, or its subsidised twin.
struct AppraisedVariant {
    std::size_t option = 0;       // index into PlantAppraisal::options
    int offer = -1;               // the subsidised twin of that option's offer (index into its offers); -1: plain
    int instrument = -1;          // that offer's instrument (index into Policy::instruments)

    [[nodiscard]] bool subsidised() const { return offer >= 0; }
    // The offer of this twin, or nullptr for the plain variant.
    [[nodiscard]] const AidOffer* aid(const OptionBreakdown& appraised) const {
        return offer >= 0 ? &appraised.offers[static_cast<std::size_t>(offer)] : nullptr;
    }
    double cost_eur_per_t = 0;    // what the engine ranks (with aid for the twin)
    double margin_eur_per_t = 0;
    double utility = 0;           // systematic part (no Gumbel draw); feasible variants only
    double probability = 0;       // of ranking first, before allocation
    int rank = 0;                 // 1-based place in this run's ranking; 0: not ranked
};

struct PlantAppraisal {
    int plant = -1;
    int year = 0;
    std::uint64_t seed = 0;
    PlantStatus status = PlantStatus::operating;
    int target_technology = -1;   // a granted change still pending
    int target_year = 0;
    std::optional<Trigger> trigger;  // none: the plant does not decide in `year`
    Trigger appraised_as = Trigger::event;  // the trigger, or `event` when there is none
    PlantSnapshot snapshot;
    double production_t = 0;
    double stranded_eur_per_t = 0;
    double price_ref_eur_per_t = 1;
    double ikc_pro_rata = 1;                      // share of its full IKC claim it expects paid
    // The sector's expected green premium per green t (docs/ODD.md §7.16): its path plus
    // the green quota's clearing premium of the year, which `quota_premium_eur_per_t` holds.
    double green_premium_eur_per_t = 0;
    double quota_premium_eur_per_t = 0;
    std::array<double, kOptionKindCount> bias{};  // strategic bias per kind (share of price)
    OptionBreakdown keep_reference;               // keep as a new build: the subsidy reference
    std::vector<OptionBreakdown> options;         // the plant's options but close, in list order
    int close_technology = -1;                    // the plant's close row
    std::vector<AppraisedVariant> variants;       // per option, then its subsidised twin
    bool closes = false;                          // the closure rule fires
    double best_margin_eur_per_t = 0;
    PlantDecision decision;                       // the engine's ranking with this run's draws
    std::optional<DecisionEvent> event;           // what the run did with the plant in `year`
    std::optional<DecisionEvent> last_change;     // the plant's last route change decided before `year`

    [[nodiscard]] bool appraised() const { return !options.empty(); }
};

// Index of the plant whose id is `id`; InputError naming close matches otherwise.
[[nodiscard]] int find_plant(const Inputs& inputs, const std::string& id);

// Runs the model with `seed` and appraises `plant` in `year` (a year of the scenario).
[[nodiscard]] PlantAppraisal appraise_plant(const Model& model, std::uint64_t seed, int plant, int year);

// The terms of a variant's levelised cost per t, in print order: the twelve cost
// components (the twin's operating subsidy in `subsidy`), the investment aid and the
// risk premium. They add up to the variant's cost_eur_per_t.
[[nodiscard]] std::vector<std::pair<std::string, double>> cost_terms(const OptionBreakdown& option,
                                                                     const AidOffer* offer);

void print_appraisal_table(std::ostream& out, const Model& model, const std::string& scenario_file,
                           const PlantAppraisal& appraisal);
void print_appraisal_csv(std::ostream& out, const Model& model, const PlantAppraisal& appraisal);

// The command: exit status 0, or throws InputError (bad plant, year or scenario: 2).
int appraise_command(const AppraiseCliOptions& options);

}  // namespace eiisim
