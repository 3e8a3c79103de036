#pragma once
// The one exception type for bad input. Its message always names the file, the line
// (and column where known) and the field, and says what was expected, so a modeller can
// fix the input without reading code. The CLI prints it and exits with status 2.
#include <stdexcept>
#include <string>

namespace eiisim {

struct InputLocation {
    std::string file;
    int line = 0;    // 1-based; 0 when the problem has no line (a missing file)
    int column = 0;  // 1-based; 0 when unknown
};

class InputError : public std::runtime_error {
public:
    InputError(InputLocation where, std::string field, const std::string& problem);
    [[nodiscard]] const InputLocation& where() const { return where_; }
    [[nodiscard]] const std::string& field() const { return field_; }

private:
    InputLocation where_;
    std::string field_;
};

}  // namespace eiisim
