#pragma once
// Where each setting of a scenario file was read, so that a check made after loading (a
// sector name resolved against the dataset, a variant looked up in a table) names the line
// of the setting it refuses, as the loader's own checks do.
#include <map>
#include <string>
#include <string_view>

#include "input_error.hpp"

namespace eiisim {

struct SettingLines {
    // field as errors name it ("demand.variant", "demand.volume_by_sector.hvc") -> 1-based line
    std::map<std::string, int, std::less<>> line_of;

    bool operator==(const SettingLines&) const = default;
};

// The location of `field` in `file`: its own line, else the line of the nearest enclosing
// setting ("feedstock.buyout_eur_per_t.hvc" -> "feedstock.buyout_eur_per_t" -> "feedstock"),
// else line 0 (a setting the file does not write: a default).
[[nodiscard]] inline InputLocation setting_where(const SettingLines& lines, const std::string& file,
                                                 std::string_view field) {
    for (std::string_view key = field; !key.empty();) {
        if (const auto it = lines.line_of.find(key); it != lines.line_of.end()) return {file, it->second, 0};
        const std::size_t dot = key.rfind('.');
        if (dot == std::string_view::npos) break;
        key = key.substr(0, dot);
    }
    return {file, 0, 0};
}

}  // namespace eiisim
