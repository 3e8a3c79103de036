#pragma once
// The validated, immutable description of one model: the dataset (plants, sectors,
// technology catalogue, clusters and their infrastructure, value-chain edges) and the
// scenario (years, price paths, policy, behaviour, events). Built once by the loader,
// shared read-only by every run and thread. Units are converted once at load time
// and live in the field names: _t (tonnes), _gj, _mw, _eur, _y (years).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "emission_targets.hpp"
#include "feedstock.hpp"
#include "input_files.hpp"
#include "setting_lines.hpp"
#include "time_path.hpp"

namespace eiisim {

// ---------------------------------------------------------------- energy carriers
enum class Carrier : std::uint8_t { gas, electricity, hydrogen, biomethane, other_fuel };
inline constexpr int kCarrierCount = 5;
inline constexpr std::array<const char*, kCarrierCount> kCarrierNames = {
    "natural_gas", "electricity", "hydrogen", "biomethane", "other_fuel"};
using EnergyGj = std::array<double, kCarrierCount>;

// Process-heat temperature bands, the unit in which electrification becomes possible.
inline constexpr int kHeatBandCount = 3;
inline constexpr std::array<const char*, kHeatBandCount> kHeatBandNames = {"low", "mid", "high"};

// ---------------------------------------------------------------- options (routes)
enum class OptionKind : std::uint8_t {
    keep,                 // incumbent fossil route, pays carbon
    electrify,            // heat moved to electricity by temperature band
    ccs,                  // capture a share of emissions; needs CO2 transport + storage
    hydrogen,             // fuel and/or feedstock switch; needs the backbone + supply
    import_intermediate,  // buy the hydrogen-rich intermediate abroad, keep downstream
    bio,                  // biomethane / bio-based feedstock
    relocate,             // production moves outside the EU: NL emissions go, leakage counted
    close,
    // Production moves to a neighbour (BE, DE, FR): NL emissions go but stay under the EU
    // ETS there (docs/ODD.md §7.5). Last, so the other kinds keep their codes.
    relocate_eu,
};
inline constexpr int kOptionKindCount = 9;
inline constexpr std::array<const char*, kOptionKindCount> kOptionKindNames = {
    "keep", "electrify", "ccs", "hydrogen", "import", "bio", "relocate", "close", "relocate_eu"};
// Either relocation: the plant's production leaves the Netherlands.
[[nodiscard]] constexpr bool is_relocation(OptionKind kind) {
    return kind == OptionKind::relocate || kind == OptionKind::relocate_eu;
}

// One row of the technology catalogue: an option available to every plant of a sector.
// Energy and emission effects are relative to the plant's own base-year profile, so one
// row serves plants of different sizes and efficiencies.
struct TechnologySpec {
    std::string id;      // unique, e.g. "ammonia/ccs_high_purity"
    std::string name;    // option name shown to users, e.g. "ccs_high_purity"
    int sector = -1;     // index into Inputs::sectors
    int plant = -1;      // index into Inputs::plants for a plant's own option; -1: the whole sector
    OptionKind kind = OptionKind::keep;
    double capex_eur_per_t_yr = 0;        // per t/yr of product capacity, model price year
    double capex_low_eur_per_t_yr = 0;    // MIDDEN lower limit (sweeps sample the range)
    double capex_high_eur_per_t_yr = 0;   // MIDDEN upper limit
    double fixed_opex_eur_per_t_yr = 0;   // per t/yr of capacity per year
    double var_opex_eur_per_t = 0;        // per t of product
    // Share of fuel heat moved to electricity per band, and the first year each band's
    // share becomes available (partial adoption: only available bands move).
    std::array<double, kHeatBandCount> electrify_share{};
    std::array<int, kHeatBandCount> electrify_year{};
    double electric_efficiency = 1.0;     // GJ heat per GJ electricity (COP for heat pumps)
    double hydrogen_fuel_share = 0;       // share of remaining fuel heat moved to hydrogen
    double bio_fuel_share = 0;            // share of remaining fuel heat moved to biomethane
    double process_cut_share = 0;         // share of process CO2 avoided (feedstock switch)
    double feedstock_gas_cut_share = 0;   // share of non-heat (feedstock) gas no longer used
    double hydrogen_feedstock_gj_per_t = 0;  // hydrogen feedstock added per t product
    double electricity_extra_gj_per_t = 0;   // other electricity added per t (e.g. EAF)
    double capture_rate = 0;              // share of remaining gross CO2 captured
    double capture_electricity_gj_per_tco2 = 0;
    double capture_heat_gj_per_tco2 = 0;  // supplied by natural gas
    double import_share = 0;              // share of the product's upstream step bought abroad
    int lifetime_y = 25;
    int lead_time_y = 1;                  // years from the investment decision (FID) until the route runs
    // Permit stage before the build (permits.csv by sector and kind, sim/permit_stage.hpp):
    // its nominal years, and whether the route's permit is exposed to nitrogen deposition
    // rules. It applies only to conversions of at least behaviour.permit_min_capex_eur.
    int permit_y = 0;
    bool nitrogen_sensitive = false;
    int available_year = 2020;
    double learning_rate = 0;             // capex falls by this share per doubling
    double learning_seed_t_yr = 1e6;      // capacity already installed worldwide at start
    std::string source;

