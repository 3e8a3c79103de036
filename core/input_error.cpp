#include "input_error.hpp"

namespace eiisim {
namespace {
std::string format_message(const InputLocation& where, const std::string& field,
                           const std::string& problem) {
    std::string text = where.file;
    if (where.line > 0) {
        text += ":" + std::to_string(where.line);
        if (where.column > 0) text += ":" + std::to_string(where.column);
    }
    text += ": ";
    if (!field.empty()) text += "field '" + field + "': ";
    text += problem;
    return text;
}
}  // namespace

InputError::InputError(InputLocation where, std::string field, const std::string& problem)
    : std::runtime_error(format_message(where, field, problem)),
      where_(std::move(where)),
      field_(std::move(field)) {}

}  // namespace eiisim
