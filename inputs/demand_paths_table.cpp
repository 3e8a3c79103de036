// demand_paths.csv: demand volume indices per sector, variant and year.
#include "demand_paths_table.hpp"

#include <array>
#include <string>

#include "csv_reader.hpp"
#include "sector_activity_table.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// Paths run from the observed years to the end of a run; another year is a typo.
constexpr Bounds kYears{2000.0, 2100.0};
// A volume index relative to the base year: >= 0 (a market may vanish); ten times the
// base year is a typo.
constexpr Bounds kIndex{0.0, 10.0};

}  // namespace

std::vector<DemandPathRow> load_demand_paths(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors) {
    if (!optional_input_present(file)) return {};  // optional: no demand paths
    static constexpr std::array<CsvColumn, 5> kColumns{{{"sector"}, {"variant"}, {"year"}, {"index"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::vector<DemandPathRow> rows;
    for (const CsvRow& row : table.rows()) {
        DemandPathRow d;
        d.sector = csv_sector(table, row, sectors);
        d.variant = csv_text(table, row, "variant", false);
        d.year = csv_integer(table, row, "year", kYears);
        d.index = csv_number(table, row, "index", kIndex);
        d.source = csv_text(table, row, "source", false);
        // Years ascend within a sector's variant: the path interpolates between them, and a
        // repeated or earlier year would leave its shape to row order.
        for (const DemandPathRow& other : rows)
            if (other.sector == d.sector && other.variant == d.variant && other.year >= d.year)
                table.fail(row, "year", "sector '" + sectors[static_cast<std::size_t>(d.sector)].id + "', variant '" +
                                            d.variant + "': year " + std::to_string(d.year) +
                                            " does not follow year " + std::to_string(other.year));
        rows.push_back(std::move(d));
    }
    return rows;
}

}  // namespace eiisim