    bool operator==(const TechnologySpec&) const = default;
};

// ---------------------------------------------------------------- sectors
struct SectorSpec {
    std::string id;               // e.g. "ammonia"
    std::string product;          // e.g. "ammonia (NH3)"
    double product_price_eur_per_t = 0;  // product value in the calibration year
    double base_margin_share = 0.1;      // calibrates non-energy cost: calibration-year margin / revenue
    // ETS free allocation per t product as a share of the sector's base-year intensity
    // (the benchmark), before the CBAM phase-out factor of the scenario.
    double free_allocation_share = 0.8;
    bool cbam_covered = false;    // CBAM applies to imports of this product
    // Share of Dutch output sold outside the EU: it fetches the world price, which CBAM's
    // uplift of the EU price does not reach (CBAM protects against imports, not exports).
    double extra_eu_export_share = 0;
    std::string intermediate;     // the hydrogen-rich intermediate ("ammonia", "dri", ...)
    double intermediate_t_per_t = 0;     // t intermediate per t product when imported
    std::string import_price;     // name of a scenario price path (EUR/t intermediate)
    // Share of a plant's calibrated other cost (labour, upkeep, overheads) that belongs to
    // the step an import replaces: it goes with the imported share of that step.
    double import_other_cost_share = 0;
    // Share of a plant's staff in the step an import replaces: it goes with the imported
    // share of that step (docs/ODD.md §7.12 "Jobs"; sim/plant_jobs.hpp).
    double upstream_labour_share = 0;
    // Relocation: non-energy cost abroad as a share of NL cost, transport back, and
    // whether plants of the sector are footloose at all.
    double abroad_cost_factor = 1.0;
    double transport_eur_per_t = 0;
    // The Dutch energy cost stack (docs/ODD.md §7.4, sectors.csv, hand-kept with
    // energy_cost_source): first year its plants may claim indirect cost compensation
    // (kNeverEligible: never), and whether its processes are exempt from energy tax on
    // electricity / on natural gas (Wet belastingen op milieugrondslag art. 64:
    // electrolysis, chemical reduction, metallurgical and mineralogical processes).
    int ikc_eligible_from = 9999;
    bool electricity_tax_exempt = false;
    bool gas_tax_exempt = false;
    std::string energy_cost_source;
    // Leakage beyond relocation (docs/ODD.md §7.12, "Leakage"; sectors.csv, hand-kept with
    // leakage_source): direct CO2 per t of the product made abroad, which imports that
    // replace lost Dutch output embody (an import route's intermediate is not among them:
    // its CO2 abroad is booked as co2_relocated); the strategic product the sector's output counts towards
    // (core/strategic_products.hpp; kNotStrategic: none).
    double foreign_t_co2_per_t = 0;
    int strategic_product = -1;
    std::string leakage_source;
    // Share of the non-energy running costs (fixed opex, positive calibrated other cost)
    // that is bought-in materials, maintenance and services, not labour: intermediate
    // consumption in value added (core/value_added.hpp). Calibrated so that the sector's
    // value added over turnover matches structural business statistics (docs/dataset.md).
    double other_cost_intermediate_share = 0;
    std::string source;
};

// ---------------------------------------------------------------- plants (agents)
// How a plant's captured CO2 leaves it: the cluster's pipeline to national storage, or
// liquefied and shipped to storage abroad (Yara Sluiskil to Northern Lights).
enum class Co2Transport : std::uint8_t { pipeline, ship };
inline constexpr std::array<const char*, 2> kCo2TransportNames = {"pipeline", "ship"};
inline constexpr int kNoPlantConnection = -1;

// A new entrant (entrants.csv, docs/ODD.md §7.20): a plant not built in the base year.
// `scheduled`: its investment decision is taken (under construction), it enters in its
// year if its resources fit; `candidate`: it builds when its business case is positive.
enum class EntryStatus : std::uint8_t { scheduled, candidate };
inline constexpr std::array<const char*, 2> kEntryStatusNames = {"scheduled", "candidate"};

// What a running entrant adds to a national supply ledger (entrants.csv `supplies`,
// docs/ODD.md §7.20 "Suppliers"): nothing, an alternative feedstock of feedstocks.csv
// (t per t of product), or hydrogen (GJ per t; `green_hydrogen`: renewable (RFNBO)
// hydrogen, which adds to the green-hydrogen ledger too).
enum class EntrySupply : std::uint8_t { none, feedstock, hydrogen, green_hydrogen };
// GJ per t of hydrogen at its lower heating value (0.12 GJ/kg, the engine's NCV basis).
inline constexpr double kHydrogenGjPerT = 120.0;

// How an entrant would run once built: its design figures per t of product (it has no
// base year: its PlantSpec base-year production, energy and CO2 stay zero) and its route,
// a keep row of its own (capex, opex, lifetime, lead time) in Inputs::technologies.
struct EntrySpec {
    int earliest_year = 0;   // first year it can run
    EntryStatus status = EntryStatus::candidate;
    int technology = -1;     // its own route: index into Inputs::technologies
    double utilisation = 0;  // design production / capacity
    EnergyGj energy_gj_per_t{};
    double co2_t_per_t = 0;  // direct CO2 per t
    double space_ha = 0;     // land its site takes in its cluster (the scarce resource `space`)
    EntrySupply supplies = EntrySupply::none;
    int supplied_feedstock = -1;     // index into Inputs::feedstocks when supplies == feedstock
    double supply_per_t = 0;         // t (feedstock) or GJ (hydrogen) supplied per t of product
    double gate_fee_eur_per_t = 0;   // income per t of product for the waste it takes in

    [[nodiscard]] bool supplies_anything() const { return supplies != EntrySupply::none; }
    bool operator==(const EntrySpec&) const = default;
};

struct PlantSpec {
    std::string id;          // stable id (MIDDEN plant id or NEa id)
    std::string name;
    std::string operator_name;
    // Site the plant is a unit of (plants.csv `site`; its own id when a site is one unit):
    // units of a site share operator, cluster and the site's value-chain links, but decide
    // and convert separately (docs/dataset.md "Units within sites").
    std::string site;
    int cluster = 0;         // index into Inputs::clusters
    int sector = 0;          // index into Inputs::sectors
    double capacity_t = 0;        // t product per year
    double production_t = 0;      // base-year production
    double co2_combustion_t = 0;  // base-year scope-1 combustion CO2
    double co2_process_t = 0;     // base-year scope-1 process CO2
    EnergyGj energy_gj{};         // base-year energy use by carrier (fuel + feedstock)
    double feedstock_gas_gj = 0;  // part of energy_gj[gas] used as feedstock, not heat
    // Shares of fuel heat (gas + other fuel, excluding feedstock) by temperature band.
    std::array<double, kHeatBandCount> heat_share{};
    int asset_age_y = 0;          // age of the incumbent route in the base year
    int reinvestment_cycle_y = 25;
    double hurdle_rate = 0.1;
    bool multinational = false;   // relocation is an option only for multinational parents
    int employees = 0;
    // Product group within the sector (plants.csv `product`; empty: the sector's only
    // group): the plants whose energy per t is averaged for the price pass-through and,
    // without a product benchmark, for the fallback benchmark (docs/ODD.md §7.4).
    std::string product;
    // EU ETS product benchmark of that product, t CO2 (allowances) per t before phase-out
    // (plants.csv `benchmark_t_co2_per_t`); negative: none, the sector fallback applies.
    double product_benchmark_t_per_t = -1.0;
    // Its 2026-2030 value (Implementing Regulation (EU) 2026/1412; plants.csv
    // `benchmark_2026_t_co2_per_t`): the adopted value, or where that is not at hand the
    // least cut the law allows; and the same at the largest cut the law allows
    // (`benchmark_2026_max_cut_t_co2_per_t`, equal where adopted). Negative: not given,
    // the 2021-2025 value holds in every year (docs/ODD.md §7.4 "Benchmark rule").
    double product_benchmark_2026_t_per_t = -1.0;
    double product_benchmark_2026_max_cut_t_per_t = -1.0;
    std::string source;
    // The plant's own CO2 connection where co2_connections.csv overrides its cluster's
    // (docs/input-format.md, docs/ODD.md §7.7): first year its captured CO2 can leave
    // (kNoPlantConnection: the cluster's co2_connection_year, by pipeline) and how.
    int co2_connection_year = kNoPlantConnection;
    Co2Transport co2_transport = Co2Transport::pipeline;
    std::string co2_connection_source;
    // Set for a new entrant only (entrants.csv); an incumbent has earliest_year 0.
    EntrySpec entry;

