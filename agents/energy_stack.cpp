#include "energy_stack.hpp"

#include <algorithm>

namespace eiisim {
namespace {

constexpr double kGjPerMwh = 3.6;
constexpr double kHoursPerYear = 8760.0;

std::size_t at(Carrier c) { return static_cast<std::size_t>(c); }
double& part(EnergyBill& bill, EnergyPart p) { return bill.part_eur_per_t[static_cast<std::size_t>(p)]; }

// Energy tax per t: electricity unless its processes are exempt; natural gas and biomethane
// burnt (feedstock, non-energy use, is outside the tax: Wbm art. 64), unless exempt.
void add_energy_tax(EnergyBill& bill, const PlantBaseline& base, const EnergyGj& gj, const PriceView& prices,
                    double production_t) {
    const double electricity = gj[at(Carrier::electricity)];
    if (!base.electricity_tax_exempt && electricity > 0) {
        const double tax = electricity * average_bracket_rate(electricity * production_t,
                                                              prices.electricity_tax_eur_per_gj,
                                                              kElectricityBracketUpperGj);
        bill.by_carrier_eur_per_t[at(Carrier::electricity)] += tax;
        part(bill, EnergyPart::energy_tax) += tax;
    }
    const double gas = gj[at(Carrier::gas)] + gj[at(Carrier::biomethane)];
    const double burnt = base.gas_tax_exempt ? 0.0 : std::max(0.0, gas - base.gas_feedstock_gj_per_t);
    if (burnt <= 0) return;
    const double tax = burnt * average_bracket_rate(burnt * production_t, prices.gas_tax_eur_per_gj, kGasBracketUpperGj);
    for (const Carrier c : {Carrier::gas, Carrier::biomethane})
        bill.by_carrier_eur_per_t[at(c)] += tax * gj[at(c)] / gas;
    part(bill, EnergyPart::energy_tax) += tax;
}

}  // namespace

double bracket_tax_eur(double volume_gj, const std::array<double, kTaxBracketCount>& rates_eur_per_gj,
                       const std::array<double, kTaxBracketCount - 1>& upper_gj) {
    double tax = 0;
    double lower = 0;
    for (std::size_t b = 0; b < rates_eur_per_gj.size(); ++b) {
        const double upper = b < upper_gj.size() ? upper_gj[b] : volume_gj;
        tax += rates_eur_per_gj[b] * std::clamp(volume_gj - lower, 0.0, std::max(0.0, upper - lower));
        lower = upper;
    }
    return tax;
}

double average_bracket_rate(double volume_gj, const std::array<double, kTaxBracketCount>& rates_eur_per_gj,
                            const std::array<double, kTaxBracketCount - 1>& upper_gj) {
    if (volume_gj <= 0) return rates_eur_per_gj[0];
    return bracket_tax_eur(volume_gj, rates_eur_per_gj, upper_gj) / volume_gj;
}

ConnectionLevel connection_level(double electricity_gj_per_year, double ehv_min_mw, double hv_min_mw) {
    const double average_mw = electricity_gj_per_year / kGjPerMwh / kHoursPerYear;
    if (average_mw >= ehv_min_mw) return ConnectionLevel::ehv;
    if (average_mw >= hv_min_mw) return ConnectionLevel::hv;
    return ConnectionLevel::regional;
}

double ikc_full_eur_per_gj(const PriceView& prices) {
    return prices.ikc_aid_intensity * prices.ikc_emission_factor_t_per_mwh * prices.ets_eur_per_t *
           prices.ikc_benchmark_share / kGjPerMwh;
}

EnergyBill commodity_bill(const EnergyGj& gj_per_t, const EnergyGj& eur_per_gj) {
    EnergyBill bill;
    for (std::size_t c = 0; c < kCarrierCount; ++c) {
        bill.by_carrier_eur_per_t[c] = gj_per_t[c] * eur_per_gj[c];
        part(bill, EnergyPart::commodity) += bill.by_carrier_eur_per_t[c];
    }
    return bill;
}

EnergyBill dutch_energy_bill(const PlantBaseline& base, const EnergyGj& gj_per_t, const PriceView& prices,
                             double production_t, double ikc_pro_rata) {
    EnergyBill bill = commodity_bill(gj_per_t, prices.energy_eur_per_gj);
    const double electricity = gj_per_t[at(Carrier::electricity)];
    // A route whose load outgrows the base-year connection (an electrified gas-fired plant)
    // connects at the level its load needs: the higher voltage of the two (docs/ODD.md §7.4).
    const ConnectionLevel needed = connection_level(electricity * production_t, prices.ehv_min_mw, prices.hv_min_mw);
    const ConnectionLevel level = std::min(base.connection_level, needed);
    const double grid = electricity * prices.network_tariff_eur_per_gj[static_cast<std::size_t>(level)];
    bill.by_carrier_eur_per_t[at(Carrier::electricity)] += grid;
    part(bill, EnergyPart::network) += grid;
    for (const Carrier c : {Carrier::gas, Carrier::biomethane}) {
        const double pipe = gj_per_t[at(c)] * prices.gas_network_tariff_eur_per_gj;
        bill.by_carrier_eur_per_t[at(c)] += pipe;
        part(bill, EnergyPart::network) += pipe;
    }
    add_energy_tax(bill, base, gj_per_t, prices, production_t);
    const double ikc = ikc_eligible(base, prices) ? -electricity * ikc_full_eur_per_gj(prices) * ikc_pro_rata : 0.0;
    const double other = -electricity * prices.electricity_compensation_eur_per_gj;
    bill.by_carrier_eur_per_t[at(Carrier::electricity)] += ikc + other;
    part(bill, EnergyPart::ikc) += ikc;
    part(bill, EnergyPart::other_compensation) += other;
    return bill;
}

}  // namespace eiisim
