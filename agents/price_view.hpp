#pragma once
// Prices and policy as one plant sees them for one year: either the actual values of
// that year (operating accounts) or the values expected over a decision horizon
// (appraisals). Built from the scenario paths; all money in EUR2023.
#include <array>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct PriceView {
    int year = 0;                        // the year it is of (actual) or decided in (expected)
    EnergyGj energy_eur_per_gj{};        // commodity prices by carrier
    // The Dutch energy cost stack on top (docs/ODD.md §7.4, agents/energy_stack.hpp).
    std::array<double, kConnectionLevelCount> network_tariff_eur_per_gj{};  // electricity
    double gas_network_tariff_eur_per_gj = 0;
    std::array<double, kTaxBracketCount> electricity_tax_eur_per_gj{};
    std::array<double, kTaxBracketCount> gas_tax_eur_per_gj{};
    double ikc_budget_eur = 0;
    double ikc_aid_intensity = 0;
    double ikc_emission_factor_t_per_mwh = 0;
    double ikc_benchmark_share = 0;
    double electricity_compensation_eur_per_gj = 0;
    // load thresholds of the connection levels (EnergyCostPolicy), MW of average load
    double ehv_min_mw = 100;
    double hv_min_mw = 10;
    double ets_eur_per_t = 0;
    double co2_levy_eur_per_t = 0;       // 0 when the levy is abolished
    double dispensation_factor = 0;
    double free_allocation_factor = 0;           // CBAM-covered sectors
    double free_allocation_factor_non_cbam = 0;  // every other sector
    double cbam_factor = 0;
    // The part of each of those three factors that falls in years of the 2026-2030
    // benchmarks (agents/benchmark_period.hpp): in an actual view the factor itself from
    // 2026 and 0 before; in an expected one the horizon's years from 2026 summed over all
    // its years, so that factor - part weighs the 2021-2025 benchmark.
    double free_allocation_factor_from_2026 = 0;
    double free_allocation_factor_non_cbam_from_2026 = 0;
    double cbam_factor_from_2026 = 0;
    double transport_storage_eur_per_t = 0;
    double ship_transport_storage_eur_per_t = 0;  // ship-connected plants (PlantBaseline::co2_by_ship)
    double foreign_gas_eur_per_gj = 0;
    double foreign_electricity_eur_per_gj = 0;
    // All-in energy cost of a large industrial user at each EU neighbour (kNeighbourNames).
    std::array<double, kNeighbourCount> neighbour_gas_eur_per_gj{};
    std::array<double, kNeighbourCount> neighbour_electricity_eur_per_gj{};
    double product_price_index = 1;
    // Per sector when the dataset observes sector indices (PricePaths::
    // sector_product_price_index); empty: product_price_index for every sector.
    std::vector<double> sector_product_price_index;
    // Per sector: its demand volume path's value (actual) or expectation (appraisal), 1
    // where the sector has none (PricePaths::sector_volume_index). Empty: no demand paths.
    std::vector<double> sector_volume_index;
    double green_premium_eur_per_t = 0;
    // Per sector when the scenario names sector premium paths
    // (Policy::sector_green_premium_eur_per_t); empty: green_premium_eur_per_t for all.
    std::vector<double> sector_green_premium_eur_per_t;
    // By sector: the feed mandate's compliance cost the EU price carries per t product
    // (FeedstockPolicy::sector_price_uplift_eur_per_t); empty: none.
    std::vector<double> sector_feed_mandate_uplift_eur_per_t;
    // The hydrogen obligation (docs/ODD.md §7.16); energy_eur_per_gj[hydrogen] already
    // holds the blended price a plant pays under it.
    double green_hydrogen_eur_per_gj = 0;
    double hydrogen_obligation_share = 0;
    double hydrogen_buyout_eur_per_gj = 0;
    // The refinery-route credit of the transport-fuel obligation per GJ of renewable hydrogen
    // (PricePaths::rfnbo_refinery_credit_eur_per_gj): what a renewable supplier adds to its price.
    double rfnbo_refinery_credit_eur_per_gj = 0;
    std::vector<double> import_eur_per_t;  // by PricePaths::import_names index
    std::vector<double> feedstock_eur_per_t;  // by PricePaths::feedstock_names index

    // The product price index of sector `sector` (index into Inputs::sectors).
    [[nodiscard]] double product_index(int sector) const {
        return sector_product_price_index.empty() ? product_price_index
                                                  : sector_product_price_index[static_cast<std::size_t>(sector)];
    }
    // The demand volume index of sector `sector` (1 without demand paths).
    [[nodiscard]] double volume_index(int sector) const {
        return sector_volume_index.empty() ? 1.0 : sector_volume_index[static_cast<std::size_t>(sector)];
    }
    // The feed mandate's compliance cost in the EU price of sector `sector`'s product, per t.
    [[nodiscard]] double feed_mandate_uplift(int sector) const {
        return sector_feed_mandate_uplift_eur_per_t.empty()
                   ? 0.0
                   : sector_feed_mandate_uplift_eur_per_t[static_cast<std::size_t>(sector)];
    }
    // The green premium sector `sector` earns per t made without net CO2.
    [[nodiscard]] double green_premium(int sector) const {
        return sector_green_premium_eur_per_t.empty()
                   ? green_premium_eur_per_t
                   : sector_green_premium_eur_per_t[static_cast<std::size_t>(sector)];
    }
};

// Energy prices at neighbour `country` (index into kNeighbourNames): its own gas and
// electricity; the other carriers (hydrogen, biomethane, other fuels) at the Dutch price,
// traded across the EU.
[[nodiscard]] EnergyGj neighbour_energy_eur_per_gj(const PriceView& view, int country);

// The energy prices EU competitors pay (docs/ODD.md §7.1): the neighbours' mean gas and
// electricity cost, the Dutch price of the other carriers. Product prices follow its
// change, not the Dutch one, so a Dutch-only cost (a tariff, a tax) is not passed on.
[[nodiscard]] EnergyGj eu_competitor_energy_eur_per_gj(const PriceView& view);

// Actual prices and policy of `year`.
[[nodiscard]] PriceView actual_prices(const Scenario& scenario, int year);

// The expectation a plant deciding in each year holds, for every year of the run, under
// the scenario's expectation mode: myopic (this year's prices held constant), perfect
// foresight (mean of the true path over the horizon) or adaptive (exponential smoothing
// of observed prices). Policy schedules that are announced by law (free allocation,
// dispensation, CBAM) are always averaged over the horizon.
[[nodiscard]] std::vector<PriceView> expected_prices(const Scenario& scenario);

}  // namespace eiisim
