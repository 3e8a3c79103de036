#pragma once
// JSON string literals for the commands that print tables as JSON (`eiisim schema`,
// `eiisim observables`).
#include <string>
#include <string_view>

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

}  // namespace eiisim
