#include "schema_command.hpp"

#include "command.hpp"

#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

#include "core/settings_schema.hpp"
#include "json_text.hpp"
#include "schema_markdown.hpp"

namespace eiisim {
namespace {

std::string json_number(double value) {
    return std::isfinite(value) ? format_number(value) : "null";
}

void print_json(std::ostream& out) {
    out << "[\n";
    bool first = true;
    for (const SettingSpec& s : settings_schema()) {
        out << (first ? "" : ",\n");
        first = false;
        std::string choices;
        for (const char* name : s.choice.names) choices += (choices.empty() ? "" : ", ") + json_string(name);
        out << fmt::format(
            "  {{\"key\": {}, \"type\": {}, \"unit\": {}, \"engine_unit\": {}, \"to_engine\": {}, "
            "\"required\": {}, \"default\": {}, \"min\": {}, \"max\": {}, \"min_open\": {}, \"time_path\": {}, "
            "\"in_file\": {}, \"sweep\": {}, \"choices\": [{}], \"long_name\": {}, \"doc\": {}}}",
            json_string(s.key), json_string(kSettingTypeNames[static_cast<std::size_t>(s.type)]),
            json_string(s.unit), json_string(s.engine_unit.empty() ? s.unit : s.engine_unit),
            json_number(s.to_engine), s.required, json_string(setting_default(s)), json_number(s.bounds.min),
            json_number(s.bounds.max), s.bounds.min_open,
            s.type == SettingType::path || s.type == SettingType::path_table, s.in_file(),
            json_string(sweep_text(s.sweep)), choices, json_string(s.long_name), json_string(s.doc));
    }
    out << "\n]\n";
}

void print_text_table(std::ostream& out) {
    constexpr std::string_view kRow = "{:<42} {:<14} {:<24} {:<12} {:<5} {:<14} {}\n";
    out << fmt::format(fmt::runtime(kRow), "setting", "type", "unit", "range", "path", "sweep", "default");
    for (const SettingSpec& s : settings_schema()) {
        const std::string def = s.required ? "required" : setting_default(s);
        const bool path = s.type == SettingType::path || s.type == SettingType::path_table;
        out << fmt::format(fmt::runtime(kRow), s.key, kSettingTypeNames[static_cast<std::size_t>(s.type)],
                           unit_text(s), range_text(s), path ? "yes" : "", sweep_text(s.sweep), def);
    }
    out << "\n" << settings_schema().size() << " settings; docs/scenario.md explains each (eiisim schema "
        << "--format markdown), --format json for tools.\n";
}

}  // namespace

void print_schema(std::ostream& out, const std::string& format) {
    if (format == "markdown") return print_scenario_markdown(out);
    if (format == "json") return print_json(out);
    if (format == "table") return print_text_table(out);
    throw std::invalid_argument("unknown schema format: " + format);
}

}  // namespace eiisim

namespace eiisim::cli {

Command add_schema_command(CLI::App& app) {
    return add_table_command(app, "schema",
                             "List every scenario setting with its unit, default, range and sweepability",
                             "docs/scenario.md", &print_schema);
}

}  // namespace eiisim::cli
