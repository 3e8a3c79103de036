#include "plant_option_lookup.hpp"

#include <string>

namespace eiisim {

int plant_option_named(const CsvTable& table, const CsvRow& row, std::string_view column,
                       const std::vector<TechnologySpec>& technologies, const std::vector<int>& options,
                       const PlantSpec& plant) {
    return plant_option_named(table, row, column, csv_text(table, row, column, false), technologies, options, plant);
}

int plant_option_named(const CsvTable& table, const CsvRow& row, std::string_view column, std::string_view name,
                       const std::vector<TechnologySpec>& technologies, const std::vector<int>& options,
                       const PlantSpec& plant) {
    std::string known;
    for (int t : options) {
        const TechnologySpec& tech = technologies[static_cast<std::size_t>(t)];
        if (tech.name == name && tech.kind != OptionKind::close && !is_relocation(tech.kind)) return t;
        known += (known.empty() ? "" : ", ") + tech.name;
    }
    table.fail(row, column, "unknown route '" + std::string(name) + "' for plant '" + plant.id + "'; its options: " + known);
}

}  // namespace eiisim