    [[nodiscard]] bool is_entrant() const { return entry.earliest_year > 0; }
};

// ---------------------------------------------------------------- observed history
// One observed fact of history.csv (docs/input-format.md, docs/ODD.md §7.13): what a
// plant did in the years first_year..last_year, applied per scenario.history.
enum class HistoryKind : std::uint8_t {
    outage,       // exogenous stop or slowdown (relining, breakdown): utilisation in those years
    curtailment,  // economic cut: utilisation in those years
    closure,      // permanent from first_year: `share` of capacity closed (1: the plant)
    mothball,     // idle in first_year..last_year, runs again afterwards
    project,      // a decided route change: `technology` runs from first_year
};
inline constexpr int kHistoryKindCount = 5;
inline constexpr std::array<const char*, kHistoryKindCount> kHistoryKindNames = {
    "outage", "curtailment", "closure", "mothball", "project"};

struct HistoryEntry {
    int plant = 0;        // index into Inputs::plants
    HistoryKind kind = HistoryKind::outage;
    int first_year = 0;
    int last_year = 0;    // = first_year for closures and projects
    // outage, curtailment: utilisation (production / capacity); closure: share of
    // capacity closed; mothball, project: unused (0)
    double share = 0;
    int technology = -1;  // project: index into Inputs::technologies (one of the plant's options)
    bool exogenous = false;  // applies in free mode too (not a behavioural choice)
    std::string source;

    bool operator==(const HistoryEntry&) const = default;
};

// One row of sector_activity.csv (docs/input-format.md, docs/ODD.md §7.13): a sector's
// observed production volume in `year` relative to the scenario's base year (= 1). In
// forced history mode it scales the base utilisation of the sector's plants without an
// observed utilisation row that year, up to the last observed year.
// One row of demand_paths.csv (docs/input-format.md, docs/ODD.md §7.19): a sector's
// demand volume in `year` under demand variant `variant`, relative to the paths' base
// year (= 1).
struct DemandPathRow {
    int sector = 0;  // index into Inputs::sectors
    std::string variant;
    int year = 0;
    double index = 1.0;
    std::string source;

    bool operator==(const DemandPathRow&) const = default;
};

// The scenario's [demand] section (docs/ODD.md §7.19). An empty variant with no override
// is no demand path: every sector keeps its base utilisation after the observed years.
struct DemandSettings {
    std::string variant;  // a variant of demand_paths.csv ("central", "fossil_decline")
    // Scales every path's change from its base year: v' = max(0, 1 + factor (v - 1)).
    double factor = 1.0;
    // Per-sector volume paths replacing the variant's (demand.volume_by_sector), file order.
    std::vector<std::string> volume_sector_names;
    std::vector<TimePath> volume_sector_paths;
    // Per-sector product price paths (demand.price_by_sector, relative to their base year):
    // after the sector's last observed price year they replace the national
    // product_price_index for that sector, chained to its observed level (core/demand_paths.hpp).
    std::vector<std::string> price_sector_names;
    std::vector<TimePath> price_sector_paths;

    bool operator==(const DemandSettings&) const = default;
};

struct SectorActivity {
    int sector = 0;  // index into Inputs::sectors
    int year = 0;
    double index = 1.0;
    std::string source;

    bool operator==(const SectorActivity&) const = default;
};

// ---------------------------------------------------------------- support agreements
// A firm's agreement with the state (agreements.csv + agreement_plants.csv, docs/ODD.md
// §7.15): a maatwerk (tailor-made) agreement or a pre-committed support contract. Its stage
// says how far it got: an expression of principle (EoP), a joint letter of intent (JLoI),
// a binding agreement, or stopped talks, which give nothing.
enum class AgreementStage : std::uint8_t { eop, jloi, binding, stopped };
inline constexpr std::array<const char*, 4> kAgreementStageNames = {"eop", "jloi", "binding", "stopped"};

// How an agreement turns out in one run (docs/ODD.md §7.15): binding as agreed in the data,
// an EoP or JLoI binding on time, late or never (failed), or stopped talks, which give nothing.
enum class AgreementFate : std::uint8_t { as_agreed, on_time, late, failed, stopped };
inline constexpr std::array<const char*, 5> kAgreementFateNames = {"as_agreed", "on_time", "late", "failed",
                                                                   "stopped"};

// A plant (unit) an agreement covers and the route it commits it to.
struct AgreementUnit {
    int plant = 0;        // index into Inputs::plants
    int technology = -1;  // one of the plant's options; -1: none (stopped talks name their plants only)
    std::string source;

    bool operator==(const AgreementUnit&) const = default;
};

struct AgreementSpec {
    std::string id;           // "nobian_2024"
    std::string firm;
    AgreementStage stage = AgreementStage::stopped;
    int stage_year = 0;       // year the stage was reached
    int start_year = 0;       // first year the agreed routes run, as planned
    int target_year = 0;      // year the agreed reduction is due
    double reduction_t = -1;  // agreed reduction, t CO2/yr; < 0: not stated
    double aid_eur = 0;       // public aid ceiling
    std::string aid_form;     // as agreed: investment, operating, mixed or none (the instrument's form pays it)
    std::string instrument;   // id of the scenario instrument that pays the aid; empty: no aid
    int instrument_index = -1;  // that instrument, index into Policy::instruments (set by the loader)
    std::string conditions;
    std::string source;
    std::vector<AgreementUnit> units;

