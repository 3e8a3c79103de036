#pragma once
// Readers for the dataset's CSV tables (docs/input-format.md). Each one checks its own
// rows and resolves the ids it refers to against tables read before it, so the order is
// sectors -> technologies -> plants -> edges. Every problem throws InputError naming the
// file, line, column and column name.
#include <filesystem>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "core/inputs.hpp"

namespace eiisim {

struct SectorTable {
    std::vector<SectorSpec> sectors;
    std::vector<InputLocation> id_at;  // where each sector's id was written
};

struct TechnologyCatalogue {
    std::vector<TechnologySpec> technologies;        // `*` rows expanded per sector
    std::vector<std::vector<int>> sector_technologies;
    std::vector<int> sector_keep_technology;
};

// `import_names`: the scenario's import-price paths a sector's import_price may name.
[[nodiscard]] SectorTable load_sectors(const std::filesystem::path& file,
                                       const std::vector<std::string>& import_names);
[[nodiscard]] TechnologyCatalogue load_technologies(const std::filesystem::path& file,
                                                   const SectorTable& sectors);
[[nodiscard]] std::vector<PlantSpec> load_plants(const std::filesystem::path& file,
                                                 const std::vector<SectorSpec>& sectors,
                                                 const std::vector<ClusterSpec>& clusters);
// plant_options.csv (optional): options of single plants, appended to `technologies`.
// Returns every plant's option list: its sector's options, same-named ones replaced.
[[nodiscard]] std::vector<std::vector<int>> load_plant_options(
    const std::filesystem::path& file, const std::vector<PlantSpec>& plants,
    const std::vector<SectorSpec>& sectors, const std::vector<std::vector<int>>& sector_technologies,
    std::vector<TechnologySpec>& technologies);
[[nodiscard]] std::vector<EdgeSpec> load_edges(const std::filesystem::path& file,
                                               const std::vector<PlantSpec>& plants);

}  // namespace eiisim
