#pragma once
// The phases of one simulated year (see simulation.hpp). Internal to the engine.
#include <vector>

#include "agents/appraisal.hpp"
#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// Whether the plant panel holds only the year being simulated (RecordLevel::aggregates)
// rather than every year.
[[nodiscard]] inline bool single_year_panel(const RunResult& result) {
    return result.technology.size() == static_cast<std::size_t>(result.plants);
}
// Row of the plant panel that year index `yi` is recorded in.
[[nodiscard]] inline int panel_row(const RunResult& result, int yi) { return single_year_panel(result) ? 0 : yi; }

// `events`: the result whose event log fuel-gas closures go to; nullptr keeps no log.
void apply_transitions(const Model& model, RunState& state, int year, RunResult* events = nullptr);
void record_accounts(const Model& model, RunState& state, int year, RunResult& result);
// `record_appraisals`: fill PlantDecision::appraisals for the event log.
[[nodiscard]] std::vector<PlantDecision> appraise_triggered(const Model& model, const RunState& state,
                                                            int year, std::uint64_t seed,
                                                            std::uint64_t run, bool record_appraisals = true);
// `events`: the result whose event log the decisions go to; nullptr keeps no log.
void allocate(const Model& model, RunState& state, int year, std::uint64_t seed, std::uint64_t run,
              std::vector<PlantDecision>& decisions, RunResult* events);
void learn_and_age(const Model& model, RunState& state);
void record_aggregates(const Model& model, const RunState& state, int year, RunResult& result);

}  // namespace eiisim