    bool operator==(const AgreementSpec&) const = default;
};

// ---------------------------------------------------------------- value chain
// What flows along an edge, which decides how each side depends on the other
// (docs/ODD.md §7.9, "Link types").
enum class EdgeCoupling : std::uint8_t {
    product,     // (a share of) the supplier's product: the customer imports it if the supplier
                 // leaves; the supplier loses that offtake if the customer leaves
    by_product,  // a by-product of the supplier (slag, by-product hydrogen, CO2): the customer
                 // pays for a replacement if the supplier leaves; the supplier's output does not
                 // depend on the customer, which costs it only the by-product's lost value
    utility,     // steam, power or oxygen from a site utility: the utility follows its
                 // customers' demand (offtake), they self-supply at a cost if it leaves
    fuel_gas,    // the supplier's by-product process gas, which the customer burns as its fuel
                 // (blast-furnace and coke-oven gas): it exists only while the supplier's
                 // route makes it, and nobody sells it abroad
};
inline constexpr int kEdgeCouplingCount = 4;
inline constexpr std::array<const char*, kEdgeCouplingCount> kEdgeCouplingNames = {"product", "by_product",
                                                                                  "utility", "fuel_gas"};

// Whether the supplier's output follows this customer's demand: its exit then cuts the
// supplier's utilisation by the edge's offtake share. A by-product's or a process gas's
// maker produces for its main product, whoever takes the by-product.
[[nodiscard]] constexpr bool supplier_follows_customer(EdgeCoupling coupling) {
    return coupling == EdgeCoupling::product || coupling == EdgeCoupling::utility;
}

struct EdgeSpec {
    int supplier = 0;   // plant index
    int customer = 0;   // plant index
    std::string product;
    EdgeCoupling coupling = EdgeCoupling::product;
    // Share of the supplier's output (by value) this customer takes; 0 on by-product and
    // fuel-gas edges, whose customers do not drive their supplier's output.
    double offtake_share = 0;
    double integration_benefit_eur_per_t = 0;  // customer's saving per t of its product
    // What the supplier loses per t of its own product when this customer leaves a
    // by-product edge: the by-product's value net of what it fetches elsewhere, or its
    // disposal cost. Zero on product and utility edges (lost offtake covers them).
    double supplier_loss_eur_per_t = 0;
    std::string source;
};

// A pipeline network (docs/ODD.md §7.9, "Networks"): a vertex that pools the plants
// that feed one product into it (producers) and those that draw from it (consumers), so
// one producer's exit is covered by the others' spare capacity and by imports before a
// consumer has to buy outside; one consumer's exit cuts every producer pro rata.
enum class NetworkRole : std::uint8_t { producer, consumer };
inline constexpr std::array<const char*, 2> kNetworkRoleNames = {"producer", "consumer"};

struct NetworkMember {
    int plant = 0;  // plant index
    NetworkRole role = NetworkRole::producer;
    double flow_kt = 0;  // delivered into (producer) or drawn from (consumer) the network, base year
    // producer: share of its output (by value) sold into the network, as an edge's offtake_share
    double offtake_share = 0;
    // consumer: its extra cost per t of its own product if it bought all its network intake
    // outside the network, as an edge's integration_benefit_eur_per_t
    double replacement_eur_per_t = 0;
    std::string source;
    // Routes (indices into Inputs::technologies, among the plant's own options) under which
    // the member neither delivers into nor draws from the network while it still runs: a
    // consumer that makes the product itself, say (docs/ODD.md §7.9 "Networks").
    std::vector<int> leaves_with;
};

struct NetworkSpec {
    std::string id;
    std::string product;
    // product: lost offtake can partly be exported; utility (steam, industrial gases): it cannot
    EdgeCoupling coupling = EdgeCoupling::product;
    double headroom_share = 0;     // producers can raise their deliveries by this share
    double import_share = 0;       // import (market vertex) capacity, share of the base flow
    double import_cost_share = 1;  // imports cost consumers this share of their replacement cost
    std::vector<NetworkMember> members;
    std::string source;
};

// ---------------------------------------------------------------- infrastructure
// A connection year that means "never connected": delays leave it as it is.
inline constexpr int kNeverConnected = 9999;

struct ClusterSpec {
    std::string id;    // "rotterdam_moerdijk", ...
    std::string name;  // "Rotterdam/Moerdijk"
    TimePath grid_headroom_mw;   // cumulative new industrial load the grid can take
    TimePath space_ha{0.0};      // free industrial land new sites can take (ha)
    int co2_connection_year = kNeverConnected;  // first year captured CO2 can leave the cluster
    int h2_connection_year = kNeverConnected;   // first year the hydrogen backbone reaches it
    std::string source;

    bool operator==(const ClusterSpec&) const = default;
};

struct NationalInfrastructure {
    TimePath co2_storage_t;      // CO2 injection capacity per year (Porthos, Aramis, ...)
    TimePath co2_shipping_t{0.0};  // CO2 shipped abroad per year (Northern Lights slots)
    TimePath hydrogen_supply_gj; // hydrogen deliverable to industry per year
    // Biomethane (green gas) deliverable to industry per year beyond the base year's use:
    // domestic digesters and gasifiers are few and their feedstock is contested.
    TimePath biomethane_supply_gj;
    std::string source;
    // [feedstock_supply]: national supply of each alternative feedstock, t/yr, by id (file
    // order); resolved into FeedstockSpec::supply_t when feedstocks.csv is read.
    std::vector<std::string> feedstock_supply_names;
    std::vector<TimePath> feedstock_supply_t;
    std::string feedstock_supply_source;

