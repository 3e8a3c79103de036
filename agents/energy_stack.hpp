#pragma once
// The Dutch electricity and gas cost stack of one plant (docs/ODD.md §7.4, "Energy cost
// stack"): commodity prices, the network tariff of its connection level, energy tax by
// bracket of its yearly use, less indirect cost compensation (IKC) and any other
// compensation a scenario sets. Split by EnergyPart for the accounts and the appraisals.
#include <array>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "plant_baseline.hpp"
#include "price_view.hpp"

namespace eiisim {

// Upper bounds of the first three energy-tax brackets, GJ a year (Wet belastingen op
// milieugrondslag art. 59 lid 1): electricity 10,000 / 50,000 / 10 million kWh; natural gas
// 170,000 / 1 million / 10 million m3 of 35.17 MJ GCV (art. 1), 0.901 of it NCV.
inline constexpr double kGjNcvPerTaxM3 = 0.03517 * 0.901;
inline constexpr std::array<double, kTaxBracketCount - 1> kElectricityBracketUpperGj = {36.0, 180.0, 36000.0};
inline constexpr std::array<double, kTaxBracketCount - 1> kGasBracketUpperGj = {
    170e3 * kGjNcvPerTaxM3, 1e6 * kGjNcvPerTaxM3, 1e7 * kGjNcvPerTaxM3};

// Tax on a yearly volume under nested brackets: each rate applies to the part of the
// volume that falls inside its bracket (the last bracket is open).
[[nodiscard]] double bracket_tax_eur(double volume_gj, const std::array<double, kTaxBracketCount>& rates_eur_per_gj,
                                     const std::array<double, kTaxBracketCount - 1>& upper_gj);

// The average rate per GJ of that tax; at zero volume the first bracket's rate.
[[nodiscard]] double average_bracket_rate(double volume_gj, const std::array<double, kTaxBracketCount>& rates_eur_per_gj,
                                          const std::array<double, kTaxBracketCount - 1>& upper_gj);

// The grid a plant is connected to, from its base-year electricity use (GJ a year) as an
// average load: at least `ehv_min_mw` on 220/380 kV, at least `hv_min_mw` on 110/150 kV,
// else the regional grid.
[[nodiscard]] ConnectionLevel connection_level(double electricity_gj_per_year, double ehv_min_mw, double hv_min_mw);

// IKC per GJ of electricity an eligible plant uses, before the budget's pro-rata cut:
// aid intensity x CO2 emission factor x EUA price x benchmark share (per MWh, / 3.6).
[[nodiscard]] double ikc_full_eur_per_gj(const PriceView& prices);

// The share of every full IKC claim a budget pays: all of it when the claims fit, else the
// budget over the claims (the same cut for every claimant).
[[nodiscard]] inline double ikc_pro_rata(double budget_eur, double claims_eur) {
    return claims_eur > budget_eur ? budget_eur / claims_eur : 1.0;
}

// Whether the plant's sector may claim IKC in the price view's year.
[[nodiscard]] inline bool ikc_eligible(const PlantBaseline& base, const PriceView& prices) {
    return prices.year >= base.ikc_eligible_from;
}

struct EnergyBill {
    EnergyGj by_carrier_eur_per_t{};                       // all-in, by carrier
    std::array<double, kEnergyPartCount> part_eur_per_t{};  // the same total by EnergyPart
};

// The energy cost per t of a plant using `gj_per_t` at `production_t` a year (the brackets
// see its yearly volume), with IKC cut to `ikc_pro_rata` of the full claim.
[[nodiscard]] EnergyBill dutch_energy_bill(const PlantBaseline& base, const EnergyGj& gj_per_t,
                                           const PriceView& prices, double production_t, double ikc_pro_rata);

// The energy cost per t abroad or wherever only commodity prices apply: all commodity.
[[nodiscard]] EnergyBill commodity_bill(const EnergyGj& gj_per_t, const EnergyGj& eur_per_gj);

}  // namespace eiisim
