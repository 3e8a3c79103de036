#pragma once
// The phases of one simulated year (see simulation.hpp). Internal to the engine.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "agents/appraisal.hpp"
#include "core/random_stream.hpp"
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
// Closes `plant` in `year` at once (its supplier's process gas ended, or an observed
// closure) and shocks its neighbours; `cause`, when >= 0, is not prompted to decide.
void close_now(const Model& model, RunState& state, int plant, int year, Trigger trigger, int cause,
               RunResult* events);
// Withdraws a granted conversion of `plant` that has not started (not a closure or a
// relocation): its reservations go back, the route in force keeps its holdings. A binding
// agreement replaces it (sim/agreements.cpp).
void cancel_pending_conversion(const Model& model, RunState& state, int plant);
// Phase 1b: the observed history of the year (sim/history.cpp, docs/ODD.md §7.13).
void apply_history(const Model& model, RunState& state, int year, RunResult* events);
// The first scarce-resource ledger `c` overflows (core/scarce_resources.hpp order), or
// RefusedBy::none when it fits them all; build-out limits are not checked here.
[[nodiscard]] RefusedBy ledger_misfit(const Model& model, const RunState& state, std::size_t plant,
                                      const Candidate& c, int year);
// Books a granted conversion of `plant` to `c` (allocation.cpp), decided in `year`, with the
// support contract `aid` of a subsidised candidate (nullptr: none).
void grant_conversion(const Model& model, RunState& state, std::size_t plant, const Candidate& c, int year,
                      const AidContract* aid);
void record_accounts(const Model& model, RunState& state, int year, RunResult& result);
// Phase 3 piece by piece, as appraise_triggered runs it for every plant (and `eiisim
// appraise` for one). The trigger that makes `plant` decide in `year`, if any:
[[nodiscard]] std::optional<Trigger> decision_trigger(const Model& model, const RunState& state, int year,
                                                      int plant);
// A not-built entrant's trigger to decide whether to build in `year` (sim/entry.cpp): from
// its first year less its lead time, each year until granted; none for an incumbent.
[[nodiscard]] std::optional<Trigger> entry_trigger(const Model& model, const RunState& state, int year, int plant);
// An entrant's decision keeps only its own route, and a candidate only when its margin (capex
// included) is positive; it never closes.
void restrict_to_entry(const Inputs& in, PlantDecision& decision);
// Start of year `year`: the national ledgers of what supplying entrants make (hydrogen,
// green hydrogen, each feedstock; entrants.csv `supplies`) hold, on top of their paths, the
// design output of every supplier granted or on site, from its start year to its exit
// (sim/entry.cpp; docs/ODD.md §7.20, "Suppliers").
void count_entrant_supply(const Model& model, RunState& state, int year);
// Share of each cluster's active plants whose route (or granted target) is of a kind.
[[nodiscard]] std::vector<std::array<double, kOptionKindCount>> cluster_peer_shares(const Model& model,
                                                                                   const RunState& state);
// What `plant` is and holds as it decides in `year` (its expected utilisation included).
[[nodiscard]] PlantSnapshot plant_snapshot(const Model& model, const RunState& state, int year, int plant);
// The year's shared view for a plant of a cluster whose peer shares are `peers`.
[[nodiscard]] AppraisalContext appraisal_context(const Model& model, const RunState& state, int year,
                                                 const std::array<double, kOptionKindCount>& peers,
                                                 bool record_appraisals);
// The taste draw (random utility per option kind) `plant` decides with in `year`.
[[nodiscard]] TasteDraw plant_taste(const Model& model, const RunState& state, std::uint64_t seed,
                                    std::uint64_t run, int plant, int year);
// `record_appraisals`: fill PlantDecision::appraisals for the event log.
[[nodiscard]] std::vector<PlantDecision> appraise_triggered(const Model& model, const RunState& state,
                                                            int year, std::uint64_t seed,
                                                            std::uint64_t run, bool record_appraisals = true);
// `events`: the result whose event log the decisions go to; nullptr keeps no log.
void allocate(const Model& model, RunState& state, int year, std::uint64_t seed, std::uint64_t run,
              std::vector<PlantDecision>& decisions, RunResult* events);
void learn_and_age(const Model& model, RunState& state);
void record_aggregates(const Model& model, RunState& state, int year, RunResult& result);

}  // namespace eiisim