    bool operator==(const NationalInfrastructure&) const = default;
};

// ---------------------------------------------------------------- support instruments
// How an instrument pays (docs/ODD.md §7.14): a yearly operating subsidy per tonne of
// product for a contract period (SDE++), or a one-off share of the investment (NIKI, OWE,
// maatwerk investment aid).
enum class AidForm : std::uint8_t { operating, investment };
inline constexpr std::array<const char*, 2> kAidFormNames = {"operating", "investment"};

// At most this many instruments per scenario, and per option kind at most this many that
// take applications: an option's aid offers are kept inline (agents/appraisal.hpp).
inline constexpr int kMaxInstruments = 8;
inline constexpr int kMaxOffersPerKind = 4;

// One public support instrument of the scenario ([[instruments]] in the scenario file,
// docs/scenario.md): its own yearly commitment budget, the routes it supports and how.
struct InstrumentSpec {
    std::string id;                 // "sde_ccs", "niki", "maatwerk"
    AidForm form = AidForm::operating;
    // What it supports: options of these kinds (bit set over OptionKind; 0: any kind) and,
    // when names are given, only options of these names (technologies.csv or
    // plant_options.csv `name`; resolved by the loader into catalogue indices, sorted).
    std::uint16_t kinds = 0;
    std::vector<std::string> technology_names;
    std::vector<int> technologies;
    int technology_names_line = 0;  // scenario-file line of `technologies`, for the loader's error
    // Whether plants apply to it in the yearly allocation (SDE++ rounds, NIKI calls); an
    // instrument that only funds agreements (a maatwerk envelope) takes no applications.
    bool applications = true;
    TimePath budget_eur;            // commitments available per year (decision-year booking)
    // operating: cap on the yearly payment per t CO2 avoided, contract length, and the
    // floor of the correction amount as a share of its value at the award
    double max_eur_per_tco2 = 300;
    int contract_years = 15;
    double correction_floor_share = 2.0 / 3.0;
    // investment: share of the capex paid
    double capex_share = 0;
    std::string source;

    [[nodiscard]] bool supports(OptionKind kind, int technology) const {
        if (kinds != 0 && (kinds & (1u << static_cast<unsigned>(kind))) == 0) return false;
        return technology_names.empty() ||
               std::binary_search(technologies.begin(), technologies.end(), technology);
    }
    bool operator==(const InstrumentSpec&) const = default;
};

// ---------------------------------------------------------------- scenario
// Grid connection level of a plant, from its base-year electrical load (docs/ODD.md §7.4).
enum class ConnectionLevel : std::uint8_t { ehv, hv, regional };
inline constexpr int kConnectionLevelCount = 3;
inline constexpr std::array<const char*, kConnectionLevelCount> kConnectionLevelNames = {"ehv", "hv", "regional"};
inline constexpr int kTaxBracketCount = 4;

struct PricePaths {
    TimePath ets_eur_per_t;               // EUR2023 (nominal anchors converted by the loader)
    // First anchor year of the ETS path given in nominal euros of its year (a forecast);
    // 0: the whole path is in EUR2023. core/price_year.hpp.
    int ets_nominal_from = 0;
    TimePath gas_eur_per_gj;
    TimePath electricity_eur_per_gj;      // wholesale (Dutch tariffs and taxes: EnergyCostPaths)
    TimePath hydrogen_eur_per_gj;
    TimePath biomethane_eur_per_gj;
    TimePath other_fuel_eur_per_gj;
    TimePath co2_transport_storage_eur_per_t;
    // Ship chain of a ship-connected plant (shipping, terminal, storage abroad); the
    // loader copies the pipeline fee when the scenario leaves it out.
    TimePath co2_ship_transport_storage_eur_per_t;
    // Dutch network tariffs (docs/ODD.md §7.4): electricity by ConnectionLevel, gas.
    std::array<TimePath, kConnectionLevelCount> network_tariff_eur_per_gj{TimePath{0.0}, TimePath{0.0}, TimePath{0.0}};
    TimePath gas_network_tariff_eur_per_gj{0.0};
    TimePath foreign_gas_eur_per_gj;
    TimePath foreign_electricity_eur_per_gj;
    TimePath product_price_index;         // multiplies every sector's product price
    // Per sector (index into Inputs::sectors): the national index with the dataset's
    // observed sector index in its observed years, net of the energy pass-through
    // (core/observed_prices.hpp). Empty: every sector follows product_price_index.
    std::vector<TimePath> sector_product_price_index;
    // Named import-price paths (EUR/t intermediate), looked up by SectorSpec::import_price.
    std::vector<std::string> import_names;
    std::vector<TimePath> import_eur_per_t;
    // Renewable (RFNBO) hydrogen delivered to industry; `hydrogen_eur_per_gj` is the other
    // (grey or blue) supply. Only an obligation share > 0 makes plants buy it.
    TimePath green_hydrogen_eur_per_gj{0.0};
    // The credit a refinery earns per GJ of renewable (RFNBO) hydrogen it uses, under the
    // transport-fuel obligation's refinery route (HBE, from 2026 ERE): what a renewable
    // producer can fetch beyond the hydrogen price (docs/ODD.md §7.20, "Suppliers").
    TimePath rfnbo_refinery_credit_eur_per_gj{0.0};
    // Feedstock prices per t (prices.feedstock_eur_per_t.<id>): the alternative feedstocks
    // of feedstocks.csv and the fossil feeds they replace (docs/ODD.md §7.18). A feedstock
    // left unpriced is not offered.
    std::vector<std::string> feedstock_names;
    std::vector<TimePath> feedstock_eur_per_t;
    // Per sector (index into Inputs::sectors): its demand volume path (docs/ODD.md §7.19),
    // the scenario's [demand] variant with its overrides and factor applied, relative to
    // the paths' base year (= 1); a sector without a path holds an empty path. Empty: no
    // [demand] section (every sector keeps its base utilisation). Derived by
    // resolve_demand_paths (core/demand_paths.hpp), not read from the file.
    std::vector<TimePath> sector_volume_index;

