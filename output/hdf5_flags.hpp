#pragma once
// CF flag attributes (flag_values, flag_meanings) for the coded integer variables:
// status, route kind, trigger, yes/no columns and technology indices.
#include <cctype>
#include <string>

#include "nc_file.hpp"

namespace eiisim::output {

// CF allows only letters, digits and _ . + - @ in a flag meaning; anything else (the '/'
// in technology ids like "ammonia/ccs") becomes '.'. The exact names stay in the
// coordinate variables, so nothing is lost.
inline std::string cf_flag_word(const std::string& name) {
    std::string word = name.empty() ? std::string("unnamed") : name;
    for (char& c : word) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '+' ||
                        c == '-' || c == '@';
        if (!ok) {
            c = '.';
        }
    }
    return word;
}

// Flags 0..n-1 named by `names` (any container of things convertible to std::string).
template <typename T, typename Names>
h5::Flags<T> flags_from_names(const Names& names) {
    h5::Flags<T> flags;
    T code = 0;
    for (const auto& name : names) {
        flags.values.push_back(code++);
        if (!flags.meanings.empty()) {
            flags.meanings += ' ';
        }
        flags.meanings += cf_flag_word(std::string(name));
    }
    return flags;
}

template <typename T>
h5::Flags<T> yes_no_flags() {
    return h5::Flags<T>{{T{0}, T{1}}, "no yes"};
}

}  // namespace eiisim::output
