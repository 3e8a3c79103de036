// sector_activity.csv: observed production volume indices per sector and year.
#include "sector_activity_table.hpp"

#include <array>
#include <string>

#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// Observations lie between the base year and this year; a later year is a typo.
constexpr int kLastActivityYear = 2100;
// A volume index relative to the base year: positive; ten times the base year is a typo.
constexpr Bounds kIndex{0.0, 10.0, true};

}  // namespace

int csv_sector(const CsvTable& table, const CsvRow& row, const std::vector<SectorSpec>& sectors) {
    const std::string id = csv_text(table, row, "sector", false);
    for (std::size_t s = 0; s < sectors.size(); ++s)
        if (sectors[s].id == id) return static_cast<int>(s);
    table.fail(row, "sector", "unknown sector '" + id + "' (not in sectors.csv)");
}

std::vector<SectorActivity> load_sector_activity(const std::filesystem::path& file,
                                                 const std::vector<SectorSpec>& sectors, int base_year) {
    if (!optional_input_present(file)) return {};  // optional: no observed sector activity
    static constexpr std::array<CsvColumn, 4> kColumns{{{"sector"}, {"year"}, {"index"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    const Bounds years{static_cast<double>(base_year + 1), static_cast<double>(kLastActivityYear)};
    std::vector<SectorActivity> rows;
    for (const CsvRow& row : table.rows()) {
        SectorActivity a;
        a.sector = csv_sector(table, row, sectors);
        a.year = csv_integer(table, row, "year", years);
        a.index = csv_number(table, row, "index", kIndex);
        a.source = csv_text(table, row, "source", false);
        // Two indices for one sector-year would leave the applied one to row order.
        for (const SectorActivity& other : rows)
            if (other.sector == a.sector && other.year == a.year)
                table.fail(row, "year", "sector '" + sectors[static_cast<std::size_t>(a.sector)].id + "': year " +
                                            std::to_string(a.year) + " already has an index");
        rows.push_back(std::move(a));
    }
    return rows;
}

}  // namespace eiisim
