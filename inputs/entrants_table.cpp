// entrants.csv: candidate and scheduled new plants.
#include "entrants_table.hpp"

#include <array>
#include <cmath>
#include <string>

#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

constexpr Bounds kLifetime{1.0, 100.0};
constexpr Bounds kLeadTime{1.0, 20.0};

template <typename Spec>
int index_of(const CsvTable& table, const CsvRow& row, std::string_view column, const std::vector<Spec>& items,
             const char* defined_in) {
    const std::string id = csv_text(table, row, column, false);
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    table.fail(row, column, "unknown " + std::string(column) + " '" + id + "' (not in " + defined_in + ")");
}

EntryStatus read_status(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "status", false);
    for (std::size_t s = 0; s < kEntryStatusNames.size(); ++s)
        if (text == kEntryStatusNames[s]) return static_cast<EntryStatus>(s);
    table.fail(row, "status", "unknown status '" + text + "'; expected scheduled or candidate");
}

// Its design per t: energy by carrier (no other fuel) and direct CO2.
void read_design(const CsvTable& table, const CsvRow& row, EntrySpec& entry) {
    entry.utilisation = csv_number(table, row, "utilisation", {0.0, 1.0, true});
    const auto gj = [&](Carrier c, const char* column) {
        entry.energy_gj_per_t[static_cast<int>(c)] = csv_number(table, row, column, kNonNegative);
    };
    gj(Carrier::electricity, "electricity_gj_per_t");
    gj(Carrier::hydrogen, "hydrogen_gj_per_t");
    gj(Carrier::gas, "gas_gj_per_t");
    gj(Carrier::biomethane, "biomethane_gj_per_t");
    entry.co2_t_per_t = csv_number(table, row, "co2_t_per_t", kNonNegative);
}

// Its own keep route: the sector's keep row with the entrant's capex, opex, lifetime and
// lead time, available from its first year.
TechnologySpec entry_route(const CsvTable& table, const CsvRow& row, const Inputs& in, const PlantSpec& plant,
                           int plant_index) {
    TechnologySpec route =
        in.technologies[static_cast<std::size_t>(in.sector_keep_technology[static_cast<std::size_t>(plant.sector)])];
    route.id = "entrant/" + plant.id;
    route.plant = plant_index;
    route.capex_eur_per_t_yr = csv_number(table, row, "capex_eur_per_t_yr", kNonNegative);
    route.capex_low_eur_per_t_yr = route.capex_high_eur_per_t_yr = route.capex_eur_per_t_yr;
    route.fixed_opex_eur_per_t_yr = csv_number(table, row, "fixed_opex_eur_per_t_yr", kNonNegative);
    route.lifetime_y = csv_integer(table, row, "lifetime_y", kLifetime);
    route.lead_time_y = csv_integer(table, row, "lead_time_y", kLeadTime);
    route.available_year = plant.entry.earliest_year;
    route.learning_rate = 0;
    route.source = plant.source;
    return route;
}

// An incumbent of the entrant's product group (same sector and product).
bool in_product_group(const PlantSpec& peer, const PlantSpec& entrant) {
    return !peer.is_entrant() && peer.sector == entrant.sector && peer.product == entrant.product;
}

// The heat shares of its product group's incumbents (production-weighted): it heats like
// them, which is what an electrify option would move.
void copy_group_heat_shares(const std::vector<PlantSpec>& plants, PlantSpec& entrant) {
    double weight = 0;
    std::array<double, kHeatBandCount> shares{};
    for (const PlantSpec& peer : plants) {
        if (!in_product_group(peer, entrant)) continue;
        for (int b = 0; b < kHeatBandCount; ++b) shares[b] += peer.heat_share[b] * peer.production_t;
        weight += peer.production_t;
    }
    for (int b = 0; b < kHeatBandCount; ++b) entrant.heat_share[b] = weight > 0 ? shares[b] / weight : 0.0;
}

// The EU ETS product benchmarks of its product group (the first incumbent's that has them;
// a product's benchmark holds for every installation making it, electrolysers making
// hydrogen included); none: the sector fallback, as for any plant without one.
void copy_group_benchmarks(const std::vector<PlantSpec>& plants, PlantSpec& entrant) {
    for (const PlantSpec& peer : plants) {
        if (!in_product_group(peer, entrant)) continue;
        if (peer.product_benchmark_t_per_t < 0) continue;
        entrant.product_benchmark_t_per_t = peer.product_benchmark_t_per_t;
        entrant.product_benchmark_2026_t_per_t = peer.product_benchmark_2026_t_per_t;
        entrant.product_benchmark_2026_max_cut_t_per_t = peer.product_benchmark_2026_max_cut_t_per_t;
        return;
    }
}

// The site it expands (optional `site`: a site of plants.csv; empty: a new site of its
// own). An expansion shares its site's cluster and takes its units' other cost
// (agents/plant_baseline.cpp).
void read_site(const CsvTable& table, const CsvRow& row, const std::vector<PlantSpec>& plants, PlantSpec& p) {
    const CsvField* site = table.field(row, "site");
    p.site = site != nullptr && !site->text.empty() ? site->text : p.id;
    if (p.site == p.id) return;
    for (const PlantSpec& unit : plants) {
        if (unit.is_entrant() || unit.site != p.site) continue;
        if (unit.cluster != p.cluster || unit.sector != p.sector)
            table.fail(row, "site", "site '" + p.site + "' is in another cluster or sector than the entrant");
        return;
    }
    table.fail(row, "site", "unknown site '" + p.site + "' (no plant of plants.csv has it)");
}

