// history.csv: observed outages, curtailments, closures, mothballing and decided projects.
#include "history_table.hpp"

#include <array>
#include <map>
#include <string>

#include "csv_reader.hpp"
#include "plant_option_lookup.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// Observations lie between the base year and this year; a later year is a typo.
constexpr int kLastHistoryYear = 2100;

HistoryKind read_kind(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "kind", false);
    std::string expected;
    for (std::size_t k = 0; k < kHistoryKindNames.size(); ++k) {
        if (text == kHistoryKindNames[k]) return static_cast<HistoryKind>(k);
        expected += (k == 0 ? "" : ", ") + std::string(kHistoryKindNames[k]);
    }
    table.fail(row, "kind", "unknown kind '" + text + "'; expected one of: " + expected);
}

bool sets_utilisation(HistoryKind kind) {
    return kind == HistoryKind::outage || kind == HistoryKind::curtailment || kind == HistoryKind::mothball;
}

// first_year after the base year; last_year (empty: first_year) not before it. Closures
// and projects are events of one year.
void read_years(const CsvTable& table, const CsvRow& row, int base_year, HistoryEntry& e) {
    const Bounds years{static_cast<double>(base_year + 1), static_cast<double>(kLastHistoryYear)};
    e.first_year = csv_integer(table, row, "first_year", years);
    e.last_year = csv_integer_or(table, row, "last_year", years, e.first_year);
    if (e.last_year < e.first_year)
        table.fail(row, "last_year", "expected a year >= first_year " + std::to_string(e.first_year) + ", got " +
                                         std::to_string(e.last_year));
    const bool one_year = e.kind == HistoryKind::closure || e.kind == HistoryKind::project;
    if (one_year && e.last_year != e.first_year)
        table.fail(row, "last_year", std::string("expected empty or first_year for a ") +
                                         kHistoryKindNames[static_cast<std::size_t>(e.kind)] +
                                         " (it takes effect in first_year)");
}

// outage, curtailment: the utilisation in [0, 1]; closure: the share of capacity closed
// in (0, 1]; mothball and project take none.
void read_share(const CsvTable& table, const CsvRow& row, HistoryEntry& e) {
    const CsvField* field = table.field(row, "share");
    const bool empty = field == nullptr || field->text.empty();
    if (e.kind == HistoryKind::mothball || e.kind == HistoryKind::project) {
        if (!empty) table.fail(row, "share", "expected empty for a mothball or project row");
        return;
    }
    e.share = csv_number(table, row, "share", kShare);
    if (e.kind == HistoryKind::closure && e.share <= 0)
        table.fail(row, "share", "expected a share of capacity closed in (0, 1], got 0");
}

// project: one of the plant's own options by name (technologies.csv or plant_options.csv);
// other kinds take no route.
void read_route(const CsvTable& table, const CsvRow& row, const std::vector<TechnologySpec>& technologies,
                const std::vector<int>& options, const PlantSpec& plant, HistoryEntry& e) {
    const CsvField* field = table.field(row, "route");
    const bool empty = field == nullptr || field->text.empty();
    if (e.kind != HistoryKind::project) {
        if (!empty) table.fail(row, "route", "expected empty: only a project row names a route");
        return;
    }
    e.technology = plant_option_named(table, row, "route", technologies, options, plant);
}

}  // namespace

std::vector<HistoryEntry> load_history(const std::filesystem::path& file, const std::vector<PlantSpec>& plants,
                                       const std::vector<TechnologySpec>& technologies,
                                       const std::vector<std::vector<int>>& plant_technologies, int base_year) {
    if (!optional_input_present(file)) return {};  // optional: no observed history
    static constexpr std::array<CsvColumn, 8> kColumns{{{"plant_id"}, {"kind"}, {"first_year"}, {"last_year"},
        {"share"}, {"route", false}, {"exogenous"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::map<std::string, int, std::less<>> plant_index;
    for (std::size_t p = 0; p < plants.size(); ++p) plant_index.emplace(plants[p].id, static_cast<int>(p));
    std::vector<HistoryEntry> history;
    for (const CsvRow& row : table.rows()) {
        HistoryEntry e;
        const std::string id = csv_text(table, row, "plant_id", false);
        const auto it = plant_index.find(id);
        if (it == plant_index.end()) table.fail(row, "plant_id", "unknown plant '" + id + "' (not in plants.csv)");
        e.plant = it->second;
        e.kind = read_kind(table, row);
        read_years(table, row, base_year, e);
        read_share(table, row, e);
        const auto p = static_cast<std::size_t>(e.plant);
        read_route(table, row, technologies, plant_technologies[p], plants[p], e);
        e.exogenous = csv_bool(table, row, "exogenous");
        e.source = csv_text(table, row, "source", false);
        // Two utilisations for one plant-year would leave the applied one to row order.
        for (const HistoryEntry& other : history)
            if (other.plant == e.plant && sets_utilisation(other.kind) && sets_utilisation(e.kind) &&
                other.first_year <= e.last_year && e.first_year <= other.last_year)
                table.fail(row, "first_year", "plant '" + id + "': years " + std::to_string(e.first_year) + "-" +
                                                  std::to_string(e.last_year) +
                                                  " overlap another utilisation row of the same plant");
        history.push_back(std::move(e));
    }
    return history;
}

}  // namespace eiisim
