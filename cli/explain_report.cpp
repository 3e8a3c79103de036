// `eiisim explain` output: one logged decision in words, then its variants in the order
// of the ranking that decided, then their cost terms side by side.
#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "explain_command.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kColumnsPerBlock = 8;
constexpr double kMega = 1e6;

// What each trigger means, for a modeller (sim/appraise_triggered.cpp decides them).
const char* trigger_words(Trigger trigger) {
    switch (trigger) {
        case Trigger::reinvestment: return "its route in force reached the end of its reinvestment cycle";
        case Trigger::losses: return "it made losses in consecutive years";
        case Trigger::event: return "a scenario event opened a window to re-decide (the route in force pays no new capex)";
        case Trigger::value_chain: return "a supplier or customer in its value chain changed";
        case Trigger::conversion_done: return "its conversion finished";
        case Trigger::fuel_gas_ended: return "the process gas it burns is no longer made";
        case Trigger::observed: return "the observed history (history.csv) closed it or started its project";
        case Trigger::agreement:
            return "a support agreement (agreements.csv) that is binding in this run committed it to the agreed route";
        case Trigger::entry_scheduled:
            return "a new entrant with an investment decision (entrants.csv, scheduled) claims its resources to start in its year";
        case Trigger::entry_candidate:
            return "a candidate new entrant (entrants.csv) weighs building: it applies only when its margin, capex "
                   "included, is positive";
        case Trigger::permit_refused:
            return "its granted conversion's permit was refused at the end of the permit stage (permits.csv; "
                   "docs/ODD.md section 7.9), so it decides again";
    }
    return "";
}

std::string name_of(const ExplainedRun& run, const OptionAppraisal& o) {
    const std::string name = o.technology >= 0 ? run.technology_names[static_cast<std::size_t>(o.technology)] : "?";
    if (o.instrument < 0 || static_cast<std::size_t>(o.instrument) >= run.instrument_ids.size()) return name;
    return name + " +" + run.instrument_ids[static_cast<std::size_t>(o.instrument)];
}

std::string tech_name(const ExplainedRun& run, int technology) {
    return technology >= 0 ? run.technology_names[static_cast<std::size_t>(technology)] : "none";
}

std::string kind_of(const ExplainedRun& run, const OptionAppraisal& o) {
    return kOptionKindNames[static_cast<std::size_t>(run.technology_kinds[static_cast<std::size_t>(o.technology)])];
}

bool is_close(const ExplainedRun& run, const OptionAppraisal& o) {
    return run.technology_kinds[static_cast<std::size_t>(o.technology)] == OptionKind::close;
}

std::string reasons(std::uint8_t bits) {
    std::string text;
    for (int r = 0; r < kInfeasibleCount; ++r)
        if ((bits & (1u << static_cast<unsigned>(r))) != 0)
            text.append(text.empty() ? "" : ", ").append(kInfeasibleNames[static_cast<std::size_t>(r)]);
    return text;
}

// What became of a variant: chosen, refused (for what), not reached, infeasible, ...
std::string outcome(const ExplainedRun& run, const DecisionEvent& e, const OptionAppraisal& o) {
    if (o.chosen) return o.technology == e.from_technology ? "stays (chosen)" : "CHOSEN";
    if (is_close(run, o)) return "by the closure rule only";
    if (!o.feasible) return "infeasible: " + reasons(o.infeasible);
    if (o.refused) return std::string("refused by allocation: ") + kRefusedByNames[static_cast<std::size_t>(o.refused_by)];
    if (e.closed_by_rule) return "not ranked (closure rule)";
    return "ranked below the choice";
}

std::string utility_sum(const OptionAppraisal& o) {
    return fmt::format("{:.3f} = {:.3f} deterministic {:+.3f} bias {:+.3f} random", o.utility(), o.utility_systematic,
                       o.utility_bias, o.utility_random);
}

