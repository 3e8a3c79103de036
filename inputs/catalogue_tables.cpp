// technologies.csv: the technology catalogue. `sector = *` rows (relocate, close) are
// expanded into one row per sector so the engine never special-cases them.
#include <algorithm>
#include <array>
#include <map>

#include "csv_reader.hpp"
#include "dataset_tables.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

constexpr Bounds kLifetime{1.0, 100.0};
constexpr Bounds kLeadTime{0.0, 50.0};
constexpr Bounds kLearningRate{0.0, 0.99};  // a rate of 1 would make capex vanish
constexpr double kDefaultLearningSeed = 1e6;

// The cells that describe an option's effect are often irrelevant to its kind (a keep
// row has no capture rate), so these columns may be left empty or left out: an empty
// cell means "no effect". Cost, timing and source cells are always required.
constexpr std::array<CsvColumn, 31> kColumns{{
    {"sector"}, {"name"}, {"kind"}, {"capex_eur_per_t_yr"},
    {"capex_low_eur_per_t_yr", false}, {"capex_high_eur_per_t_yr", false},
    {"fixed_opex_eur_per_t_yr"}, {"var_opex_eur_per_t"},
    {"electrify_share_low", false}, {"electrify_share_mid", false}, {"electrify_share_high", false},
    {"electrify_year_low", false}, {"electrify_year_mid", false}, {"electrify_year_high", false},
    {"electric_efficiency", false}, {"hydrogen_fuel_share", false}, {"bio_fuel_share", false},
    {"process_cut_share", false}, {"feedstock_gas_cut_share", false},
    {"hydrogen_feedstock_gj_per_t", false}, {"electricity_extra_gj_per_t", false},
    {"capture_rate", false}, {"capture_electricity_gj_per_tco2", false},
    {"capture_heat_gj_per_tco2", false}, {"import_share", false},
    {"lifetime_y"}, {"lead_time_y"}, {"available_year"},
    {"learning_rate", false}, {"learning_seed_t_yr", false}, {"source"}}};

OptionKind read_kind(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "kind", false);
    for (std::size_t k = 0; k < kOptionKindNames.size(); ++k)
        if (text == kOptionKindNames[k]) return static_cast<OptionKind>(k);
    table.fail(row, "kind",
               "unknown option kind '" + text +
                   "'; expected keep, electrify, ccs, hydrogen, import, bio, relocate, close or relocate_eu");
}

