// `eiisim appraise`: one plant's options in one year, as the engine appraises them
// (see appraise_command.hpp). The printing is in appraise_report.cpp.
#include "appraise_command.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <limits>

#include "agents/appraisal_record.hpp"
#include "explain_command.hpp"
#include "inputs/dataset_loader.hpp"
#include "core/input_error.hpp"
#include "sim/phases.hpp"
#include "sim/simulation.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kMaxSuggestions = 5;
constexpr std::size_t kMaxEditDistance = 2;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Levenshtein distance (two rows).
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Plants whose id is within a small edit distance of `id` (any case), then plants whose
// name or operator contains it: "Tata" finds Tata Steel's id.
std::string suggestions(const Inputs& inputs, const std::string& id) {
    const std::string wanted = lower(id);
    std::vector<std::pair<std::size_t, std::size_t>> near;  // (distance, plant)
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        const PlantSpec& plant = inputs.plants[p];
        const std::size_t distance = edit_distance(lower(plant.id), wanted);
        if (distance <= kMaxEditDistance)
            near.emplace_back(distance, p);
        else if (!wanted.empty() && (lower(plant.name).find(wanted) != std::string::npos ||
                                     lower(plant.operator_name).find(wanted) != std::string::npos))
            near.emplace_back(kMaxEditDistance + 1, p);
    }
    std::sort(near.begin(), near.end());
    std::string text;
    for (std::size_t i = 0; i < near.size() && i < kMaxSuggestions; ++i) {
        const PlantSpec& plant = inputs.plants[near[i].second];
        text.append(i == 0 ? "" : ", ").append(plant.id).append(" (").append(plant.name).append(")");
    }
    return text;
}

// The year's variants (each option, then its subsidised twins), with the systematic
// utility the engine adds its draw to, the closure rule, the probability of ranking
// first and this run's rank.
void weigh_variants(const Behaviour& behaviour, const Inputs& inputs, PlantAppraisal& out) {
    out.best_margin_eur_per_t = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < out.options.size(); ++i) {
        const OptionBreakdown& option = out.options[i];
        const OptionKind kind = inputs.technologies[static_cast<std::size_t>(option.technology)].kind;
        for (int offer = -1; offer < option.offer_count; ++offer) {
            // The engine offers a twin only for a feasible option.
            if (offer >= 0 && !option.feasible()) continue;
            AppraisedVariant v;
            v.option = i;
            v.offer = offer;
            const AidOffer* aid = v.aid(option);
            v.instrument = aid != nullptr ? aid->instrument : -1;
            v.cost_eur_per_t = aid != nullptr ? option.aided_cost_eur_per_t(*aid) : option.cost_eur_per_t();
            v.margin_eur_per_t = aid != nullptr ? option.aided_margin_eur_per_t(*aid) : option.margin_eur_per_t();
            if (option.feasible()) {
                v.utility = systematic_utility(behaviour, v.margin_eur_per_t,
                                               out.bias[static_cast<std::size_t>(kind)], out.price_ref_eur_per_t);
                out.best_margin_eur_per_t = std::max(out.best_margin_eur_per_t, v.margin_eur_per_t);
            }
            for (std::size_t r = 0; r < out.decision.ranked.size(); ++r)
                if (out.decision.ranked[r].technology == option.technology &&
                    out.decision.ranked[r].instrument == v.instrument)
                    v.rank = static_cast<int>(r) + 1;
            out.variants.push_back(v);
        }
    }
    // The engine's own outcome (appraise_options; an entrant not built yet has nothing to close).
    out.closes = out.decision.close;
}

// P(first place): in deterministic mode the engine's first. Under the nested choice each
// kind competes with its best variant (its variants share the kind's draw, so only the
// best can come first; ties go, as in the engine, to the lower catalogue index and then
// to the twin): P = exp(V_kind) / sum over kinds exp(V_kind), over feasible kinds.
void choice_probabilities(const Behaviour& behaviour, const Inputs& inputs, PlantAppraisal& out) {
    if (out.closes) return;
    if (behaviour.deterministic) {
        for (AppraisedVariant& v : out.variants) v.probability = v.rank == 1 ? 1.0 : 0.0;
        return;
    }
    const auto technology = [&](const AppraisedVariant& v) { return out.options[v.option].technology; };
    const auto beats = [&](const AppraisedVariant& a, const AppraisedVariant& b) {
        if (a.utility != b.utility) return a.utility > b.utility;
        if (technology(a) != technology(b)) return technology(a) < technology(b);
        // as the engine: a twin before its plain option, twins in instrument order
        const auto order = [](const AppraisedVariant& v) { return v.subsidised() ? v.instrument : kMaxInstruments; };
        return order(a) < order(b);
    };
    std::array<AppraisedVariant*, kOptionKindCount> best{};
    for (AppraisedVariant& v : out.variants) {
        if (!out.options[v.option].feasible()) continue;
        const OptionKind kind = inputs.technologies[static_cast<std::size_t>(technology(v))].kind;
        AppraisedVariant*& b = best[static_cast<std::size_t>(kind)];
        if (b == nullptr || beats(v, *b)) b = &v;
    }
    double top = -std::numeric_limits<double>::infinity();
    for (const AppraisedVariant* b : best)
        if (b != nullptr) top = std::max(top, b->utility);
    double sum = 0;
    for (AppraisedVariant* b : best)
        if (b != nullptr) sum += (b->probability = std::exp(b->utility - top));
    for (AppraisedVariant* b : best)
        if (b != nullptr) b->probability /= sum;
}

