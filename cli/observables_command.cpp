#include "observables_command.hpp"

#include "command.hpp"

#include <ostream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/observables.hpp"
#include "core/outcomes.hpp"
#include "json_text.hpp"

namespace eiisim {
namespace {

std::string_view dtype_name(const Observable& o) { return kDTypeNames[static_cast<std::size_t>(o.dtype())]; }
std::string_view level_name(const Observable& o) { return kLevelNames[static_cast<std::size_t>(o.level)]; }
std::string_view extra_name(const Observable& o) { return kExtraNames[static_cast<std::size_t>(o.extra)]; }
std::string_view flags_name(const Observable& o) { return kFlagSetNames[static_cast<std::size_t>(o.flags)]; }
std::string_view derive_name(Derive d) {
    switch (d) {
        case Derive::none: return "";
        case Derive::sum_over_clusters: return "sum_over_clusters";
        case Derive::share_of_base_production: return "share_of_base_production";
        case Derive::share_of_cluster_base_production: return "share_of_cluster_base_production";
    }
    return "";
}

// The outcomes (core/outcomes.cpp) computed from series `o`.
std::vector<std::string> outcomes_of(const Observable& o) {
    std::vector<std::string> names;
    for (const Outcome& k : outcomes())
        if (k.series == o.name) names.emplace_back(k.name);
    return names;
}

// ------------------------------------------------------------------ markdown

std::string code_list(const std::vector<std::string>& names, std::string_view separator = ", ") {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : std::string(separator)) + "`" + n + "`";
    return out;
}

std::string dims_cell(const Observable& o, std::string_view leading) {
    return "`[" + fmt::format("{}", fmt::join(o.dimensions(leading), ", ")) + "]`";
}

std::string flags_text(FlagSet flags) {
    switch (flags) {
        case FlagSet::none: return "";
        case FlagSet::technology: return "";  // the row's comment says it
        case FlagSet::kind: return "; flags: the `kind` names";
        case FlagSet::status: {
            std::string codes;
            for (std::size_t i = 0; i < kPlantStatusNames.size(); ++i)
                codes += fmt::format("{}{} {}", i == 0 ? "" : ", ", i, kPlantStatusNames[i]);
            return "; flags `" + codes + "`";
        }
    }
    return "";
}

// The bands derived from run-file series `o`.
std::vector<std::string> derived_bands(const Observable& o) {
    std::vector<std::string> bands;
    for (const Observable* b : banded_observables())
        if (!b->in_run_file() && b->from == o.name) bands.push_back(b->band_name());
    return bands;
}

std::string sweeps_cell(const Observable& o) {
    std::vector<std::string> parts;
    if (o.in_sweep_panels()) parts.emplace_back("`--save plants`");
    if (o.banded()) parts.push_back("band `" + o.band_name() + "`");
    for (const std::string& band : derived_bands(o)) parts.push_back("derived band `" + band + "`");
    if (o.saved) parts.emplace_back("`--save clusters`");
    if (const std::vector<std::string> kpis = outcomes_of(o); !kpis.empty()) parts.push_back("KPI " + code_list(kpis));
    return parts.empty() ? "—" : fmt::format("{}", fmt::join(parts, "; "));
}

void begin_section(std::ostream& out, std::string_view name) {
    out << "<!-- BEGIN GENERATED " << name
        << ": build/eiisim observables --format markdown; tools/update_output_doc.py -->\n";
}
void end_section(std::ostream& out, std::string_view name) { out << "<!-- END GENERATED " << name << " -->\n\n"; }

void print_series_section(std::ostream& out, std::string_view section, Level level) {
    begin_section(out, section);
    out << "| variable | dims | type | units | meaning | in sweeps |\n|---|---|---|---|---|---|\n";
    for (const Observable& o : observables()) {
        if (!o.in_run_file() || o.level != level) continue;
        std::string meaning(o.long_name);
        if (!o.comment.empty()) meaning += "; " + std::string(o.comment);
        meaning += flags_text(o.flags);
        if (!o.doc.empty()) meaning += "; " + std::string(o.doc);
        out << fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", o.name, dims_cell(o, "run"), dtype_name(o), o.units,
                           meaning, sweeps_cell(o));
    }
    end_section(out, section);
}

void print_bands_section(std::ostream& out) {
    begin_section(out, "sweep-bands");
    out << "| variable | dims | units | quantiles over runs of |\n|---|---|---|---|\n";
    for (const Observable* o : banded_observables()) {
        const std::string source = o->in_run_file() ? " (`" + std::string(o->name) + "`)" : ": " + std::string(o->doc);
        out << fmt::format("| `{}` | {} | {} | {}{} |\n", o->band_name(), dims_cell(*o, "quantile"), o->units,
                           o->band_long_name_of(), source);
    }
    end_section(out, "sweep-bands");
}