    bool operator==(const PricePaths&) const = default;
};

// The Dutch taxes, compensation and connection rules of the electricity and gas cost
// stack (docs/ODD.md §7.4; the network tariffs are prices: PricePaths). Engine units.
struct EnergyCostPolicy {
    double ehv_min_mw = 100;           // base-year average load from which a plant is on 220/380 kV
    double hv_min_mw = 10;             // ... on 110/150 kV; below: the regional grid
    // Energy tax (energiebelasting, with the ODE before 2023) per bracket of yearly use.
    std::array<TimePath, kTaxBracketCount> electricity_tax_eur_per_gj{TimePath{0.0}, TimePath{0.0}, TimePath{0.0},
                                                            TimePath{0.0}};
    std::array<TimePath, kTaxBracketCount> gas_tax_eur_per_gj{TimePath{0.0}, TimePath{0.0}, TimePath{0.0},
                                                            TimePath{0.0}};
    TimePath ikc_budget_eur{0.0};      // yearly IKC budget; claims beyond it are cut pro rata
    TimePath ikc_aid_intensity{0.0};   // share of the indirect cost compensated
    TimePath ikc_emission_factor_t_per_mwh{0.0};
    double ikc_benchmark_share = 0.8;  // fallback electricity-efficiency benchmark
    TimePath electricity_compensation_eur_per_gj{0.0};  // any other compensation, every plant

    bool operator==(const EnergyCostPolicy&) const = default;
};

// The EU neighbours an intra-EU relocation can go to and whose energy costs set the EU
// competitors' (docs/ODD.md §7.1, §7.5).
inline constexpr int kNeighbourCount = 3;
inline constexpr std::array<const char*, kNeighbourCount> kNeighbourNames = {"be", "de", "fr"};
// Where an intra-EU relocation goes: the neighbour cheapest for the plant's energy mix, or one named.
enum class NeighbourChoice : std::uint8_t { cheapest, be, de, fr };
inline constexpr std::array<const char*, 4> kNeighbourChoiceNames = {"cheapest", "be", "de", "fr"};

// [neighbours]: the all-in industrial energy cost of a large baseload user in Belgium,
// Germany and France (wholesale + network + taxes - compensation), and the terms of
// producing there. An empty path is the Dutch one (the loader copies it): a scenario
// silent on the neighbours gives them no cost advantage.
struct Neighbours {
    std::array<TimePath, kNeighbourCount> gas_eur_per_gj{};          // by kNeighbourNames
    std::array<TimePath, kNeighbourCount> electricity_eur_per_gj{};  // by kNeighbourNames
    NeighbourChoice destination = NeighbourChoice::cheapest;
    // Transport to the Dutch/NW-European market as a share of the sector's extra-EU
    // transport cost (sectors.csv transport_eur_per_t).
    double transport_share = 0.3;
    // Non-energy cost at a neighbour's site as a share of the Dutch one.
    double other_cost_factor = 1.0;

    bool operator==(const Neighbours&) const = default;
};

struct Policy {
    TimePath free_allocation_factor;   // CBAM sectors: 1 = full benchmark; CBAM phase-out
    // Sectors outside CBAM keep free allocation (EU ETS Directive 2023/959 art. 10a);
    // a path < 1 models benchmark tightening. Optional in scenario files.
    TimePath free_allocation_factor_non_cbam{1.0};
    TimePath cbam_factor;              // share of the EU carbon price charged at the border
    // Where the 2026-2030 benchmark of a product without an adopted value lies between
    // the least cut the law allows (0) and the largest (1): plants.csv
    // `benchmark_2026_t_co2_per_t` and `benchmark_2026_max_cut_t_co2_per_t` (docs/ODD.md §7.4).
    double unknown_benchmark_cut_position = 0.0;
    // Whether steam (the low and mid heat bands) a fallback plant makes electrically keeps
    // the combustion part of its benchmark, as heat-benchmark allocation; furnace heat (the
    // high band, fuel benchmark) always leaves with the fuel (docs/ODD.md §7.4 "Electrified heat").
    bool electric_steam_allocated = true;
    bool co2_levy_enabled = true;
    TimePath co2_levy_eur_per_t;       // national levy rate; the ETS price is deducted
    TimePath dispensation_factor;      // levy-free emissions as a share of base intensity
    // The support instruments ([[instruments]]), each with its own budget ledger
    // (docs/ODD.md §7.14); in file order, which is also the order of the output dimension.
    std::vector<InstrumentSpec> instruments;
    TimePath green_premium_eur_per_t;  // paid per t of product made without net CO2
    // Green premium paths of named sectors (policy.green_premium_by_sector_eur_per_t), in
    // file order; a sector not named gets green_premium_eur_per_t. Resolved by sector
    // index into sector_green_premium_eur_per_t once the dataset is loaded.
    std::vector<std::string> green_premium_sector_names;
    std::vector<TimePath> green_premium_sector_paths;
    std::vector<TimePath> sector_green_premium_eur_per_t;  // by sector index; empty: the default for all
    // Green quotas (policy.green_quota_share, policy.green_quota_cap_eur_per_t): the green share of
    // domestic demand required per named sector and the premium's cap; resolved by sector
    // index (empty: no quota; a sector without one has share 0).
    std::vector<std::string> green_quota_sector_names;
    std::vector<TimePath> green_quota_share_paths;
    std::vector<std::string> green_quota_cap_sector_names;
    std::vector<TimePath> green_quota_cap_paths;
    std::vector<TimePath> sector_green_quota_share;
    std::vector<TimePath> sector_green_quota_cap_eur_per_t;
    // RED III Art. 22a hydrogen obligation (docs/ODD.md §7.16): the share of the hydrogen
    // industry uses that must be renewable, and the buy-out per GJ short.
    TimePath hydrogen_obligation_share{0.0};
    TimePath hydrogen_obligation_buyout_eur_per_gj{0.0};
    EnergyCostPolicy energy;

