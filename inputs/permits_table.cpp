// permits.csv: nominal permit years and nitrogen sensitivity per sector and option kind.
#include "permits_table.hpp"

#include <array>
#include <map>
#include <string>
#include <utility>

#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

constexpr Bounds kPermitYears{0.0, 20.0};
constexpr int kAllSectors = -1;

// Conversions only: keep is no conversion, and closing or leaving needs no Dutch permit.
OptionKind read_conversion_kind(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "kind", false);
    for (std::size_t k = 0; k < kOptionKindNames.size(); ++k) {
        if (text != kOptionKindNames[k]) continue;
        const auto kind = static_cast<OptionKind>(k);
        if (kind == OptionKind::keep || kind == OptionKind::close || is_relocation(kind)) break;
        return kind;
    }
    table.fail(row, "kind", "expected a conversion kind (electrify, ccs, hydrogen, import or bio), got '" + text + "'");
}

int read_sector(const CsvTable& table, const CsvRow& row, const std::vector<SectorSpec>& sectors) {
    const std::string text = csv_text(table, row, "sector", false);
    if (text == "*") return kAllSectors;
    for (std::size_t s = 0; s < sectors.size(); ++s)
        if (sectors[s].id == text) return static_cast<int>(s);
    table.fail(row, "sector", "unknown sector '" + text + "' (not in sectors.csv, and not *)");
}

struct PermitRow {
    int years = 0;
    bool nitrogen_sensitive = false;
};

}  // namespace

void load_permits(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors,
                  std::vector<TechnologySpec>& technologies) {
    if (!optional_input_present(file)) return;  // optional: no permit stage anywhere
    static constexpr std::array<CsvColumn, 5> kColumns{
        {{"sector"}, {"kind"}, {"permit_y"}, {"nitrogen_sensitive"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::map<std::pair<int, OptionKind>, PermitRow> rows;
    std::map<std::pair<int, OptionKind>, int> first_line;
    for (const CsvRow& row : table.rows()) {
        const std::pair key{read_sector(table, row, sectors), read_conversion_kind(table, row)};
        if (const auto [it, fresh] = first_line.emplace(key, row.line); !fresh)
            table.fail(row, "kind", "this sector and kind already have a row (line " + std::to_string(it->second) + ")");
        rows[key] = {csv_integer(table, row, "permit_y", kPermitYears), csv_bool(table, row, "nitrogen_sensitive")};
        (void)csv_text(table, row, "source", false);  // every row says where its years come from
    }
    for (TechnologySpec& t : technologies) {
        auto it = rows.find({t.sector, t.kind});
        if (it == rows.end()) it = rows.find({kAllSectors, t.kind});
        if (it == rows.end()) continue;
        t.permit_y = it->second.years;
        t.nitrogen_sensitive = it->second.nitrogen_sensitive;
    }
}

}  // namespace eiisim
