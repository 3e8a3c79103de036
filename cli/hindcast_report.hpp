#pragma once
// The three printed forms of a hindcast (docs/validation.md "Hindcast"): a table for
// reading, CSV with one row per mode, series and year, and JSON for a calibration script.
#include <iosfwd>

#include "core/hindcast_result.hpp"

namespace eiisim {

void print_hindcast_table(std::ostream& out, const HindcastResult& result);
void print_hindcast_csv(std::ostream& out, const HindcastResult& result);
void print_hindcast_json(std::ostream& out, const HindcastResult& result);

}  // namespace eiisim
