#pragma once
// A run file's event log read back (docs/output-format.md, "Decision event log"): the
// decisions with every variant weighed, and the names that make them readable. What
// `eiisim explain` (cli/explain_command.hpp) prints from.
#include <cstdint>
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

struct ExplainedRun {
    std::string scenario;                 // name
    std::string source;                   // the file or scenario it came from
    std::uint64_t seed = 0;
    std::uint64_t run = 0;
    std::vector<std::string> plant_ids;
    std::vector<std::string> plant_names;
    std::vector<std::string> technology_names;
    std::vector<OptionKind> technology_kinds;
    std::vector<std::string> instrument_ids;  // support instruments (layout 6 and later)
    std::vector<DecisionEvent> events;
};

// The run's log as written to `path` (h5::Hdf5Error when it cannot be read; InputError
// naming the file when it predates the option log of layout version 4).
[[nodiscard]] ExplainedRun read_explained_run(const std::string& path);

}  // namespace eiisim
