#include "price_view.hpp"

#include <unordered_map>

#include "benchmark_period.hpp"
#include "hydrogen_obligation.hpp"

namespace eiisim {
namespace {

// Applies `f(path_value_getter)` to every market price field; policy fields are
// handled separately because they are announced, not expected.
template <typename Get>
void fill_market(PriceView& view, const PricePaths& p, Get get) {
    view.energy_eur_per_gj[static_cast<int>(Carrier::gas)] = get(p.gas_eur_per_gj);
    view.energy_eur_per_gj[static_cast<int>(Carrier::electricity)] = get(p.electricity_eur_per_gj);
    view.energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)] = get(p.hydrogen_eur_per_gj);
    view.energy_eur_per_gj[static_cast<int>(Carrier::biomethane)] = get(p.biomethane_eur_per_gj);
    view.energy_eur_per_gj[static_cast<int>(Carrier::other_fuel)] = get(p.other_fuel_eur_per_gj);
    view.ets_eur_per_t = get(p.ets_eur_per_t);
    view.transport_storage_eur_per_t = get(p.co2_transport_storage_eur_per_t);
    view.ship_transport_storage_eur_per_t = get(p.co2_ship_transport_storage_eur_per_t);
    for (std::size_t l = 0; l < p.network_tariff_eur_per_gj.size(); ++l)
        view.network_tariff_eur_per_gj[l] = get(p.network_tariff_eur_per_gj[l]);
    view.gas_network_tariff_eur_per_gj = get(p.gas_network_tariff_eur_per_gj);
    view.foreign_gas_eur_per_gj = get(p.foreign_gas_eur_per_gj);
    view.foreign_electricity_eur_per_gj = get(p.foreign_electricity_eur_per_gj);
    view.product_price_index = get(p.product_price_index);
    view.sector_product_price_index.resize(p.sector_product_price_index.size());
    for (std::size_t s = 0; s < p.sector_product_price_index.size(); ++s)
        view.sector_product_price_index[s] = get(p.sector_product_price_index[s]);
    // Demand volumes are expected like market prices (docs/ODD.md §7.19).
    view.sector_volume_index.resize(p.sector_volume_index.size());
    for (std::size_t s = 0; s < p.sector_volume_index.size(); ++s)
        view.sector_volume_index[s] = p.sector_volume_index[s].empty() ? 1.0 : get(p.sector_volume_index[s]);
    // What a supplying entrant sells its feedstock at (docs/ODD.md §7.20, "Suppliers").
    view.feedstock_eur_per_t.resize(p.feedstock_eur_per_t.size());
    for (std::size_t f = 0; f < p.feedstock_eur_per_t.size(); ++f) view.feedstock_eur_per_t[f] = get(p.feedstock_eur_per_t[f]);
    view.import_eur_per_t.resize(p.import_eur_per_t.size());
    for (std::size_t i = 0; i < p.import_eur_per_t.size(); ++i)
        view.import_eur_per_t[i] = get(p.import_eur_per_t[i]);
    view.green_hydrogen_eur_per_gj = get(p.green_hydrogen_eur_per_gj);
    view.rfnbo_refinery_credit_eur_per_gj = get(p.rfnbo_refinery_credit_eur_per_gj);
}

// Energy taxes and compensation are announced by law, like the carbon policy.
template <typename Get>
void fill_energy_policy(PriceView& view, const EnergyCostPolicy& energy, Get get) {
    for (std::size_t b = 0; b < energy.electricity_tax_eur_per_gj.size(); ++b) {
        view.electricity_tax_eur_per_gj[b] = get(energy.electricity_tax_eur_per_gj[b]);
        view.gas_tax_eur_per_gj[b] = get(energy.gas_tax_eur_per_gj[b]);
    }
    view.ikc_budget_eur = get(energy.ikc_budget_eur);
    view.ikc_aid_intensity = get(energy.ikc_aid_intensity);
    view.ikc_emission_factor_t_per_mwh = get(energy.ikc_emission_factor_t_per_mwh);
    view.ikc_benchmark_share = energy.ikc_benchmark_share;
    view.electricity_compensation_eur_per_gj = get(energy.electricity_compensation_eur_per_gj);
    view.ehv_min_mw = energy.ehv_min_mw;
    view.hv_min_mw = energy.hv_min_mw;
}

