#pragma once
// What `eiisim run --from-sweep` needs from a sweep file (docs/output-format.md, "Sweep
// files"): how the sweep was made (scenario file and text, input-file hashes, seed,
// sampler, runs) and one run's row of the experiments and of the outcomes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/input_files.hpp"
#include "core/sweep_result.hpp"

namespace eiisim {

struct SweepRunRecord {
    std::string scenario_file;   // as given to `eiisim sweep --scenario`
    std::string scenario_text;
    std::string sampler;
    std::string model_version, source_revision;
    std::uint64_t seed = 0;
    std::uint64_t runs = 0;
    std::vector<InputFileRecord> input_files;
    std::vector<std::string> parameters;  // the sampled settings, in order
    std::vector<double> samples;          // this run's row of `experiments`
    std::vector<int> milestones;
    RunKpis outcomes;                     // this run's row of the outcome variables
    std::string reference;                // each run's reference run (--reference KIND); empty: none
};

// Reads run `run` of the sweep file `path`. Throws InputError (the CLI's exit status 2)
// when the file is missing or unreadable, is not a sweep file, was written in a layout
// without the input-file table (schema_version < 2), or has no run `run`.
[[nodiscard]] SweepRunRecord read_sweep_run(const std::filesystem::path& path, std::uint64_t run);

namespace h5 {
class Reader;
}
// Row `run` of the outcome variables (net_co2, cluster_net_co2, ...), which run files
// (one row) and sweep files (one per run) share.
[[nodiscard]] RunKpis read_outcome_row(const h5::Reader& file, std::uint64_t run);

}  // namespace eiisim
