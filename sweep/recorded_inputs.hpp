#pragma once
// The inputs a run or sweep file recorded, loaded again and checked, so a run can be made
// again exactly (`eiisim run --from-sweep`, `eiisim run --from-run`, `eiisim sweep
// --branch-from`): the scenario file (where it was recorded, or where it is now), whose
// text and every input file read must hash as the file recorded; a changed input is an
// InputError naming the file.
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "output/run_file_reader.hpp"

namespace eiisim {

struct RecordedInputs {
    std::string file;            // the run or sweep file that recorded them
    std::string scenario_file;   // the scenario as recorded (relative to the folder it ran in)
    std::string scenario_text;
    std::vector<InputFileRecord> files;
};

// `scenario`: where the scenario file is now (empty: as recorded).
[[nodiscard]] Inputs load_recorded_inputs(const RecordedInputs& recorded, const std::string& scenario);

// The inputs of run file `path` as its run used them: the recorded inputs with the run's
// seed and its `--set` assignments applied again (stored in provenance.set_values). A run
// replayed from a sweep or made by a branch is refused: its provenance alone does not
// make it (its sweep's samples, its branch's base), and the error says what does.
[[nodiscard]] Inputs load_run_file_inputs(const std::string& path, const RunFileRecord& record,
                                          const std::string& scenario);

// The dataset files (every input file but the scenario) of `a` and `b` that differ, in
// the order read, as lines naming both files; empty when the datasets are the same bytes.
[[nodiscard]] std::vector<std::string> dataset_differences(const InputProvenance& a, const InputProvenance& b);

// The lines of a difference list, each on its own indented line, for an error message.
[[nodiscard]] inline std::string indented_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += "\n  " + line;
    return text;
}

}  // namespace eiisim
