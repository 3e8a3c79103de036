#pragma once
// A route change decided outside the yearly appraisal and allocation: an observed project
// (history.csv, sim/history.cpp) or a support agreement (sim/agreements.cpp). The plant's
// own appraisal of the route prices it (capital, claims on scarce capacity, the contract of
// any aid); it is granted ahead of the year's allocation when its physical claims fit.
#include <optional>

#include "phases.hpp"

namespace eiisim {

// What `plant` would ask for and pay to run `technology` from `start_year`, appraised in
// `year` with `trigger`, and the aid attached to it. `aid`: nullopt applies the first
// applications instrument's offer, if any (an observed project took what was on offer);
// an AidOffer with instrument -1 attaches none; any other offer is attached as given.
struct CommittedRoute {
    OptionBreakdown appraisal;
    Candidate candidate;
    AidContract aid;  // of a subsidised candidate
};
[[nodiscard]] CommittedRoute committed_route(const Model& model, const RunState& state, int year, int plant,
                                             int technology, int start_year, Trigger trigger,
                                             const std::optional<AidOffer>& aid);
// The offer instrument `instrument` makes for the appraised route (agents/appraisal.hpp).
[[nodiscard]] AidOffer committed_offer(const Model& model, const RunState& state, int year, int plant,
                                       const OptionBreakdown& appraisal, int instrument);

// Whether the infrastructure the appraised route needs (a CO2 connection, the hydrogen
// backbone) reaches `plant` by `start_year`. A committed route waits for it; it does not
// wait for the catalogue's available_year, which a signed contract or an observed project
// has shown to be too late for this plant.
[[nodiscard]] bool infrastructure_reaches(const Model& model, int plant, const OptionBreakdown& appraisal,
                                          int start_year);

// Grants the route's candidate to `plant` in `year` when its physical claims (everything but the subsidy
// budget, booked unchecked) fit the ledgers, and logs it with `trigger`. False when they
// do not fit: the scenario has no room for it (yet).
bool grant_committed(const Model& model, RunState& state, int year, int plant, const CommittedRoute& route,
                     Trigger trigger, RunResult* events);

}  // namespace eiisim
