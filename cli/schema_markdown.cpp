#include "schema_markdown.hpp"

#include <cmath>
#include <ostream>

#include <fmt/format.h>

namespace eiisim {
namespace {

std::string escape_cell(std::string_view text) {
    std::string out;
    for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string choice_names(const SettingSpec& spec) {
    std::string names;
    for (const char* name : spec.choice.names) names += (names.empty() ? "" : ", ") + fmt::format("`{}`", name);
    return names;
}

std::string default_cell(const SettingSpec& spec) {
    if (spec.required) return "required";
    const std::string value = setting_default(spec);
    return value.empty() ? "optional" : "`" + value + "`";
}

void print_table(std::ostream& out, const SettingTable& table) {
    out << "## `[" << table.name << "]`" << (table.required ? "" : " — optional table") << "\n\n"
        << table.intro << "\n\n"
        << "| key | type | unit | default | range | sweep | meaning |\n"
        << "|---|---|---|---|---|---|---|\n";
    for (const SettingSpec& s : settings_schema()) {
        if (!s.in_file() || s.table() != table.name) continue;
        const std::string range = s.type == SettingType::choice ? choice_names(s) : range_text(s);
        out << fmt::format("| `{}` | {} | {} | {} | {} | {} | {} |\n", s.name(),
                           kSettingTypeNames[static_cast<std::size_t>(s.type)], unit_text(s), default_cell(s),
                           range, sweep_text(s.sweep), escape_cell(s.doc));
    }
    out << "\n";
}

void print_sweep_targets(std::ostream& out) {
    out << "### Sweep targets\n\n"
        << "Every setting a `[[uncertain]]` entry may name as its `target`, with the scales it takes "
           "(the first is the default) and the range a sampled value is clamped into:\n\n"
        << "| target | kind | scale | value unit | range | what the sample does |\n"
        << "|---|---|---|---|---|---|\n";
    for (const SettingSpec& s : settings_schema()) {
        if (s.sweep == Sweepable::no) continue;
        const std::string_view action = s.hook.apply != nullptr ? "acts on the loaded dataset: "
                                        : s.type == SettingType::path || s.type == SettingType::path_table
                                            ? "multiplies the loaded path: "
                                            : "";
        out << fmt::format("| `{}` | {} | {} | {} | {} | {}{} |\n", s.key,
                           kSettingTypeNames[static_cast<std::size_t>(s.type)], sweep_text(s.sweep), unit_text(s),
                           range_text(s), action, escape_cell(s.doc));
    }
    out << "\n";
}

}  // namespace

std::string range_text(const SettingSpec& spec) {
    const Bounds& b = spec.bounds;
    const bool has_min = std::isfinite(b.min), has_max = std::isfinite(b.max);
    if (spec.type == SettingType::text || spec.type == SettingType::boolean || spec.type == SettingType::choice)
        return "";
    if (has_min && has_max)
        return fmt::format("{}{}, {}]", b.min_open ? "(" : "[", format_number(b.min), format_number(b.max));
    if (has_min) return fmt::format("{} {}", b.min_open ? ">" : "≥", format_number(b.min));
    if (has_max) return fmt::format("≤ {}", format_number(b.max));
    return "";
}

std::string unit_text(const SettingSpec& spec) {
    if (spec.engine_unit.empty()) return std::string(spec.unit);
    return fmt::format("{} → {}", spec.unit, spec.engine_unit);
}

std::string_view sweep_text(Sweepable sweep) {
    switch (sweep) {
        case Sweepable::no: return "";
        case Sweepable::factor: return "factor";
        case Sweepable::value: return "value";
        case Sweepable::factor_or_value: return "value, factor";
    }
    return "";
}

void print_scenario_markdown(std::ostream& out) {
    const ScenarioProse& prose = scenario_prose();
    out << prose.intro;
    for (const SettingTable& table : setting_tables()) {
        print_table(out, table);
        if (table.name == "infrastructure") out << prose.cluster_overrides;
    }
    out << prose.before_targets;
    print_sweep_targets(out);
    out << prose.after_targets;
}

}  // namespace eiisim
