#pragma once
// Where a plant's captured CO2 can go and from when: its own connection when the dataset's
// co2_connections.csv names one, else its cluster's pipeline (docs/ODD.md §7.7).
#include "inputs.hpp"

namespace eiisim {

struct Co2Connection {
    int first_year = kNeverConnected;  // first year captured CO2 can leave the plant
    Co2Transport transport = Co2Transport::pipeline;
};

[[nodiscard]] inline Co2Connection co2_connection(const Inputs& inputs, int plant) {
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    if (spec.co2_connection_year != kNoPlantConnection) return {spec.co2_connection_year, spec.co2_transport};
    return {inputs.clusters[static_cast<std::size_t>(spec.cluster)].co2_connection_year, Co2Transport::pipeline};
}

}  // namespace eiisim
