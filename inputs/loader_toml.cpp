#include "loader_toml.hpp"

#include <algorithm>
#include <cmath>

#include "core/inputs.hpp"
#include "csv_reader.hpp"  // parse_integer for year keys
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// A number node as double; std::nullopt for anything else (strings are not numbers).
std::optional<double> as_number(const toml::node& node) {
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = node.as_floating_point()) return f->get();
    return std::nullopt;
}

std::string got(const toml::node& node) { return ", got " + describe_toml_value(node); }

double checked_number(const toml::node& node, const std::string& file, const std::string& field,
                      Bounds bounds) {
    const auto value = as_number(node);
    if (!value || !bounds.contains(*value))
        throw InputError(toml_where(file, node.source()), field,
                         "expected " + bounds.describe(false) + got(node));
    return *value;
}

int checked_integer(const toml::node& node, const std::string& file, const std::string& field,
                    Bounds bounds) {
    const auto* i = node.as_integer();
    if (i == nullptr || !bounds.contains(static_cast<double>(i->get())) ||
        i->get() < std::numeric_limits<int>::min() || i->get() > std::numeric_limits<int>::max())
        throw InputError(toml_where(file, node.source()), field,
                         "expected " + bounds.describe(true) + got(node));
    return static_cast<int>(i->get());
}

}  // namespace

TomlDocument read_toml_file(const std::filesystem::path& file) {
    TomlDocument doc;
    doc.file = file.string();
    doc.text = read_input_file(file);  // checked, and noted for provenance
    try {
        doc.root = toml::parse(doc.text, doc.file);
    } catch (const toml::parse_error& err) {
        throw InputError(toml_where(doc.file, err.source()), "",
                         "malformed TOML: " + std::string(err.description()));
    }
    return doc;
}

InputLocation toml_where(const std::string& file, const toml::source_region& source) {
    return {file, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column)};
}

std::string describe_toml_value(const toml::node& node) {
    if (const auto* s = node.as_string()) return "the text \"" + s->get() + "\"";
    if (const auto* i = node.as_integer()) return "the integer " + std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) return "the number " + format_number(f->get());
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    if (node.is_table()) return "a table";
    if (node.is_array()) return "an array";
    return "a date or time";
}

TimePath read_time_path(const toml::node& node, const std::string& file, const std::string& field,
                        Bounds bounds, double factor) {
    if (as_number(node)) return TimePath(checked_number(node, file, field, bounds) * factor);
    const auto* table = node.as_table();
    if (table == nullptr)
        throw InputError(toml_where(file, node.source()), field,
                         "expected a number or a table of year = value such as "
                         "{ 2020 = 25, 2030 = 130 }" + got(node));
    if (table->empty())
        throw InputError(toml_where(file, node.source()), field,
                         "expected at least one year = value anchor, got an empty table");
    std::vector<std::pair<int, double>> anchors;
    for (auto&& [key, value] : *table) {
        const std::string anchor_field = field + "." + std::string(key.str());
        long long year = 0;
        const bool digits = std::all_of(key.str().begin(), key.str().end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || !parse_integer(key.str(), year) || !kYear.contains(static_cast<double>(year)))
            throw InputError(toml_where(file, key.source()), anchor_field,
                             "expected a year key (" + kYear.describe(true) + "), got '" +
                                 std::string(key.str()) + "'");
        anchors.emplace_back(static_cast<int>(year),
                             checked_number(value, file, anchor_field, bounds) * factor);
    }
    std::sort(anchors.begin(), anchors.end());
    for (std::size_t i = 1; i < anchors.size(); ++i) {
        if (anchors[i].first == anchors[i - 1].first)
            throw InputError(toml_where(file, node.source()), field,
                             "year " + std::to_string(anchors[i].first) + " is given twice");
    }
    return TimePath(std::move(anchors));
}

