#include "given_settings.hpp"

#include <charconv>

#include <algorithm>
#include <sstream>

#include "core/settings_schema.hpp"
#include "core/uncertain_targets.hpp"
#include "csv_reader.hpp"
#include "input_file_check.hpp"
#include "uncertainty_loader.hpp"

namespace eiisim {
namespace {

constexpr std::string_view kStreamColumn = "stream";
constexpr Bounds kStreamIndex{0, 2147483647};

// The setting a design column or --set key names; InputError at `where` when none.
UncertainSetting named_setting(const std::string& name, const std::vector<UncertainSetting>& declared,
                               const InputLocation& where) {
    const auto own = std::find_if(declared.begin(), declared.end(), [&](const UncertainSetting& u) {
        return u.name == name;
    });
    if (own != declared.end()) return *own;
    UncertainSetting u;
    u.name = name;
    u.target = name;
    u.target_index = find_uncertain_target(name);
    if (u.target_index < 0) {
        const bool known = find_setting(name) >= 0;
        throw InputError(where, name,
                         known ? "this setting cannot be changed per run (its sweep column in `eiisim schema` is "
                                 "'no'); set it in the scenario file"
                               : "not one of the scenario's [[uncertain]] names nor a setting key; `eiisim schema` "
                                 "lists the keys");
    }
    u.scale = settings_schema()[static_cast<std::size_t>(u.target_index)].default_scale();
    u.source = "given";
    return u;
}

// `value` as a number in the setting's allowed range; InputError naming both otherwise.
double checked_value(const UncertainSetting& u, std::string_view text, const InputLocation& where) {
    const SettingSpec& spec = settings_schema()[static_cast<std::size_t>(u.target_index)];
    const Bounds range = uncertain_sample_bounds(u.target_index, u.scale);
    double value = 0;
    const std::string what = u.scale == UncertainScale::factor ? "a factor on " + std::string(spec.key)
                                                                : "a value of " + std::string(spec.key);
    if (!parse_finite_number(text, value) || !range.contains(value))
        throw InputError(where, u.name,
                         "expected " + what + " (" + std::string(spec.unit.empty() || u.scale == UncertainScale::factor
                                                                     ? "1"
                                                                     : spec.unit) +
                             "), " + range.describe(false) + ", got '" + std::string(text) + "'");
    return value;
}

// Through the one input reader, so a design that is a directory, FIFO, device or huge
// file is refused like any other input (issue 16).
std::string read_text(const std::filesystem::path& file) { return read_input_file(file); }

// The header's names, in order (CsvTable keeps them in a map).
std::vector<std::string> header_names(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line) && (line.empty() || line[0] == '#')) {}
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> names;
    std::istringstream fields(line);
    for (std::string name; std::getline(fields, name, ',');) {
        name.erase(0, name.find_first_not_of(" \t\""));
        name.erase(name.find_last_not_of(" \t\"") + 1);
        names.push_back(name);
    }
    return names;
}

}  // namespace

GivenDesign read_design_file(const std::filesystem::path& file, const std::vector<UncertainSetting>& declared) {
    const std::string text = read_text(file);
    const std::vector<std::string> names = header_names(text);
    std::vector<CsvColumn> columns;
    for (const std::string& n : names) columns.push_back({n, true});
    const CsvTable table = CsvTable::parse(text, file.string(), columns);
    GivenDesign design;
    std::vector<std::string> settings;  // the columns that are settings
    for (const std::string& n : names) {
        if (std::count(names.begin(), names.end(), n) > 1)
            throw InputError({file.string(), 1, 0}, n, "column given twice");
        if (n == kStreamColumn) continue;
        settings.push_back(n);
        design.settings.push_back(named_setting(n, declared, {file.string(), 1, 0}));
    }
    if (table.rows().empty()) throw InputError({file.string(), 2, 0}, "", "the design has no rows (one per run)");
    for (const CsvRow& row : table.rows()) {
        for (std::size_t j = 0; j < settings.size(); ++j) {
            const CsvField* f = table.field(row, settings[j]);
            design.samples.push_back(checked_value(design.settings[j], f->text, table.where(row, settings[j])));
        }
        if (table.has_column(kStreamColumn))
            design.streams.push_back(static_cast<std::uint64_t>(csv_integer(table, row, kStreamColumn, kStreamIndex)));
    }
    design.runs = table.rows().size();
    design.text = text;
    const std::size_t dims = settings.size();
    for (std::size_t j = 0; j < dims; ++j) {  // the range the design spans, for the file's attributes
        UncertainSetting& u = design.settings[j];
        if (u.source != "given") continue;
        u.distribution = Distribution::uniform;
        u.low = u.high = design.samples[j];
        for (std::size_t r = 0; r < design.runs; ++r) {
            u.low = std::min(u.low, design.samples[r * dims + j]);
            u.high = std::max(u.high, design.samples[r * dims + j]);
        }
    }
    return design;
}

GivenValue parse_assignment(std::string_view assignment, const std::vector<UncertainSetting>& declared) {
    const InputLocation where{"--set", 0, 0};
    const std::size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InputError(where, std::string(assignment), "expected KEY=VALUE, e.g. behaviour.logit_scale=0.15");
    GivenValue given;
    given.setting = named_setting(std::string(assignment.substr(0, eq)), declared, where);
    given.value = checked_value(given.setting, assignment.substr(eq + 1), where);
    return given;
}

std::string assignment_text(const GivenValue& value) {
    char digits[32];
    // std::to_chars without a format writes the shortest text that reads back exactly.
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value.value);
    return value.setting.name + "=" + std::string(digits, end.ptr);
}

void apply_given_values(Inputs& inputs, const std::vector<GivenValue>& values) {
    for (const GivenValue& g : values) apply_uncertain_setting(g.setting, inputs, g.value);
}

}  // namespace eiisim
