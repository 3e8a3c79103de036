#pragma once
// Readers for the pipeline networks (docs/input-format.md "networks.csv" and
// "network_members.csv"): the networks and the plants that feed or draw from them. Both
// files are optional; without networks.csv a dataset has no networks. Every problem throws
// InputError naming the file, line, column and column name.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// `edges`: the dataset's edges, whose offtake shares a producer's network share adds to;
// `technologies` and `plant_technologies` name the routes a member's leaves_with lists.
[[nodiscard]] std::vector<NetworkSpec> load_networks(const std::filesystem::path& networks_file,
                                                     const std::filesystem::path& members_file,
                                                     const std::vector<PlantSpec>& plants,
                                                     const std::vector<EdgeSpec>& edges,
                                                     const std::vector<TechnologySpec>& technologies,
                                                     const std::vector<std::vector<int>>& plant_technologies);

}  // namespace eiisim
