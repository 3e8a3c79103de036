#pragma once
// The green quota per sector (docs/ODD.md §7.16): a required green share of domestic
// demand whose premium clears once a year. At the end of year y the quota of each sector
// with one is cleared against the green tonnes its plants made that year; the cleared
// premium is added to the sector's green premium in year y+1's actual and expected price
// views (RunState::year_actual / year_expected), which accounts and appraisals use.
#include <vector>

#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// One sector's clearing (docs/ODD.md §7.16). R = q D (required green t, capped by the
// demand D) against the offers of its green producers, each the green t its routes in
// force made this year at the premium per green t it needs to break even (0 for a plant
// that earns its costs without the quota). Short (G < R): no more green tonnes can be made
// within the year, so the premium rises to the cap, the buy-out. Long: the offers clear in
// merit order and the premium is the reservation of the marginal tonne needed, at most
// the cap (0 when the needed tonnes break even without it). Only the tonnes needed are
// paid: each green t earns premium x min(1, R / G).
struct GreenOffer {
    double green_t = 0;
    double reservation_eur_per_t = 0;
};
struct QuotaClearing {
    double required_t = 0;
    double offered_t = 0;
    double premium_eur_per_t = 0;       // per green t needed
    double paid_eur_per_green_t = 0;    // premium x min(1, R / G)
};
[[nodiscard]] QuotaClearing clear_quota(double share, double demand_t, std::vector<GreenOffer> offers,
                                        double cap_eur_per_t);

// Whether any sector of the scenario has a green quota.
[[nodiscard]] bool has_green_quota(const Model& model);

// The actual and expected price views of `year` with the quotas' premiums cleared for it
// added (the model's own views when there is no quota).
[[nodiscard]] const PriceView& actual_view(const Model& model, const RunState& state, int year);
[[nodiscard]] const PriceView& expected_view(const Model& model, const RunState& state, int year);
// Start of the year: copies the model's views of `year` and adds the cleared premiums.
void prepare_quota_views(const Model& model, RunState& state, int year);
// End of the year (serial): clears every sector's quota on this year's green tonnes for
// next year, and records the national quota series of this year.
void clear_green_quotas(const Model& model, RunState& state, int year, RunResult& result);

}  // namespace eiisim
