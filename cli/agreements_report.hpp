#pragma once
// The three printed forms of `eiisim agreements` (docs/validation.md "Additionality of the
// agreements"): a table for reading, CSV with one row per agreement, and JSON.
#include <iosfwd>

#include "sweep/agreement_additionality.hpp"

namespace eiisim {

void print_additionality_table(std::ostream& out, const AdditionalityResult& result);
void print_additionality_csv(std::ostream& out, const AdditionalityResult& result);
void print_additionality_json(std::ostream& out, const AdditionalityResult& result);

}  // namespace eiisim
