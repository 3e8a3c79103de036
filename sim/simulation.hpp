#pragma once
// One run of the model from the base year to the end year. The step runs in fixed,
// documented phases each year (docs/ODD.md, "Process overview and scheduling"):
//   1. transitions  conversions, relocations and closures due this year take effect;
//                   exits shock their value-chain neighbours
//   2. accounts     every plant produces on its route: energy, emissions, costs, margin
//   3. appraisal    plants with a trigger appraise their options, in parallel
//   4. allocation   scarce capacity and subsidy granted serially in priority order
//   5. learning     capex of adopted technologies falls; assets age
// Results depend only on (model, seed, run), never on the number of threads.
#include <cstdint>
#include <functional>

#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// What a run keeps. The model's behaviour is the same at every level; only what is
// stored differs.
//   full        the plant panel for every year and the event log with every option
//               appraised (`eiisim run`, sweeps with --save plants)
//   aggregates  cluster and national series only: the plant panel arrays hold just the
//               year being simulated (the aggregates are summed from it) and no event
//               log is kept; RunState::refused_in_year carries what KPIs need from it.
//               Sweeps that save no plant results run like this: zeroing and paging in
//               1.3 MB of panel per run and building the event log were about a tenth of
//               a KPI-only sweep's time, and the page faults limited two-thread scaling.
enum class RecordLevel : std::uint8_t { full, aggregates };

// Buffers one thread reuses from run to run, so a sweep allocates them once per thread.
struct RunWorkspace {
    RunResult result;
    RunState state;
};

[[nodiscard]] RunResult simulate(const Model& model, std::uint64_t seed, std::uint64_t run = 0);

// Called every year between phases 2 and 3 with the state that year's appraisals read
// (`eiisim appraise` looks at one plant there). It observes; it cannot change the run.
using BeforeAppraisal = std::function<void(int year, const RunState& state)>;

// The same run into `workspace` (result and final state), at the given record level.
// At RecordLevel::full, workspace.result equals what simulate returns.
void simulate_into(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level,
                   RunWorkspace& workspace, const BeforeAppraisal& before_appraisal = {});

// simulate_into in two steps, for scenario branches (sim/branch.hpp), which simulate the
// shared years once and continue copies of the workspace under other scenarios:
// start_run sizes the result and sets the initial state; simulate_years then runs the
// years first_year..last_year (inclusive) of the run. start_run followed by
// simulate_years over every year is simulate_into. Every random draw is keyed by (seed,
// run, plant, year, purpose), so splitting the years changes nothing.
void start_run(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level, RunWorkspace& workspace);
void simulate_years(const Model& model, std::uint64_t seed, std::uint64_t run, RecordLevel level,
                    RunWorkspace& workspace, int first_year, int last_year,
                    const BeforeAppraisal& before_appraisal = {});

}  // namespace eiisim
