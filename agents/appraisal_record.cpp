#include "appraisal_record.hpp"

#include <algorithm>
#include <limits>

namespace eiisim {

UtilityParts utility_parts(const Behaviour& behaviour, double margin_eur_per_t, double bias,
                           double price_ref_eur_per_t, double noise) {
    if (behaviour.deterministic) return {margin_eur_per_t, 0.0, 0.0};
    const double spread = behaviour.logit_scale * price_ref_eur_per_t;
    return {margin_eur_per_t / spread, -bias * price_ref_eur_per_t / spread + 0.0, noise};  // + 0.0: no "-0"
}

OptionAppraisal record_variant(const OptionBreakdown& option, const AidOffer* offer) {
    OptionAppraisal r;
    r.technology = option.technology;
    r.subsidised = offer != nullptr;
    r.instrument = static_cast<std::int8_t>(offer != nullptr ? offer->instrument : -1);
    r.cost_eur_per_t = offer != nullptr ? option.aided_cost_eur_per_t(*offer) : option.cost_eur_per_t();
    r.margin_eur_per_t = offer != nullptr ? option.aided_margin_eur_per_t(*offer) : option.margin_eur_per_t();
    r.subsidy_eur_per_t = offer != nullptr ? offer->subsidy_eur_per_t : 0.0;
    r.cost_terms_eur_per_t = option.cost.eur_per_t;
    if (offer != nullptr)  // the yearly payment, levelised over the route's lifetime
        r.cost_terms_eur_per_t[static_cast<std::size_t>(CostComponent::subsidy)] -= offer->subsidy_levelised_eur_per_t;
    r.energy_eur_per_t = option.cost.energy_eur_per_t;
    r.energy_part_eur_per_t = option.cost.energy_part_eur_per_t;
    r.investment_aid_eur_per_t = offer != nullptr ? -offer->investment_aid_eur_per_t : 0.0;
    r.risk_premium_eur_per_t = option.risk_premium_eur_per_t;
    r.revenue_eur_per_t = option.cost.revenue_eur_per_t;
    r.cbam_in_price_eur_per_t = option.cost.cbam_price_eur_per_t;
    r.green_premium_eur_per_t = option.cost.green_premium_eur_per_t;
    r.start_year = option.start_year;
    r.infeasible = option.infeasible;
    r.feasible = option.feasible();
    return r;
}

OptionAppraisal record_close(int technology) {
    OptionAppraisal r;
    r.technology = technology;
    return r;
}

void rank_records(const std::vector<Candidate>& ranked, std::vector<OptionAppraisal>& records) {
    for (OptionAppraisal& r : records) {
        const auto it = std::find_if(ranked.begin(), ranked.end(), [&](const Candidate& c) {
            return c.technology == r.technology && c.instrument == r.instrument;
        });
        r.rank = it == ranked.end() ? -1 : static_cast<int>(it - ranked.begin());
    }
    // Stable: the unranked keep their list order behind the ranked.
    std::stable_sort(records.begin(), records.end(), [](const OptionAppraisal& a, const OptionAppraisal& b) {
        const auto key = [](const OptionAppraisal& r) { return r.rank < 0 ? std::numeric_limits<int>::max() : r.rank; };
        return key(a) < key(b);
    });
}

}  // namespace eiisim
