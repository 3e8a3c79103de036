#include "unit_cost.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

#include "benchmark_period.hpp"
#include "energy_stack.hpp"

namespace eiisim {

double capital_recovery_factor(double rate, double years) {
    if (years <= 0) return 1.0;
    if (rate <= 0) return 1.0 / years;
    // std::pow was the largest single cost of a sweep (every plant-year's accounts and
    // every option appraised call this), yet only a few hundred (rate, years) pairs
    // occur: plants' hurdle rates times route lifetimes and the horizon. A small
    // direct-mapped memo per thread returns the very value pow gave the first time, so
    // results are unchanged. Slots start at rate 0, which never reaches this point.
    struct Memo {
        double rate = 0, years = 0, value = 0;
    };
    constexpr int kBits = 10;
    thread_local std::array<Memo, std::size_t{1} << kBits> memo{};
    const auto key = std::bit_cast<std::uint64_t>(rate) * 0x9E3779B97F4A7C15ULL ^
                     std::bit_cast<std::uint64_t>(years);
    Memo& slot = memo[(key * 0xC2B2AE3D27D4EB4FULL) >> (64 - kBits)];
    if (slot.rate == rate && slot.years == years) return slot.value;
    slot = {rate, years, rate / (1.0 - std::pow(1.0 + rate, -years))};
    return slot.value;
}

CostTerms route_terms(const TechnologySpec& tech, const PlantSpec& plant, double capex_eur_per_t_yr,
                      double lifetime_y, double utilisation) {
    CostTerms terms;
    terms.capex_eur_per_t_yr = capex_eur_per_t_yr;
    terms.lifetime_y = lifetime_y;
    terms.hurdle_rate = plant.hurdle_rate;
    terms.fixed_opex_eur_per_t_yr = tech.fixed_opex_eur_per_t_yr;
    terms.var_opex_eur_per_t = tech.var_opex_eur_per_t;
    terms.utilisation = utilisation;
    terms.production_t = plant.capacity_t * utilisation;
    return terms;
}

// A feed mandate that binds every supplier to the EU market binds production abroad sold
// here too: its compliance cost on the share sold in the EU (docs/ODD.md §7.18, "Price").
double eu_feed_mandate_cost_eur_per_t(const PlantBaseline& base, const SectorSpec& sector, const PriceView& prices) {
    return prices.feed_mandate_uplift(base.sector) * (1.0 - sector.extra_eu_export_share);
}

namespace {

// What a feedstock supplier earns per t of product (docs/ODD.md §7.20, "Suppliers"): the
// feedstock at its price path (an unpriced one earns nothing) plus the gate fee of the
// waste it takes in. Not its sector's product price, CBAM or premiums.
double feedstock_supplier_value_eur_per_t(const PlantBaseline& base, const PriceView& prices) {
    double unit_price = 0;
    if (base.supplied_price_index >= 0 &&
        static_cast<std::size_t>(base.supplied_price_index) < prices.feedstock_eur_per_t.size())
        unit_price = prices.feedstock_eur_per_t[static_cast<std::size_t>(base.supplied_price_index)];
    return unit_price * base.supply_per_t + base.gate_fee_eur_per_t;
}

// What a hydrogen supplier earns per t of product (docs/ODD.md §7.20, "Suppliers"): the
// hydrogen it sells displaces the grey hydrogen its customers make or buy, so it fetches its
// sector's product price as the incumbent makers of that product get it (`displaced`: with
// the energy pass-through and CBAM). Renewable hydrogen adds the refinery-route credit the
// refinery earns with it, or, in a year with an obligation, goes to the obligated plants at
// the green-hydrogen price where that is higher: then the CBAM uplift is not in its price.
void set_hydrogen_supplier_revenue(UnitCost& cost, const PlantBaseline& base, const PriceView& prices,
                                   double displaced, double export_factor) {
    double value = displaced;
    if (base.supplies == EntrySupply::green_hydrogen) {
        value += prices.rfnbo_refinery_credit_eur_per_gj * base.supply_per_t;
        const double obligated =
            prices.hydrogen_obligation_share > 0 ? prices.green_hydrogen_eur_per_gj * base.supply_per_t : 0.0;
        if (obligated > value) {
            value = obligated;
            cost.cbam_price_eur_per_t = 0;
        }
    }
    cost.revenue_eur_per_t = (value + base.gate_fee_eur_per_t) * export_factor;
}

// Sets the revenue of `cost` (and its CBAM and green-premium details).
void set_revenue(UnitCost& cost, const PlantBaseline& base, const SectorSpec& sector, const PriceView& prices,
                 const CostTerms& terms, double net_t_per_t, bool green_eligible) {
    const double export_factor = 1.0 - terms.export_share * terms.export_discount;
    if (base.supplies == EntrySupply::feedstock) {
        cost.revenue_eur_per_t = feedstock_supplier_value_eur_per_t(base, prices) * export_factor;
        return;
    }
    // Only what EU competitors' energy costs did since the calibration year moves the EU
    // product price: a Dutch-only tariff or tax is borne at home (docs/ODD.md §7.1).
    const EnergyGj competitors = eu_competitor_energy_eur_per_gj(prices);
    double energy_cost_change = 0;
    for (std::size_t c = 0; c < kCarrierCount; ++c)
        energy_cost_change += (competitors[c] - base.base_competitor_energy_eur_per_gj[c]) *
                              base.sector_energy_gj_per_t[c];
    // CBAM levels the EU market: importers pay the carbon price on embedded emissions as
    // free allocation is phased out, so the EU price of a covered product carries the
    // carbon cost of a benchmark producer to that extent. Exports outside the EU fetch the
    // world price: CBAM protects against imports, not on exports (policy-letters/001,
    // green market creation), so only the share sold in the EU earns the uplift.
    // The benchmark is the one of the years CBAM applies in (agents/benchmark_period.hpp).
    const double cbam_price = sector.cbam_covered
                                  ? prices.ets_eur_per_t *
                                        benchmark_times(base.benchmark_2021_t_per_t, base.benchmark_2026_t_per_t,
                                                        prices.cbam_factor, prices.cbam_factor_from_2026) *
                                        (1.0 - sector.extra_eu_export_share)
                                  : 0.0;
    // A feed mandate on every supplier to the EU market lifts the EU price by its compliance
    // cost (docs/ODD.md §7.18, "Price"); exports outside the EU fetch the world price.
    const double mandate_price = eu_feed_mandate_cost_eur_per_t(base, sector, prices);
    const double price = std::max(0.0, sector.product_price_eur_per_t * prices.product_index(base.sector) +
                                           base.energy_cost_pass_through * energy_cost_change + cbam_price +
                                           mandate_price);
    cost.cbam_price_eur_per_t = cbam_price;
    if (base.supplies == EntrySupply::hydrogen || base.supplies == EntrySupply::green_hydrogen) {
        set_hydrogen_supplier_revenue(cost, base, prices, price, export_factor);
        return;
    }
    double revenue = price * export_factor;
    // The green premium is paid in proportion to the CO2 the route no longer emits.
    if (green_eligible && base.co2_intensity_t_per_t > 0) {
        const double clean = std::clamp(1.0 - net_t_per_t / base.co2_intensity_t_per_t, 0.0, 1.0);
        cost.green_premium_eur_per_t = prices.green_premium(base.sector) * clean;
        revenue += cost.green_premium_eur_per_t;
    }
    cost.revenue_eur_per_t = revenue;
}

// The energy component from a bill, kept by carrier and by part.
void set_energy(UnitCost& cost, const EnergyBill& bill) {
    cost.energy_eur_per_t = bill.by_carrier_eur_per_t;
    cost.energy_part_eur_per_t = bill.part_eur_per_t;
    double energy = 0;
    for (double part : bill.part_eur_per_t) energy += part;
    cost[CostComponent::energy] = energy;
}

void add_capital_and_fixed_terms(UnitCost& cost, const CostTerms& terms) {
    const double per_capacity = terms.utilisation > 0 ? 1.0 / terms.utilisation : 0.0;
    cost[CostComponent::capex_annuity] = terms.capex_eur_per_t_yr *
                                         capital_recovery_factor(terms.hurdle_rate, terms.lifetime_y) *
                                         per_capacity;
    cost[CostComponent::fixed_opex] = terms.fixed_opex_eur_per_t_yr * per_capacity;
    cost[CostComponent::variable_opex] = terms.var_opex_eur_per_t;
    cost[CostComponent::stranded] = terms.stranded_eur_per_t;
    cost[CostComponent::value_chain] = terms.value_chain_eur_per_t;
    cost[CostComponent::feedstock] = terms.feedstock_eur_per_t;
    cost[CostComponent::other_cost] = 0;  // set by callers that know the plant's calibration
}

}  // namespace

double cbam_obligation_eur_per_t(const PlantBaseline& base, const SectorSpec& sector,
                                 const RouteProfile& profile, const PriceView& prices) {
    // CBAM applies to covered goods once it is in force (cbam_factor > 0, from 2026).
    // Regulation (EU) 2023/956 Art. 31: the certificates to surrender are the embedded
    // emissions less the free allocation EU producers of the good still receive, here the
    // benchmark times the CBAM sectors' free-allocation factor.
    if (!sector.cbam_covered || prices.cbam_factor <= 0) return 0.0;
    const double adjustment = benchmark_times(base.benchmark_2021_t_per_t, base.benchmark_2026_t_per_t,
                                              prices.free_allocation_factor, prices.free_allocation_factor_from_2026);
    return std::max(0.0, profile.co2_net_t_per_t() - adjustment) * prices.ets_eur_per_t;
}

double free_allocation_factor_of(const SectorSpec& sector, const PriceView& prices) {
    return sector.cbam_covered ? prices.free_allocation_factor : prices.free_allocation_factor_non_cbam;
}

namespace {

// A benchmark given per allocation period, times the year's free-allocation factor.
double allowances_t_per_t(double benchmark_2021, double benchmark_2026, const SectorSpec& sector,
                          const PriceView& prices) {
    const double from_2026 = sector.cbam_covered ? prices.free_allocation_factor_from_2026
                                                 : prices.free_allocation_factor_non_cbam_from_2026;
    return benchmark_times(benchmark_2021, benchmark_2026, free_allocation_factor_of(sector, prices), from_2026);
}

}  // namespace

double benchmark_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector, const PriceView& prices) {
    return allowances_t_per_t(base.benchmark_2021_t_per_t, base.benchmark_2026_t_per_t, sector, prices);
}