void print_head(std::ostream& out, const ExplainedRun& run, const DecisionEvent& e) {
    const auto p = static_cast<std::size_t>(e.plant);
    out << fmt::format("{} {}: decision in {} (scenario {}, {}, seed {}, run {})\n", run.plant_ids[p],
                       run.plant_names[p], e.year, run.scenario, run.source, run.seed, run.run);
    out << fmt::format("trigger: {} ({})\n", kTriggerNames[static_cast<std::size_t>(e.trigger)], trigger_words(e.trigger));
    out << fmt::format("outcome: {} -> {}", tech_name(run, e.from_technology), tech_name(run, e.to_technology));
    if (e.to_technology == e.from_technology) out << " (stays)";
    else out << fmt::format(", running from {}", e.running_from_year);
    // The permit stage ran on (sim/permit_stage.hpp): later than the start year appraised
    // (a close row has none: 0).
    for (const OptionAppraisal& o : e.options)
        if (o.chosen && o.start_year > 0 && e.to_technology != e.from_technology && e.running_from_year > o.start_year)
            out << fmt::format(" (appraised to start in {}: its permit stage ran on {} year(s))", o.start_year,
                               e.running_from_year - o.start_year);
    if (e.subsidy_committed_eur > 0) out << fmt::format(", subsidy committed {:.1f} MEUR", e.subsidy_committed_eur / kMega);
    out << "\n";
}

// Why: the closure rule, or the chosen variant's utility against the best it beat and the
// better-ranked variants allocation refused.
void print_why(std::ostream& out, const ExplainedRun& run, const DecisionEvent& e) {
    if (e.closed_by_rule) {
        double best = -INFINITY;
        for (const OptionAppraisal& o : e.options)
            if (o.feasible && !is_close(run, o)) best = std::max(best, o.margin_eur_per_t);
        out << fmt::format("why: the closure rule. The best feasible margin, {:.1f} EUR/t, is below {:.1f} EUR/t "
                           "(-closure_threshold x price): the plant closes without ranking its options.\n",
                           best, e.closure_margin_eur_per_t);
        return;
    }
    const auto chosen = std::find_if(e.options.begin(), e.options.end(), [](const OptionAppraisal& o) { return o.chosen; });
    if (chosen == e.options.end()) {
        out << "why: no variant was granted; the plant stays on its route and tries again next year.\n";
        return;
    }
    out << "why: the highest utility U = deterministic part + strategic bias + random term among the feasible\n"
           "     variants that allocation granted (docs/ODD.md section 7.7):\n";
    out << fmt::format("     {:<32} U = {}\n", name_of(run, *chosen), utility_sum(*chosen));
    for (const OptionAppraisal& o : e.options)
        if (o.refused)
            out << fmt::format("     ranked above it but refused ({}): {:<20} U = {}\n",
                               kRefusedByNames[static_cast<std::size_t>(o.refused_by)], name_of(run, o), utility_sum(o));
    const auto next = std::find_if(e.options.begin(), e.options.end(), [&](const OptionAppraisal& o) {
        return o.rank > chosen->rank && !o.refused;
    });
    if (next != e.options.end())
        out << fmt::format("     next in the ranking: {:<32} U = {}\n", name_of(run, *next), utility_sum(*next));
}

void print_ranking(std::ostream& out, const ExplainedRun& run, const DecisionEvent& e) {
    out << fmt::format("\n{:<4} {:<4} {:<34} {:<9} {:>5} {:>9} {:>9} {:>8} {:>7} {:>7} {:>8}  {}\n", "col", "rank",
                       "option", "kind", "start", "cost", "margin", "determ.", "bias", "random", "U", "outcome");
    for (std::size_t i = 0; i < e.options.size(); ++i) {
        const OptionAppraisal& o = e.options[i];
        if (is_close(run, o)) {
            out << fmt::format("{:<4} {:<4} {:<34} {:<9} {:>5} {:>9} {:>9} {:>8} {:>7} {:>7} {:>8}  {}\n", i + 1, "-",
                               name_of(run, o), "close", "", "", "", "", "", "", "", outcome(run, e, o));
            continue;
        }
        out << fmt::format("{:<4} {:<4} {:<34} {:<9} {:>5} {:>9.1f} {:>9.1f} {:>8.3f} {:>7.3f} {:>7.3f} {:>8.3f}  {}\n",
                           i + 1, o.rank >= 0 ? std::to_string(o.rank + 1) : "-", name_of(run, o), kind_of(run, o),
                           o.start_year, o.cost_eur_per_t, o.margin_eur_per_t, o.utility_systematic, o.utility_bias,
                           o.utility_random, o.utility(), outcome(run, e, o));
    }
    out << "EUR per t of product; +<instrument>: the subsidised twin under that support instrument. Variants of one kind share\n"
           "its bias and random term (nested choice). Infeasible variants are shown with the utility they would have had.\n";
}

