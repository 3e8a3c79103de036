#pragma once
// The permit stage of large conversions (docs/ODD.md §7.9 "Permit stage"). A conversion of
// a kind with a row in permits.csv and an investment of at least
// behaviour.permit_min_capex_eur waits for its permit (its nominal permit_y, plus delays)
// before its build lead time starts; the permit can be refused, and then the granted
// conversion is withdrawn and the plant decides again. How the stage turns out is drawn
// once, at the grant, from the plant's Purpose::permit stream of the decision year, so it
// does not depend on threads or on other plants' draws.
#include <cstdint>

#include "agents/appraisal.hpp"
#include "core/inputs.hpp"
#include "core/random_stream.hpp"
#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

struct PermitOutcome {
    int permit_y = 0;   // nominal years of the stage (0: no permit stage)
    int delay_y = 0;    // years it ran on
    bool refused = false;
};

// How the permit stage of a conversion with `permit_y` nominal years turns out: after the
// nominal years, and after each year it ran on, it runs on another year with the delay
// probability (at most permit_max_delay_y); at its end the permit is refused with the failure
// probability (drawn first, so the delay probability never changes which permits fail). Nitrogen-sensitive routes use the nitrogen probabilities. No draw when
// permit_y is 0.
[[nodiscard]] PermitOutcome draw_permit(int permit_y, bool nitrogen_sensitive, const Behaviour& behaviour,
                                        RandomStream& stream);

// Grants candidate `c` to `plant` decided in `year` (allocation.cpp) through its permit
// stage: the route starts `delay_y` later than appraised, and a refused permit is booked for
// the end of the stage. Returns the outcome.
PermitOutcome grant_after_permit(const Model& model, RunState& state, std::size_t plant, const Candidate& c,
                                 int year, std::uint64_t seed, std::uint64_t run, const AidContract* aid);

// Phase 5, before the year's transitions: withdraws every granted conversion whose permit is
// refused in `year` (its reservations go back, the route in force keeps running), logs it
// with trigger permit_refused, and has the plant decide again this year.
void refuse_permits(const Model& model, RunState& state, int year, RunResult* events);

}  // namespace eiisim
