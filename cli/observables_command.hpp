#pragma once
// `eiisim observables`: the output series table (core/observables.cpp) as a text table,
// as JSON for tools (committed as tools/eiisim_results/observables.json), or as the
// generated sections of docs/output-format.md (each between `<!-- BEGIN GENERATED name`
// and `<!-- END GENERATED name -->` markers; tools/update_output_doc.py splices them in,
// and tests/cli/observables.sh keeps the committed files in step).
#include <iosfwd>
#include <string>

namespace eiisim {

// format: "table", "markdown" or "json".
void print_observables(std::ostream& out, const std::string& format);

}  // namespace eiisim
