#pragma once
// The dataset's support agreements in a run (docs/ODD.md §7.15): how each turns out (drawn
// once per run from the scenario's [agreements] probabilities), and phase 1c, in which an
// agreement that is binding commits its plants to their agreed routes with its aid,
// reserving their scarce capacity ahead of the year's allocation.
#include <cstdint>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct Model;
struct RunState;
struct RunResult;

// When an agreement is binding in a run and when its routes start; binding_year 0: never
// (stopped talks, or a letter of intent that failed in this run).
struct AgreementOutcome {
    int binding_year = 0;
    int start_year = 0;
    AgreementFate fate = AgreementFate::stopped;
};

// The outcome of agreement `index`: binding agreements as agreed; an EoP or JLoI binding
// on time, late, or never, from one uniform draw of its own stream, unless the scenario
// fixes its fate ([agreements.fixed]).
[[nodiscard]] AgreementOutcome draw_agreement_outcome(const AgreementSpec& agreement, const AgreementOutcomes& odds,
                                                      std::uint64_t seed, std::uint64_t run, std::size_t index);

// The first year the units of a joint letter of intent decide freely again (docs/ODD.md
// §7.15): the year it binds (on time or late), or, when it fails, the year it would have
// bound on time; 0 for every other stage (no hold).
[[nodiscard]] int negotiation_end_year(const AgreementSpec& agreement, const AgreementOutcome& outcome,
                                       const AgreementOutcomes& odds);

// Phase 1c, after the year's transitions and history: the units of every agreement that is
// binding by `year` and not yet committed are granted their agreed route, starting in the
// agreed year (at the earliest the next), when their physical claims fit; a unit that does
// not fit waits for the next year. The aid (a share of the agreement's ceiling by the
// units' investment) is booked on the agreement's instrument.
void apply_agreements(const Model& model, RunState& state, int year, RunResult* events);

}  // namespace eiisim
