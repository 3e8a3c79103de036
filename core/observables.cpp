#include "observables.hpp"

#include <algorithm>

#include "emission_targets.hpp"
#include "feedstock.hpp"
#include "reduction_parts.hpp"
#include "strategic_products.hpp"

namespace eiisim {
namespace {

using L = Level;
using X = Extra;
using R = RunResult;

// clang-format off
constexpr auto kObservables = std::to_array<Observable>({
    // ------------------------------------------------------------ plant panels [run, year, plant]
    {.name = "route", .level = L::plant, .units = "1",
     .long_name = "technology (route) in force, index into the technology dimension",
     .comment = "-1: none. flag_meanings are the technology ids with '/' written as '.'",
     .flags = FlagSet::technology, .i16 = &R::technology},
    {.name = "route_built_year", .level = L::plant, .units = "year",
     .long_name = "year the route in force was built or last rebuilt",
     .comment = "an electrified route's bands are those of this year (docs/ODD.md §7.3); 0 where the plant books "
                "nothing (closed, relocated)",
     .i16 = &R::route_built_year},
    {.name = "route_kind", .level = L::plant, .units = "1", .long_name = "option kind of the route in force",
     .flags = FlagSet::kind, .u8 = &R::kind},
    {.name = "status", .level = L::plant, .units = "1", .long_name = "plant status", .flags = FlagSet::status,
     .u8 = &R::status},
    {.name = "production", .level = L::plant, .units = "t/yr", .long_name = "production in the Netherlands",
     .comment = "in the plant's product unit: t of its sector's product; MWh for the power sector "
                "(plant_sector power). An import route's tonnes include the imported intermediate",
     .f64 = &R::production_t},
    {.name = "utilisation", .level = L::plant, .units = "1", .long_name = "production as a share of capacity",
     .f64 = &R::utilisation},
    {.name = "co2_gross", .level = L::plant, .units = "t/yr", .long_name = "scope-1 CO2 before capture",
     .f64 = &R::co2_gross_t},
    {.name = "co2_captured", .level = L::plant, .units = "t/yr",
     .long_name = "CO2 captured for transport and storage", .f64 = &R::co2_captured_t},
    {.name = "co2_net", .level = L::plant, .units = "t/yr",
     .long_name = "scope-1 CO2 emitted in the Netherlands (gross - captured)", .f64 = &R::co2_net_t},
    {.name = "co2_relocated", .level = L::plant, .units = "t/yr",
     .long_name = "CO2 emitted outside the EU by production that relocated there (carbon leakage)",
     .f64 = &R::co2_relocated_t},
    {.name = "free_allocation", .level = L::plant, .units = "t/yr", .long_name = "EU ETS allowances received free",
     .comment = "benchmark x allocation factor x the activity the EU activity-level rules fix from the two years "
                "before (docs/ODD.md §7.4); none once closed or relocated",
     .f64 = &R::free_allocation_t},
    {.name = "co2_relocated_eu", .level = L::plant, .units = "t/yr",
     .long_name = "CO2 emitted at an EU neighbour by production that relocated there (inside the EU ETS)",
     .f64 = &R::co2_relocated_eu_t},
    {.name = "replacement_imports", .level = L::plant, .units = "t/yr",
     .long_name = "imports that replace Dutch output lost since the base year and an import route's intermediate",
     .comment = "max(0, base-year production - production) in t of the sector's product, plus production x "
                "import share x intermediate per t in t of the imported intermediate (DRI, ammonia, methanol); 0 for "
                "relocated plants (their CO2 is co2_relocated) and the power sector (MWh)",
     .f64 = &R::replacement_imports_t,
     .doc = "Dutch demand is taken as unchanged: what a closed, curtailed or partly closed plant no longer makes "
            "is imported (docs/ODD.md §7.12, \"Leakage\")"},
    {.name = "co2_embodied_imports", .level = L::plant, .units = "t/yr",
     .long_name = "CO2 emitted abroad making the replacement imports",
     .comment = "lost t x the product's foreign direct CO2 per t (sectors.csv foreign_t_co2_per_t); an import "
                "route's intermediate is in replacement_imports, its CO2 abroad in co2_relocated; beside "
                "co2_relocated, never on top of it",
     .f64 = &R::co2_embodied_imports_t},
    {.name = "revenue", .level = L::plant, .units = "EUR/yr", .long_name = "revenue incl. green premium",
     .f64 = &R::revenue_eur},
    {.name = "margin", .level = L::plant, .units = "EUR/yr", .long_name = "revenue minus all yearly costs",
     .f64 = &R::margin_eur},
    {.name = "jobs", .level = L::plant, .units = "1", .long_name = "jobs at the plant in the Netherlands (FTE)",
     .comment = "employees x open share of capacity x labour factor: 0 closed or relocated, 1 - import_share x "
                "upstream_labour_share on an import route, 1 otherwise; curtailment keeps the staff "
                "(docs/ODD.md §7.12, \"Jobs\")",
     .f64 = &R::jobs},
    {.name = "value_added", .level = L::plant, .units = "EUR/yr",
     .long_name = "value added at factor cost (EUR2023)",
     .comment = "revenue less intermediate consumption, ETS and CO2 levy, plus operating subsidies: the capital "
                "charge, the margin and the labour share of the non-energy running costs; 0 when closed, relocated "
                "or idle",
     .f64 = &R::value_added_eur,
     .doc = "`revenue - energy - import_purchase - value_chain - transport_storage - variable_opex - ets - co2_levy "
            "- subsidy - m (fixed_opex + max(other_cost, 0)) - min(other_cost, 0)`, with `m` the sector's "
            "`other_cost_intermediate_share` (sectors.csv; `core/value_added.hpp`, docs/ODD.md §7.12)"},
    {.name = "co2_renewable_feed", .level = L::plant, .units = "t/yr",
     .long_name = "CO2 of the renewable carbon in the plant's feed, not counted as fossil CO2",
     .comment = "(bio + CCU feed / all feed) x the sector's feed_co2_share x the route's net CO2; already left out "
                "of co2_gross and co2_net (docs/ODD.md §7.18)",
     .f64 = &R::co2_renewable_feed_t},
    {.name = "feed_origin_share", .level = L::plant, .extra = X::feed_origin, .units = "1",
     .long_name = "share of the plant's fossil feed replaced by alternative feed, by carbon origin",
     .comment = "t of fossil feed replaced / (fossil_feed_t_per_t x production), carbon for carbon (docs/ODD.md "
                "§7.18); 0 outside the sectors of feedstocks.csv and for entrants",
     .f64 = &R::feed_origin_share,
     .doc = "a sector's mix is the production-weighted mean over its plants (`tools/eiisim_results` "
            "`sector_feed_mix`): every plant of a sector has the same fossil feed per t"},
    {.name = "energy", .level = L::plant, .extra = X::carrier, .units = "GJ/yr",
     .long_name = "final energy use (fuel and feedstock) by carrier", .f64 = &R::energy_gj},
    {.name = "cost", .level = L::plant, .extra = X::cost_component, .units = "EUR/yr",
     .long_name = "yearly cost by component", .comment = "subsidy is received support, entered as a negative cost",
     .f64 = &R::cost_eur},
    {.name = "energy_cost", .level = L::plant, .extra = X::energy_part, .units = "EUR/yr",
     .long_name = "the energy cost component by part of the Dutch cost stack",
     .comment = "commodity + network + energy_tax + ikc + other_compensation = cost[energy]; compensation is "
                "negative (docs/ODD.md §7.4)",
     .f64 = &R::energy_cost_eur},
    // ------------------------------------------------------------ cluster series [run, year, cluster]
    {.name = "cluster_production", .level = L::cluster, .units = "t/yr",
     .long_name = "physical output, sum over the cluster's plants in their product units",
     .comment = "a sum of unlike units: t of each sector's product plus MWh of the power sector; a "
                "physical count, not a production measure (see cluster_production_value)",
     .f64 = &R::cluster_production_t, .saved = true},
    {.name = "cluster_production_value", .level = L::cluster, .units = "EUR/yr",
     .long_name = "domestic production valued at reference prices, power sector excluded",
     .comment = "at fixed prices of the calibration year, so the base-year weights are revenue shares",
     .f64 = &R::cluster_production_value_eur, .saved = true,
     .doc = "`production x max(0, P_s x I(cal) - m x i_s x p_imp(cal))`: the sector's product price less an "
            "import route's imported intermediate (`core/production_value.hpp`, docs/ODD.md §7.12); the power "
            "sector (MWh) is left out and reported as `power_output`"},
    {.name = "cluster_jobs", .level = L::cluster, .units = "1",
     .long_name = "jobs at the cluster's plants in the Netherlands (FTE)",
     .comment = "sum over the cluster's plants of jobs", .f64 = &R::cluster_jobs, .band = 11,
     .band_of = "jobs per cluster (FTE)", .saved = true,
     .doc = "`N x s x λ` per plant (`sim/plant_jobs.hpp`, docs/ODD.md §7.12 \"Jobs\"): employees of plants.csv "
            "(one site's headcount split over its installations by the importer), the open share of capacity and "
            "the labour factor of the plant's state (0 closed or relocated; `1 - m u` on an import route; 1 "
            "otherwise, curtailment included)"},
    {.name = "cluster_entrants", .level = L::cluster, .units = "1",
     .long_name = "new entrants built and on site in the cluster",
     .comment = "count of the cluster's entrants (entrants.csv) operating or converting", .f64 = &R::cluster_entrants,
     .band = 24, .band_of = "new entrants per cluster", .saved = true,
     .doc = "plants of `entrants.csv` whose status is operating or converting (docs/ODD.md §7.20); a scheduled "
            "entrant enters in its year when its claims fit, a candidate when its business case is positive and "
            "allocation grants its claims"},
    {.name = "cluster_entrant_capacity", .level = L::cluster, .units = "t/yr",
     .long_name = "capacity of the new entrants built and on site in the cluster",
     .comment = "sum of capacity_t of the cluster's entrants operating or converting",
     .f64 = &R::cluster_entrant_capacity_t, .band = 25, .band_of = "new entrants' capacity per cluster", .saved = true,
     .doc = "their output, CO2, jobs and value added are in the plant panels and the cluster totals like any plant's"},
    {.name = "cluster_value_added", .level = L::cluster, .units = "EUR/yr",
     .long_name = "value added at factor cost (EUR2023), cluster total",
     .comment = "sum over the cluster's plants of value_added, power sector included; at the year's prices, unlike "
                "cluster_production_value",
     .f64 = &R::cluster_value_added_eur, .band = 12, .band_of = "cluster value added", .saved = true},
    {.name = "cluster_co2_captured", .level = L::cluster, .units = "t/yr", .long_name = "CO2 captured, cluster total",
     .f64 = &R::cluster_co2_captured_t, .saved = true},
    {.name = "cluster_co2_net", .level = L::cluster, .units = "t/yr",
     .long_name = "CO2 emitted in the Netherlands, cluster total", .f64 = &R::cluster_co2_net_t, .band = 0,
     .band_of = "cluster net CO2", .saved = true},
    {.name = "cluster_co2_relocated", .level = L::cluster, .units = "t/yr",
     .long_name = "CO2 emitted outside the EU by relocated production, cluster total",
     .f64 = &R::cluster_co2_relocated_t, .saved = true},
    {.name = "cluster_co2_relocated_eu", .level = L::cluster, .units = "t/yr",
     .long_name = "CO2 emitted at EU neighbours by production relocated there, cluster total",
     .f64 = &R::cluster_co2_relocated_eu_t, .saved = true},
    {.name = "cluster_co2_embodied_imports", .level = L::cluster, .units = "t/yr",
     .long_name = "CO2 emitted abroad making the imports that replace lost Dutch output, cluster total",
     .comment = "sum of co2_embodied_imports; relocated production is in cluster_co2_relocated(_eu) instead",
     .f64 = &R::cluster_co2_embodied_imports_t, .band = 13, .saved = true},
    {.name = "cluster_co2_gross", .level = L::cluster, .units = "t/yr",
     .long_name = "CO2 before capture, cluster total", .f64 = &R::cluster_co2_gross_t},
    {.name = "cluster_grid_used", .level = L::cluster, .units = "MW",
     .long_name = "new industrial grid load granted and running", .f64 = &R::cluster_grid_used_mw, .band = 9,
     .band_of = "new industrial grid load granted and running, per cluster"},
    {.name = "cluster_grid_headroom", .level = L::cluster, .units = "MW",
     .long_name = "new industrial grid load the cluster's grid can take (cumulative)",
     .f64 = &R::cluster_grid_headroom_mw, .band = 10},
    {.name = "cluster_space_used", .level = L::cluster, .units = "ha",
     .long_name = "free industrial land taken by new sites, granted from their start year",
     .comment = "the scarce resource space (docs/ODD.md §7.20): entrants' space_ha; conversions on own sites take none",
     .f64 = &R::cluster_space_used_ha},
    {.name = "cluster_space", .level = L::cluster, .units = "ha",
     .long_name = "free industrial land new sites can take in the cluster (infrastructure.toml space_ha)",
     .f64 = &R::cluster_space_ha},
    {.name = "cluster_production_value_by_kind", .level = L::cluster, .extra = X::kind, .units = "EUR/yr",
     .long_name = "domestic production value by kind of route in force",
     .comment = "cluster_production_value split by the kind of each plant's route; the power sector is left out",
     .f64 = &R::cluster_production_value_by_kind_eur},
    {.name = "cluster_reduction", .level = L::cluster, .extra = X::reduction_part, .units = "t/yr",
     .long_name = "change in net CO2 since the base year, by what it is made of",
     .comment = "negative: a reduction. The parts add up to cluster_co2_net less its base-year value",
     .f64 = &R::cluster_reduction_t,
     .doc = "per plant, exact by construction (docs/ODD.md §7.12, \"Reduction decomposition\"): closed and "
            "relocated plants' whole base-year CO2 under `closure` / `relocation` (outside the EU) / `relocation_eu` (to an EU neighbour); for the others a partial "
            "closure's share `E0 (s/s0 - 1)` under `closure`, the output change at base intensity `Q e0 - E0 s/s0` "
            "under `utilisation`, the route effect `Q (r - k0)` under the kind of the route in force (an import "
            "route's under `import`) and what the books hold beyond the route, a fuel-gas maker's flared gas, "
            "`E - Q r - Q (e0 - k0)` under `process_gas`; `keep_intensity` is 0 (the keep route's profile is the "
            "base profile in every year)"},
    // ------------------------------------------------------------ national series [run, year]
    {.name = "route_mix", .extra = X::kind, .units = "1",
     .long_name = "route mix: share of the national base-year production value by kind of route in force",
     .comment = "plants weighted by plant_base_value (the power sector weighs nothing); relocate and close "
                "included, so the kinds add up to 1; entrants not yet built left out",
     .f64 = &R::route_mix, .band = 29, .band_of = "the route mix by kind",
     .doc = "the one definition of route-mix shares: the run printout's route mix, `tools/compare_scenarios.py` "
            "and `eiisim_results` read this series (sim/aggregates.cpp, record_route_mix). Unlike "
            "`production_share_by_kind` (a sweep band of production *made* by route kind, 0 for relocate and close), "
            "a closed or relocated plant keeps its base-year weight under its kind"},
    {.name = "target_co2_net", .extra = X::target, .units = "t/yr",
     .long_name = "climate target path for national net CO2 on the model's scope",
     .comment = "linear from the base year's national net CO2 to the target's level in its year, that level after "
                "(core/emission_targets.hpp); the targets, their mapping onto the model's scope and sources are in "
                "the dataset's targets.csv; 0 for every target when the dataset has no targets.csv",
     .f64 = &R::target_co2_net_t, .band = 19,
     .doc = "`share` targets: base-year net CO2 x `reference_mt / reference_base_mt`; `reduction` targets: base-year "
            "net CO2 less `reference_base_mt - reference_mt` Mt (docs/dataset.md \"Targets\")"},
    {.name = "co2_storage_used", .units = "t/yr", .long_name = "CO2 injected into storage, national",
     .f64 = &R::co2_storage_used_t, .band = 3},
    {.name = "co2_storage_capacity", .units = "t/yr", .long_name = "CO2 injection capacity, national",
     .f64 = &R::co2_storage_capacity_t, .band = 4},
    {.name = "co2_shipping_used", .units = "t/yr",
     .long_name = "CO2 shipped to storage abroad by ship-connected plants, national", .f64 = &R::co2_shipping_used_t},
    {.name = "co2_shipping_capacity", .units = "t/yr", .long_name = "CO2 shipping capacity abroad, national",
     .f64 = &R::co2_shipping_capacity_t},
    {.name = "hydrogen_used", .units = "GJ/yr", .long_name = "hydrogen delivered to industry",
     .f64 = &R::hydrogen_used_gj, .band = 5},
    {.name = "hydrogen_supply", .units = "GJ/yr", .long_name = "hydrogen deliverable to industry",
     .f64 = &R::hydrogen_supply_gj, .band = 6},
    {.name = "hydrogen_industry_use", .units = "GJ/yr",
     .long_name = "hydrogen used by the plants, base-year use included, national",
     .comment = "what the hydrogen obligation applies to (docs/ODD.md §7.16): the hydrogen carrier of the routes "
                "in force; not the hydrogen a plant makes itself from gas (SMR in refineries, ammonia, methanol)",
     .f64 = &R::hydrogen_industry_use_gj},
    {.name = "hydrogen_obligation", .units = "GJ/yr",
     .long_name = "renewable hydrogen the obligation requires, national",
     .comment = "policy.hydrogen_obligation_share x hydrogen_industry_use", .f64 = &R::hydrogen_obligation_gj},
    {.name = "hydrogen_renewable_used", .units = "GJ/yr",
     .long_name = "renewable (RFNBO) hydrogen used by the plants, national",
     .comment = "min(obligation, green_hydrogen_supply); 0 when the buy-out is cheaper than renewable hydrogen",
     .f64 = &R::hydrogen_renewable_used_gj},
    {.name = "hydrogen_obligation_shortfall", .units = "GJ/yr",
     .long_name = "renewable hydrogen the obligation requires but the plants did not use, national",
     .f64 = &R::hydrogen_obligation_shortfall_gj},
    {.name = "hydrogen_obligation_buyout", .units = "EUR/yr",
     .long_name = "buy-out paid on the hydrogen obligation's shortfall, national",
     .f64 = &R::hydrogen_obligation_buyout_eur},
    {.name = "green_quota_required", .units = "t/yr",
     .long_name = "green tonnes the sectors' green quotas require, national",
     .comment = "sum over sectors with a policy.green_quota_share of share x the sector's Dutch production (t of each "
                "sector's product)", .f64 = &R::green_quota_required_t},
    {.name = "green_quota_offered", .units = "t/yr",
     .long_name = "green tonnes made by the sectors with a green quota, national",
     .comment = "production x the share of base CO2 intensity the route no longer emits",
     .f64 = &R::green_quota_offered_t},
    {.name = "green_quota_premium_paid", .units = "EUR/yr",
     .long_name = "premium paid under the sectors' green quotas, national",
     .comment = "the cleared premium per green t times the green t (docs/ODD.md §7.16)",
     .f64 = &R::green_quota_premium_paid_eur},
    {.name = "green_hydrogen_supply", .units = "GJ/yr", .long_name = "renewable hydrogen deliverable to industry",
     .f64 = &R::green_hydrogen_supply_gj},
    {.name = "biomethane_used", .units = "GJ/yr",
     .long_name = "biomethane used by industry beyond the plants' base-year use", .f64 = &R::biomethane_used_gj,
     .band = 7},
    {.name = "biomethane_supply", .units = "GJ/yr",
     .long_name = "biomethane deliverable to industry beyond the base-year use", .f64 = &R::biomethane_supply_gj,
     .band = 8},
    {.name = "feedstock_use", .extra = X::feed_origin, .units = "t/yr",
     .long_name = "alternative feedstock used by the plants, national, by carbon origin",
     .comment = "recycled (plastic-derived pyrolysis oil: fossil carbon), bio and ccu feed of the sectors in "
                "feedstocks.csv; never above feedstock_supply (docs/ODD.md §7.18)",
     .f64 = &R::feedstock_use_t, .band = 23, .band_of = "alternative feedstock use by origin"},
    {.name = "feedstock_supply", .extra = X::feed_origin, .units = "t/yr",
     .long_name = "national supply limit of alternative feedstock, by carbon origin",
     .comment = "sum over the feedstocks of that origin of the scarce resource `feedstock` (infrastructure.toml "
                "[feedstock_supply] x feedstock.supply_factor)",
     .f64 = &R::feedstock_supply_t},
    {.name = "fossil_feedstock_use", .units = "t/yr",
     .long_name = "primary fossil feedstock used by the sectors in feedstocks.csv, national",
     .comment = "fossil_feed_t_per_t x production less the alternative feed used (naphtha and LPG of the crackers, "
                "crude of the refineries)",
     .f64 = &R::fossil_feedstock_use_t, .band = 20},
    {.name = "renewable_carbon_share", .units = "1",
     .long_name = "renewable (bio + CCU) share of the feedstock of the sectors in feedstocks.csv, national",
     .f64 = &R::renewable_carbon_share, .band = 21},
    {.name = "recycled_content_share", .units = "1",
     .long_name = "recycled share of the feedstock of the sectors in feedstocks.csv, national",
     .comment = "plastic-derived feed by mass balance; fossil carbon (docs/ODD.md §7.18)",
     .f64 = &R::recycled_content_share},
    {.name = "embodied_fossil_co2", .units = "t/yr",
     .long_name = "fossil carbon in the products of the sectors in feedstocks.csv, as CO2, national",
     .comment = "an end-of-life indicator, not a Dutch emission: production x product_co2_t_per_t x (1 - renewable "
                "share of the plant's feed); recycled feed is fossil carbon",
     .f64 = &R::embodied_fossil_co2_t, .band = 22},
    {.name = "feedstock_buyout", .units = "EUR/yr", .long_name = "feedstock mandate buy-out paid, national",
     .f64 = &R::feedstock_buyout_eur},
    {.name = "feedstock_premium", .units = "EUR/yr",
     .long_name = "premium of alternative over fossil feed paid, national", .f64 = &R::feedstock_premium_eur},
    {.name = "power_output", .units = "MWh/yr",
     .long_name = "useful output of the power sector (site CHPs and power plants on process gas), national",
     .comment = "left out of cluster_production_value", .f64 = &R::power_output_mwh},
    {.name = "strategic_import_dependence", .extra = X::strategic_product, .units = "1",
     .long_name = "import dependence of each strategic product, national",
     .comment = "imports / Dutch demand, in t of product: (lost output + relocated base output + import routes' "
                "imported share) / (production + lost output + relocated base output) of the tag's plants; 0 in "
                "the base year, 1 when every plant of the tag has closed or relocated; 0 for a tag without plants",
     .f64 = &R::strategic_import_dependence, .band = 14,
     .doc = "the sectors' tags are `strategic_product` in sectors.csv (docs/dataset.md \"Strategic products\"); "
            "docs/ODD.md §7.12, \"Leakage\""},
    // ------------------------------------------------------------ instrument series [run, year, instrument]
    {.name = "instrument_budget", .level = L::instrument, .units = "EUR/yr",
     .long_name = "commitment budget of the support instrument in the year", .f64 = &R::instrument_budget_eur},
    {.name = "instrument_committed", .level = L::instrument, .units = "EUR/yr",
     .long_name = "support committed in the year, over whole contracts",
     .comment = "operating subsidies at their most (payments at the correction floor for the contract years), "
                "investment grants in full, agreements' aid as agreed",
     .f64 = &R::instrument_committed_eur},
    {.name = "instrument_paid", .level = L::instrument, .units = "EUR/yr",
     .long_name = "support paid out in the year",
     .comment = "operating subsidies as the year's prices set them, investment grants in the year the route starts",
     .f64 = &R::instrument_paid_eur, .band = 28, .band_of = "support paid out in the year, by instrument"},
    {.name = "instrument_avoided", .level = L::instrument, .units = "t/yr",
     .long_name = "CO2 avoided in the year by the routes the instrument supports",
     .comment = "per supported plant: its production times the net CO2 per t its keep route built new would emit "
                "less its supported route's, at the award (docs/ODD.md §7.14), while it runs that route",
     .f64 = &R::instrument_avoided_t},
    // ------------------------------------------------------------ derived: sweep bands only
    {.name = "national_co2_net", .units = "t/yr", .long_name = "national net CO2",
     .derive = Derive::sum_over_clusters, .from = "cluster_co2_net", .band = 1, .band_var = "co2_net_quantiles",
     .doc = "sum over clusters of `cluster_co2_net`"},
    {.name = "national_jobs", .units = "1", .long_name = "jobs at the plants in the Netherlands (FTE), national",
     .derive = Derive::sum_over_clusters, .from = "cluster_jobs", .band = 15,
     .doc = "sum over clusters of `cluster_jobs`"},
    {.name = "national_entrant_capacity", .units = "t/yr", .long_name = "capacity of the new entrants on site, national",
     .derive = Derive::sum_over_clusters, .from = "cluster_entrant_capacity", .band = 26,
     .doc = "sum over clusters of `cluster_entrant_capacity`"},
    {.name = "national_value_added", .units = "EUR/yr", .long_name = "value added at factor cost (EUR2023), national",
     .derive = Derive::sum_over_clusters, .from = "cluster_value_added", .band = 16,
     .doc = "sum over clusters of `cluster_value_added`"},
    {.name = "national_co2_embodied_imports", .units = "t/yr",
     .long_name = "CO2 emitted abroad making the imports that replace lost Dutch output, national",
     .derive = Derive::sum_over_clusters, .from = "cluster_co2_embodied_imports", .band = 17,
     .doc = "sum over clusters of `cluster_co2_embodied_imports`"},
    {.name = "national_reduction", .extra = X::reduction_part, .units = "t/yr",
     .long_name = "national change in net CO2 since the base year, by what it is made of",
     .derive = Derive::sum_over_clusters, .from = "cluster_reduction", .band = 18,
     .doc = "sum over clusters of `cluster_reduction` (docs/ODD.md §7.12, \"Reduction decomposition\"); each "
            "part's band is its own: the medians of the parts need not add up to the median change"},
    {.name = "production_share_by_kind", .extra = X::kind, .units = "1",
     .long_name = "national production value by kind of route in force, as a share of the run's national "
                  "production value in the base year",
     .derive = Derive::share_of_base_production, .from = "cluster_production_value_by_kind", .band = 2,
     .doc = "`cluster_production_value_by_kind` summed over clusters, divided by the run's own national production "
            "value in the base year (`cluster_production_value` summed over clusters; power sector left out, "
            "docs/ODD.md §7.12); `relocate`, `relocate_eu` and `close` are 0 (no production in the Netherlands), and a run's "
            "shares add up to its production value in that year over the base year"},
    {.name = "cluster_production_share_by_kind", .level = L::cluster, .extra = X::kind, .units = "1",
     .long_name = "production value by kind of route in force, per cluster, as a share of the cluster's production "
                  "value in the run's base year",
     .derive = Derive::share_of_cluster_base_production, .from = "cluster_production_value_by_kind", .band = 27,
     .doc = "`cluster_production_value_by_kind` divided by the run's own `cluster_production_value` of that cluster "
            "in the base year (0 for a cluster without base-year production value): the run file's route mix per "
            "cluster as a share, so runs compare; 1 less a run's shares is the production value it lost since the "
            "base year (closed, relocated, curtailed)"},
});
// clang-format on

std::vector<const Observable*> banded_in_order() {
    std::vector<const Observable*> rows;
    for (const Observable& o : kObservables)
        if (o.banded()) rows.push_back(&o);
    std::sort(rows.begin(), rows.end(), [](const Observable* a, const Observable* b) { return a->band < b->band; });
    return rows;
}

std::vector<const Observable*> saved_in_order() {
    std::vector<const Observable*> rows;
    for (const Observable& o : kObservables)
        if (o.saved) rows.push_back(&o);
    return rows;
}

template <typename Rows>
std::size_t index_in(const Rows& rows, std::string_view name, const char* what) {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i]->name == name) return i;
    throw std::out_of_range("no " + std::string(what) + " observable named " + std::string(name));
}

}  // namespace