// What it adds to a national supply while it runs (optional `supplies`: empty, a feedstock
// of feedstocks.csv, `hydrogen` or `green_hydrogen`), per t of product (`supply_per_t`), and
// the gate fee it earns per t of product (optional `gate_fee_eur_per_t`).
void read_supply(const CsvTable& table, const CsvRow& row, const Inputs& in, EntrySpec& entry) {
    entry.gate_fee_eur_per_t = csv_number_or(table, row, "gate_fee_eur_per_t", kNonNegative, 0.0);
    const CsvField* field = table.field(row, "supplies");
    if (field == nullptr || field->text.empty()) {
        if (csv_number_or(table, row, "supply_per_t", kNonNegative, 0.0) != 0.0)
            table.fail(row, "supply_per_t", "expected it empty (or 0): the entrant supplies nothing");
        return;
    }
    const std::string& what = field->text;
    if (what == "hydrogen" || what == "green_hydrogen") {
        entry.supplies = what == "hydrogen" ? EntrySupply::hydrogen : EntrySupply::green_hydrogen;
    } else {
        for (std::size_t f = 0; f < in.feedstocks.size(); ++f)
            if (in.feedstocks[f].id == what) entry.supplied_feedstock = static_cast<int>(f);
        if (entry.supplied_feedstock < 0)
            table.fail(row, "supplies",
                       "unknown supply '" + what + "': expected hydrogen, green_hydrogen or a feedstock of feedstocks.csv");
        entry.supplies = EntrySupply::feedstock;
    }
    entry.supply_per_t = csv_number(table, row, "supply_per_t", kPositive);
    // A hydrogen supplier sells at its product group's price per t of product (docs/ODD.md
    // §7.20, "Suppliers") and the credit and green price per GJ: its product is t of hydrogen.
    if (entry.supplies != EntrySupply::feedstock && std::abs(entry.supply_per_t - kHydrogenGjPerT) > 1e-9)
        table.fail(row, "supply_per_t",
                   "a hydrogen supplier's product is t of hydrogen: expected 120 (GJ per t, lower heating value)");
}

PlantSpec read_entrant(const CsvTable& table, const CsvRow& row, const Inputs& in) {
    PlantSpec p;
    p.id = csv_text(table, row, "id", false);
    for (const PlantSpec& other : in.plants)
        if (other.id == p.id) table.fail(row, "id", "plant id '" + p.id + "' is already used (plants.csv or above)");
    p.name = csv_text(table, row, "name", false);
    p.operator_name = csv_text(table, row, "operator", false);
    p.cluster = index_of(table, row, "cluster", in.clusters, "infrastructure.toml");
    p.sector = index_of(table, row, "sector", in.sectors, "sectors.csv");
    if (const CsvField* product = table.field(row, "product")) p.product = product->text;
    read_site(table, row, in.plants, p);
    p.capacity_t = csv_number(table, row, "capacity_t", kPositive);
    p.entry.earliest_year = csv_integer(table, row, "earliest_year", kYear);
    p.entry.status = read_status(table, row);
    read_design(table, row, p.entry);
    p.entry.space_ha = csv_number(table, row, "space_ha", kNonNegative);
    read_supply(table, row, in, p.entry);
    p.hurdle_rate = csv_number(table, row, "hurdle_rate", kShare);
    p.multinational = csv_bool(table, row, "multinational");
    p.employees = csv_integer(table, row, "employees", kNonNegative);
    p.source = csv_text(table, row, "source", false);
    copy_group_heat_shares(in.plants, p);
    copy_group_benchmarks(in.plants, p);
    return p;
}

}  // namespace

void load_entrants(const std::filesystem::path& file, Inputs& in, int base_year) {
    if (!optional_input_present(file)) return;  // optional: no entrants
    static constexpr std::array<CsvColumn, 28> kColumns{{
        {"id"}, {"name"}, {"operator"}, {"cluster"}, {"sector"}, {"product", false}, {"site", false}, {"capacity_t"},
        {"utilisation"}, {"earliest_year"}, {"status"}, {"electricity_gj_per_t"}, {"hydrogen_gj_per_t"},
        {"gas_gj_per_t"}, {"biomethane_gj_per_t"}, {"co2_t_per_t"}, {"space_ha"}, {"supplies", false},
        {"supply_per_t", false}, {"gate_fee_eur_per_t", false}, {"capex_eur_per_t_yr"},
        {"fixed_opex_eur_per_t_yr"}, {"lifetime_y"}, {"lead_time_y"}, {"hurdle_rate"}, {"multinational"},
        {"employees"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    for (const CsvRow& row : table.rows()) {
        PlantSpec plant = read_entrant(table, row, in);
        if (plant.entry.earliest_year <= base_year)
            table.fail(row, "earliest_year",
                       "expected a year after the scenario's base year " + std::to_string(base_year) + ", got " +
                           std::to_string(plant.entry.earliest_year));
        const int index = static_cast<int>(in.plants.size());
        TechnologySpec route = entry_route(table, row, in, plant, index);
        plant.reinvestment_cycle_y = route.lifetime_y;
        plant.entry.technology = static_cast<int>(in.technologies.size());
        // Its options: its sector's, its own route in place of the sector's keep row.
        std::vector<int> options = in.sector_technologies[static_cast<std::size_t>(plant.sector)];
        for (int& option : options)
            if (option == in.sector_keep_technology[static_cast<std::size_t>(plant.sector)])
                option = plant.entry.technology;
        in.technologies.push_back(std::move(route));
        in.plant_technologies.push_back(std::move(options));
        in.plants.push_back(std::move(plant));
    }
}

}  // namespace eiisim