double combustion_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector, const PriceView& prices) {
    return allowances_t_per_t(base.combustion_benchmark_2021_t_per_t, base.combustion_benchmark_2026_t_per_t, sector,
                              prices);
}

double route_allowances_t_per_t(const PlantBaseline& base, const SectorSpec& sector, const RouteProfile& profile,
                                const PriceView& prices) {
    const double all = benchmark_allowances_t_per_t(base, sector, prices) * (1.0 - profile.imported_share);
    if (profile.fuel_benchmark_electrified_share <= 0) return all;  // exactly as before the rule
    return all - combustion_allowances_t_per_t(base, sector, prices) * profile.fuel_benchmark_electrified_share *
                     (1.0 - profile.imported_share);
}

UnitCost domestic_unit_cost(const PlantBaseline& base, const SectorSpec& sector,
                            const RouteProfile& profile, const PriceView& prices,
                            const CostTerms& terms) {
    UnitCost cost;
    add_capital_and_fixed_terms(cost, terms);
    // The Dutch cost stack at the plant's yearly volume (docs/ODD.md §7.4).
    set_energy(cost, terms.dutch_energy_stack ? dutch_energy_bill(base, profile.energy_gj_per_t, prices,
                                                                  terms.production_t, terms.ikc_pro_rata)
                                              : commodity_bill(profile.energy_gj_per_t, prices.energy_eur_per_gj));

    const double net = profile.co2_net_t_per_t();
    const double free_allocation = terms.free_allocation_t_per_t >= 0
                                       ? terms.free_allocation_t_per_t
                                       : route_allowances_t_per_t(base, sector, profile, prices);
    cost.free_allocation_t_per_t = free_allocation;
    // Allowances for what it emits, with a process gas's carbon at the gas's maker (§7.10).
    cost[CostComponent::ets] = (profile.co2_priced_t_per_t() - free_allocation) * prices.ets_eur_per_t;
    // Wet CO2-heffing industrie: the levy rate minus the ETS price, on emissions above
    // the plant's dispensation rights (a declining share of its base intensity).
    const double levy_rate = std::max(0.0, prices.co2_levy_eur_per_t - prices.ets_eur_per_t);
    const double dispensation = prices.dispensation_factor * base.co2_intensity_t_per_t;
    cost.levy_liable_t_per_t = std::max(0.0, net - dispensation);
    cost[CostComponent::co2_levy] = levy_rate * cost.levy_liable_t_per_t;
    // A ship-connected plant pays the ship chain instead of the pipeline fee (§7.7).
    cost[CostComponent::transport_storage] =
        profile.co2_captured_t_per_t *
        (base.co2_by_ship ? prices.ship_transport_storage_eur_per_t : prices.transport_storage_eur_per_t);
    cost[CostComponent::subsidy] = -terms.subsidy_eur_per_t;
    if (profile.intermediate_t_per_t > 0 && base.import_price_index >= 0)
        cost[CostComponent::import_purchase] =
            profile.intermediate_t_per_t *
            prices.import_eur_per_t[static_cast<std::size_t>(base.import_price_index)];
    // The imported share of the upstream step takes its labour, upkeep and overheads along.
    cost[CostComponent::other_cost] =
        base.other_cost_eur_per_t * (1.0 - profile.imported_share * sector.import_other_cost_share);
    set_revenue(cost, base, sector, prices, terms, net, true);
    return cost;
}