void print_saved_section(std::ostream& out) {
    std::vector<std::string> saved, panels;
    for (const Observable* o : saved_observables()) saved.emplace_back(o->name);
    for (const Observable& o : observables())
        if (o.in_sweep_panels()) panels.emplace_back(o.name);
    begin_section(out, "sweep-saved");
    out << "With `--save clusters`: " << code_list(saved) << " `[run, year, cluster]` as in run files. With "
        << "`--save plants`, in addition the plant panels of run files (" << code_list(panels)
        << ", with the `plant`, `technology`, `carrier`, `cost_component` and `energy_part` dimensions) along "
           "`run`, and the plant table `plant_name`, `plant_operator`, `plant_cluster`, `plant_cluster_name`, "
           "`plant_sector` `[plant]`; no event log.\n";
    end_section(out, "sweep-saved");
}

std::string_view rule_name(OutcomeRule rule) {
    switch (rule) {
        case OutcomeRule::national_at_milestones: return "national_at_milestones";
        case OutcomeRule::cluster_at_milestones: return "cluster_at_milestones";
        case OutcomeRule::function: return "function";
    }
    return "";
}

// How the outcome is computed, in words: the rule's, or the row's own doc.
std::string outcome_definition(const Outcome& k) {
    switch (k.rule) {
        case OutcomeRule::national_at_milestones:
            return "`" + std::string(k.series) + "` summed over clusters in the milestone year";
        case OutcomeRule::cluster_at_milestones: return "`" + std::string(k.series) + "` in the milestone year";
        case OutcomeRule::function: return std::string(k.doc);
    }
    return "";
}

// "; codes: 0 as_agreed, 1 on_time, ..." for a coded outcome (CF flag_values/flag_meanings).
std::string outcome_codes_text(const Outcome& k) {
    if (k.flag_meanings.empty()) return "";
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < k.flag_meanings.size(); ++i)
        codes.push_back(fmt::format("{} `{}`", i, k.flag_meanings[i]));
    return fmt::format("; codes (flag_values/flag_meanings): {}", fmt::join(codes, ", "));
}

std::string outcome_dims_cell(const Outcome& k) {
    return "`[" + fmt::format("{}", fmt::join(k.dimensions(), ", ")) + "]`";
}

void print_outcomes_section(std::ostream& out) {
    begin_section(out, "outcomes");
    out << "| variable | dims | type | units | meaning |\n|---|---|---|---|---|\n";
    for (const Outcome& k : outcomes()) {
        std::string meaning = k.long_name_for("the end year");
        if (!k.comment.empty()) meaning += "; " + std::string(k.comment);
        meaning += outcome_codes_text(k);
        meaning += ". Computed: " + outcome_definition(k);
        out << fmt::format("| `{}` | {} | {} | {} | {} |\n", k.name, outcome_dims_cell(k),
                           kOutcomeTypeNames[static_cast<std::size_t>(k.type)], k.units_text(), meaning);
    }
    end_section(out, "outcomes");
}

void print_markdown(std::ostream& out) {
    print_series_section(out, "plant-panels", Level::plant);
    print_series_section(out, "cluster-series", Level::cluster);
    print_series_section(out, "national-series", Level::national);
    print_outcomes_section(out);
    print_bands_section(out);
    print_saved_section(out);
}

// ------------------------------------------------------------------ json

std::string json_list(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + json_string(s);
    return "[" + out + "]";
}

std::string json_or_null(std::string_view text) { return text.empty() ? "null" : json_string(text); }

std::string json_row(const Observable& o) {
    const std::vector<std::string> kpis = outcomes_of(o);
    const bool b = o.banded();
    return fmt::format(
        "    {{\"name\": {}, \"level\": {}, \"extra\": {}, \"dims\": {}, \"dtype\": {}, \"units\": {}, "
        "\"long_name\": {}, \"comment\": {}, \"flags\": {}, \"run_file\": {}, \"derive\": {}, \"from\": {}, "
        "\"band\": {}, \"band_order\": {}, \"band_dims\": {}, \"band_long_name\": {}, \"saved\": {}, "
        "\"sweep_panel\": {}, \"kpis\": {}, \"doc\": {}}}",
        json_string(o.name), json_string(level_name(o)), json_or_null(extra_name(o)), json_list(o.dimensions()),
        json_string(dtype_name(o)), json_string(o.units), json_string(o.long_name), json_or_null(o.comment),
        json_or_null(flags_name(o)), o.in_run_file(), json_or_null(derive_name(o.derive)), json_or_null(o.from),
        b ? json_string(o.band_name()) : "null", b ? std::to_string(o.band) : "null",
        b ? json_list(o.dimensions("quantile")) : "null",
        b ? json_string("quantile over runs of " + std::string(o.band_long_name_of())) : "null", o.saved,
        o.in_sweep_panels(), json_list(kpis), json_or_null(o.doc));
}