    bool operator==(const Policy&) const = default;
};

enum class Expectation : std::uint8_t { myopic, perfect_foresight, adaptive };
inline constexpr std::array<const char*, 3> kExpectationNames = {"myopic", "perfect_foresight", "adaptive"};
enum class PriorityRule : std::uint8_t { maatwerk_then_cost_effectiveness, cost_effectiveness, queue };
inline constexpr std::array<const char*, 3> kPriorityRuleNames = {"maatwerk_then_cost_effectiveness",
                                                                  "cost_effectiveness", "queue"};

// How the dataset's observed history applies (docs/ODD.md §7.13): `forced` applies all of
// it, `free` only the exogenous outages (plant behaviour decides the rest: the hindcast's
// test of behaviour), `off` none of it.
enum class HistoryMode : std::uint8_t { forced, free, off };
inline constexpr std::array<const char*, 3> kHistoryModeNames = {"forced", "free", "off"};

struct Behaviour {
    Expectation expectation = Expectation::myopic;
    double adaptive_weight = 0.5;      // weight of the newest price in adaptive expectations
    int horizon_y = 15;                // years a decision looks ahead
    bool deterministic = false;        // cost-minimising choice instead of logit
    // Frozen technology (docs/ODD.md §7.17): no plant decides anything (no route change,
    // relocation or closure by the closure rule); observed history, agreements, dispatch
    // and physical consequences still apply. The reference of `eiisim run --reference
    // frozen-technology` (which also stops the agreements not binding before it).
    bool frozen_technology = false;
    double logit_scale = 0.1;          // heterogeneity: margin (share of product price) per unit of utility
    double strategic_bias_sd = 0.05;   // sd of plant-specific cost factors per option kind
    // sd of the yearly innovation around a plant's lasting taste draw (agents/taste_draw.hpp,
    // docs/ODD.md §7.7), in units of logit utility. 0: the taste is fixed for the run; nothing
    // observed sizes the innovation yet, so it is left for the hindcast (issue 10) to calibrate.
    double taste_innovation_sd = 0.0;
    int loss_years_trigger = 3;        // consecutive loss years that force a re-evaluation
    double infrastructure_risk_premium = 0.15;  // mark-up on capex annuity + fixed opex while infrastructure is pending
    double peer_risk_reduction = 0.5;  // share of that premium removed when all cluster peers adopted
    double export_fraction = 0.5;      // share of lost domestic offtake sold abroad
    double export_discount = 0.1;      // price discount on that export
    double grid_load_factor = 0.9;     // average / peak load of new electric demand
    // Share of a change in energy prices (against the calibration year) that product prices
    // follow, per GJ of the sector's average use of each carrier: European commodity
    // prices are set by gas- and power-dependent marginal producers, so an energy-price
    // shock is partly passed on. It moves the revenue of every option alike, so it
    // changes closures and loss years, never the ranking of routes.
    double energy_cost_pass_through = 0.5;
    // Relocation is strategic and irreversible: a firm moves only when producing abroad
    // beats staying by more than this share of the product price (facts.md §6 ESTIMATE:
    // a 10-year cost gap of about 15-25 % for commodity intermediates).
    double relocation_hurdle = 0.2;
    // Closing costs severance, remediation and the option to wait: a plant closes only
    // when its best option's expected margin is below minus this share of its price.
    double closure_threshold = 0.05;
    // Short-run dispatch: in a year whose cash margin (revenue minus energy, carbon,
    // variable and import costs) is negative, a plant runs at this share of its normal
    // utilisation, as Yara and others did in the 2022 gas-price shock. 1 = never curtails.
    double curtailed_utilisation = 1.0;
    // Restart hysteresis (docs/ODD.md §7.10): a plant the rule curtailed last year runs
    // normally again only once its cash margin is at least this share of its revenue;
    // restarting costs money and firms wait for margins they trust (Dixit 1989). 0 = the
    // plain rule: it restarts as soon as the margin is positive.
    double restart_margin_share = 0.0;
    PriorityRule priority = PriorityRule::cost_effectiveness;
    // Permit stage of large conversions (docs/ODD.md §7.9 "Permit stage"; ESTIMATEs there):
    // the smallest investment that goes through it, and per application the probability
    // that the stage runs on a year (again each year, at most permit_max_delay_y) and that
    // it fails, for ordinary and for nitrogen-sensitive routes.
    double permit_min_capex_eur = 1e8;
    double permit_delay_probability = 0.2;
    double permit_failure_probability = 0.05;
    double nitrogen_permit_delay_probability = 0.5;
    double nitrogen_permit_failure_probability = 0.2;
    int permit_max_delay_y = 3;

    bool operator==(const Behaviour&) const = default;
};

// [agreements]: how the agreements that are not yet binding turn out in a run (docs/ODD.md
// §7.15). Each is drawn once per run: binding on time (lag years after its stage), binding
// delay_y later (its routes start delay_y later too), or failed (the rest). The defaults
// are the ESTIMATEs of docs/scenarios.md "Agreements".
struct AgreementOutcomes {
    double jloi_binding_probability = 0.45;
    double jloi_delayed_probability = 0.35;
    double eop_binding_probability = 0.2;
    double eop_delayed_probability = 0.3;
    int jloi_lag_y = 1;
    int eop_lag_y = 2;
    int delay_y = 2;
    // Years a committed unit stays bound to produce here from its agreed start.
    int commitment_y = 15;
    // [agreements.fixed]: EoPs and JLoIs whose outcome the scenario sets (on_time, late or
    // failed) instead of drawing it, e.g. to study Tata's deal on time against failed.
    struct Fixed {
        std::string id;  // agreements.csv id of an EoP or JLoI (checked by the loader)
        AgreementFate fate = AgreementFate::on_time;

        bool operator==(const Fixed&) const = default;
    };
    std::vector<Fixed> fixed;

    bool operator==(const AgreementOutcomes&) const = default;
};

// [infrastructure]: scales and shifts the dataset's timelines (infrastructure.toml) once at
// load time; per-cluster overrides come after them (inputs/scenario_loader.hpp).
// An import cap no plant can reach (1e12 t/yr): the default of the import caps.
inline constexpr double kNoImportCap = 1e12;

struct InfrastructureFactors {
    int co2_delay_y = 0;
    int h2_delay_y = 0;
    double grid_headroom_factor = 1.0;
    double co2_storage_factor = 1.0;
    double co2_shipping_factor = 1.0;
    double hydrogen_supply_factor = 1.0;
    double biomethane_supply_factor = 1.0;
    // Renewable (RFNBO) hydrogen deliverable to industry per year, GJ (scenario path: the
    // dataset's hydrogen_supply_pj is the grey and blue supply).
    TimePath green_hydrogen_supply_gj{0.0};
    // Yearly caps on low-carbon intermediates bought abroad (t/yr; infrastructure.*_import_cap_mt):
    // limited global supply. Default: no cap (kNoImportCap).
    TimePath ammonia_import_cap_t{kNoImportCap};
    TimePath dri_import_cap_t{kNoImportCap};
    TimePath methanol_import_cap_t{kNoImportCap};

