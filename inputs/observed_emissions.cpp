// observed_emissions.csv: the figures `eiisim hindcast` compares with (docs/input-format.md).
#include "observed_emissions.hpp"

#include <algorithm>
#include <array>

#include "csv_reader.hpp"

namespace eiisim {
namespace {

constexpr std::array<CsvColumn, 8> kColumns = {{{"scope"}, {"id"}, {"name"}, {"plants"}, {"year"}, {"co2_mt"},
                                                {"label"}, {"source"}}};
constexpr Bounds kObservedYear{1990.0, 2100.0};

template <typename Enum, std::size_t N>
Enum read_choice(const CsvTable& table, const CsvRow& row, std::string_view column,
                 const std::array<const char*, N>& names) {
    const std::string text = csv_text(table, row, column, false);
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i]) return static_cast<Enum>(i);
        expected += (i == 0 ? "" : ", ") + std::string(names[i]);
    }
    table.fail(row, column, "unknown " + std::string(column) + " '" + text + "'; expected one of: " + expected);
}

// One `plants` token: a plant id, `cluster:<id>` or `non-power`, as plant indices.
void add_token(const CsvTable& table, const CsvRow& row, const std::string& token, const Inputs& inputs,
               std::vector<int>& plants) {
    const std::string cluster_prefix = "cluster:";
    const auto n = static_cast<int>(inputs.plants.size());
    if (token == "non-power") {
        for (int p = 0; p < n; ++p)
            if (inputs.sectors[static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector)].id !=
                "power")
                plants.push_back(p);
        return;
    }
    if (token.starts_with(cluster_prefix)) {
        const std::string id = token.substr(cluster_prefix.size());
        const auto c = std::find_if(inputs.clusters.begin(), inputs.clusters.end(),
                                    [&](const ClusterSpec& spec) { return spec.id == id; });
        if (c == inputs.clusters.end()) table.fail(row, "plants", "unknown cluster '" + id + "'");
        const auto index = static_cast<int>(c - inputs.clusters.begin());
        for (int p = 0; p < n; ++p)
            if (inputs.plants[static_cast<std::size_t>(p)].cluster == index) plants.push_back(p);
        return;
    }
    const auto it = std::find_if(inputs.plants.begin(), inputs.plants.end(),
                                 [&](const PlantSpec& spec) { return spec.id == token; });
    if (it == inputs.plants.end())
        table.fail(row, "plants",
                   "unknown plant '" + token + "'; expected plant ids of plants.csv, cluster:<id> or non-power");
    plants.push_back(static_cast<int>(it - inputs.plants.begin()));
}

std::vector<int> resolve_plants(const CsvTable& table, const CsvRow& row, const std::string& text,
                                const Inputs& inputs) {
    std::vector<int> plants;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        const std::string token = text.substr(start, end - start);
        if (token.empty()) table.fail(row, "plants", "empty entry in '" + text + "'");
        add_token(table, row, token, inputs, plants);
        start = end + 1;
    }
    std::sort(plants.begin(), plants.end());
    if (std::adjacent_find(plants.begin(), plants.end()) != plants.end())
        table.fail(row, "plants", "a plant is named twice in '" + text + "'");
    if (plants.empty()) table.fail(row, "plants", "'" + text + "' selects no plant");
    return plants;
}

// The series a row belongs to: a new one, or the earlier one of its id, which must agree.
ObservedSeries& series_of(const CsvTable& table, const CsvRow& row, const Inputs& inputs,
                          std::vector<ObservedSeries>& all) {
    const std::string id = csv_text(table, row, "id", false);
    const auto scope = read_choice<ObservedScope>(table, row, "scope", kObservedScopeNames);
    const std::string name = csv_text(table, row, "name", false);
    const std::string plants = csv_text(table, row, "plants", false);
    const auto it = std::find_if(all.begin(), all.end(), [&](const ObservedSeries& s) { return s.id == id; });
    if (it == all.end()) {
        all.push_back({scope, id, name, plants, resolve_plants(table, row, plants, inputs), {}});
        return all.back();
    }
    if (it->scope != scope) table.fail(row, "scope", "series '" + id + "' has another scope on an earlier line");
    if (it->name != name) table.fail(row, "name", "series '" + id + "' has another name on an earlier line");
    if (it->plants_text != plants)
        table.fail(row, "plants", "series '" + id + "' has other plants on an earlier line");
    return *it;
}

}  // namespace

std::vector<ObservedSeries> load_observed_emissions(const std::filesystem::path& file, const Inputs& inputs) {
    const CsvTable table = CsvTable::read(file, kColumns);
    std::vector<ObservedSeries> all;
    for (const CsvRow& row : table.rows()) {
        ObservedSeries& series = series_of(table, row, inputs, all);
        const int year = csv_integer(table, row, "year", kObservedYear);
        Observation o;
        o.co2_mt = csv_number(table, row, "co2_mt", kNonNegative);
        o.label = read_choice<ObservedLabel>(table, row, "label", kObservedLabelNames);
        o.source = csv_text(table, row, "source", false);
        if (!series.years.emplace(year, std::move(o)).second)
            table.fail(row, "year", "series '" + series.id + "' has " + std::to_string(year) + " twice");
    }
    if (all.empty()) throw InputError({file.string(), 0, 0}, "", "no observed emissions in the file");
    return all;
}

std::filesystem::path dataset_folder(const Inputs& inputs) {
    return std::filesystem::path(inputs.provenance.scenario_file).parent_path() / inputs.scenario.dataset;
}

}  // namespace eiisim
