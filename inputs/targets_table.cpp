// targets.csv: the climate targets and how each maps onto the model's scope.
#include "targets_table.hpp"

#include <array>
#include <optional>
#include <string>

#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// A target is due after the base year and by the end of the century; later is a typo.
constexpr int kLastTargetYear = 2100;
// Mt CO2(-eq) per year of a whole sector: Dutch industry emitted 86.8 Mt in 1990 (CBS);
// a thousand is a unit typo (t or kt).
constexpr Bounds kMt{0.0, 1000.0};

template <typename Names>
int read_code(const CsvTable& table, const CsvRow& row, std::string_view column, const Names& names) {
    const std::string text = csv_text(table, row, column, false);
    std::string known;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (text == names[i]) return static_cast<int>(i);
        known += (known.empty() ? "" : ", ") + std::string(names[i]);
    }
    table.fail(row, column, "unknown " + std::string(column) + " '" + text + "'; expected one of: " + known);
}

}  // namespace

std::vector<TargetSpec> load_targets(const std::filesystem::path& file, int base_year) {
    if (!optional_input_present(file)) return {};  // optional: no targets tracked
    static constexpr std::array<CsvColumn, 6> kColumns{
        {{"target"}, {"year"}, {"mapping"}, {"reference_mt"}, {"reference_base_mt"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    const Bounds years{static_cast<double>(base_year + 1), static_cast<double>(kLastTargetYear)};
    std::array<std::optional<TargetSpec>, kEmissionTargetCount> found;
    for (const CsvRow& row : table.rows()) {
        const auto t = static_cast<std::size_t>(read_code(table, row, "target", kEmissionTargetNames));
        if (found[t]) table.fail(row, "target", "target '" + std::string(kEmissionTargetNames[t]) + "' appears twice");
        TargetSpec spec;
        spec.year = csv_integer(table, row, "year", years);
        spec.mapping = static_cast<TargetMapping>(read_code(table, row, "mapping", kTargetMappingNames));
        spec.reference_mt = csv_number(table, row, "reference_mt", kMt);
        spec.reference_base_mt = csv_number(table, row, "reference_base_mt", kMt);
        if (spec.reference_base_mt <= 0)
            table.fail(row, "reference_base_mt", "expected a positive base to measure the target from, got 0");
        spec.source = csv_text(table, row, "source", false);
        found[t] = std::move(spec);
    }
    std::vector<TargetSpec> out;
    for (std::size_t t = 0; t < found.size(); ++t) {
        if (!found[t])
            throw InputError({table.file(), 0, 0}, "target",
                             "missing a row for target '" + std::string(kEmissionTargetNames[t]) + "'");
        out.push_back(std::move(*found[t]));
    }
    return out;
}

}  // namespace eiisim
