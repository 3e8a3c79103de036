// co2_connections.csv: plant-level CO2 connections that override the cluster's.
#include "co2_connections_table.hpp"

#include <array>
#include <map>
#include <string>

#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

Co2Transport read_mode(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "mode", false);
    for (std::size_t m = 0; m < kCo2TransportNames.size(); ++m)
        if (text == kCo2TransportNames[m]) return static_cast<Co2Transport>(m);
    table.fail(row, "mode", "unknown mode '" + text + "'; expected one of: pipeline, ship");
}

}  // namespace

void load_co2_connections(const std::filesystem::path& file, std::vector<PlantSpec>& plants, int co2_delay_y) {
    if (!optional_input_present(file)) return;  // optional: every plant uses its cluster's
    static constexpr std::array<CsvColumn, 4> kColumns{{{"plant"}, {"mode"}, {"first_year"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::map<std::string, std::size_t, std::less<>> plant_index;
    for (std::size_t p = 0; p < plants.size(); ++p) plant_index.emplace(plants[p].id, p);
    for (const CsvRow& row : table.rows()) {
        const std::string id = csv_text(table, row, "plant", false);
        const auto it = plant_index.find(id);
        if (it == plant_index.end()) table.fail(row, "plant", "unknown plant '" + id + "' (not in plants.csv)");
        PlantSpec& plant = plants[it->second];
        // A second row would leave the connection in force to row order.
        if (plant.co2_connection_year != kNoPlantConnection)
            table.fail(row, "plant", "plant '" + id + "' already has a row");
        plant.co2_transport = read_mode(table, row);
        const int year = csv_integer(table, row, "first_year", kConnectionYear);
        const bool delayed = plant.co2_transport == Co2Transport::pipeline && year < kNeverConnected;
        plant.co2_connection_year = delayed ? year + co2_delay_y : year;
        plant.co2_connection_source = csv_text(table, row, "source", false);
    }
}

}  // namespace eiisim
