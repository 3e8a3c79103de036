#pragma once
// What `eiisim run --from-run` and `eiisim sweep --branch-from` need from a run file
// (docs/output-format.md, "Run files"): how the run was made (scenario file and text,
// input-file hashes, seed, run index, the `--set` assignments) and its outcome KPIs.
// The provenance is enough to make the run again exactly: a run is a pure function of its
// inputs, settings, seed and run index (docs/ODD.md, "Stochasticity").
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/input_files.hpp"
#include "core/sweep_result.hpp"

namespace eiisim {

struct RunFileRecord {
    std::string scenario_file;  // as given to `eiisim run --scenario`
    std::string scenario_text;
    std::string model_version, source_revision;
    std::uint64_t seed = 0;
    std::uint64_t run = 0;
    int base_year = 0, end_year = 0;
    std::vector<InputFileRecord> input_files;
    std::vector<std::string> set_values;  // `--set` assignments, in the order applied
    std::string replay_of;                // a run replayed from a sweep (then not re-creatable here)
    std::string branch_of;                // a branch's run (then not re-creatable from its own provenance)
    std::vector<int> milestones;
    RunKpis outcomes;
    std::string reference;  // the reference run written beside it (--reference KIND); empty: none
};

// Reads the run file `path`. Throws InputError (the CLI's exit status 2), naming the file,
// when it is missing or unreadable, is not an eiisim run file (a sweep file, say), or was
// written in a layout without the input-file table (schema_version < 2).
[[nodiscard]] RunFileRecord read_run_file(const std::filesystem::path& path);

}  // namespace eiisim
