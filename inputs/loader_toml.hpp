#pragma once
// Reading TOML input (scenario files, infrastructure.toml) with the same error contract
// as the CSV tables: every problem names file, line, column and the dotted key path and
// says what was expected. A TomlSection wraps one table, rejects keys it does not know
// (a typo must not silently fall back to a default) and reads typed values.
#include <cstdint>
#include <filesystem>
#include <vector>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/input_error.hpp"
#include "core/time_path.hpp"
#include "core/bounds.hpp"

namespace eiisim {

struct TomlDocument {
    std::string file;  // as given, used in error messages
    std::string text;  // the whole file (the scenario keeps it for provenance)
    toml::table root;
};

// Throws InputError for a missing file or a TOML syntax error (with line and column).
[[nodiscard]] TomlDocument read_toml_file(const std::filesystem::path& file);

[[nodiscard]] InputLocation toml_where(const std::string& file, const toml::source_region& source);

// A time path: an inline table of bare year keys ({ 2020 = 25, 2030 = 130 }) or a plain
// number (a constant path). Values are checked against `bounds` in the file's unit and
// then multiplied by `factor` (the unit conversion). `field` is the dotted key path.
[[nodiscard]] TimePath read_time_path(const toml::node& node, const std::string& file,
                                      const std::string& field, Bounds bounds, double factor);

class TomlSection {
public:
    // `allowed` lists every key the table may hold; any other key is an error. Pass
    // std::nullopt for tables whose keys are names (import paths, cluster ids).
    TomlSection(const toml::table& table, std::string file, std::string path,
                std::optional<std::vector<std::string_view>> allowed);

    [[nodiscard]] const toml::table& table() const { return *table_; }
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] std::string field(std::string_view key) const;  // "prices.ets_eur_per_t"
    [[nodiscard]] const toml::node* find(std::string_view key) const;
    [[nodiscard]] InputLocation where() const;                    // the table itself
    [[nodiscard]] InputLocation where(std::string_view key) const;  // the value, else the table
    [[nodiscard]] InputLocation key_where(std::string_view key) const;  // the key itself
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

    // Required values: a missing key is an error naming the table's line.
    [[nodiscard]] double number(std::string_view key, Bounds bounds) const;
    [[nodiscard]] int integer(std::string_view key, Bounds bounds) const;
    [[nodiscard]] bool boolean(std::string_view key) const;
    [[nodiscard]] std::string text(std::string_view key) const;
    [[nodiscard]] TimePath path(std::string_view key, Bounds bounds, double factor = 1.0) const;
    // The position of the key's text among `names`; any other text is an error listing them.
    [[nodiscard]] std::size_t choice(std::string_view key, std::span<const char* const> names) const;
    [[nodiscard]] TomlSection section(std::string_view key,
                                      std::optional<std::vector<std::string_view>> allowed) const;

    // Optional values: std::nullopt when the key is absent; a present key must be valid.
    [[nodiscard]] std::optional<double> optional_number(std::string_view key, Bounds bounds) const;
    [[nodiscard]] std::optional<int> optional_integer(std::string_view key, Bounds bounds) const;
    [[nodiscard]] std::optional<bool> optional_boolean(std::string_view key) const;
    [[nodiscard]] std::optional<std::string> optional_text(std::string_view key) const;
    [[nodiscard]] std::optional<TimePath> optional_path(std::string_view key, Bounds bounds,
                                                        double factor = 1.0) const;
    [[nodiscard]] std::optional<TomlSection> optional_section(
        std::string_view key, std::optional<std::vector<std::string_view>> allowed) const;

    // The keys in file order (toml++ keeps tables sorted by name; users expect their order).
    [[nodiscard]] std::vector<std::string> keys_in_file_order() const;

private:
    const toml::node& required(std::string_view key) const;

    const toml::table* table_;
    std::string file_;
    std::string path_;
};

// A short description of what a TOML value is, for "expected ..., got ..." messages.
[[nodiscard]] std::string describe_toml_value(const toml::node& node);

// `key = ["ccs", "hydrogen"]`: a non-empty list of option kinds as a bit set over
// OptionKind; 0 when the key is absent. Unknown names are an error at the item.
[[nodiscard]] std::uint16_t read_option_kinds(const TomlSection& table, std::string_view key);

}  // namespace eiisim
