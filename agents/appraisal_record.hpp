#pragma once
// The event log's row for one variant of an appraised option (core/run_result.hpp
// OptionAppraisal): its cost terms, revenue and margin from the engine's breakdown, the
// parts of its random utility, and its feasibility. Kept apart from the ranking so the
// log only copies what the choice used; runs that keep no log never call these.
#include <vector>

#include "appraisal.hpp"

namespace eiisim {

// The parts of a variant's random utility U = systematic + bias + random, as the ranking
// adds them (docs/ODD.md section 7.7): systematic = margin / (logit_scale x price_ref),
// bias = -strategic bias / logit_scale, random = the kind's draw. Deterministic mode
// ranks on the margin alone: systematic = margin, bias = random = 0.
struct UtilityParts {
    double systematic = 0;
    double bias = 0;
    double random = 0;
};
[[nodiscard]] UtilityParts utility_parts(const Behaviour& behaviour, double margin_eur_per_t, double bias,
                                         double price_ref_eur_per_t, double noise);

// The row of `option` (its subsidised twin under `offer` when not null), utility not yet set.
[[nodiscard]] OptionAppraisal record_variant(const OptionBreakdown& option, const AidOffer* offer);

// The close row: no cost, decided by the closure rule, never ranked.
[[nodiscard]] OptionAppraisal record_close(int technology);

// After the ranking: each row's place in `ranked` (-1 when not ranked), and the rows
// put in that order (the unranked after, in list order).
void rank_records(const std::vector<Candidate>& ranked, std::vector<OptionAppraisal>& records);

}  // namespace eiisim
