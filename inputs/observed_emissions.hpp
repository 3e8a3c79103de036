#pragma once
// The dataset's observed emissions (`observed_emissions.csv`, docs/input-format.md): the
// verified figures `eiisim hindcast` compares simulated emissions with, per national
// scope, installation or cluster, each with the model plants it corresponds to. Not an
// engine input: no run reads it. Bad rows are InputErrors naming file, line and field.
#include <filesystem>
#include <string>
#include <vector>

#include "core/hindcast_result.hpp"

namespace eiisim {

// The file's name inside a dataset folder.
inline constexpr const char* kObservedEmissionsFile = "observed_emissions.csv";

// Reads `file` and resolves each series' `plants` against `inputs` (plant ids,
// `cluster:<id>`, `non-power`). Series come in the file's order.
[[nodiscard]] std::vector<ObservedSeries> load_observed_emissions(const std::filesystem::path& file,
                                                                  const Inputs& inputs);

// The dataset folder of loaded inputs: the scenario's `dataset` relative to its file.
[[nodiscard]] std::filesystem::path dataset_folder(const Inputs& inputs);

}  // namespace eiisim
