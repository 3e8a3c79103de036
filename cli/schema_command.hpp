#pragma once
// `eiisim schema`: the settings schema (core/settings_schema.cpp) as a text table, as
// JSON for tools, or as the whole of docs/scenario.md (generated; a test keeps the
// committed file in step).
#include <iosfwd>
#include <string>

namespace eiisim {

// format: "table", "markdown" or "json".
void print_schema(std::ostream& out, const std::string& format);

}  // namespace eiisim