// Everything of a row except its sector (a `*` row is copied per sector).
TechnologySpec read_row(const CsvTable& table, const CsvRow& row) {
    TechnologySpec t;
    t.name = csv_text(table, row, "name", false);
    if (t.name.find('/') != std::string::npos)
        table.fail(row, "name", "expected an option name without '/', got '" + t.name + "'");
    t.kind = read_kind(table, row);
    t.capex_eur_per_t_yr = csv_number(table, row, "capex_eur_per_t_yr", kNonNegative);
    t.capex_low_eur_per_t_yr = csv_number_or(table, row, "capex_low_eur_per_t_yr", kNonNegative, t.capex_eur_per_t_yr);
    t.capex_high_eur_per_t_yr = csv_number_or(table, row, "capex_high_eur_per_t_yr", kNonNegative, t.capex_eur_per_t_yr);
    if (t.capex_low_eur_per_t_yr > t.capex_eur_per_t_yr)
        table.fail(row, "capex_low_eur_per_t_yr", "expected a lower limit <= capex_eur_per_t_yr (" +
                                                      format_number(t.capex_eur_per_t_yr) + ")");
    if (t.capex_high_eur_per_t_yr < t.capex_eur_per_t_yr)
        table.fail(row, "capex_high_eur_per_t_yr", "expected an upper limit >= capex_eur_per_t_yr (" +
                                                       format_number(t.capex_eur_per_t_yr) + ")");
    t.fixed_opex_eur_per_t_yr = csv_number(table, row, "fixed_opex_eur_per_t_yr", kNonNegative);
    t.var_opex_eur_per_t = csv_number(table, row, "var_opex_eur_per_t", kEurPerTonne);
    t.lifetime_y = csv_integer(table, row, "lifetime_y", kLifetime);
    t.lead_time_y = csv_integer(table, row, "lead_time_y", kLeadTime);
    t.available_year = csv_integer(table, row, "available_year", kYear);
    for (int b = 0; b < kHeatBandCount; ++b) {
        const std::string band = kHeatBandNames[b];
        t.electrify_share[b] = csv_number_or(table, row, "electrify_share_" + band, kShare, 0.0);
        t.electrify_year[b] = csv_integer_or(table, row, "electrify_year_" + band, kYear, t.available_year);
    }
    t.electric_efficiency = csv_number_or(table, row, "electric_efficiency", kPositive, 1.0);
    t.hydrogen_fuel_share = csv_number_or(table, row, "hydrogen_fuel_share", kShare, 0.0);
    t.bio_fuel_share = csv_number_or(table, row, "bio_fuel_share", kShare, 0.0);
    t.process_cut_share = csv_number_or(table, row, "process_cut_share", kShare, 0.0);
    t.feedstock_gas_cut_share = csv_number_or(table, row, "feedstock_gas_cut_share", kShare, 0.0);
    t.hydrogen_feedstock_gj_per_t = csv_number_or(table, row, "hydrogen_feedstock_gj_per_t", kNonNegative, 0.0);
    t.electricity_extra_gj_per_t = csv_number_or(table, row, "electricity_extra_gj_per_t", kNonNegative, 0.0);
    t.capture_rate = csv_number_or(table, row, "capture_rate", kShare, 0.0);
    t.capture_electricity_gj_per_tco2 =
        csv_number_or(table, row, "capture_electricity_gj_per_tco2", kNonNegative, 0.0);
    t.capture_heat_gj_per_tco2 = csv_number_or(table, row, "capture_heat_gj_per_tco2", kNonNegative, 0.0);
    t.import_share = csv_number_or(table, row, "import_share", kShare, 0.0);
    t.learning_rate = csv_number_or(table, row, "learning_rate", kLearningRate, 0.0);
    t.learning_seed_t_yr = csv_number_or(table, row, "learning_seed_t_yr", kPositive, kDefaultLearningSeed);
    t.source = csv_text(table, row, "source", false);
    return t;
}

}  // namespace

TechnologyCatalogue load_technologies(const std::filesystem::path& file, const SectorTable& sector_table) {
    const auto& sectors = sector_table.sectors;
    const CsvTable table = CsvTable::read(file, kColumns);
    TechnologyCatalogue out;
    out.sector_technologies.resize(sectors.size());
    out.sector_keep_technology.assign(sectors.size(), -1);
    std::vector<int> close_rows(sectors.size(), 0);
    std::map<std::string, int, std::less<>> first_line;  // technology id -> line

    for (const CsvRow& row : table.rows()) {
        const TechnologySpec base = read_row(table, row);
        const std::string sector_id = csv_text(table, row, "sector", false);
        std::vector<int> targets;
        if (sector_id == "*") {
            for (std::size_t s = 0; s < sectors.size(); ++s) targets.push_back(static_cast<int>(s));
        } else {
            const auto it = std::find_if(sectors.begin(), sectors.end(),
                                         [&](const SectorSpec& s) { return s.id == sector_id; });
            if (it == sectors.end()) {
                std::string known;
                for (const auto& s : sectors) known += ", " + s.id;
                table.fail(row, "sector", "unknown sector '" + sector_id + "'; expected *" + known);
            }
            targets.push_back(static_cast<int>(it - sectors.begin()));
        }
        for (const int s : targets) {
            const SectorSpec& sector = sectors[s];
            TechnologySpec t = base;
            t.sector = s;
            t.id = sector.id + "/" + t.name;
            if (const auto [it, fresh] = first_line.emplace(t.id, row.line); !fresh)
                table.fail(row, "name", "duplicate option '" + t.id + "' (first on line " +
                                            std::to_string(it->second) + ")");
            if (t.kind == OptionKind::import_intermediate &&
                (sector.import_price.empty() || sector.intermediate_t_per_t <= 0))
                table.fail(row, "kind", "an import option needs its sector '" + sector.id +
                                            "' to have an import_price path and intermediate_t_per_t > 0 "
                                            "in sectors.csv");
            const int index = static_cast<int>(out.technologies.size());
            if (t.kind == OptionKind::keep) {
                if (out.sector_keep_technology[s] >= 0)
                    table.fail(row, "kind", "sector '" + sector.id + "' already has a keep row ('" +
                                                out.technologies[out.sector_keep_technology[s]].id +
                                                "'); expected exactly one");
                out.sector_keep_technology[s] = index;
            }
            if (t.kind == OptionKind::close && ++close_rows[static_cast<std::size_t>(s)] > 1)
                table.fail(row, "kind", "sector '" + sector.id + "' already has a close row; expected exactly one");
            out.sector_technologies[s].push_back(index);
            out.technologies.push_back(std::move(t));
        }
    }
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        if (out.sector_keep_technology[s] < 0)
            throw InputError(sector_table.id_at[s], "id",
                             "sector '" + sectors[s].id + "' has no keep row in " + table.file() +
                                 "; expected exactly one");
        // Closing must always be possible: it is the engine's answer to a negative margin.
        if (close_rows[s] == 0)
            throw InputError(sector_table.id_at[s], "id",
                             "sector '" + sectors[s].id + "' has no close row in " + table.file() +
                                 " (a `*,close,close,...` row covers every sector); expected exactly one");
    }
    return out;
}

