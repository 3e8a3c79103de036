#pragma once
// `eiisim explain --plant ID --year Y`: one plant's decision in one year, in words, from
// the event log (core/run_result.hpp DecisionEvent): the trigger, what it chose and why
// (utility = deterministic part + strategic bias + random term), every variant in the
// order of the ranking that decided with its cost terms side by side, what was infeasible
// and why, what allocation refused and for which resource. The log is read from a run
// file (--result) or made by running the scenario with its seed (run 0, as `eiisim run`).
// `eiisim appraise` recomputes one appraisal at the plant's state; explain only reads
// what the run logged, so it works on any file the run wrote.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "output/event_log_reader.hpp"

namespace eiisim {

struct ExplainCliOptions {
    std::string plant;     // id as in the dataset's plants.csv
    int year = 0;
    std::string result;    // a run file; empty: run the scenario
    std::string scenario;
    std::uint64_t seed = 0;
    bool seed_given = false;
};

// The terms of a logged variant's levelised cost per t, in print order: the twelve cost
// components, the investment aid and the risk premium; they add up to its cost.
[[nodiscard]] std::vector<std::pair<std::string, double>> cost_terms(const OptionAppraisal& option);

// Prints the plant's decision in `year`, or says there was none and when it decided.
// Returns false when there was none.
bool print_explanation(std::ostream& out, const ExplainedRun& run, int plant, int year);

// The command: exit status 0 (1: the plant made no decision that year), or throws
// InputError (bad plant, year, scenario or file: 2).
int explain_command(const ExplainCliOptions& options);

}  // namespace eiisim
