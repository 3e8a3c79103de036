#include "plant_option_lookup.hpp"

#include <string>

namespace eiisim {

int plant_option_named(const CsvTable& table, const CsvRow& row, std::string_view column,
                       const std::vector<TechnologySpec>& technologies, const std::vector<int>& options,
                       const PlantSpec& plant) {
    const std::string name = csv_text(table, row, column, false);
    std::string known;
    for (int t : options) {
        const TechnologySpec& tech = technologies[static_cast<std::size_t>(t)];
        if (tech.name == name && tech.kind != OptionKind::close && !is_relocation(tech.kind)) return t;
        known += (known.empty() ? "" : ", ") + tech.name;
    }
    table.fail(row, column, "unknown route '" + name + "' for plant '" + plant.id + "'; its options: " + known);
}

}  // namespace eiisim