// The neighbours' energy costs, market prices too (expected like the Dutch ones).
template <typename Get>
void fill_neighbours(PriceView& view, const Neighbours& n, Get get) {
    for (std::size_t c = 0; c < kNeighbourCount; ++c) {
        view.neighbour_gas_eur_per_gj[c] = get(n.gas_eur_per_gj[c]);
        view.neighbour_electricity_eur_per_gj[c] = get(n.electricity_eur_per_gj[c]);
    }
}

template <typename Get>
void fill_policy(PriceView& view, const Policy& policy, Get get) {
    view.co2_levy_eur_per_t = policy.co2_levy_enabled ? get(policy.co2_levy_eur_per_t) : 0.0;
    view.dispensation_factor = get(policy.dispensation_factor);
    view.free_allocation_factor = get(policy.free_allocation_factor);
    view.free_allocation_factor_non_cbam = get(policy.free_allocation_factor_non_cbam);
    view.cbam_factor = get(policy.cbam_factor);
    view.green_premium_eur_per_t = get(policy.green_premium_eur_per_t);
    view.sector_green_premium_eur_per_t.resize(policy.sector_green_premium_eur_per_t.size());
    for (std::size_t s = 0; s < policy.sector_green_premium_eur_per_t.size(); ++s)
        view.sector_green_premium_eur_per_t[s] = get(policy.sector_green_premium_eur_per_t[s]);
    view.hydrogen_obligation_share = get(policy.hydrogen_obligation_share);
    view.hydrogen_buyout_eur_per_gj = get(policy.hydrogen_obligation_buyout_eur_per_gj);
    fill_energy_policy(view, policy.energy, get);
}

// The parts of the allocation and CBAM factors that fall in the 2026-2030 benchmark period.
template <typename Part>
void fill_benchmark_period_parts(PriceView& view, const Policy& policy, Part part) {
    view.free_allocation_factor_from_2026 = part(policy.free_allocation_factor);
    view.free_allocation_factor_non_cbam_from_2026 = part(policy.free_allocation_factor_non_cbam);
    view.cbam_factor_from_2026 = part(policy.cbam_factor);
}

// The sum of `path` over the horizon's years from 2026 on, over all its years (the part of
// its horizon mean that falls there).
double horizon_part_from_2026(const TimePath& path, int year, int horizon) {
    if (horizon <= 0) return year >= kBenchmark2026From ? path.at(year) : 0.0;
    if (year >= kBenchmark2026From) return path.mean_over(year, horizon);
    const int late_years = year + horizon - kBenchmark2026From;
    if (late_years <= 0) return 0.0;
    return path.mean_over(kBenchmark2026From, late_years) * late_years / horizon;
}

// A feed mandate is announced policy, like the carbon policy (docs/ODD.md §7.18).
template <typename Get>
void fill_feed_mandate(PriceView& view, const FeedstockPolicy& feedstock, Get get) {
    view.sector_feed_mandate_uplift_eur_per_t.resize(feedstock.sector_price_uplift_eur_per_t.size());
    for (std::size_t s = 0; s < feedstock.sector_price_uplift_eur_per_t.size(); ++s)
        view.sector_feed_mandate_uplift_eur_per_t[s] = get(feedstock.sector_price_uplift_eur_per_t[s]);
}

// Hydrogen costs a plant the blend of the other supply and the obligation's compliance
// price; called once market and policy fields are in.
void apply_hydrogen_obligation(PriceView& view) {
    double& hydrogen = view.energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)];
    hydrogen = obligated_hydrogen_eur_per_gj(hydrogen, view.green_hydrogen_eur_per_gj,
                                             view.hydrogen_obligation_share, view.hydrogen_buyout_eur_per_gj);
}

}  // namespace

