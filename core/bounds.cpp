#include "bounds.hpp"

#include <charconv>
#include <cmath>

namespace eiisim {

bool Bounds::contains(double value) const {
    if (!std::isfinite(value)) return false;
    if (min_open ? value <= min : value < min) return false;
    return max_open ? value < max : value <= max;
}

std::string Bounds::describe(bool integer) const {
    std::string text = integer ? "an integer" : "a number";
    const bool has_min = std::isfinite(min);
    const bool has_max = std::isfinite(max);
    if (has_min && has_max && !min_open && !max_open) {
        text += " in [" + format_number(min) + ", " + format_number(max) + "]";
    } else {
        if (has_min) text += (min_open ? " > " : " >= ") + format_number(min);
        if (has_min && has_max) text += " and";
        if (has_max) text += (max_open ? " < " : " <= ") + format_number(max);
    }
    if (!has_min && !has_max) text += " (finite)";
    return text;
}

std::string format_number(double value) {
    // Whole numbers as written in the tables ("58000000", not "5.8e+07"); from a trillion
    // on, the exponent reads better ("1e+12").
    if (std::isfinite(value) && std::fabs(value) < 1e12 && value == std::trunc(value))
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return {buffer, result.ptr};
}

}  // namespace eiisim