// The plant as phase 3 of `out.year` sees it, appraised with the engine's functions.
void look_at_plant(const Model& model, const RunState& state, PlantAppraisal& out) {
    const Inputs& in = model.inputs;
    const auto p = static_cast<std::size_t>(out.plant);
    out.status = state.status[p];
    out.target_technology = state.target_technology[p];
    out.target_year = state.target_year[p];
    out.bias = state.strategic_bias[p];
    out.snapshot = plant_snapshot(model, state, out.year, out.plant);
    for (int index : in.plant_technologies[p])
        if (in.technologies[static_cast<std::size_t>(index)].kind == OptionKind::close) out.close_technology = index;
    if (has_left(out.status)) return;

    out.trigger = decision_trigger(model, state, out.year, out.plant);
    out.appraised_as = out.trigger.value_or(Trigger::event);
    const auto peers = cluster_peer_shares(model, state);
    const AppraisalContext context =
        appraisal_context(model, state, out.year, peers[static_cast<std::size_t>(in.plants[p].cluster)], true);
    const AppraisalBasis basis = appraisal_basis(context, model.baselines[p], out.plant, out.snapshot, out.appraised_as);
    out.production_t = basis.production_t;
    out.stranded_eur_per_t = basis.stranded_eur_per_t;
    out.price_ref_eur_per_t = basis.price_ref_eur_per_t;
    out.ikc_pro_rata = context.ikc_pro_rata;
    const int sector = in.plants[p].sector;
    out.green_premium_eur_per_t = context.expected->green_premium(sector);
    if (!state.quota_premium_eur_per_t.empty())
        out.quota_premium_eur_per_t = state.quota_premium_eur_per_t[static_cast<std::size_t>(sector)];
    out.keep_reference = basis.keep_reference;
    for (int index : in.plant_technologies[p])
        if (index != out.close_technology) out.options.push_back(appraise_option(basis, index));

    // The engine's own ranking with the draws this plant gets in this run and year.
    out.decision = appraise_options(context, model.baselines[p], out.plant, out.snapshot, out.appraised_as,
                                    out.bias, plant_taste(model, state, out.seed, 0, out.plant, out.year));
    // An entrant not built yet can only build its own route, as in the engine (§7.20).
    if (state.status[p] == PlantStatus::not_built) restrict_to_entry(in, out.decision);
    weigh_variants(in.scenario.behaviour, in, out);
    choice_probabilities(in.scenario.behaviour, in, out);
}

}  // namespace

int find_plant(const Inputs& inputs, const std::string& id) {
    for (std::size_t p = 0; p < inputs.plants.size(); ++p)
        if (inputs.plants[p].id == id) return static_cast<int>(p);
    std::string problem = "no plant with id '" + id + "' in the dataset (the id column of its plants.csv)";
    const std::string near = suggestions(inputs, id);
    if (!near.empty()) problem.append("; did you mean ").append(near).append("?");
    throw InputError({"--plant"}, "", problem);
}

PlantAppraisal appraise_plant(const Model& model, std::uint64_t seed, int plant, int year) {
    const Scenario& scenario = model.inputs.scenario;
    if (year < scenario.base_year || year > scenario.end_year)
        throw InputError({"--year"}, "",
                         std::to_string(year) + " is outside the scenario's years " +
                             std::to_string(scenario.base_year) + "-" + std::to_string(scenario.end_year));
    PlantAppraisal out;
    out.plant = plant;
    out.year = year;
    out.seed = seed;
    RunWorkspace workspace;
    simulate_into(model, seed, 0, RecordLevel::full, workspace, [&out, &model](int y, const RunState& state) {
        if (y == out.year) look_at_plant(model, state, out);
    });
    for (const DecisionEvent& event : workspace.result.events) {
        if (event.plant != plant) continue;
        if (event.year == year && !out.event) out.event = event;
        if (event.year < year && event.to_technology != event.from_technology) out.last_change = event;
    }
    return out;
}

std::vector<std::pair<std::string, double>> cost_terms(const OptionBreakdown& option, const AidOffer* offer) {
    return cost_terms(record_variant(option, offer));  // the event log's terms, one definition
}

int appraise_command(const AppraiseCliOptions& options) {
    Inputs inputs = load_inputs(options.scenario);
    if (options.seed_given) inputs.scenario.seed = options.seed;
    const int plant = find_plant(inputs, options.plant);
    const Model model = build_model(std::move(inputs));
    const PlantAppraisal appraisal = appraise_plant(model, model.inputs.scenario.seed, plant, options.year);
    if (options.format == "csv")
        print_appraisal_csv(std::cout, model, appraisal);
    else
        print_appraisal_table(std::cout, model, options.scenario, appraisal);
    return 0;
}

}  // namespace eiisim
