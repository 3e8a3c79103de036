#pragma once
// The terms of public support for one route (docs/ODD.md §7.14): an operating subsidy of
// the SDE++ kind, paid per t of product for a contract period as the base amount less a
// correction amount that follows the year's ETS and energy prices down to a floor, or a
// one-off investment grant. An option's subsidised twin carries them (Candidate), a granted
// conversion books them, and the accounts pay them year by year.
#include <limits>

#include "core/inputs.hpp"
#include "price_view.hpp"

namespace eiisim {

struct AidContract {
    int instrument = -1;               // index into Policy::instruments; -1: no support
    // operating (EUR per t of product): the payment the award expects, the base amount,
    // the floor of the correction amount, and the cap on a year's payment
    double payment_eur_per_t = 0;
    double base_eur_per_t = 0;
    double correction_floor_eur_per_t = 0;
    double max_payment_eur_per_t = 0;
    int years = 0;                     // operating payments run this many years from the start
    // What the correction values: t CO2 avoided and GJ of each carrier saved per t of
    // product (keep route minus this route; negative for a carrier the route uses more of).
    // Also the avoided tonnes the instrument's public cost is counted against.
    double avoided_t_per_t = 0;
    EnergyGj energy_saving_gj_per_t{};
    double investment_aid_eur = 0;     // investment: paid when the route starts
    double committed_eur = 0;          // drawn from the instrument's budget at the award
    // An agreement's aid ceiling: the payments over the contract stop there.
    double cap_eur = std::numeric_limits<double>::infinity();

    [[nodiscard]] bool supported() const { return instrument >= 0; }
};

// The market value the route earns per t of product at `prices`: its avoided CO2 at the ETS
// price and its energy saving (SDE++ "correctiebedrag").
[[nodiscard]] double correction_eur_per_t(const AidContract& contract, const PriceView& prices);

// The operating payment per t in a year at `prices`: base amount less the correction
// amount (never below its floor), between 0 and the cap. 0 for investment aid.
[[nodiscard]] double payment_eur_per_t(const AidContract& contract, const PriceView& prices);

// Sets the correction terms of an operating award whose expected payment is `payment`
// per t, at the award's expected `prices`: base = payment + correction, the correction's
// floor at `floor_share` of it (mirrored below zero), the yearly cap at the instrument's
// intensity cap per t avoided (and never below the expected payment).
void set_correction_terms(AidContract& contract, double payment, const PriceView& prices,
                          const InstrumentSpec& instrument);

}  // namespace eiisim
