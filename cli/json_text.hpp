#pragma once
// JSON string literals for the commands that print tables as JSON (`eiisim schema`,
// `eiisim observables`).
#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace eiisim {

inline std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// A number as CSV and JSON print it: NaN (nothing to compare) as an empty cell, as null.
inline std::string csv_number(double v) { return std::isnan(v) ? "" : fmt::format("{:.6g}", v); }
inline std::string json_or_null(double v) { return std::isnan(v) ? "null" : fmt::format("{:.6g}", v); }

}  // namespace eiisim
