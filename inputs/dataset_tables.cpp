// sectors.csv, plants.csv and edges.csv (technologies.csv: catalogue_tables.cpp).
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/production_value.hpp"
#include "core/strategic_products.hpp"
#include "csv_reader.hpp"
#include "dataset_tables.hpp"

namespace eiisim {
namespace {

constexpr Bounds kCount{0.0, 1e9};
constexpr Bounds kAge{0.0, 200.0};
constexpr Bounds kCycle{1.0, 200.0};
// Shares summed from rounded table values may exceed 1 by a rounding step.
constexpr double kShareSumTolerance = 1e-6;

template <typename Spec>
std::map<std::string, int, std::less<>> index_by_id(const std::vector<Spec>& items) {
    std::map<std::string, int, std::less<>> index;
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, static_cast<int>(i));
    return index;
}

template <typename Spec>
std::string list_ids(const std::vector<Spec>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item.id;
    return text;
}

// Resolves an id column against `items`; an unknown id lists the known ones.
template <typename Spec>
int resolve(const CsvTable& table, const CsvRow& row, std::string_view column,
            const std::map<std::string, int, std::less<>>& index, const std::vector<Spec>& items,
            const char* what) {
    const std::string id = csv_text(table, row, column, false);
    const auto it = index.find(id);
    if (it == index.end())
        table.fail(row, column, "unknown " + std::string(what) + " '" + id + "'; expected one of: " + list_ids(items));
    return it->second;
}

std::string source_text(const CsvTable& table, const CsvRow& row) {
    return csv_text(table, row, "source", false);
}

// edges.csv `coupling`: optional, and an empty cell means a product flow. "material" is
// the name datasets before link types used for a product flow; it is read as one.
EdgeCoupling read_coupling(const CsvTable& table, const CsvRow& row) {
    const CsvField* field = table.field(row, "coupling");
    if (field == nullptr || field->text.empty() || field->text == "material") return EdgeCoupling::product;
    std::string expected;
    for (std::size_t c = 0; c < kEdgeCouplingNames.size(); ++c) {
        if (field->text == kEdgeCouplingNames[c]) return static_cast<EdgeCoupling>(c);
        expected += (c == 0 ? "" : ", ") + std::string(kEdgeCouplingNames[c]);
    }
    table.fail(row, "coupling", "unknown coupling '" + field->text + "'; expected one of: " + expected + " (or empty)");
}

}  // namespace

namespace {
// The sector's rules of the Dutch energy cost stack (docs/ODD.md §7.4); optional columns:
// absent or empty, the sector never claims IKC and pays energy tax on all it burns.
void read_energy_cost_columns(const CsvTable& table, const CsvRow& row, SectorSpec& s) {
    constexpr Bounds kEligibleYear{1900.0, 9999.0};  // 9999: never
    s.ikc_eligible_from =
        csv_integer_or(table, row, "ikc_eligible_from", kEligibleYear, SectorSpec{}.ikc_eligible_from);
    s.electricity_tax_exempt = csv_integer_or(table, row, "electricity_tax_exempt", kShare, 0) == 1;
    s.gas_tax_exempt = csv_integer_or(table, row, "gas_tax_exempt", kShare, 0) == 1;
    const CsvField* source = table.field(row, "energy_cost_source");
    s.energy_cost_source = source != nullptr ? source->text : "";
    const bool any_rule = s.ikc_eligible_from != SectorSpec{}.ikc_eligible_from || s.electricity_tax_exempt ||
                          s.gas_tax_exempt;
    if (any_rule && s.energy_cost_source.empty())
        table.fail(row, "energy_cost_source", "expected the source of the sector's IKC eligibility and energy-tax "
                                              "exemptions, got ''");
}

// Leakage beyond relocation and the strategic tag (docs/ODD.md §7.12, "Leakage");
// optional columns: absent or empty, imports embody nothing and the sector has no tag.
// Any figure needs its source in leakage_source.
void read_leakage_columns(const CsvTable& table, const CsvRow& row, SectorSpec& s) {
    constexpr Bounds kIntensity{0.0, 100.0};  // t CO2 per t; hydrogen from SMR is ~9
    s.foreign_t_co2_per_t = csv_number_or(table, row, "foreign_t_co2_per_t", kIntensity, 0.0);
    const CsvField* tag = table.field(row, "strategic_product");
    s.strategic_product = kNotStrategic;
    if (tag != nullptr && !tag->text.empty() && tag->text != "none") {
        const auto* it = std::find(kStrategicProductNames.begin(), kStrategicProductNames.end(), tag->text);
        if (it == kStrategicProductNames.end()) {
            std::string known = "none";
            for (const char* name : kStrategicProductNames) known += std::string(", ") + name;
            table.fail(row, "strategic_product", "unknown strategic product '" + tag->text + "'; expected one of: " +
                                                     known + " (or empty)");
        }
        s.strategic_product = static_cast<int>(it - kStrategicProductNames.begin());
    }
    const CsvField* source = table.field(row, "leakage_source");
    s.leakage_source = source != nullptr ? source->text : "";
    const bool any = s.foreign_t_co2_per_t > 0 || s.strategic_product != kNotStrategic;
    if (any && is_power_sector(s))
        table.fail(row, "foreign_t_co2_per_t", "the power sector's output is MWh, which leakage leaves out: expected "
                                               "no foreign emission factor and no strategic product");
    if (any && s.leakage_source.empty())
        table.fail(row, "leakage_source", "expected the source of the sector's foreign emission factors and "
                                          "strategic tag, got ''");
}
}  // namespace

