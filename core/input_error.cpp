#include "input_error.hpp"

namespace eiisim {
namespace {
std::string format_message(const InputLocation& where, const std::string& field,
                           const std::string& problem) {
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on `"..." + std::string`.
    std::string text = where.file;
    if (where.line > 0) {
        text.append(":").append(std::to_string(where.line));
        if (where.column > 0) text.append(":").append(std::to_string(where.column));
    }
    text.append(": ");
    if (!field.empty()) text.append("field '").append(field).append("': ");
    text.append(problem);
    return text;
}
}  // namespace

InputError::InputError(InputLocation where, std::string field, const std::string& problem)
    : std::runtime_error(format_message(where, field, problem)),
      where_(std::move(where)),
      field_(std::move(field)) {}

}  // namespace eiisim
