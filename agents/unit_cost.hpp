#pragma once
// Cost and revenue of one tonne of product on a route, by component (the same
// components as the yearly accounts). Used with actual prices for the year's accounts
// and with expected prices for the levelised cost of an option.
#include <array>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "plant_baseline.hpp"
#include "price_view.hpp"
#include "route_profile.hpp"

namespace eiisim {

struct UnitCost {
    std::array<double, kCostComponentCount> eur_per_t{};
    double revenue_eur_per_t = 0;
    // How some of the figures above came about, for `eiisim appraise`. Only the
    // components and the revenue count; these details are not added to anything.
    EnergyGj energy_eur_per_t{};          // the energy component by carrier
    std::array<double, kEnergyPartCount> energy_part_eur_per_t{};  // ... by EnergyPart (energy_stack.hpp)
    double free_allocation_t_per_t = 0;   // ETS allowances received free per t (at home)
    double levy_liable_t_per_t = 0;       // net emissions above the levy dispensation (at home)
    double cbam_price_eur_per_t = 0;      // CBAM's uplift of the product price, in the revenue
    double green_premium_eur_per_t = 0;   // green premium, in the revenue
    int neighbour = -1;                   // relocate_eu: where it produces (kNeighbourNames), else -1

    [[nodiscard]] double total() const {
        double sum = 0;
        for (double c : eur_per_t) sum += c;
        return sum;
    }
    [[nodiscard]] double margin() const { return revenue_eur_per_t - total(); }
    double& operator[](CostComponent c) { return eur_per_t[static_cast<std::size_t>(c)]; }
    double operator[](CostComponent c) const { return eur_per_t[static_cast<std::size_t>(c)]; }
};

// Plant- and decision-specific terms that are not part of the route profile.
struct CostTerms {
    double capex_eur_per_t_yr = 0;     // 0 when the route's capex is sunk
    double lifetime_y = 25;
    double hurdle_rate = 0.1;
    double fixed_opex_eur_per_t_yr = 0;
    double var_opex_eur_per_t = 0;
    double utilisation = 1;            // production / capacity
    double stranded_eur_per_t = 0;
    double value_chain_eur_per_t = 0;
    // Alternative feed's premium over fossil feed and the mandate's buy-out (docs/ODD.md §7.18)
    double feedstock_eur_per_t = 0;
    double subsidy_eur_per_t = 0;      // operating subsidy received
    double export_share = 0;           // share of output sold abroad at a discount
    double export_discount = 0;
    // Free allowances per t when the year's allocation is already fixed (the accounts: the
    // EU activity-level rule, sim/free_allocation.hpp); < 0: the benchmark rule per t made
    // (appraisals and the curtailment decision: in the long run allocation follows activity).
    double free_allocation_t_per_t = -1;
    // The yearly output the energy-tax brackets see (route_terms: capacity x utilisation),
    // and the share of its full IKC claim the budget pays (docs/ODD.md §7.4).
    double production_t = 0;
    double ikc_pro_rata = 1;
    // false: the site is not Dutch (an intra-EU relocation's neighbour): its all-in energy
    // prices carry their own network, taxes and compensation, so the Dutch stack is left out.
    bool dutch_energy_stack = true;
};

// The terms of running `tech` at `plant` that every cost calculation shares: capital
// (per t/yr of capacity) annualised over `lifetime_y` at the plant's hurdle rate, the
// route's opex, and the utilisation. Callers add the decision- or year-specific rest.
[[nodiscard]] CostTerms route_terms(const TechnologySpec& tech, const PlantSpec& plant,
                                    double capex_eur_per_t_yr, double lifetime_y, double utilisation);

// Capital recovery factor: the annuity per EUR invested at `rate` over `years`.
[[nodiscard]] double capital_recovery_factor(double rate, double years);

// The share of the benchmark allocated free in the year: the CBAM phase-out factor for
// CBAM goods, the other sectors' path for the rest.
[[nodiscard]] double free_allocation_factor_of(const SectorSpec& sector, const PriceView& prices);

// Free allowances per t made before the activity-level rule: the benchmark of each
// allocation period times the part of that factor falling in it (agents/benchmark_period.hpp).
[[nodiscard]] double benchmark_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                                  const PriceView& prices);
// Whether its benchmark has a combustion part (a fallback with combustion CO2): only then
// does electrified heat change its allocation.
[[nodiscard]] inline bool has_combustion_benchmark(const PlantBaseline& base) {
    return base.combustion_benchmark_2021_t_per_t > 0 || base.combustion_benchmark_2026_t_per_t > 0;
}
// Of those, the combustion part of a fallback benchmark (0 for a product benchmark).
[[nodiscard]] double combustion_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                                   const PriceView& prices);
// Free allowances per t made on `profile` before the activity-level rule. Allocation of a
// sub-installation follows its activity level (Delegated Regulation (EU) 2019/331 Art. 16,
// Implementing Regulation (EU) 2019/1842): the imported share of the benchmarked step is not
// made here and earns nothing, and a fallback's combustion part whose heat is made
// electrically is no fuel combustion (docs/ODD.md §7.4 "Electrified heat").
[[nodiscard]] double route_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                              const RouteProfile& profile, const PriceView& prices);

// Producing in the Netherlands on `profile`.
[[nodiscard]] UnitCost domestic_unit_cost(const PlantBaseline& base, const SectorSpec& sector,
                                          const RouteProfile& profile, const PriceView& prices,
                                          const CostTerms& terms);

// CBAM paid per t of a covered good made abroad with `profile`'s emissions and imported:
// the carbon price on embedded emissions net of the benchmark free allocation EU
// producers still receive (Regulation (EU) 2023/956 Art. 31); 0 before CBAM applies.
[[nodiscard]] double cbam_obligation_eur_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                               const RouteProfile& profile, const PriceView& prices);

// The feed mandate's compliance cost per t that the EU price carries on the share of the
// sector's output sold in the EU (docs/ODD.md §7.18, "Price"); 0 without pass-through.
[[nodiscard]] double eu_feed_mandate_cost_eur_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                                    const PriceView& prices);

// Producing abroad on the keep route and shipping back: foreign gas and electricity,
// no EU ETS or national levy but CBAM on covered products, the sector's foreign
// non-energy cost factor, transport, the integration benefit lost at home, and an EU-wide
// feed mandate's compliance cost on what it sells in the EU.
[[nodiscard]] UnitCost abroad_unit_cost(const PlantBaseline& base, const SectorSpec& sector,
                                        const RouteProfile& keep_profile, const PriceView& prices,
                                        const CostTerms& terms);

}  // namespace eiisim