std::string json_outcome(const Outcome& k) {
    const Extra x = k.extra_dimension();
    return fmt::format(
        "    {{\"name\": {}, \"dims\": {}, \"dtype\": {}, \"units\": {}, \"long_name\": {}, \"comment\": {}, "
        "\"milestones\": {}, \"per_cluster\": {}, \"per_agreement\": {}, \"extra\": {}, \"series\": {}, "
        "\"rule\": {}, \"needs_targets\": {}, \"needs_reference\": {}, \"flag_meanings\": {}, \"definition\": {}}}",
        json_string(k.name), json_list(k.dimensions()), json_string(kOutcomeTypeNames[static_cast<std::size_t>(k.type)]),
        json_string(k.units_text()), json_string(k.long_name), json_or_null(k.comment), k.milestones(),
        k.per_cluster(), k.per_agreement, json_or_null(kExtraNames[static_cast<std::size_t>(x)]),
        json_or_null(k.series), json_string(rule_name(k.rule)), k.needs_targets, k.needs_reference,
        k.flag_meanings.empty() ? std::string("null")
                                : json_list(std::vector<std::string>(k.flag_meanings.begin(), k.flag_meanings.end())),
        json_string(outcome_definition(k)));
}

void print_json(std::ostream& out) {
    out << "{\n  \"generated_by\": \"build/eiisim observables --format json (core/observables.cpp)\",\n"
        << "  \"schema_version\": " << kSchemaVersion << ",\n"
        << "  \"band_comment\": " << json_string(kBandComment) << ",\n"
        << "  \"observables\": [\n";
    bool first = true;
    for (const Observable& o : observables()) {
        out << (first ? "" : ",\n") << json_row(o);
        first = false;
    }
    out << "\n  ],\n  \"outcomes\": [\n";
    first = true;
    for (const Outcome& k : outcomes()) {
        out << (first ? "" : ",\n") << json_outcome(k);
        first = false;
    }
    out << "\n  ]\n}\n";
}

// ------------------------------------------------------------------ text

void print_text_table(std::ostream& out) {
    constexpr std::string_view kRow = "{:<28} {:<36} {:<8} {:<7} {:<46} {}\n";
    out << fmt::format(fmt::runtime(kRow), "variable", "dims", "type", "units", "in sweeps", "long_name");
    for (const Observable& o : observables()) {
        std::vector<std::string> sweeps;
        if (o.in_sweep_panels()) sweeps.emplace_back("plants");
        if (o.banded()) sweeps.push_back("band " + o.band_name());
        for (const std::string& band : derived_bands(o)) sweeps.push_back("band " + band);
        if (o.saved) sweeps.emplace_back("clusters");
        const std::string name = o.in_run_file() ? std::string(o.name) : "(" + std::string(o.name) + ")";
        out << fmt::format(fmt::runtime(kRow), name, fmt::format("[{}]", fmt::join(o.dimensions(), ", ")),
                           dtype_name(o), o.units, fmt::format("{}", fmt::join(sweeps, ", ")), o.long_name);
    }
    out << "\noutcomes (KPIs, per run):\n";
    for (const Outcome& k : outcomes())
        out << fmt::format(fmt::runtime(kRow), k.name, fmt::format("[{}]", fmt::join(k.dimensions(), ", ")),
                           kOutcomeTypeNames[static_cast<std::size_t>(k.type)], k.units_text(), "",
                           k.long_name_for("the end year"));
    out << "\n" << observables().size() << " series; (name): derived, in sweep files only as a band. Layout version "
        << kSchemaVersion << ". docs/output-format.md explains each (--format markdown), --format json for tools.\n";
}

}  // namespace

void print_observables(std::ostream& out, const std::string& format) {
    if (format == "markdown") return print_markdown(out);
    if (format == "json") return print_json(out);
    if (format == "table") return print_text_table(out);
    throw std::invalid_argument("unknown observables format: " + format);
}

}  // namespace eiisim

namespace eiisim::cli {

Command add_observables_command(CLI::App& app) {
    return add_table_command(
        app, "observables", "List every output series with its dimensions, type, units and what sweeps keep of it",
        "the tables of docs/output-format.md", &print_observables);
}

}  // namespace eiisim::cli