PriceView actual_prices(const Scenario& scenario, int year) {
    PriceView view;
    view.year = year;
    const auto at = [year](const TimePath& path) { return path.at(year); };
    fill_market(view, scenario.prices, at);
    fill_neighbours(view, scenario.neighbours, at);
    fill_policy(view, scenario.policy, at);
    fill_benchmark_period_parts(view, scenario.policy,
                                [year](const TimePath& path) { return year >= kBenchmark2026From ? path.at(year) : 0.0; });
    fill_feed_mandate(view, scenario.feedstock, at);
    apply_hydrogen_obligation(view);
    return view;
}

std::vector<PriceView> expected_prices(const Scenario& scenario) {
    const int first = scenario.base_year;
    const int years = scenario.end_year - scenario.base_year + 1;
    const int horizon = scenario.behaviour.horizon_y;
    std::vector<PriceView> views(static_cast<std::size_t>(years));
    // Adaptive expectations: each path's E_y as far as it has been iterated (the year
    // reached and the value), so that year y adds its one step to E_{y-1} instead of
    // iterating again from the base year: the same operations in the same order.
    std::unordered_map<const TimePath*, std::pair<int, double>> carried;
    for (int i = 0; i < years; ++i) {
        const int year = first + i;
        PriceView& view = views[static_cast<std::size_t>(i)];
        view.year = year;
        const auto over_horizon = [year, horizon](const TimePath& path) {
            return path.mean_over(year, horizon);
        };
        switch (scenario.behaviour.expectation) {
            case Expectation::myopic: {
                const auto now = [year](const TimePath& path) { return path.at(year); };
                fill_market(view, scenario.prices, now);
                fill_neighbours(view, scenario.neighbours, now);
                break;
            }
            case Expectation::perfect_foresight:
                fill_market(view, scenario.prices, over_horizon);
                fill_neighbours(view, scenario.neighbours, over_horizon);
                break;
            case Expectation::adaptive: {
                // E_y = E_{y-1} + w (p_y - E_{y-1}), starting from the base-year price.
                const double w = scenario.behaviour.adaptive_weight;
                const auto smoothed = [&carried, first, year, w](const TimePath& path) {
                    auto& [reached, expectation] = carried.try_emplace(&path, first, path.at(first)).first->second;
                    for (; reached < year; ++reached) expectation += w * (path.at(reached + 1) - expectation);
                    return expectation;
                };
                fill_market(view, scenario.prices, smoothed);
                fill_neighbours(view, scenario.neighbours, smoothed);
                break;
            }
        }
        // The product price index is part of the market; the green premium is policy.
        fill_policy(view, scenario.policy, over_horizon);
        fill_benchmark_period_parts(view, scenario.policy, [year, horizon](const TimePath& path) {
            return horizon_part_from_2026(path, year, horizon);
        });
        // The appraisal sees the plant's feed cost as last booked, not as the mandate will
        // make it (docs/ODD.md §7.18): the price uplift that offsets it is seen the same
        // way, this year's, or a rising mandate would count its future revenue without its
        // future cost.
        fill_feed_mandate(view, scenario.feedstock, [year](const TimePath& path) { return path.at(year); });
        apply_hydrogen_obligation(view);
    }
    return views;
}

EnergyGj neighbour_energy_eur_per_gj(const PriceView& view, int country) {
    EnergyGj prices = view.energy_eur_per_gj;
    const auto n = static_cast<std::size_t>(country);
    prices[static_cast<int>(Carrier::gas)] = view.neighbour_gas_eur_per_gj[n];
    prices[static_cast<int>(Carrier::electricity)] = view.neighbour_electricity_eur_per_gj[n];
    return prices;
}

EnergyGj eu_competitor_energy_eur_per_gj(const PriceView& view) {
    EnergyGj prices = view.energy_eur_per_gj;
    double gas = 0, electricity = 0;
    for (std::size_t n = 0; n < kNeighbourCount; ++n) {
        gas += view.neighbour_gas_eur_per_gj[n];
        electricity += view.neighbour_electricity_eur_per_gj[n];
    }
    prices[static_cast<int>(Carrier::gas)] = gas / kNeighbourCount;
    prices[static_cast<int>(Carrier::electricity)] = electricity / kNeighbourCount;
    return prices;
}

}  // namespace eiisim
