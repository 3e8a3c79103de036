#include "permit_stage.hpp"

#include "agents/permit_terms.hpp"
#include "phases.hpp"

namespace eiisim {

PermitOutcome draw_permit(int permit_y, bool nitrogen_sensitive, const Behaviour& behaviour, RandomStream& stream) {
    PermitOutcome out;
    out.permit_y = permit_y;
    if (permit_y <= 0) return out;
    const double delay_p =
        nitrogen_sensitive ? behaviour.nitrogen_permit_delay_probability : behaviour.permit_delay_probability;
    const double fail_p =
        nitrogen_sensitive ? behaviour.nitrogen_permit_failure_probability : behaviour.permit_failure_probability;
    // The failure draw comes first, so a delay probability never changes which permits fail.
    out.refused = stream.uniform() < fail_p;
    while (out.delay_y < behaviour.permit_max_delay_y && stream.uniform() < delay_p) ++out.delay_y;
    return out;
}

PermitOutcome grant_after_permit(const Model& model, RunState& state, std::size_t plant, const Candidate& c,
                                 int year, std::uint64_t seed, std::uint64_t run, const AidContract* aid) {
    const Inputs& in = model.inputs;
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(c.technology)];
    const int permit_y = permit_years(tech, c.capex_eur, in.scenario.behaviour);
    RandomStream stream(seed, run, plant, static_cast<std::uint64_t>(year), Purpose::permit);
    const PermitOutcome outcome = draw_permit(permit_y, tech.nitrogen_sensitive, in.scenario.behaviour, stream);
    Candidate timed = c;
    timed.start_year += outcome.delay_y;
    grant_conversion(model, state, plant, timed, year, aid);
    if (outcome.refused) state.permit_fails_year[plant] = year + outcome.permit_y + outcome.delay_y;
    return outcome;
}

void refuse_permits(const Model& model, RunState& state, int year, RunResult* events) {
    for (std::size_t p = 0; p < state.permit_fails_year.size(); ++p) {
        if (state.permit_fails_year[p] != year) continue;
        state.permit_fails_year[p] = kNoPermitFailure;
        if (state.status[p] != PlantStatus::converting || state.target_technology[p] < 0) continue;
        cancel_pending_conversion(model, state, static_cast<int>(p));
        // Back at its decision: it decides again this year (the trigger waits if history
        // still holds the year, sim/appraise_triggered.cpp).
        state.waiting[p] = 1;
        state.waiting_trigger[p] = Trigger::permit_refused;
        if (events == nullptr) continue;
        DecisionEvent event;
        event.year = year;
        event.plant = static_cast<int>(p);
        event.from_technology = state.technology[p];
        event.to_technology = state.technology[p];
        event.trigger = Trigger::permit_refused;
        event.running_from_year = year;
        events->events.push_back(std::move(event));
    }
}

}  // namespace eiisim
