#include "settings_schema.hpp"

#include <type_traits>

#include "sweep_hooks.hpp"

namespace eiisim {
namespace {

// Accessors: `in<&Scenario::behaviour, &Behaviour::closure_threshold>` is a function
// returning that field of a Scenario, so each row names its field once.
template <auto Table, auto Field>
auto& in(Scenario& s) {
    return (s.*Table).*Field;
}
template <auto Field>
auto& top(Scenario& s) {
    return s.*Field;
}
template <auto Table, auto Field>
int get_choice(const Scenario& s) {
    return static_cast<int>((s.*Table).*Field);
}
template <auto Table, auto Field>
void set_choice(Scenario& s, int value) {
    using Enum = std::remove_cvref_t<decltype((s.*Table).*Field)>;
    (s.*Table).*Field = static_cast<Enum>(value);
}
template <auto Field>
int get_top_choice(const Scenario& s) {
    return static_cast<int>(s.*Field);
}
template <auto Field>
void set_top_choice(Scenario& s, int value) {
    using Enum = std::remove_cvref_t<decltype(s.*Field)>;
    s.*Field = static_cast<Enum>(value);
}
template <auto Field>
auto& energy(Scenario& s) {
    return s.policy.energy.*Field;
}
template <ConnectionLevel L>
TimePath& network_tariff(Scenario& s) {
    return s.prices.network_tariff_eur_per_gj[static_cast<std::size_t>(L)];
}
template <std::size_t I>
TimePath& electricity_tax(Scenario& s) {
    return s.policy.energy.electricity_tax_eur_per_gj[I];
}
template <std::size_t I>
TimePath& gas_tax(Scenario& s) {
    return s.policy.energy.gas_tax_eur_per_gj[I];
}
std::vector<std::string>& import_names(Scenario& s) { return s.prices.import_names; }
template <int Country>
TimePath& neighbour_gas(Scenario& s) {
    return s.neighbours.gas_eur_per_gj[Country];
}
template <int Country>
TimePath& neighbour_electricity(Scenario& s) {
    return s.neighbours.electricity_eur_per_gj[Country];
}
std::vector<TimePath>& import_paths(Scenario& s) { return s.prices.import_eur_per_t; }
std::vector<std::string>& premium_sector_names(Scenario& s) { return s.policy.green_premium_sector_names; }
std::vector<TimePath>& premium_sector_paths(Scenario& s) { return s.policy.green_premium_sector_paths; }
std::vector<std::string>& quota_sector_names(Scenario& s) { return s.policy.green_quota_sector_names; }
std::vector<TimePath>& quota_share_paths(Scenario& s) { return s.policy.green_quota_share_paths; }
std::vector<std::string>& quota_cap_names(Scenario& s) { return s.policy.green_quota_cap_sector_names; }
std::vector<TimePath>& quota_cap_paths(Scenario& s) { return s.policy.green_quota_cap_paths; }
std::vector<std::string>& feedstock_price_names(Scenario& s) { return s.prices.feedstock_names; }
std::vector<TimePath>& feedstock_price_paths(Scenario& s) { return s.prices.feedstock_eur_per_t; }
std::vector<std::string>& mandate_sector_names(Scenario& s) { return s.feedstock.mandate_sector_names; }
std::vector<TimePath>& mandate_share_paths(Scenario& s) { return s.feedstock.mandate_share_paths; }
std::vector<std::string>& feed_buyout_names(Scenario& s) { return s.feedstock.buyout_sector_names; }
std::vector<TimePath>& feed_buyout_paths(Scenario& s) { return s.feedstock.buyout_paths; }
std::vector<std::string>& demand_sector_names(Scenario& s) { return s.demand.volume_sector_names; }
std::vector<TimePath>& demand_sector_paths(Scenario& s) { return s.demand.volume_sector_paths; }
std::vector<std::string>& demand_price_names(Scenario& s) { return s.demand.price_sector_names; }
std::vector<TimePath>& demand_price_paths(Scenario& s) { return s.demand.price_sector_paths; }

// The engine's energy is on the net calorific value (NCV, lower heating value): MIDDEN's
// inputs (docs/ODD.md §6, "Calorific basis"), the NEa/RVO gas emission factor of 56.6 kg
// CO2/GJ and the hydrogen LHV below. Gas is traded on the gross calorific value (GCV):
// TTF and Dutch network tariffs per MWh(GCV), Henry Hub per MMBtu(HHV), green gas per
// MWh(GCV). One MWh(GCV) of gas holds 3.6 GJ(GCV) x NCV/GCV GJ(NCV), so per GJ(NCV) it
// costs 1 / (3.6 x NCV/GCV) of the per-MWh(GCV) price.
constexpr double kPerMwhToPerGj = 1.0 / 3.6;  // electricity: no calorific basis
// NCV/GCV of natural gas: methane 802.3 / 890.6 kJ/mol = 0.901 (NIST Chemistry WebBook);
// Groningen gas 31.65 / 35.17 MJ/m3(n) = 0.900 (CBS/RVO Nederlandse lijst van
// energiedragers); H-gas with some ethane 0.901-0.903. Biomethane is upgraded to methane.
constexpr double kNaturalGasNcvPerGcv = 0.901;
constexpr double kPerMwhGcvToPerGjNcv = 1.0 / (3.6 * kNaturalGasNcvPerGcv);
constexpr double kPerKgHydrogenToPerGj = 1.0 / 0.12;  // lower heating value 0.12 GJ/kg (NCV)
constexpr double kEurPerMillion = 1e6;
constexpr double kGjPerPj = 1e6;
constexpr double kTonnesPerMt = 1e6;
constexpr double kPerKwhToPerGj = 1000.0 / 3.6;
// Energy tax is per m3 of natural gas of 35.17 MJ GCV (Wet belastingen op milieugrondslag
// art. 1): 0.03517 x 0.901 GJ(NCV) per m3.
constexpr double kPerM3ToPerGjNcv = 1.0 / (0.03517 * kNaturalGasNcvPerGcv);
constexpr Bounds kYearCount{1.0, 100.0};
constexpr Bounds kLoadFactor{0.0, 1.0, true};
// A TOML integer is at most 2^63 - 1.
constexpr Bounds kSeedRange{0.0, 9223372036854775807.0};

using P = PricePaths;
using Q = Policy;
using B = Behaviour;
using I = InfrastructureFactors;
using A = AgreementOutcomes;
using E = EnergyCostPolicy;
using N = Neighbours;
using T = SettingType;
using S = Sweepable;
constexpr auto kPrices = &Scenario::prices;
constexpr auto kPolicy = &Scenario::policy;
constexpr auto kBehaviour = &Scenario::behaviour;
constexpr auto kInfra = &Scenario::infrastructure;
constexpr auto kAgreements = &Scenario::agreements;
constexpr auto kNeighbours = &Scenario::neighbours;
constexpr auto kFeedstock = &Scenario::feedstock;
constexpr auto kDemand = &Scenario::demand;
// A demand factor of 3 triples every path's change from its base year: beyond that a typo.
constexpr Bounds kDemandFactor{0.0, 3.0};

constexpr SweepHook kCo2DelayHook{&reset_co2_infrastructure, &apply_co2_delay};
constexpr SweepHook kH2DelayHook{&reset_h2_infrastructure, &apply_h2_delay};
constexpr SweepHook kGridHeadroomHook{&reset_grid_headroom, &apply_grid_headroom_factor};
constexpr SweepHook kCo2StorageHook{&reset_co2_infrastructure, &apply_co2_storage_factor};
constexpr SweepHook kCo2ShippingHook{&reset_co2_shipping, &apply_co2_shipping_factor};
constexpr SweepHook kHydrogenSupplyHook{&reset_h2_infrastructure, &apply_hydrogen_supply_factor};
constexpr SweepHook kBiomethaneSupplyHook{&reset_biomethane_supply, &apply_biomethane_supply_factor};
constexpr SweepHook kCapexPositionHook{&reset_capex, &apply_capex_position};
constexpr SweepHook kGreenPremiumHook{&reset_green_premium, &apply_green_premium_factor};
constexpr SweepHook kSectorGreenPremiumsHook{&reset_sector_green_premiums, &apply_sector_green_premiums_factor};

// clang-format off
constexpr std::array<SettingTable, 9> kTables{{
    {"scenario", true, "The run's identity, years, random seed and dataset."},
    {"prices", true,
     "Every price is a path (see Paths) within its range (>= 0, and finite: the range column). Money is EUR of the model price year (2023)."},
    {"policy", true,
     "EU and Dutch carbon pricing, support instruments, and the Dutch energy taxes, indirect cost compensation and "
     "grid connection rules of the energy cost stack (docs/ODD.md §7.4)."},
    {"infrastructure", false,
     "Scales and shifts the dataset's timelines (`infrastructure.toml`) once at load time. A cluster never "
     "connected in the dataset (year 9999) stays unconnected whatever the delay. Per-cluster overrides "
     "follow in `[infrastructure.clusters.<id>]`."},
    {"behaviour", false,
     "How plants decide. Every key is optional; the defaults are the calibrated values of `core/inputs.hpp`."},
    {"agreements", false,
     "How the dataset's support agreements (`agreements.csv`) that are not yet binding turn out in a run "
     "(docs/ODD.md §7.15). Each expression of principle (EoP) and joint letter of intent (JLoI) is drawn once "
     "per run: binding on time (its lag after its stage year), binding `delay_y` later (its routes start "
     "`delay_y` later too), or failed (no special treatment). Binding agreements always hold; stopped talks "
     "never give anything. For each stage the two probabilities add up to at most 1. A sub-table "
     "`[agreements.fixed]` sets the outcome of named EoPs and JLoIs instead of drawing it, in every run and "
     "seed: `tata_2025 = \"on_time\"` (or `\"late\"`, `\"failed\"`); each run file records every "
     "agreement's outcome (`agreement_outcome`, docs/output-format.md)."},
    {"neighbours", false,
     "The EU competitors next door: the all-in industrial energy cost of a large baseload user in Belgium "
     "(`be`), Germany (`de`) and France (`fr`) (wholesale + network + taxes and levies - compensation such as "
     "indirect-cost compensation), and where and how an intra-EU relocation (`relocate_eu`) produces "
     "(docs/ODD.md §7.1, §7.5). Their mean cost change since the calibration year, not the Dutch one, moves "
     "product prices (pass-through). A path left out is the Dutch path of the same carrier (no advantage)."},
    {"feedstock", false,
     "Mandates on the feed of the sectors in the dataset's `feedstocks.csv` (docs/ODD.md §7.18): the share of a "
     "sector's feed that must be recycled, bio-based or CCU feed, and the buy-out per t short. Each plant meets "
     "its share by buying alternative feed or paying the buy-out, whichever is cheaper; it also buys feed "
     "voluntarily when that is cheaper than fossil feed. The feedstocks are priced in "
     "`prices.feedstock_eur_per_t`; a scenario without this table and without those prices runs as before."},
    {"demand", false,
     "Demand volume paths per sector (docs/ODD.md §7.19): after the last observed year a plant's utilisation "
     "follows its sector's volume path in the dataset's `demand_paths.csv`, chained to the sector's observed "
     "activity of that year, and an appraisal expects the path as it expects market prices. Without this table "
     "(or with no `variant` and no override) every sector keeps its base utilisation."},
}};

constexpr auto kSettings = std::to_array<SettingSpec>({
    // ------------------------------------------------------------------ [scenario]
    {.key = "scenario.name", .type = T::text, .required = true,
     .doc = "short scenario name, stored in the output", .text = &top<&Scenario::name>},
    {.key = "scenario.description", .type = T::text, .doc = "free text", .text = &top<&Scenario::description>},
    {.key = "scenario.base_year", .type = T::integer, .unit = "year", .bounds = kYear, .required = true,
     .doc = "first simulated year", .integer = &top<&Scenario::base_year>},
    {.key = "scenario.end_year", .type = T::integer, .unit = "year", .bounds = kYear, .required = true,
     .doc = "last simulated year, >= `base_year`", .integer = &top<&Scenario::end_year>},
    {.key = "scenario.calibration_year", .type = T::integer, .unit = "year", .bounds = kYear,
     .doc = "year whose prices calibrate every plant's non-energy cost so the keep route earns its sector's "
            "`base_margin_share` (a plant still running then was viable at those prices); sector product prices "
            "are of this year. Between `base_year` and `end_year`. The Dutch scenarios use 2025.",
     .default_doc = "base_year", .integer = &top<&Scenario::calibration_year>},
    {.key = "scenario.seed", .type = T::seed, .bounds = kSeedRange,
     .doc = "root of every random stream; the CLI's `--seed` overrides", .seed = &top<&Scenario::seed>},
    {.key = "scenario.history", .type = T::choice,
     .doc = "how the dataset's observed history (`history.csv`, docs/ODD.md §7.13) applies up to its last observed "
            "year: `forced` applies every observed closure, curtailment, outage and project (projections start "
            "from the year as it happened); `free` applies only exogenous outages, and plant behaviour decides the "
            "rest (the hindcast's test of behaviour); `off` ignores it",
     .default_doc = "forced",
     .choice = {kHistoryModeNames, &get_top_choice<&Scenario::history>, &set_top_choice<&Scenario::history>}},
    {.key = "scenario.dataset", .type = T::text, .unit = "path", .required = true,
     .doc = "dataset folder, relative to the scenario file", .text = &top<&Scenario::dataset>},
    // ------------------------------------------------------------------ [prices]
    {.key = "prices.ets_eur_per_t", .type = T::path, .unit = "EUR/t", .bounds = kEurPerTonne, .required = true,
     .sweep = S::factor, .long_name = "EU ETS price path", .doc = "EU ETS allowance price, per t CO2",
     .path = &in<kPrices, &P::ets_eur_per_t>},
    {.key = "prices.ets_nominal_from", .type = T::integer, .unit = "year", .bounds = kYear,
     .doc = "first anchor year of `ets_eur_per_t` that is a nominal forecast (EUR of that year, as analysts "
            "quote them); the loader converts those anchors to EUR2023 at the ECB's 2 % inflation target "
            "(core/price_year.hpp). Earlier anchors are taken as EUR2023",
     .default_doc = "none: the whole path is EUR2023", .integer = &in<kPrices, &P::ets_nominal_from>},
    {.key = "prices.gas_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "natural gas price path",
     .doc = "natural gas commodity (TTF; network and tax are added per plant), per MWh of gross calorific value as "
            "traded; the engine's energy is net: EUR/GJ(NCV) = EUR/MWh(GCV) / (3.6 x 0.901)",
     .path = &in<kPrices, &P::gas_eur_per_gj>},
    {.key = "prices.electricity_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "wholesale electricity price path",
     .doc = "wholesale (day-ahead baseload) electricity; each plant adds the network tariff of its connection level, "
            "energy tax by bracket and less compensation (docs/ODD.md §7.4)",
     .path = &in<kPrices, &P::electricity_eur_per_gj>},
    {.key = "prices.network_tariff_ehv_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "network tariff path, 220/380 kV",
     .doc = "TenneT tariff per MWh for a plant on the extra-high-voltage grid (base-year load >= "
            "`policy.ehv_connection_min_mw`)",
     .path = &network_tariff<ConnectionLevel::ehv>},
    {.key = "prices.network_tariff_hv_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "network tariff path, 110/150 kV",
     .doc = "TenneT tariff per MWh for a plant on the high-voltage grid (base-year load >= "
            "`policy.hv_connection_min_mw`)",
     .path = &network_tariff<ConnectionLevel::hv>},
    {.key = "prices.network_tariff_regional_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "network tariff path, regional grid",
     .doc = "regional grid operator's tariff per MWh for a smaller plant (medium or high-medium voltage)",
     .path = &network_tariff<ConnectionLevel::regional>},
    {.key = "prices.gas_network_tariff_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas network tariff path",
     .doc = "GTS entry/exit and transport per MWh(GCV) of natural gas and biomethane, added to the commodity",
     .path = &in<kPrices, &P::gas_network_tariff_eur_per_gj>},
    {.key = "prices.hydrogen_eur_per_kg", .type = T::path, .unit = "EUR/kg", .bounds = kEurPerKgHydrogen,
     .required = true, .sweep = S::factor, .to_engine = kPerKgHydrogenToPerGj, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "hydrogen price path",
     .doc = "delivered hydrogen per kg (converted with the lower heating value, 0.12 GJ/kg: the engine's NCV basis)",
     .path = &in<kPrices, &P::hydrogen_eur_per_gj>},
    {.key = "prices.green_hydrogen_eur_per_kg", .type = T::path, .unit = "EUR/kg", .bounds = kEurPerKgHydrogen,
     .sweep = S::factor, .to_engine = kPerKgHydrogenToPerGj, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "renewable hydrogen price path",
     .doc = "renewable (RFNBO) hydrogen delivered to industry, per kg (LHV 0.12 GJ/kg); plants buy it only for the "
            "share `policy.hydrogen_obligation_share` requires (docs/ODD.md §7.16); `hydrogen_eur_per_kg` prices "
            "the rest (grey or blue)",
     .default_doc = "0 (needed only with an obligation)", .path = &in<kPrices, &P::green_hydrogen_eur_per_gj>},
    {.key = "prices.rfnbo_refinery_credit_eur_per_kg", .type = T::path, .unit = "EUR/kg", .bounds = kEurPerKgHydrogen,
     .sweep = S::factor, .to_engine = kPerKgHydrogenToPerGj, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "refinery-route credit per kg of renewable hydrogen",
     .doc = "what a refinery earns per kg of renewable (RFNBO) hydrogen it uses under the transport-fuel obligation's "
            "refinery route (HBE; from 2026 the ERE system's refinery units); a renewable hydrogen supplier (entrants.csv "
            "`supplies = green_hydrogen`) fetches its product group's price (the grey hydrogen it displaces) plus this "
            "credit, or the green-hydrogen price where that is higher (docs/ODD.md §7.20, \"Suppliers\")",
     .default_doc = "0 (no refinery route)", .path = &in<kPrices, &P::rfnbo_refinery_credit_eur_per_gj>},
    {.key = "prices.biomethane_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "biomethane price path",
     .doc = "biomethane (green gas) delivered to industry, per MWh of gross calorific value as quoted "
            "(converted like natural gas)",
     .path = &in<kPrices, &P::biomethane_eur_per_gj>},
    {.key = "prices.other_fuel_eur_per_gj", .type = T::path, .unit = "EUR/GJ(NCV)", .bounds = kEurPerGj,
     .required = true, .sweep = S::factor, .long_name = "other fuel price path",
     .doc = "refinery/process gas, coal, residues, per GJ of net calorific value (coal is quoted on NCV, e.g. "
            "API2 6,000 kcal/kg NAR)", .path = &in<kPrices, &P::other_fuel_eur_per_gj>},
    {.key = "prices.co2_transport_storage_eur_per_t", .type = T::path, .unit = "EUR/t", .bounds = kEurPerTonne,
     .required = true, .sweep = S::factor, .long_name = "CO2 transport and storage fee path",
     .doc = "fee per t CO2 captured and stored", .path = &in<kPrices, &P::co2_transport_storage_eur_per_t>},
    {.key = "prices.co2_ship_transport_storage_eur_per_t", .type = T::path, .unit = "EUR/t", .bounds = kEurPerTonne,
     .sweep = S::factor, .long_name = "CO2 ship chain fee path",
     .doc = "fee per t CO2 captured by a ship-connected plant (`co2_connections.csv` mode `ship`): shipping, "
            "terminal and storage abroad, instead of `co2_transport_storage_eur_per_t`; the capture route's own "
            "capex and power already hold the liquefaction",
     .default_doc = "`co2_transport_storage_eur_per_t` (a scenario silent on ships gives them the pipeline fee, "
                    "not a free ride)",
     .path = &in<kPrices, &P::co2_ship_transport_storage_eur_per_t>},
    {.key = "prices.foreign_gas_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas price abroad path",
     .doc = "gas where a relocated plant would produce, per MWh of gross calorific value (Henry Hub is quoted per "
            "MMBtu HHV; converted like natural gas)",
     .path = &in<kPrices, &P::foreign_gas_eur_per_gj>},
    {.key = "prices.foreign_electricity_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .required = true, .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "electricity price abroad path", .doc = "electricity there (no Dutch tariff added)",
     .path = &in<kPrices, &P::foreign_electricity_eur_per_gj>},
    {.key = "prices.product_price_index", .type = T::path, .unit = "1", .bounds = kMultiplier, .required = true,
     .sweep = S::factor, .long_name = "product price index path",
     .doc = "multiplies every sector's calibration-year product price (1 = that price); a sector with an "
            "observed index in the dataset's `observed_prices.csv` follows that in its observed years (docs/ODD.md "
            "§7.1)",
     .path = &in<kPrices, &P::product_price_index>},
    {.key = "prices.import_eur_per_t", .type = T::path_table, .unit = "EUR/t", .bounds = kEurPerTonne,
     .sweep = S::factor, .long_name = "every imported-intermediate price path",
     .doc = "one path per hydrogen-rich intermediate, EUR per t delivered in NL, keyed by any name, e.g. "
            "`ammonia = { 2020 = 300, 2030 = 700 }`. A sector's `import_price` column in `sectors.csv` must name "
            "one of these keys (or be empty). Only needed when some sector has an `import` option.",
     .named_paths = {&import_names, &import_paths}},
    {.key = "prices.feedstock_eur_per_t", .type = T::path_table, .unit = "EUR/t", .bounds = kEurPerTonne,
     .long_name = "feedstock price path per feedstock",
     .doc = "one path per feedstock, EUR per t delivered, keyed by a `feedstocks.csv` id (`pyrolysis_oil`, "
            "`bio_naphtha`, ...) or a fossil feed its `fossil_feed` column names (`naphtha`, `crude_oil`), e.g. "
            "`naphtha = { 2025 = 600 }`. An alternative feedstock left out is not offered; a sector whose "
            "alternatives are priced needs its fossil feed priced (docs/ODD.md §7.18)",
     .default_doc = "none (no feedstock market)", .named_paths = {&feedstock_price_names, &feedstock_price_paths}},
    // ------------------------------------------------------------------ [policy]
    {.key = "policy.free_allocation_factor", .type = T::path, .unit = "1", .bounds = kShare, .required = true,
     .sweep = S::factor, .long_name = "free allocation factor path (CBAM sectors)",
     .doc = "CBAM-covered sectors: 1 = full benchmark free allocation; the CBAM phase-out 2026-2034 lowers it",
     .path = &in<kPolicy, &Q::free_allocation_factor>},
    {.key = "policy.free_allocation_factor_non_cbam", .type = T::path, .unit = "1", .bounds = kShare,
     .sweep = S::factor, .long_name = "free allocation factor path (other sectors)",
     .doc = "free allocation of sectors outside CBAM (EU ETS Directive 2023/959 keeps it; < 1 models benchmark "
            "tightening)",
     .path = &in<kPolicy, &Q::free_allocation_factor_non_cbam>},
    {.key = "policy.cbam_factor", .type = T::path, .unit = "1", .bounds = kShare, .required = true,
     .sweep = S::factor, .long_name = "CBAM factor path",
     .doc = "share of the EU carbon price charged at the border on imports", .path = &in<kPolicy, &Q::cbam_factor>},
    {.key = "policy.unknown_benchmark_cut_position", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::value, .long_name = "cut of the 2026-2030 benchmarks not at hand",
     .doc = "for a product whose 2026-2030 EU ETS benchmark (Implementing Regulation (EU) 2026/1412) is not at hand "
            "(nitric acid, aluminium, anodes, steam cracking): where its cut lies between the "
            "least the law allows (0: 6 % below the 2013-2020 value, and no higher than the 2021-2025 value) and the "
            "largest (1: 50 % below it), Directive 2003/87/EC Art. 10a(2); adopted values and the sector fallback do "
            "not move (docs/ODD.md §7.4 \"Benchmark rule\")",
     .number = &in<kPolicy, &Q::unknown_benchmark_cut_position>},
    {.key = "policy.electric_steam_allocated", .type = T::boolean,
     .doc = "`false`: a fallback plant's electrified steam (low and mid heat bands) loses the combustion part of its "
            "benchmark with the fuel, as its electrified furnace heat always does; `true` (default): it keeps it as "
            "heat-benchmark allocation, until the heat-benchmark definition as amended by Delegated Regulation (EU) "
            "2024/873 is read (docs/ODD.md §7.4 \"Electrified heat\")",
     .boolean = &in<kPolicy, &Q::electric_steam_allocated>},
    {.key = "policy.co2_levy", .type = T::boolean, .required = true,
     .doc = "`false` abolishes the national CO2 levy", .boolean = &in<kPolicy, &Q::co2_levy_enabled>},
    {.key = "policy.co2_levy_eur_per_t", .type = T::path, .unit = "EUR/t", .bounds = kEurPerTonne, .required = true,
     .sweep = S::factor, .long_name = "national CO2 levy path",
     .doc = "levy rate; the ETS price is deducted from it", .path = &in<kPolicy, &Q::co2_levy_eur_per_t>},
    {.key = "policy.dispensation_factor", .type = T::path, .unit = "1", .bounds = kMultiplier, .required = true,
     .sweep = S::factor, .long_name = "levy dispensation factor path",
     .doc = "levy-free emissions as a share of base-year intensity (may exceed 1)",
     .path = &in<kPolicy, &Q::dispensation_factor>},
    {.key = "policy.green_premium_eur_per_t", .type = T::path, .unit = "EUR/t", .bounds = kEurPerTonne,
     .required = true, .sweep = S::factor, .long_name = "green premium path",
     .doc = "paid per t of product made without net CO2, in proportion to the CO2 the route no longer emits; the "
            "default for every sector `green_premium_by_sector_eur_per_t` does not name",
     .path = &in<kPolicy, &Q::green_premium_eur_per_t>, .hook = kGreenPremiumHook},
    {.key = "policy.green_premium_by_sector_eur_per_t", .type = T::path_table, .unit = "EUR/t", .bounds = kEurPerTonne,
     .sweep = S::factor, .long_name = "green premium path per sector",
     .doc = "one path per sector id of `sectors.csv` (per t of that sector's product), e.g. `steel = { 2030 = 80 }`: "
            "replaces `green_premium_eur_per_t` for that sector (lead markets per product: mandates, "
            "procurement, labels); a sweep factor scales every sector's own path together",
     .named_paths = {&premium_sector_names, &premium_sector_paths}, .hook = kSectorGreenPremiumsHook},
    {.key = "policy.green_quota_share", .type = T::path_table, .unit = "1", .bounds = kShare,
     .long_name = "required green share of domestic demand per sector",
     .doc = "one path per sector id of `sectors.csv`: the share of the sector's domestic demand (its Dutch "
            "production of the year before) that must be green tonnes (made without net CO2, counted as in the "
            "green premium); the quota's premium clears each year (docs/ODD.md §7.16). Every sector named needs a "
            "`green_quota_cap_eur_per_t`",
     .named_paths = {&quota_sector_names, &quota_share_paths}},
    {.key = "policy.green_quota_cap_eur_per_t", .type = T::path_table, .unit = "EUR/t", .bounds = kEurPerTonne,
     .long_name = "cap on the green quota's premium per sector",
     .doc = "one path per sector with a `green_quota_share`: the premium per green t the quota clears at when "
            "too few green tonnes are offered (the buy-out buyers pay instead), and the most it clears at when "
            "enough are (then the marginal green producer's break-even premium, docs/ODD.md §7.16); added to the "
            "sector's green premium",
     .named_paths = {&quota_cap_names, &quota_cap_paths}},
    {.key = "policy.hydrogen_obligation_share", .type = T::path, .unit = "1", .bounds = kShare,
     .long_name = "renewable share of industrial hydrogen use required",
     .doc = "RED III Art. 22a as transposed: the share of the hydrogen the plants use that must be renewable "
            "(RFNBO) in the year; each hydrogen-using plant buys it at `prices.green_hydrogen_eur_per_kg` or "
            "pays the buy-out (docs/ODD.md §7.16)",
     .default_doc = "0 (no obligation)", .path = &in<kPolicy, &Q::hydrogen_obligation_share>},
    {.key = "policy.hydrogen_obligation_buyout_eur_per_kg", .type = T::path, .unit = "EUR/kg", .bounds = kEurPerKgHydrogen,
     .to_engine = kPerKgHydrogenToPerGj, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "buy-out per kg of renewable hydrogen short",
     .doc = "penalty per kg of the obligation not met with renewable hydrogen (supply short, or buy-out cheaper "
            "than renewable hydrogen)",
     .default_doc = "0", .path = &in<kPolicy, &Q::hydrogen_obligation_buyout_eur_per_gj>},
    {.key = "policy.ehv_connection_min_mw", .type = T::number, .unit = "MW", .bounds = kMegawatts,
     .doc = "base-year average electrical load from which a plant is connected at 220/380 kV (docs/ODD.md §7.4)",
     .number = &energy<&E::ehv_min_mw>},
    {.key = "policy.hv_connection_min_mw", .type = T::number, .unit = "MW", .bounds = kMegawatts,
     .doc = "base-year average electrical load from which a plant is connected at 110/150 kV (below: regional grid; "
            "must not exceed `ehv_connection_min_mw`)",
     .number = &energy<&E::hv_min_mw>},
    {.key = "policy.electricity_tax_1_eur_per_kwh", .type = T::path, .unit = "EUR/kWh", .bounds = kEurPerKwh,
     .sweep = S::factor, .to_engine = kPerKwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "electricity tax path, 0-10 MWh/yr",
     .doc = "energy tax (with the ODE before 2023) on the first 10,000 kWh a year (Wbm art. 59)",
     .path = &electricity_tax<0>},
    {.key = "policy.electricity_tax_2_eur_per_kwh", .type = T::path, .unit = "EUR/kWh", .bounds = kEurPerKwh,
     .sweep = S::factor, .to_engine = kPerKwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "electricity tax path, 10-50 MWh/yr", .doc = "on 10,000-50,000 kWh a year",
     .path = &electricity_tax<1>},
    {.key = "policy.electricity_tax_3_eur_per_kwh", .type = T::path, .unit = "EUR/kWh", .bounds = kEurPerKwh,
     .sweep = S::factor, .to_engine = kPerKwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "electricity tax path, 50 MWh-10 GWh/yr", .doc = "on 50,000-10 million kWh a year",
     .path = &electricity_tax<2>},
    {.key = "policy.electricity_tax_4_eur_per_kwh", .type = T::path, .unit = "EUR/kWh", .bounds = kEurPerKwh,
     .sweep = S::factor, .to_engine = kPerKwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "electricity tax path, above 10 GWh/yr", .doc = "on use above 10 million kWh a year (business rate)",
     .path = &electricity_tax<3>},
    {.key = "policy.gas_tax_1_eur_per_m3", .type = T::path, .unit = "EUR/m3", .bounds = kEurPerM3,
     .sweep = S::factor, .to_engine = kPerM3ToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas tax path, 0-170,000 m3/yr",
     .doc = "energy tax (with the ODE before 2023) per m3 (35.17 MJ GCV) of natural gas burnt, first 170,000 m3 a "
            "year (Wbm art. 59); feedstock and exempt processes pay none (docs/ODD.md §7.4)",
     .path = &gas_tax<0>},
    {.key = "policy.gas_tax_2_eur_per_m3", .type = T::path, .unit = "EUR/m3", .bounds = kEurPerM3,
     .sweep = S::factor, .to_engine = kPerM3ToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas tax path, 170,000-1 million m3/yr", .doc = "on 170,000-1 million m3 a year",
     .path = &gas_tax<1>},
    {.key = "policy.gas_tax_3_eur_per_m3", .type = T::path, .unit = "EUR/m3", .bounds = kEurPerM3,
     .sweep = S::factor, .to_engine = kPerM3ToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas tax path, 1-10 million m3/yr", .doc = "on 1-10 million m3 a year", .path = &gas_tax<2>},
    {.key = "policy.gas_tax_4_eur_per_m3", .type = T::path, .unit = "EUR/m3", .bounds = kEurPerM3,
     .sweep = S::factor, .to_engine = kPerM3ToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "gas tax path, above 10 million m3/yr", .doc = "on use above 10 million m3 a year",
     .path = &gas_tax<3>},
    {.key = "policy.ikc_budget_meur", .type = T::path, .unit = "EUR million", .bounds = kEurMillion,
     .sweep = S::factor, .to_engine = kEurPerMillion, .engine_unit = "EUR", .long_name = "IKC budget path",
     .doc = "yearly budget of the indirect cost compensation (IKC-ETS); when eligible claims exceed it every claim "
            "is cut by the same share (docs/ODD.md §7.4). 0: no IKC",
     .path = &energy<&E::ikc_budget_eur>},
    {.key = "policy.ikc_aid_intensity", .type = T::path, .unit = "1", .bounds = kShare, .sweep = S::factor,
     .long_name = "IKC aid intensity path", .doc = "share of the indirect emission cost compensated",
     .path = &energy<&E::ikc_aid_intensity>},
    {.key = "policy.ikc_emission_factor_t_per_mwh", .type = T::path, .unit = "t/MWh", .bounds = kTonnesPerMwh,
     .long_name = "IKC CO2 emission factor path",
     .doc = "CO2 emission factor of electricity the compensation assumes (the scheme's regional factor)",
     .path = &energy<&E::ikc_emission_factor_t_per_mwh>},
    {.key = "policy.ikc_benchmark_share", .type = T::number, .unit = "1", .bounds = kShare,
     .doc = "compensated electricity as a share of actual use (the guidelines' fallback efficiency benchmark)",
     .number = &energy<&E::ikc_benchmark_share>},
    {.key = "policy.electricity_compensation_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "other electricity compensation path",
     .doc = "any other compensation per MWh of electricity every plant uses (e.g. a CISAF price relief or a cut in "
            "tariffs paid back), beside IKC",
     .path = &energy<&E::electricity_compensation_eur_per_gj>},
    // ------------------------------------------------------------------ [feedstock]
    {.key = "feedstock.mandate_share", .type = T::path_table, .unit = "1", .bounds = kShare,
     .long_name = "required recycled, bio or CCU share of feed per sector",
     .doc = "one path per sector id of `feedstocks.csv`: the share of each plant's feed (t of alternative feed per "
            "t of feed, mass basis) that must be recycled, bio-based or CCU feed in the year. Every sector named "
            "needs a `buyout_eur_per_t` (docs/ODD.md §7.18)",
     .default_doc = "none (no mandate)", .named_paths = {&mandate_sector_names, &mandate_share_paths}},
    {.key = "feedstock.buyout_eur_per_t", .type = T::path_table, .unit = "EUR/t", .bounds = kEurPerTonne,
     .long_name = "buy-out per t of mandated feed short, per sector",
     .doc = "one path per sector with a `mandate_share`: paid per t of alternative feed the mandate requires and "
            "the plant does not use (supply short, or the buy-out is cheaper than the feed's premium)",
     .default_doc = "none", .named_paths = {&feed_buyout_names, &feed_buyout_paths}},
    {.key = "feedstock.supply_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .doc = "multiplies the national supply of every alternative feedstock (infrastructure.toml "
            "`[feedstock_supply]`)",
     .number = &in<kFeedstock, &FeedstockPolicy::supply_factor>},
    {.key = "feedstock.price_pass_through", .type = T::number, .unit = "1", .bounds = kShare,
     .doc = "share of the mandate's compliance cost per t product (the mandated share x fossil feed per t x the "
            "cheaper of the buy-out and the cheapest usable feed's premium) that the EU product price carries, on "
            "the share sold in the EU: 1 when the mandate binds every supplier to the EU market (an EU rule on the "
            "product placed on the market: PPWR recycled content, ReFuelEU), 0 when it binds Dutch producers only "
            "(docs/ODD.md §7.18)",
     .number = &in<kFeedstock, &FeedstockPolicy::price_pass_through>},
    // ------------------------------------------------------------------ [infrastructure]
    {.key = "infrastructure.co2_delay_y", .type = T::integer, .unit = "year", .bounds = kDelayBounds, .sweep = S::value,
     .long_name = "extra delay of CO2 connections and storage",
     .doc = "moves every cluster's CO2 connection year and the national storage path later (negative: earlier); "
            "a sweep adds its rounded sample to the loaded years",
     .integer = &in<kInfra, &I::co2_delay_y>, .hook = kCo2DelayHook},
    {.key = "infrastructure.h2_delay_y", .type = T::integer, .unit = "year", .bounds = kDelayBounds, .sweep = S::value,
     .long_name = "extra delay of hydrogen connections and supply",
     .doc = "the same for hydrogen connection years and the national supply path",
     .integer = &in<kInfra, &I::h2_delay_y>, .hook = kH2DelayHook},
    {.key = "infrastructure.grid_headroom_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor, .long_name = "factor on every cluster's grid headroom",
     .doc = "multiplies every cluster's grid headroom path", .number = &in<kInfra, &I::grid_headroom_factor>,
     .hook = kGridHeadroomHook},
    {.key = "infrastructure.co2_storage_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor, .long_name = "factor on national CO2 storage capacity",
     .doc = "multiplies national CO2 storage capacity", .number = &in<kInfra, &I::co2_storage_factor>,
     .hook = kCo2StorageHook},
    {.key = "infrastructure.co2_shipping_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor, .long_name = "factor on national CO2 shipping capacity",
     .doc = "multiplies the CO2 shipping capacity abroad (infrastructure.toml `co2_shipping_mt`)",
     .number = &in<kInfra, &I::co2_shipping_factor>, .hook = kCo2ShippingHook},
    {.key = "infrastructure.hydrogen_supply_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor, .long_name = "factor on national hydrogen supply",
     .doc = "multiplies national hydrogen supply", .number = &in<kInfra, &I::hydrogen_supply_factor>,
     .hook = kHydrogenSupplyHook},
    {.key = "infrastructure.biomethane_supply_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor, .long_name = "factor on national new biomethane supply",
     .doc = "multiplies national new-biomethane supply for industry",
     .number = &in<kInfra, &I::biomethane_supply_factor>, .hook = kBiomethaneSupplyHook},
    {.key = "infrastructure.green_hydrogen_supply_pj", .type = T::path, .unit = "PJ/yr", .bounds = kPetajoulesPerYear,
     .sweep = S::factor, .to_engine = kGjPerPj, .engine_unit = "GJ/yr",
     .long_name = "renewable hydrogen deliverable to industry",
     .doc = "renewable (RFNBO) hydrogen deliverable to industry per year (electrolysis in NL and imports); the "
            "scarce resource `green_hydrogen` and the ceiling of renewable use under the obligation",
     .default_doc = "0", .path = &in<kInfra, &I::green_hydrogen_supply_gj>},
    {.key = "infrastructure.ammonia_import_cap_mt", .type = T::path, .unit = "Mt/yr", .bounds = kMegatonnesPerYear,
     .sweep = S::factor, .to_engine = kTonnesPerMt, .engine_unit = "t/yr",
     .long_name = "cap on low-carbon ammonia imports",
     .doc = "low-carbon ammonia the world market can deliver to Dutch plants per year (limited global supply): the "
            "scarce resource `ammonia_imports` that import routes of sectors whose intermediate is `ammonia` hold "
            "while they run (docs/ODD.md §7.16)",
     .default_doc = "no cap", .path = &in<kInfra, &I::ammonia_import_cap_t>},
    {.key = "infrastructure.dri_import_cap_mt", .type = T::path, .unit = "Mt/yr", .bounds = kMegatonnesPerYear,
     .sweep = S::factor, .to_engine = kTonnesPerMt, .engine_unit = "t/yr",
     .long_name = "cap on low-carbon HBI/DRI imports",
     .doc = "low-carbon HBI/DRI the world market can deliver to Dutch plants per year (limited global supply): the "
            "scarce resource `dri_imports` that import routes of sectors whose intermediate is `dri` hold "
            "while they run (docs/ODD.md §7.16)",
     .default_doc = "no cap", .path = &in<kInfra, &I::dri_import_cap_t>},
    {.key = "infrastructure.methanol_import_cap_mt", .type = T::path, .unit = "Mt/yr", .bounds = kMegatonnesPerYear,
     .sweep = S::factor, .to_engine = kTonnesPerMt, .engine_unit = "t/yr",
     .long_name = "cap on low-carbon methanol imports",
     .doc = "low-carbon methanol the world market can deliver to Dutch plants per year (limited global supply): the "
            "scarce resource `methanol_imports` that import routes of sectors whose intermediate is `methanol` hold "
            "while they run (docs/ODD.md §7.16)",
     .default_doc = "no cap", .path = &in<kInfra, &I::methanol_import_cap_t>},
    // ------------------------------------------------------------------ [behaviour]
    {.key = "behaviour.expectation", .type = T::choice, .doc = "how plants expect future prices",
     .choice = {kExpectationNames, &get_choice<kBehaviour, &B::expectation>, &set_choice<kBehaviour, &B::expectation>}},
    {.key = "behaviour.adaptive_weight", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "weight of the newest price in adaptive expectations",
     .doc = "weight of the newest price in adaptive expectations (share)", .number = &in<kBehaviour, &B::adaptive_weight>},
    {.key = "behaviour.horizon_y", .type = T::integer, .unit = "year", .bounds = kYearCount,
     .sweep = S::factor_or_value, .long_name = "decision horizon", .doc = "years a decision looks ahead",
     .integer = &in<kBehaviour, &B::horizon_y>},
    {.key = "behaviour.deterministic", .type = T::boolean, .doc = "`true`: cost-minimising choice, no logit noise",
     .boolean = &in<kBehaviour, &B::deterministic>},
    {.key = "behaviour.frozen_technology", .type = T::boolean,
     .doc = "`true`: no plant decides (no route change, relocation or closure by the closure rule); observed history, "
            "agreements, dispatch and value-chain effects still apply. The reference of `eiisim run --reference "
            "frozen-technology`, which also stops the agreements not binding before it (docs/ODD.md §7.17)",
     .boolean = &in<kBehaviour, &B::frozen_technology>},
    {.key = "behaviour.logit_scale", .type = T::number, .unit = "1", .bounds = kPositiveMultiplier,
     .sweep = S::factor_or_value, .long_name = "logit scale (heterogeneity of choices)",
     .doc = "margin difference (as a share of the expected product price) worth one unit of logit utility: "
            "larger = more heterogeneous choices",
     .number = &in<kBehaviour, &B::logit_scale>},
    {.key = "behaviour.strategic_bias_sd", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor_or_value, .long_name = "sd of plant-specific option bias",
     .doc = "sd of plant-specific cost factors per option kind (share)",
     .number = &in<kBehaviour, &B::strategic_bias_sd>},
    {.key = "behaviour.taste_innovation_sd", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor_or_value, .long_name = "sd of the yearly taste innovation",
     .doc = "sd (in logit utility; the lasting Gumbel taste has sd 1.28) of a yearly normal innovation added to a "
            "plant's lasting taste per option kind; 0: the taste is kept for the run (docs/ODD.md §7.7)",
     .number = &in<kBehaviour, &B::taste_innovation_sd>},
    {.key = "behaviour.loss_years_trigger", .type = T::integer, .unit = "year", .bounds = kYearCount,
     .sweep = S::factor_or_value, .long_name = "loss years that force a re-evaluation",
     .doc = "consecutive loss years that force a re-evaluation", .integer = &in<kBehaviour, &B::loss_years_trigger>},
    {.key = "behaviour.infrastructure_risk_premium", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor_or_value, .long_name = "risk premium while infrastructure is pending",
     .doc = "mark-up (share of capital cost) on an option's capex annuity + fixed opex when the CO2 or hydrogen "
            "connection it needs is not yet in place",
     .number = &in<kBehaviour, &B::infrastructure_risk_premium>},
    {.key = "behaviour.peer_risk_reduction", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "share of the premium removed by peer adoption",
     .doc = "share of that premium removed when all cluster peers adopted",
     .number = &in<kBehaviour, &B::peer_risk_reduction>},
    {.key = "behaviour.export_fraction", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "share of lost offtake sold abroad",
     .doc = "share of lost domestic offtake sold abroad", .number = &in<kBehaviour, &B::export_fraction>},
    {.key = "behaviour.export_discount", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "price discount on exports",
     .doc = "price discount on that export (share)", .number = &in<kBehaviour, &B::export_discount>},
    {.key = "behaviour.grid_load_factor", .type = T::number, .unit = "1", .bounds = kLoadFactor,
     .sweep = S::factor_or_value, .long_name = "average / peak load of new electric demand",
     .doc = "average / peak load of new electric demand", .number = &in<kBehaviour, &B::grid_load_factor>},
    {.key = "behaviour.energy_cost_pass_through", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "share of energy-price changes passed to product prices",
     .doc = "share of an energy-price change (against the calibration year) that product prices follow, per GJ "
            "of the sector's average use of each carrier",
     .number = &in<kBehaviour, &B::energy_cost_pass_through>},
    {.key = "behaviour.relocation_hurdle", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "relocation hurdle (share of product price)",
     .doc = "a plant relocates only when producing abroad beats staying by more than this share of the product "
            "price",
     .number = &in<kBehaviour, &B::relocation_hurdle>},
    {.key = "behaviour.closure_threshold", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "closure threshold (share of product price)",
     .doc = "a plant closes only when its best option's expected margin is below minus this share of the price "
            "(closing has costs of its own)",
     .number = &in<kBehaviour, &B::closure_threshold>},
    {.key = "behaviour.curtailed_utilisation", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "utilisation share in a year of negative cash margin",
     .doc = "in a year whose cash margin (revenue less energy, carbon, transport and storage, variable and "
            "import costs) is negative, the plant runs at this share of its normal utilisation (ODD section "
            "7.10); 1 = never curtails",
     .number = &in<kBehaviour, &B::curtailed_utilisation>},
    {.key = "behaviour.restart_margin_share", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "cash margin a curtailed plant needs to run normally again",
     .doc = "a plant the curtailment rule curtailed last year runs at its normal utilisation again only when "
            "its cash margin is at least this share of its revenue (restart hysteresis, ODD section 7.10); 0 = "
            "it restarts as soon as the margin is positive",
     .number = &in<kBehaviour, &B::restart_margin_share>},
    {.key = "behaviour.permit_min_capex_eur", .type = T::number, .unit = "EUR", .bounds = kNonNegative,
     .sweep = S::factor_or_value, .long_name = "smallest conversion with a permit stage",
     .doc = "a conversion of a kind with a row in the dataset's `permits.csv` whose investment is at least this "
            "goes through a permit stage of that row's years before its build lead time (docs/ODD.md §7.9 "
            "\"Permit stage\")",
     .number = &in<kBehaviour, &B::permit_min_capex_eur>},
    {.key = "behaviour.permit_delay_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "probability a permit stage runs on a year",
     .doc = "at the end of a permit stage, and of each year it ran on, the probability that it runs on another "
            "year (an appeal, a repeated assessment), at most `permit_max_delay_y` years",
     .number = &in<kBehaviour, &B::permit_delay_probability>},
    {.key = "behaviour.permit_failure_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "probability a permit application fails",
     .doc = "per application: the permit is refused at the end of the stage, the granted conversion is withdrawn "
            "and the plant decides again",
     .number = &in<kBehaviour, &B::permit_failure_probability>},
    {.key = "behaviour.nitrogen_permit_delay_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "probability a nitrogen-sensitive permit stage runs on a year",
     .doc = "`permit_delay_probability` for routes `permits.csv` flags `nitrogen_sensitive` (Dutch nitrogen "
            "deposition rules: the Porthos ruling of 2022, Dow in the June 2025 maatwerk letter)",
     .number = &in<kBehaviour, &B::nitrogen_permit_delay_probability>},
    {.key = "behaviour.nitrogen_permit_failure_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "probability a nitrogen-sensitive permit application fails",
     .doc = "`permit_failure_probability` for routes flagged `nitrogen_sensitive`",
     .number = &in<kBehaviour, &B::nitrogen_permit_failure_probability>},
    {.key = "behaviour.permit_max_delay_y", .type = T::integer, .unit = "year", .bounds = Bounds{0.0, 20.0},
     .long_name = "longest delay of a permit stage", .doc = "years a permit stage can run on beyond its nominal years",
     .integer = &in<kBehaviour, &B::permit_max_delay_y>},
    {.key = "behaviour.priority", .type = T::choice,
     .doc = "order in which plants are granted scarce infrastructure and subsidy each year: by cost per t CO2 "
            "avoided (`cost_effectiveness`, an SDE++ round's rule), plants under a live agreement first "
            "(`maatwerk_then_cost_effectiveness`), or in random order (`queue`); agreements' own reservations "
            "come before either (docs/ODD.md §7.15)",
     .choice = {kPriorityRuleNames, &get_choice<kBehaviour, &B::priority>, &set_choice<kBehaviour, &B::priority>}},
    // ------------------------------------------------------------------ [agreements]
    {.key = "agreements.jloi_binding_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::value, .long_name = "probability a JLoI becomes binding on time",
     .doc = "a joint letter of intent becomes binding `jloi_lag_y` after it was signed",
     .number = &in<kAgreements, &A::jloi_binding_probability>},
    {.key = "agreements.jloi_delayed_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::value, .long_name = "probability a JLoI becomes binding late",
     .doc = "it becomes binding `delay_y` later than on time, and its routes start `delay_y` later",
     .number = &in<kAgreements, &A::jloi_delayed_probability>},
    {.key = "agreements.eop_binding_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::value, .long_name = "probability an EoP becomes binding on time",
     .doc = "an expression of principle becomes binding `eop_lag_y` after it was signed",
     .number = &in<kAgreements, &A::eop_binding_probability>},
    {.key = "agreements.eop_delayed_probability", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::value, .long_name = "probability an EoP becomes binding late",
     .doc = "as `jloi_delayed_probability`, for an expression of principle",
     .number = &in<kAgreements, &A::eop_delayed_probability>},
    {.key = "agreements.jloi_lag_y", .type = T::integer, .unit = "year", .bounds = Bounds{0.0, 20.0},
     .long_name = "years from a JLoI to its binding agreement", .doc = "when it is on time",
     .integer = &in<kAgreements, &A::jloi_lag_y>},
    {.key = "agreements.eop_lag_y", .type = T::integer, .unit = "year", .bounds = Bounds{0.0, 20.0},
     .long_name = "years from an EoP to its binding agreement", .doc = "when it is on time",
     .integer = &in<kAgreements, &A::eop_lag_y>},
    {.key = "agreements.delay_y", .type = T::integer, .unit = "year", .bounds = Bounds{0.0, 20.0},
     .long_name = "delay of a late agreement", .doc = "years a late agreement, and its routes, come after on time",
     .integer = &in<kAgreements, &A::delay_y>},
    {.key = "agreements.commitment_y", .type = T::integer, .unit = "year", .bounds = Bounds{0.0, 40.0},
     .long_name = "years an agreement binds its units to produce here",
     .doc = "from the agreed start year, a committed unit stays on its agreed route and cannot relocate (the "
            "agreement's reduction is due here, with clawback); the closure rule still applies (docs/ODD.md §7.15)",
     .default_doc = "15", .integer = &in<kAgreements, &A::commitment_y>},
    // ------------------------------------------------------------------ [neighbours]
    {.key = "neighbours.be_electricity_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "all-in industrial electricity cost path, Belgium (Flanders)",
     .doc = "all-in electricity of a large baseload user in Belgium (Flanders): wholesale + network + taxes and "
            "levies - compensation",
     .default_doc = "`prices.electricity_eur_per_mwh` + `prices.network_tariff_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_electricity<0>},
    {.key = "neighbours.be_gas_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "all-in industrial gas cost path, Belgium (Flanders)",
     .doc = "all-in natural gas of a large industrial user in Belgium (Flanders) (hub + network + taxes and levies), per MWh "
            "of gross calorific value (converted like the Dutch gas path)",
     .default_doc = "`prices.gas_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_gas<0>},
    {.key = "neighbours.de_electricity_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "all-in industrial electricity cost path, Germany",
     .doc = "all-in electricity of a large baseload user in Germany: wholesale + network + taxes and levies - "
            "compensation",
     .default_doc = "`prices.electricity_eur_per_mwh` + `prices.network_tariff_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_electricity<1>},
    {.key = "neighbours.de_gas_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "all-in industrial gas cost path, Germany",
     .doc = "all-in natural gas of a large industrial user in Germany (hub + network + taxes and levies), per MWh "
            "of gross calorific value (converted like the Dutch gas path)",
     .default_doc = "`prices.gas_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_gas<1>},
    {.key = "neighbours.fr_electricity_eur_per_mwh", .type = T::path, .unit = "EUR/MWh", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhToPerGj, .engine_unit = "EUR/GJ",
     .long_name = "all-in industrial electricity cost path, France",
     .doc = "all-in electricity of a large baseload user in France: wholesale + network + taxes and levies - "
            "compensation",
     .default_doc = "`prices.electricity_eur_per_mwh` + `prices.network_tariff_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_electricity<2>},
    {.key = "neighbours.fr_gas_eur_per_mwh", .type = T::path, .unit = "EUR/MWh(GCV)", .bounds = kEurPerMwh,
     .sweep = S::factor, .to_engine = kPerMwhGcvToPerGjNcv, .engine_unit = "EUR/GJ(NCV)",
     .long_name = "all-in industrial gas cost path, France",
     .doc = "all-in natural gas of a large industrial user in France (hub + network + taxes and levies), per MWh "
            "of gross calorific value (converted like the Dutch gas path)",
     .default_doc = "`prices.gas_eur_per_mwh` (the Dutch path)",
     .path = &neighbour_gas<2>},
    {.key = "neighbours.destination", .type = T::choice,
     .doc = "where an intra-EU relocation goes: `cheapest` (the neighbour whose gas and electricity cost the "
            "plant's keep route least in the year appraised) or a named neighbour (`be`, `de`, `fr`)",
     .default_doc = "cheapest",
     .choice = {kNeighbourChoiceNames, &get_choice<kNeighbours, &N::destination>,
                &set_choice<kNeighbours, &N::destination>}},
    {.key = "neighbours.transport_share", .type = T::number, .unit = "1", .bounds = kShare,
     .sweep = S::factor_or_value, .long_name = "intra-EU transport cost as a share of extra-EU transport",
     .doc = "transport from a neighbour's site to the plant's market, as a share of the sector's extra-EU "
            "`transport_eur_per_t` (sectors.csv)",
     .number = &in<kNeighbours, &N::transport_share>},
    {.key = "neighbours.other_cost_factor", .type = T::number, .unit = "1", .bounds = kMultiplier,
     .sweep = S::factor_or_value, .long_name = "non-energy cost at a neighbour's site over the Dutch one",
     .doc = "the site-independent non-energy cost (labour, upkeep, overheads) at a neighbour's site as a share of "
            "the Dutch one (the extra-EU counterpart is the sector's `abroad_cost_factor`)",
     .number = &in<kNeighbours, &N::other_cost_factor>},
    // ------------------------------------------------------------------ sweep only
    {.key = "technologies.capex_position", .type = T::sweep_only, .unit = "1", .bounds = kShare, .sweep = S::value,
     .long_name = "position of every option's capex in its MIDDEN range (0 lower limit, 0.5 central, 1 upper "
                  "limit)",
     .doc = "every catalogue and plant option's capex moves to this position in its MIDDEN range (0 = lower "
            "limit, 0.5 = central, 1 = upper limit, linear in between); one position for all rows, so costs move "
            "together",
     .hook = kCapexPositionHook},
    // ------------------------------------------------------------------ [demand]
    {.key = "demand.variant", .type = T::text,
     .doc = "the variant of `demand_paths.csv` whose volume paths the sectors follow (`central`, "
            "`fossil_decline`, `circular`); a sector the variant has no row for keeps its base utilisation",
     .default_doc = "none (no demand paths)", .text = &in<kDemand, &DemandSettings::variant>},
    {.key = "demand.factor", .type = T::number, .unit = "1", .bounds = kDemandFactor, .sweep = S::factor_or_value,
     .long_name = "demand path factor",
     .doc = "scales every volume path's change from its base year: v' = max(0, 1 + factor (v - 1)); 0 holds every "
            "sector at its last observed activity, 1 is the path as given",
     .number = &in<kDemand, &DemandSettings::factor>},
    {.key = "demand.volume_by_sector", .type = T::path_table, .unit = "1", .bounds = kMultiplier,
     .long_name = "demand volume path per sector",
     .doc = "one path per sector id of `sectors.csv`, relative to the paths' base year (= 1), e.g. "
            "`hvc = { 2025 = 1, 2050 = 0.5 }`: replaces the variant's path of that sector (the factor applies to "
            "it too); not a sweep target (resolved by sector when the dataset loads)",
     .named_paths = {&demand_sector_names, &demand_sector_paths}},
    {.key = "demand.price_by_sector", .type = T::path_table, .unit = "1", .bounds = kMultiplier,
     .long_name = "product price path per sector",
     .doc = "one path per sector id of `sectors.csv`, relative to its own base (only its shape counts), e.g. "
            "`hvc = { 2025 = 1, 2050 = 0.8 }`: after the sector's last observed price year (its "
            "`product_price_index.<sector>` series in `observed_prices.csv`, else `calibration_year`) the sector's "
            "product price index follows the path's change from there, replacing the national "
            "`prices.product_price_index` (docs/ODD.md §7.19); not a sweep target",
     .named_paths = {&demand_price_names, &demand_price_paths}},
});
// clang-format on

}  // namespace

bool SettingSpec::accepts(UncertainScale scale) const {
    switch (sweep) {
        case Sweepable::no: return false;
        case Sweepable::factor: return scale == UncertainScale::factor;
        case Sweepable::value: return scale == UncertainScale::value;
        case Sweepable::factor_or_value: return true;
    }
    return false;
}

UncertainScale SettingSpec::default_scale() const {
    return sweep == Sweepable::factor ? UncertainScale::factor : UncertainScale::value;
}

std::span<const SettingSpec> settings_schema() { return kSettings; }
std::span<const SettingTable> setting_tables() { return kTables; }

int find_setting(std::string_view key) {
    for (std::size_t i = 0; i < kSettings.size(); ++i)
        if (kSettings[i].key == key) return static_cast<int>(i);
    return -1;
}

std::vector<std::string_view> setting_keys(std::string_view table) {
    std::vector<std::string_view> keys;
    for (const SettingSpec& s : kSettings)
        if (s.in_file() && s.table() == table) keys.push_back(s.name());
    return keys;
}

std::string setting_default(const SettingSpec& spec) {
    if (!spec.default_doc.empty()) return std::string(spec.default_doc);
    if (spec.required || !spec.in_file()) return "";
    Scenario defaults;
    switch (spec.type) {
        case T::text: return "\"" + spec.text(defaults) + "\"";
        case T::integer: return std::to_string(spec.integer(defaults));
        case T::seed: return std::to_string(spec.seed(defaults));
        case T::number: return format_number(spec.number(defaults));
        case T::boolean: return spec.boolean(defaults) ? "true" : "false";
        case T::choice:
            return "\"" + std::string(spec.choice.names[static_cast<std::size_t>(spec.choice.get(defaults))]) + "\"";
        case T::path: {
            const TimePath& path = spec.path(defaults);
            return path.anchors().size() == 1 ? format_number(path.at(0)) : "";
        }
        case T::path_table: return "none";
        case T::sweep_only: return "";
    }
    return "";
}

}  // namespace eiisim
