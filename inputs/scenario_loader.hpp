#pragma once
// Reads a scenario file (TOML, docs/scenario.md) into a Scenario with units converted,
// plus the parts that can only be checked against the dataset: event targets and
// per-cluster infrastructure overrides name cluster/sector/plant ids, so they are kept
// with their file locations and resolved by the dataset loader.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "core/inputs.hpp"

namespace eiisim {

// An id written in the scenario, with where it was written.
struct ScenarioReference {
    std::string id;
    std::string field;  // dotted key path, e.g. "events[2].cluster"
    InputLocation where;
};

struct PendingEvent {
    ScenarioEvent event;  // year and description; targets still -1
    std::optional<ScenarioReference> cluster;
    std::optional<ScenarioReference> sector;
    std::optional<ScenarioReference> plant;
};

struct ClusterOverride {
    ScenarioReference cluster;
    std::optional<int> co2_connection_year;
    std::optional<int> h2_connection_year;
    std::optional<TimePath> grid_headroom_mw;
};

struct ScenarioFile {
    Scenario scenario;  // events left empty; see `events`
    std::vector<PendingEvent> events;
    // [infrastructure.clusters.<id>]; the table's factors and delays are in
    // scenario.infrastructure.
    std::vector<ClusterOverride> cluster_overrides;
    // [agreements.fixed]: each entry's key as written, in the order of
    // scenario.agreements.fixed, for the dataset check (an EoP or JLoI of agreements.csv).
    std::vector<ScenarioReference> fixed_agreements;
    std::filesystem::path dataset_dir;  // resolved against the scenario file's folder
    ScenarioReference dataset;          // the `dataset` key as written, for messages
};

[[nodiscard]] ScenarioFile load_scenario_file(const std::filesystem::path& file);

}  // namespace eiisim
