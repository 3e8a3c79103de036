#include "observables_command.hpp"

#include "command.hpp"

#include <ostream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/observables.hpp"
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

std::vector<std::string_view> split_list(std::string_view text) {
    std::vector<std::string_view> items;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        items.push_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    }
    return items;
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
    std::vector<std::string> kpis;
    for (std::string_view k : split_list(o.kpis)) kpis.emplace_back(k);
    if (!kpis.empty()) parts.push_back("KPI " + code_list(kpis));
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

void print_markdown(std::ostream& out) {
    print_series_section(out, "plant-panels", Level::plant);
    print_series_section(out, "cluster-series", Level::cluster);
    print_series_section(out, "national-series", Level::national);
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
    std::vector<std::string> kpis;
    for (std::string_view k : split_list(o.kpis)) kpis.emplace_back(k);
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
