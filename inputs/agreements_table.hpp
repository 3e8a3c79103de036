#pragma once
// agreements.csv and agreement_plants.csv (optional, together): the firms' support
// agreements with the state and the plants and routes they cover (docs/input-format.md,
// docs/ODD.md §7.15). Every problem throws InputError naming file, line, column and field.
#include <filesystem>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// `instruments`: the scenario's, which an agreement's `instrument` must name. A dataset
// without agreements.csv has no agreements (agreement_plants.csv alone is an error). A
// unit's contracted `capture_kt` resizes its plant's own capture option in `technologies`.
[[nodiscard]] std::vector<AgreementSpec> load_agreements(const std::filesystem::path& agreements_file,
                                                         const std::filesystem::path& units_file,
                                                         const std::vector<PlantSpec>& plants,
                                                         std::vector<TechnologySpec>& technologies,
                                                         const std::vector<std::vector<int>>& plant_technologies,
                                                         const std::vector<InstrumentSpec>& instruments);

// The two steps of load_agreements, apart so that the fuzzer of agreement_plants.csv
// (tests/fuzz) reads agreements.csv once: the agreements without their units, and then
// the units of agreement_plants.csv added to `agreements` (each naming one of them).
[[nodiscard]] std::vector<AgreementSpec> read_agreements_table(const std::filesystem::path& file,
                                                               const std::vector<InstrumentSpec>& instruments);
void read_agreement_units(const std::filesystem::path& file, const std::vector<PlantSpec>& plants,
                          std::vector<TechnologySpec>& technologies,
                          const std::vector<std::vector<int>>& plant_technologies,
                          std::vector<AgreementSpec>& agreements);

}  // namespace eiisim