    bool operator==(const InfrastructureFactors&) const = default;
};

struct ScenarioEvent {
    int year = 0;
    int cluster = -1;  // -1: every cluster
    int sector = -1;   // -1: every sector
    int plant = -1;    // -1: every plant matching cluster and sector
    // What the event changes (docs/ODD.md §7.2): bit set of the OptionKinds it opens or makes
    // cheaper; 0: anything. Only a plant with an option of such a kind, not already on it,
    // re-evaluates.
    std::uint16_t kinds = 0;
    bool cbam_sectors_only = false;  // only plants whose sector is under CBAM
    std::string description;

    bool operator==(const ScenarioEvent&) const = default;
};

struct BuildoutLimit {
    OptionKind kind = OptionKind::keep;
    int max_conversions_per_year = 0;

    bool operator==(const BuildoutLimit&) const = default;
};

// A setting that a Monte Carlo sweep samples ([[uncertain]] in the scenario file,
// docs/scenario.md). A plain run ignores it and uses the scenario's own (central) values.
enum class Distribution : std::uint8_t { uniform, triangular, normal, lognormal, discrete };
inline constexpr std::array<const char*, 5> kDistributionNames = {"uniform", "triangular", "normal",
                                                                  "lognormal", "discrete"};
// factor: the sample multiplies the loaded path or number; value: the sample replaces it.
enum class UncertainScale : std::uint8_t { factor, value };
inline constexpr std::array<const char*, 2> kUncertainScaleNames = {"factor", "value"};

struct UncertainSetting {
    std::string name;        // short id used in output files ("ets_factor")
    std::string target;      // a setting's key in core/settings_schema.cpp ("prices.ets_eur_per_t")
    int target_index = -1;   // index into settings_schema()
    // A joint draw: further targets the same sample applies to, with the same scale (a
    // market-wide gas price shifts the Dutch and the neighbours' paths together).
    std::vector<std::string> also;
    std::vector<int> also_indices;
    Distribution distribution = Distribution::uniform;
    UncertainScale scale = UncertainScale::factor;
    double low = 0, mode = 0, high = 0;  // uniform (low, high), triangular (low, mode, high)
    double mean = 0, sd = 0;             // normal
    double mu = 0, sigma = 0;            // lognormal: log of the sample ~ normal(mu, sigma)
    std::vector<double> values;          // discrete: equally likely choices
    std::string source;

    bool operator==(const UncertainSetting&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    std::string text;          // the full scenario file, stored in the output
    std::string dataset;       // the dataset folder as written, relative to the scenario file
    int base_year = 2020;
    int end_year = 2050;
    // Year whose prices calibrate each plant's non-energy cost so that the keep route
    // earns its sector's base margin (a plant that still runs in that year was viable
    // at that year's prices). Product prices in sectors.csv are of this year.
    int calibration_year = 2020;
    std::uint64_t seed = 1;
    HistoryMode history = HistoryMode::forced;
    PricePaths prices;
    Policy policy;
    Behaviour behaviour;
    InfrastructureFactors infrastructure;
    AgreementOutcomes agreements;
    Neighbours neighbours;
    FeedstockPolicy feedstock;  // [feedstock] (docs/ODD.md §7.18)
    DemandSettings demand;
    std::vector<ScenarioEvent> events;
    std::vector<BuildoutLimit> buildout_limits;
    std::vector<UncertainSetting> uncertain;  // used by `eiisim sweep` only
    SettingLines setting_lines;               // where the file wrote each setting (the loader's)

    bool operator==(const Scenario&) const = default;
};

// One observed yearly price series of the dataset (observed_prices.csv, docs/ODD.md
// §7.1): a [prices] key of the scenario file ("gas_eur_per_mwh"), an import path
// ("import_eur_per_t.ammonia") or a sector's product price index
// ("product_price_index.steel"), in the scenario file's unit, years ascending.
struct ObservedPriceSeries {
    std::string series;
    std::vector<std::pair<int, double>> values;
    std::string file;  // where it was read, for messages
    int line = 0;      // its first row

    bool operator==(const ObservedPriceSeries&) const = default;
};

struct Inputs {
    Scenario scenario;
    // Observed prices (optional observed_prices.csv); they replace the scenario's paths
    // up to their last observed year unless scenario.history is `off`.
    std::vector<ObservedPriceSeries> observed_prices;
    std::vector<SectorSpec> sectors;
    std::vector<TechnologySpec> technologies;
    std::vector<PlantSpec> plants;
    std::vector<ClusterSpec> clusters;
    NationalInfrastructure national;
    std::vector<EdgeSpec> edges;
    std::vector<NetworkSpec> networks;  // networks.csv + network_members.csv (optional)
    std::vector<HistoryEntry> history;  // history.csv (optional), in file order
    std::vector<SectorActivity> sector_activity;  // sector_activity.csv (optional), in file order
    std::vector<DemandPathRow> demand_paths;      // demand_paths.csv (optional), in file order
    // agreements.csv + agreement_plants.csv (optional), in file order
    std::vector<AgreementSpec> agreements;
    // targets.csv (optional): none, or one per EmissionTarget in its order
    std::vector<TargetSpec> targets;
    // feedstocks.csv (optional): the alternative feedstocks, and by sector index what
    // their fossil feed is (a sector no row names: fossil_feed_t_per_t 0, no feed market).
    std::vector<FeedstockSpec> feedstocks;
    std::vector<SectorFeed> sector_feed;
    // Derived at load time: technologies of each sector (indices into `technologies`),
    // every sector has exactly one `keep` row.
    std::vector<std::vector<int>> sector_technologies;
    std::vector<int> sector_keep_technology;
    // The options each plant weighs: its sector's, with the plant's own rows from
    // plant_options.csv (MIDDEN configurations) replacing same-named ones or added.
    std::vector<std::vector<int>> plant_technologies;
    // The files read and their SHA-256 (load_inputs; core/input_files.hpp).
    InputProvenance provenance;

    [[nodiscard]] int year_count() const { return scenario.end_year - scenario.base_year + 1; }
};

// The route a plant keeps: its sector's keep row, or an entrant's own (EntrySpec::technology).
[[nodiscard]] inline int keep_technology_of(const Inputs& inputs, int plant) {
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    return spec.is_entrant() ? spec.entry.technology
                             : inputs.sector_keep_technology[static_cast<std::size_t>(spec.sector)];
}

}  // namespace eiisim
