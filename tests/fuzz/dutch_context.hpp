#pragma once
// What the dataset table loaders need from the tables read before them: the shipped
// Dutch dataset (scenarios/current-policy.toml with clusters/nl), loaded once per fuzzing
// process, so a harness parses only its own table on each input.
#include <filesystem>

#include <vector>

#include "core/inputs.hpp"
#include "inputs/dataset_tables.hpp"

namespace eiisim::fuzz {

struct DutchContext {
    Inputs inputs;             // as load_inputs returns them
    SectorTable sector_table;  // sectors.csv with where each id was written
    std::filesystem::path dataset;
    std::vector<AgreementSpec> agreements_alone;  // agreements.csv without agreement_plants.csv
};

[[nodiscard]] const DutchContext& dutch_context();

}  // namespace eiisim::fuzz