std::string cell(double value) { return std::isfinite(value) ? fmt::format("{:.1f}", value + 0.0) : "-"; }  // no "-0.0"

void print_terms(std::ostream& out, const ExplainedRun& run, const DecisionEvent& e) {
    std::vector<std::size_t> columns;  // numbered as in the ranking's `col`
    for (std::size_t i = 0; i < e.options.size(); ++i)
        if (!is_close(run, e.options[i])) columns.push_back(i);
    for (std::size_t first = 0; first < columns.size(); first += kColumnsPerBlock) {
        const std::size_t last = std::min(columns.size(), first + kColumnsPerBlock);
        out << fmt::format("\n{:<24}", "cost terms, EUR/t  col");
        for (std::size_t i = first; i < last; ++i) out << fmt::format("{:>10}", columns[i] + 1);
        out << "\n";
        const auto row = [&](const std::string& label, auto value) {
            out << fmt::format("{:<24}", label);
            for (std::size_t i = first; i < last; ++i) out << fmt::format("{:>10}", cell(value(e.options[columns[i]])));
            out << "\n";
        };
        const std::size_t terms = cost_terms(OptionAppraisal{}).size();
        for (std::size_t t = 0; t < terms; ++t) {
            const std::string label = cost_terms(OptionAppraisal{})[t].first;
            row(label == "ets" ? "ets (abroad: CBAM)" : label, [t](const OptionAppraisal& o) { return cost_terms(o)[t].second; });
            if (label != kCostComponentNames[static_cast<std::size_t>(CostComponent::energy)]) continue;
            for (std::size_t c = 0; c < kCarrierCount; ++c)
                row(std::string("  ") + kCarrierNames[c], [c](const OptionAppraisal& o) { return o.energy_eur_per_t[c]; });
            for (std::size_t k = 0; k < kEnergyPartCount; ++k)  // the same total by part of the cost stack
                row(std::string("  part ") + kEnergyPartNames[k],
                    [k](const OptionAppraisal& o) { return o.energy_part_eur_per_t[k]; });
        }
        row("= total cost", [](const OptionAppraisal& o) { return o.cost_eur_per_t; });
        row("revenue", [](const OptionAppraisal& o) { return o.revenue_eur_per_t; });
        row("  CBAM in price", [](const OptionAppraisal& o) { return o.cbam_in_price_eur_per_t; });
        row("  green premium", [](const OptionAppraisal& o) { return o.green_premium_eur_per_t; });
        row("= margin", [](const OptionAppraisal& o) { return o.margin_eur_per_t; });
    }
}

void print_no_decision(std::ostream& out, const ExplainedRun& run, int plant, int year) {
    const auto p = static_cast<std::size_t>(plant);
    out << fmt::format("{} {} made no decision in {} (scenario {}, seed {}, run {}).\n", run.plant_ids[p],
                       run.plant_names[p], year, run.scenario, run.seed, run.run);
    std::string years;
    for (const DecisionEvent& e : run.events)
        if (e.plant == plant)
            years += fmt::format("{}{} ({}{})", years.empty() ? "" : ", ", e.year,
                                 kTriggerNames[static_cast<std::size_t>(e.trigger)],
                                 e.to_technology != e.from_technology ? " -> " + tech_name(run, e.to_technology) : "");
    out << (years.empty() ? "It made no decision in the whole run.\n" : "Its decisions: " + years + "\n");
}

}  // namespace

bool print_explanation(std::ostream& out, const ExplainedRun& run, int plant, int year) {
    const auto e = std::find_if(run.events.begin(), run.events.end(),
                                [&](const DecisionEvent& d) { return d.plant == plant && d.year == year; });
    if (e == run.events.end()) {
        print_no_decision(out, run, plant, year);
        return false;
    }
    print_head(out, run, *e);
    if (e->options.empty()) {
        out << "no options were weighed: the event records a consequence, not a choice\n";
        return true;
    }
    print_why(out, run, *e);
    print_ranking(out, run, *e);
    print_terms(out, run, *e);
    return true;
}

}  // namespace eiisim