DType Observable::dtype() const {
    if (i16 != nullptr) return DType::int16;
    if (u8 != nullptr) return DType::uint8;
    return DType::float64;
}

std::vector<std::string> Observable::dimensions(std::string_view leading) const {
    std::vector<std::string> dims{std::string(leading), "year"};
    if (level != Level::national) dims.emplace_back(kLevelNames[static_cast<std::size_t>(level)]);
    if (extra != Extra::none) dims.emplace_back(kExtraNames[static_cast<std::size_t>(extra)]);
    return dims;
}

std::size_t extra_count(Extra extra) {
    switch (extra) {
        case Extra::none: return 1;
        case Extra::carrier: return kCarrierCount;
        case Extra::cost_component: return kCostComponentCount;
        case Extra::kind: return kOptionKindCount;
        case Extra::reduction_part: return kReductionPartCount;
        case Extra::energy_part: return kEnergyPartCount;
        case Extra::strategic_product: return kStrategicProductCount;
        case Extra::feed_origin: return kFeedOriginCount;
        case Extra::target: return kEmissionTargetCount;
    }
    return 1;
}

std::string extra_label(Extra extra, std::size_t i) {
    auto at = [i](const auto& names) { return i < names.size() ? std::string(names[i]) : std::to_string(i); };
    switch (extra) {
        case Extra::none: return "";
        case Extra::carrier: return at(kCarrierNames);
        case Extra::cost_component: return at(kCostComponentNames);
        case Extra::kind: return at(kOptionKindNames);
        case Extra::reduction_part: return at(kReductionPartNames);
        case Extra::energy_part: return at(kEnergyPartNames);
        case Extra::strategic_product: return at(kStrategicProductNames);
        case Extra::feed_origin: return at(kFeedOriginNames);
        case Extra::target: return at(kEmissionTargetNames);
    }
    return std::to_string(i);
}

std::size_t Observable::per_year(std::size_t plants, std::size_t clusters, std::size_t instruments) const {
    std::size_t n = 1;
    switch (level) {
        case Level::plant: n = plants; break;
        case Level::cluster: n = clusters; break;
        case Level::instrument: n = instruments; break;
        case Level::national: break;
    }
    return n * extra_count(extra);
}

std::span<const Observable> observables() { return kObservables; }

std::span<const Observable* const> banded_observables() {
    static const std::vector<const Observable*> rows = banded_in_order();
    return rows;
}

std::span<const Observable* const> saved_observables() {
    static const std::vector<const Observable*> rows = saved_in_order();
    return rows;
}

const Observable* find_observable(std::string_view name) {
    for (const Observable& o : kObservables)
        if (o.name == name) return &o;
    return nullptr;
}

std::size_t band_index(std::string_view name) { return index_in(banded_observables(), name, "banded"); }
std::size_t saved_index(std::string_view name) { return index_in(saved_observables(), name, "saved"); }

}  // namespace eiisim
