#pragma once
// Input provenance in run and sweep files (docs/output-format.md, "Input files"): which
// scenario file was given, the layout version, and the table of every input file read
// with its SHA-256 and size. `eiisim run --from-sweep` and sweep resumption rely on it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "core/observables.hpp"
#include "nc_file.hpp"

namespace eiisim::output {

// Global attributes `schema_version`, `scenario_file` and, for a replayed run,
// `replay_of` and `replay_samples`; for a run with `--set`, `set_values` (one assignment
// a line, in the order applied); for a scenario branch, `branch_of` and `branch_year`.
void write_input_attributes(h5::NcFile& file, const Inputs& inputs);

// The `set_values` attribute's text: the assignments one a line, and back.
[[nodiscard]] std::string join_set_values(const std::vector<std::string>& values);
[[nodiscard]] std::vector<std::string> split_set_values(const std::string& text);

// The `input_file` dimension (paths relative to the scenario's folder) with the variables
// `input_file_sha256` and `input_file_bytes`. Nothing when no file was read (inputs
// built in memory).
void write_input_files(h5::NcFile& file, const Inputs& inputs);

}  // namespace eiisim::output
