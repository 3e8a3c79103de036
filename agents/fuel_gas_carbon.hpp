#pragma once
// The fuel-gas carbon rule (docs/ODD.md §7.10). A supplier's route that makes process gas
// (fuel_gas_coupling.hpp: keep or ccs) makes a fixed amount per t of its product
// (PlantBaseline::process_gas_made_*). What its fuel-gas buyers burn is booked at the
// buyers, as their own fuel; the rest is flared at the supplier (the ETS monitoring rules
// book a flare at the installation that flares) and booked there. So the gas's carbon is
// emitted somewhere as long as the supplier makes it, and the supplier's costs (ETS, levy)
// see the CO2 of the gas nobody takes.
#include <algorithm>

#include "plant_baseline.hpp"
#include "route_profile.hpp"

namespace eiisim {

// An amount of process gas: its energy and the CO2 it gives when burnt (per year, or per t
// of the supplier's product); of that CO2, what the burner emits (not captured).
struct ProcessGas {
    double gj = 0;
    double co2_t = 0;
    double co2_emitted_t = 0;
};

// Per t of the supplier's product, the gas its route makes beyond what its buyers burnt
// (`burnt`, per year). Buyers burning more than is made (the supplier curtailed while they
// run) leave nothing to flare: the shortfall stands for fuel they buy, booked at the buyers.
[[nodiscard]] inline ProcessGas unburnt_per_t(const PlantBaseline& base, double production, const ProcessGas& burnt) {
    if (production <= 0) return {};
    return {std::max(0.0, base.process_gas_made_gj_per_t - burnt.gj / production),
            std::max(0.0, base.process_gas_made_co2_t_per_t - burnt.co2_t / production)};
}

// Adds the flared gas (per t) to the supplier's profile. A flare has no capture: on a ccs
// route the flared CO2 is emitted (gross and net, not captured). Its energy is other fuel:
// the supplier's other fuel is net of the gas it sells (tools/midden/energy.py), so the
// fuel it bought to make gas nobody takes comes back, at the other-fuel price: the value of
// the gas sales it lost.
inline void flare_process_gas(RouteProfile& profile, const ProcessGas& flared_per_t) {
    profile.co2_gross_t_per_t += flared_per_t.co2_t;
    profile.energy_gj_per_t[static_cast<int>(Carrier::other_fuel)] += flared_per_t.gj;
}

// Who pays for the gas's carbon. The gas is a by-product of the supplier's route, whose CO2
// is emitted whether a buyer burns it or the supplier flares it: closing a buyer saves no
// allowance, so the allowances are the maker's cost either way. Tata Steel owns the Velsen
// and IJmond plants from 1 January 2026 and decides for the site; the EU ETS benchmarks
// allocate for the waste gas to its maker (the hot-metal benchmark includes it). The
// emissions stay booked where the gas burns; only who buys the allowances moves.

// A buyer's process-gas CO2 emitted per t of its product: its other fuel (the gas) at the
// gas's CO2 per GJ, less the share its route captures.
[[nodiscard]] inline double process_gas_emitted_per_t(const RouteProfile& buyer, const PlantBaseline& base) {
    if (base.process_gas_co2_t_per_gj <= 0 || buyer.co2_gross_t_per_t <= 0) return 0.0;
    const double emitted_share = buyer.co2_net_t_per_t() / buyer.co2_gross_t_per_t;
    return buyer.energy_gj_per_t[static_cast<int>(Carrier::other_fuel)] * base.process_gas_co2_t_per_gj * emitted_share;
}

// A buyer pays no allowances for the process gas it burns: its maker does.
inline void leave_gas_carbon_to_maker(RouteProfile& buyer, const PlantBaseline& base) {
    buyer.co2_paid_for_others_t_per_t -= process_gas_emitted_per_t(buyer, base);
}

// The maker pays for the CO2 its buyers emit from its gas (`emitted_per_t`, per t of its
// own product), on top of what it flares itself.
inline void pay_for_buyers_gas_carbon(RouteProfile& supplier, double emitted_per_t) {
    supplier.co2_paid_for_others_t_per_t += emitted_per_t;
}

}  // namespace eiisim
