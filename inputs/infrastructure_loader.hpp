#pragma once
// Reads the dataset's infrastructure.toml (clusters with their grid headroom and
// connection years, national CO2 storage and hydrogen supply) and applies a scenario's
// [infrastructure] delays, factors and per-cluster overrides to it.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"
#include "scenario_loader.hpp"

namespace eiisim {

struct InfrastructureData {
    std::vector<ClusterSpec> clusters;  // in file order
    NationalInfrastructure national;
};

// Storage is converted Mt -> t and hydrogen supply PJ -> GJ here.
[[nodiscard]] InfrastructureData load_infrastructure(const std::filesystem::path& file);

// Delays shift the dataset's connection years (a cluster never connected stays so) and
// national paths; factors scale headroom, storage and supply. Per-cluster overrides are
// taken as written, after the delays and factors: the modeller stated that year.
// Throws InputError at the override when it names an unknown cluster.
void apply_infrastructure_settings(const InfrastructureFactors& settings,
                                   const std::vector<ClusterOverride>& overrides, InfrastructureData& data);

}  // namespace eiisim
