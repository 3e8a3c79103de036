#include "aid_contract.hpp"

#include <algorithm>
#include <cmath>

namespace eiisim {

double correction_eur_per_t(const AidContract& contract, const PriceView& prices) {
    double value = contract.avoided_t_per_t * prices.ets_eur_per_t;
    for (int c = 0; c < kCarrierCount; ++c)
        value += contract.energy_saving_gj_per_t[static_cast<std::size_t>(c)] *
                 prices.energy_eur_per_gj[static_cast<std::size_t>(c)];
    return value;
}

double payment_eur_per_t(const AidContract& contract, const PriceView& prices) {
    if (contract.max_payment_eur_per_t <= 0) return 0.0;
    const double correction = std::max(correction_eur_per_t(contract, prices), contract.correction_floor_eur_per_t);
    return std::clamp(contract.base_eur_per_t - correction, 0.0, contract.max_payment_eur_per_t);
}

void set_correction_terms(AidContract& contract, double payment, const PriceView& prices,
                          const InstrumentSpec& instrument) {
    const double correction = correction_eur_per_t(contract, prices);
    contract.payment_eur_per_t = payment;
    contract.base_eur_per_t = payment + correction;
    // SDE++ pays at most base minus the floor ("basisprijs", two thirds of the long-run
    // price); a correction that is a cost (a route using dearer energy) is floored the same
    // distance below it.
    contract.correction_floor_eur_per_t = correction - (1.0 - instrument.correction_floor_share) * std::abs(correction);
    const double cap = instrument.max_eur_per_tco2 * contract.avoided_t_per_t;
    contract.max_payment_eur_per_t =
        std::max(payment, std::min(cap, contract.base_eur_per_t - contract.correction_floor_eur_per_t));
    contract.years = instrument.contract_years;
}

}  // namespace eiisim