SectorTable load_sectors(const std::filesystem::path& file, const std::vector<std::string>& import_names) {
    static constexpr std::array<CsvColumn, 23> kColumns{{
        {"id"}, {"product"}, {"product_price_eur_per_t"}, {"base_margin_share"},
        {"free_allocation_share"}, {"cbam_covered"}, {"extra_eu_export_share", false}, {"intermediate"},
        {"intermediate_t_per_t"},
        {"import_price"}, {"import_other_cost_share", false}, {"upstream_labour_share", false}, {"abroad_cost_factor"},
        {"transport_eur_per_t"}, {"ikc_eligible_from", false}, {"electricity_tax_exempt", false},
        {"gas_tax_exempt", false}, {"energy_cost_source", false}, {"foreign_t_co2_per_t", false},
        {"strategic_product", false}, {"leakage_source", false},
        {"other_cost_intermediate_share", false},
        {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    SectorTable out;
    for (const CsvRow& row : table.rows()) {
        SectorSpec s;
        s.id = csv_text(table, row, "id", false);
        if (std::any_of(out.sectors.begin(), out.sectors.end(), [&](const SectorSpec& o) { return o.id == s.id; }))
            table.fail(row, "id", "duplicate sector id '" + s.id + "'");
        if (s.id == "*" || s.id.find('/') != std::string::npos)
            table.fail(row, "id", "expected a sector id without '*' or '/', got '" + s.id + "'");
        s.product = csv_text(table, row, "product", false);
        s.product_price_eur_per_t = csv_number(table, row, "product_price_eur_per_t", kPositiveEurPerTonne);
        s.base_margin_share = csv_number(table, row, "base_margin_share", kMarginShare);
        s.free_allocation_share = csv_number(table, row, "free_allocation_share", kShare);
        s.cbam_covered = csv_bool(table, row, "cbam_covered");
        s.extra_eu_export_share = csv_number_or(table, row, "extra_eu_export_share", kShare, 0.0);
        s.intermediate = csv_text(table, row, "intermediate", true);
        s.intermediate_t_per_t = csv_number(table, row, "intermediate_t_per_t", kNonNegative);
        s.import_price = csv_text(table, row, "import_price", true);
        if (!s.import_price.empty() &&
            std::find(import_names.begin(), import_names.end(), s.import_price) == import_names.end()) {
            std::string known;
            for (const auto& name : import_names) known += (known.empty() ? "" : ", ") + name;
            table.fail(row, "import_price",
                       "unknown import-price path '" + s.import_price +
                           "'; the scenario's [prices.import_eur_per_t] defines: " +
                           (known.empty() ? "(none)" : known));
        }
        s.import_other_cost_share = csv_number_or(table, row, "import_other_cost_share", kShare, 0.0);
        s.upstream_labour_share = csv_number_or(table, row, "upstream_labour_share", kShare, 0.0);
        s.abroad_cost_factor = csv_number(table, row, "abroad_cost_factor", kPositive);
        s.transport_eur_per_t = csv_number(table, row, "transport_eur_per_t", kEurPerTonne);
        read_energy_cost_columns(table, row, s);
        read_leakage_columns(table, row, s);
        // Absent: every non-energy running cost counts as labour (value added's upper bound).
        s.other_cost_intermediate_share = csv_number_or(table, row, "other_cost_intermediate_share", kShare, 0.0);
        s.source = source_text(table, row);
        out.id_at.push_back(table.where(row, "id"));
        out.sectors.push_back(std::move(s));
    }
    if (out.sectors.empty()) throw InputError({table.file(), 0, 0}, "", "expected at least one sector row");
    return out;
}

namespace {
// `site` (optional, empty: the plant's own id): units of one site decide separately but
// share its operator and cluster (docs/input-format.md), so a unit that names a site whose
// earlier units differ in either is a data error.
// Units of one site must share operator and cluster; `first_unit` maps each site to the
// index of its first unit (a map, not a scan of the earlier plants: linear for large
// synthetic populations, issue 20).
void read_site(const CsvTable& table, const CsvRow& row, PlantSpec& p, const std::vector<PlantSpec>& earlier,
               std::map<std::string, std::size_t, std::less<>>& first_unit) {
    const CsvField* site = table.field(row, "site");
    p.site = site != nullptr && !site->text.empty() ? site->text : p.id;
    const auto [it, is_first] = first_unit.emplace(p.site, earlier.size());
    if (is_first) return;
    const PlantSpec& other = earlier[it->second];
    if (other.operator_name != p.operator_name || other.cluster != p.cluster)
        table.fail(row, "site", "units of site '" + p.site + "' must share operator and cluster, but '" + p.id +
                                    "' differs from '" + other.id + "'");
}

// The plant's EU ETS product benchmark of each allocation period (docs/ODD.md §7.4
// "Benchmark rule"). All optional: an empty 2021-2025 benchmark means the product has none
// (the sector fallback applies); empty 2026-2030 columns keep the 2021-2025 value. A
// 2026-2030 value needs the 2021-2025 one, and its largest cut is no higher than it.
void read_benchmarks(const CsvTable& table, const CsvRow& row, PlantSpec& p) {
    p.product_benchmark_t_per_t = csv_number_or(table, row, "benchmark_t_co2_per_t", kNonNegative, -1.0);
    p.product_benchmark_2026_t_per_t = csv_number_or(table, row, "benchmark_2026_t_co2_per_t", kNonNegative, -1.0);
    p.product_benchmark_2026_max_cut_t_per_t =
        csv_number_or(table, row, "benchmark_2026_max_cut_t_co2_per_t", kNonNegative, -1.0);
    const bool period2 = p.product_benchmark_2026_t_per_t >= 0;
    const bool max_cut = p.product_benchmark_2026_max_cut_t_per_t >= 0;
    if (period2 && p.product_benchmark_t_per_t < 0)
        table.fail(row, "benchmark_2026_t_co2_per_t",
                   "a 2026-2030 benchmark needs the plant's benchmark_t_co2_per_t (2021-2025); leave both empty for "
                   "the sector fallback");
    if (period2 != max_cut)
        table.fail(row, period2 ? "benchmark_2026_max_cut_t_co2_per_t" : "benchmark_2026_t_co2_per_t",
                   "benchmark_2026_t_co2_per_t and benchmark_2026_max_cut_t_co2_per_t are given together or not at "
                   "all");
    if (period2 && p.product_benchmark_2026_max_cut_t_per_t > p.product_benchmark_2026_t_per_t)
        table.fail(row, "benchmark_2026_max_cut_t_co2_per_t",
                   "expected benchmark_2026_max_cut_t_co2_per_t <= benchmark_2026_t_co2_per_t (" +
                       format_number(p.product_benchmark_2026_t_per_t) + "), got " +
                       format_number(p.product_benchmark_2026_max_cut_t_per_t));
}
}  // namespace

std::vector<PlantSpec> load_plants(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors,
                                   const std::vector<ClusterSpec>& clusters) {
    // `scope` (optional): "midden" for a current MIDDEN plant, "added" for one from outside
    // MIDDEN's inventory (tools/midden/tables/added_plants.csv). The engine treats both
    // alike; the scope only says which plants the NEa 2020 base-year total covers
    // (docs/dataset.md "Scope"), so it is checked here and not stored.
    static constexpr std::array<CsvColumn, 30> kColumns{{
        {"id"}, {"name"}, {"operator"}, {"site", false}, {"cluster"}, {"sector"}, {"capacity_t"}, {"production_t"},
        {"co2_combustion_t"}, {"co2_process_t"}, {"gas_gj"}, {"electricity_gj"}, {"hydrogen_gj"},
        {"biomethane_gj"}, {"other_fuel_gj"}, {"feedstock_gas_gj"}, {"heat_share_low"},
        {"heat_share_mid"}, {"heat_share_high"}, {"asset_age_y"}, {"reinvestment_cycle_y"},
        {"hurdle_rate"}, {"multinational"}, {"employees"}, {"product", false},
        {"benchmark_t_co2_per_t", false}, {"benchmark_2026_t_co2_per_t", false},
        {"benchmark_2026_max_cut_t_co2_per_t", false}, {"scope", false}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    const auto sector_index = index_by_id(sectors);
    const auto cluster_index = index_by_id(clusters);
    std::vector<PlantSpec> plants;
    std::map<std::string, int, std::less<>> seen;
    std::map<std::string, std::size_t, std::less<>> first_unit;  // site -> index of its first unit
    for (const CsvRow& row : table.rows()) {
        PlantSpec p;
        p.id = csv_text(table, row, "id", false);
        if (!seen.emplace(p.id, row.line).second)
            table.fail(row, "id", "duplicate plant id '" + p.id + "' (first on line " +
                                      std::to_string(seen[p.id]) + ")");
        p.name = csv_text(table, row, "name", false);
        p.operator_name = csv_text(table, row, "operator", false);
        p.cluster = resolve(table, row, "cluster", cluster_index, clusters, "cluster");
        p.sector = resolve(table, row, "sector", sector_index, sectors, "sector");
        p.capacity_t = csv_number(table, row, "capacity_t", kPositive);
        p.production_t = csv_number(table, row, "production_t", kNonNegative);
        if (p.production_t > p.capacity_t)
            table.fail(row, "production_t", "expected production_t <= capacity_t (" +
                                                format_number(p.capacity_t) + "), got " +
                                                format_number(p.production_t));
        p.co2_combustion_t = csv_number(table, row, "co2_combustion_t", kNonNegative);
        p.co2_process_t = csv_number(table, row, "co2_process_t", kNonNegative);
        for (int c = 0; c < kCarrierCount; ++c) {
            // Column names follow the carrier names, except natural gas which is "gas_gj".
            const std::string column = c == static_cast<int>(Carrier::gas)
                                           ? std::string("gas_gj")
                                           : std::string(kCarrierNames[c]) + "_gj";
            p.energy_gj[c] = csv_number(table, row, column, kNonNegative);
        }
        const double gas = p.energy_gj[static_cast<int>(Carrier::gas)];
        p.feedstock_gas_gj = csv_number(table, row, "feedstock_gas_gj", kNonNegative);
        if (p.feedstock_gas_gj > gas)
            table.fail(row, "feedstock_gas_gj", "expected feedstock_gas_gj <= gas_gj (" + format_number(gas) +
                                                    "), got " + format_number(p.feedstock_gas_gj));
        double heat_sum = 0;
        for (int b = 0; b < kHeatBandCount; ++b) {
            const std::string column = std::string("heat_share_") + kHeatBandNames[b];
            p.heat_share[b] = csv_number(table, row, column, kShare);
            heat_sum += p.heat_share[b];
        }
        if (heat_sum > 1.0 + kShareSumTolerance)
            table.fail(row, "heat_share_high",
                       "expected heat_share_low + heat_share_mid + heat_share_high <= 1, got " +
                           format_number(heat_sum));
        p.asset_age_y = csv_integer(table, row, "asset_age_y", kAge);
        p.reinvestment_cycle_y = csv_integer(table, row, "reinvestment_cycle_y", kCycle);
        p.hurdle_rate = csv_number(table, row, "hurdle_rate", kShare);
        p.multinational = csv_bool(table, row, "multinational");
        p.employees = csv_integer(table, row, "employees", kCount);
        // Optional: an empty product is the sector's only group.
        if (const CsvField* product = table.field(row, "product")) p.product = product->text;
        read_benchmarks(table, row, p);
        if (const CsvField* scope = table.field(row, "scope");
            scope != nullptr && !scope->text.empty() && scope->text != "midden" && scope->text != "added")
            table.fail(row, "scope", "expected scope 'midden' or 'added', got '" + scope->text + "'");
        p.source = source_text(table, row);
        read_site(table, row, p, plants, first_unit);
        plants.push_back(std::move(p));
    }
    if (plants.empty()) throw InputError({table.file(), 0, 0}, "", "expected at least one plant row");
    return plants;
}

std::vector<EdgeSpec> load_edges(const std::filesystem::path& file, const std::vector<PlantSpec>& plants) {
    static constexpr std::array<CsvColumn, 8> kColumns{{
        {"supplier"}, {"customer"}, {"product"}, {"coupling", false}, {"offtake_share"},
        {"integration_benefit_eur_per_t"}, {"supplier_loss_eur_per_t", false}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    const auto plant_index = index_by_id(plants);
    std::vector<EdgeSpec> edges;
    std::vector<double> offtake_sum(plants.size(), 0.0);
    std::set<std::tuple<int, int, std::string>> seen;  // (supplier, customer, product)
    for (const CsvRow& row : table.rows()) {
        EdgeSpec e;
        e.supplier = resolve(table, row, "supplier", plant_index, plants, "plant");
        e.customer = resolve(table, row, "customer", plant_index, plants, "plant");
        if (e.supplier == e.customer)
            table.fail(row, "customer", "a plant cannot supply itself ('" + plants[e.supplier].id + "')");
        e.product = csv_text(table, row, "product", false);
        e.coupling = read_coupling(table, row);
        // A set, not a scan of the edges so far: the check stays linear for large
        // synthetic populations (issue 20; a scan took minutes at a million plants).
        if (!seen.emplace(e.supplier, e.customer, e.product).second)
            table.fail(row, "product", "duplicate edge " + plants[e.supplier].id + " -> " +
                                           plants[e.customer].id + " for '" + e.product + "'");
        e.offtake_share = csv_number(table, row, "offtake_share", kShare);
        if (!supplier_follows_customer(e.coupling) && e.coupling != EdgeCoupling::fuel_gas && e.offtake_share > 0)
            table.fail(row, "offtake_share",
                       "expected 0 on a " + std::string(kEdgeCouplingNames[static_cast<std::size_t>(e.coupling)]) +
                           " edge: the supplier's output does not follow this customer (its loss is "
                           "supplier_loss_eur_per_t)");
        offtake_sum[e.supplier] += e.offtake_share;
        if (offtake_sum[e.supplier] > 1.0 + kShareSumTolerance)
            table.fail(row, "offtake_share",
                       "the offtake shares of supplier '" + plants[e.supplier].id + "' add up to " +
                           format_number(offtake_sum[e.supplier]) + "; expected a total <= 1");
        e.integration_benefit_eur_per_t = csv_number(table, row, "integration_benefit_eur_per_t", kEurPerTonne);
        e.supplier_loss_eur_per_t = csv_number_or(table, row, "supplier_loss_eur_per_t", kEurPerTonne, 0.0);
        e.source = source_text(table, row);
        edges.push_back(std::move(e));
    }
    return edges;
}

}  // namespace eiisim
