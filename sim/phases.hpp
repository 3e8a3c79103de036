#pragma once
// The phases of one simulated year (see simulation.hpp). Internal to the engine.
#include <vector>

#include "agents/appraisal.hpp"
#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

void apply_transitions(const Model& model, RunState& state, int year);
void record_accounts(const Model& model, RunState& state, int year, RunResult& result);
[[nodiscard]] std::vector<PlantDecision> appraise_triggered(const Model& model, const RunState& state,
                                                            int year, std::uint64_t seed,
                                                            std::uint64_t run);
void allocate(const Model& model, RunState& state, int year, std::uint64_t seed, std::uint64_t run,
              std::vector<PlantDecision>& decisions, RunResult& result);
void learn_and_age(const Model& model, RunState& state);
void record_aggregates(const Model& model, const RunState& state, int year, RunResult& result);

}  // namespace eiisim