TomlSection::TomlSection(const toml::table& table, std::string file, std::string path,
                         std::optional<std::vector<std::string_view>> allowed)
    : table_(&table), file_(std::move(file)), path_(std::move(path)) {
    if (!allowed) return;
    for (auto&& [key, value] : table) {
        if (std::find(allowed->begin(), allowed->end(), key.str()) != allowed->end()) continue;
        std::string expected;
        for (const auto name : *allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
        throw InputError(toml_where(file_, key.source()), field(key.str()),
                         "unknown key; expected one of: " + expected);
    }
}

std::string TomlSection::field(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const toml::node* TomlSection::find(std::string_view key) const { return table_->get(key); }

InputLocation TomlSection::where() const {
    auto at = toml_where(file_, table_->source());
    if (at.line == 0) at.line = 1;  // the implicit root table: point at the file's start
    return at;
}

InputLocation TomlSection::where(std::string_view key) const {
    const toml::node* node = find(key);
    return node != nullptr ? toml_where(file_, node->source()) : where();
}

InputLocation TomlSection::key_where(std::string_view key) const {
    const auto it = table_->find(key);
    return it != table_->end() ? toml_where(file_, it->first.source()) : where();
}

void TomlSection::fail(std::string_view key, const std::string& problem) const {
    throw InputError(where(key), field(key), problem);
}

const toml::node& TomlSection::required(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr)
        throw InputError(where(), field(key),
                         "missing required key in [" + path_ + "] (see docs/scenario.md)");
    return *node;
}

double TomlSection::number(std::string_view key, Bounds bounds) const {
    return checked_number(required(key), file_, field(key), bounds);
}

int TomlSection::integer(std::string_view key, Bounds bounds) const {
    return checked_integer(required(key), file_, field(key), bounds);
}

bool TomlSection::boolean(std::string_view key) const {
    const toml::node& node = required(key);
    const auto* b = node.as_boolean();
    if (b == nullptr) fail(key, "expected true or false" + got(node));
    return b->get();
}

std::string TomlSection::text(std::string_view key) const {
    const toml::node& node = required(key);
    const auto* s = node.as_string();
    if (s == nullptr) fail(key, "expected a quoted text" + got(node));
    return s->get();
}

TimePath TomlSection::path(std::string_view key, Bounds bounds, double factor) const {
    return read_time_path(required(key), file_, field(key), bounds, factor);
}

std::size_t TomlSection::choice(std::string_view key, std::span<const char* const> names) const {
    const std::string value = text(key);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (value == names[i]) return i;
    std::string expected;
    for (const char* name : names) expected += (expected.empty() ? "" : " | ") + std::string(name);
    fail(key, "expected one of " + expected + ", got \"" + value + "\"");
}

TomlSection TomlSection::section(std::string_view key,
                                 std::optional<std::vector<std::string_view>> allowed) const {
    const toml::node& node = required(key);
    const auto* table = node.as_table();
    if (table == nullptr) fail(key, "expected a table" + got(node));
    return TomlSection(*table, file_, field(key), allowed);
}

std::optional<double> TomlSection::optional_number(std::string_view key, Bounds bounds) const {
    if (find(key) == nullptr) return std::nullopt;
    return number(key, bounds);
}

std::optional<int> TomlSection::optional_integer(std::string_view key, Bounds bounds) const {
    if (find(key) == nullptr) return std::nullopt;
    return integer(key, bounds);
}

std::optional<bool> TomlSection::optional_boolean(std::string_view key) const {
    if (find(key) == nullptr) return std::nullopt;
    return boolean(key);
}

std::optional<std::string> TomlSection::optional_text(std::string_view key) const {
    if (find(key) == nullptr) return std::nullopt;
    return text(key);
}

std::optional<TimePath> TomlSection::optional_path(std::string_view key, Bounds bounds,
                                                   double factor) const {
    if (find(key) == nullptr) return std::nullopt;
    return path(key, bounds, factor);
}

std::optional<TomlSection> TomlSection::optional_section(
    std::string_view key, std::optional<std::vector<std::string_view>> allowed) const {
    if (find(key) == nullptr) return std::nullopt;
    return section(key, allowed);
}

std::vector<std::string> TomlSection::keys_in_file_order() const {
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::string>> keyed;
    for (auto&& [key, value] : *table_)
        keyed.push_back({{key.source().begin.line, key.source().begin.column}, std::string(key.str())});
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::string> keys;
    for (auto& entry : keyed) keys.push_back(std::move(entry.second));
    return keys;
}

std::uint16_t read_option_kinds(const TomlSection& table, std::string_view key) {
    const toml::node* node = table.find(key);
    if (node == nullptr) return 0;
    const auto* array = node->as_array();
    if (array == nullptr || array->empty())
        table.fail(key, "expected a non-empty list of option kinds, got " + describe_toml_value(*node));
    std::uint16_t kinds = 0;
    for (const toml::node& item : *array) {
        const auto* name = item.as_string();
        const auto* found = name == nullptr ? kOptionKindNames.end()
                                            : std::find_if(kOptionKindNames.begin(), kOptionKindNames.end(),
                                                           [&](const char* k) { return name->get() == k; });
        if (found == kOptionKindNames.end())
            throw InputError(toml_where(table.file(), item.source()), table.field(key),
                             "unknown option kind " + describe_toml_value(item) +
                                 "; expected keep, electrify, ccs, hydrogen, import, bio, relocate, close or relocate_eu");
        kinds = static_cast<std::uint16_t>(kinds | (1u << (found - kOptionKindNames.begin())));
    }
    return kinds;
}

}  // namespace eiisim