std::vector<std::vector<int>> load_plant_options(const std::filesystem::path& file,
                                                 const std::vector<PlantSpec>& plants,
                                                 const std::vector<SectorSpec>& sectors,
                                                 const std::vector<std::vector<int>>& sector_technologies,
                                                 std::vector<TechnologySpec>& technologies) {
    std::vector<std::vector<int>> options(plants.size());
    for (std::size_t p = 0; p < plants.size(); ++p)
        options[p] = sector_technologies[static_cast<std::size_t>(plants[p].sector)];
    if (!optional_input_present(file)) return options;  // the file is optional

    auto columns = kColumns;
    columns[0] = CsvColumn{"plant"};
    const CsvTable table = CsvTable::read(file, columns);
    std::map<std::string, int, std::less<>> plant_index;
    for (std::size_t p = 0; p < plants.size(); ++p) plant_index.emplace(plants[p].id, static_cast<int>(p));
    std::map<std::string, int, std::less<>> first_line;  // technology id -> line

    for (const CsvRow& row : table.rows()) {
        TechnologySpec t = read_row(table, row);
        const std::string plant_id = csv_text(table, row, "plant", false);
        const auto found = plant_index.find(plant_id);
        if (found == plant_index.end()) table.fail(row, "plant", "unknown plant '" + plant_id + "'");
        if (t.kind == OptionKind::keep || is_relocation(t.kind) || t.kind == OptionKind::close)
            table.fail(row, "kind", "a plant's own option must be electrify, ccs, hydrogen, import or bio; "
                                    "keep, relocate, relocate_eu and close come from the sector catalogue");
        const auto p = static_cast<std::size_t>(found->second);
        const SectorSpec& sector = sectors[static_cast<std::size_t>(plants[p].sector)];
        if (t.kind == OptionKind::import_intermediate &&
            (sector.import_price.empty() || sector.intermediate_t_per_t <= 0))
            table.fail(row, "kind", "an import option needs the plant's sector '" + sector.id +
                                        "' to have an import_price path and intermediate_t_per_t > 0");
        t.plant = found->second;
        t.sector = plants[p].sector;
        t.id = plant_id + "/" + t.name;
        if (const auto [it, fresh] = first_line.emplace(t.id, row.line); !fresh)
            table.fail(row, "name", "duplicate option '" + t.id + "' (first on line " +
                                        std::to_string(it->second) + ")");
        const int index = static_cast<int>(technologies.size());
        // A same-named sector option is replaced for this plant; otherwise the row is added.
        auto& list = options[p];
        const auto same_name = std::find_if(list.begin(), list.end(), [&](int k) {
            return technologies[static_cast<std::size_t>(k)].name == t.name;
        });
        if (same_name != list.end()) {
            if (technologies[static_cast<std::size_t>(*same_name)].kind != t.kind)
                table.fail(row, "kind", "replaces sector option '" + t.name + "' of another kind");
            *same_name = index;
        } else {
            list.push_back(index);
        }
        technologies.push_back(std::move(t));
    }
    return options;
}

}  // namespace eiisim