UnitCost abroad_unit_cost(const PlantBaseline& base, const SectorSpec& sector,
                          const RouteProfile& keep_profile, const PriceView& prices,
                          const CostTerms& terms) {
    UnitCost cost;
    add_capital_and_fixed_terms(cost, terms);
    EnergyGj foreign = prices.energy_eur_per_gj;
    foreign[static_cast<int>(Carrier::gas)] = prices.foreign_gas_eur_per_gj;
    foreign[static_cast<int>(Carrier::electricity)] = prices.foreign_electricity_eur_per_gj;
    set_energy(cost, commodity_bill(keep_profile.energy_gj_per_t, foreign));
    cost[CostComponent::ets] = cbam_obligation_eur_per_t(base, sector, keep_profile, prices);
    cost[CostComponent::variable_opex] += sector.transport_eur_per_t;
    cost[CostComponent::value_chain] += base.integration_benefit_eur_per_t;
    // Only the site-independent part of the other cost moves, at the foreign cost level;
    // site-bound income (a negative O) stays behind: abroad it is neither cost nor income.
    cost[CostComponent::other_cost] = site_independent_other_cost_eur_per_t(base) * sector.abroad_cost_factor;
    cost[CostComponent::feedstock] += eu_feed_mandate_cost_eur_per_t(base, sector, prices);
    set_revenue(cost, base, sector, prices, terms, 0.0, false);
    return cost;
}

}  // namespace eiisim
