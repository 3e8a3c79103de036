#pragma once
// `eiisim sweep`: load, build the model once, run the sweep with progress and a
// checkpoint, write the HDF5 file, remove the checkpoint. Exit status as the CLI's:
// 0 done, 1 runtime failure, 2 bad input, 130 interrupted (resume with --resume).
#include <cstdint>
#include <string>
#include <vector>

namespace eiisim {

struct SweepCliOptions {
    std::string scenario;
    std::string out;
    std::size_t runs = 0;       // 0: not given (then --design gives the runs)
    std::string design;         // --design FILE.csv: the runs' samples (inputs/given_settings.hpp)
    std::string sampler = "lhs";
    std::uint64_t seed = 0;
    bool seed_given = false;
    std::string save = "none";
    int threads = 0;
    bool resume = false;
    std::size_t stop_after = 0;  // hidden, for tests: stop (as if interrupted) after this many runs
    bool quiet = false;
    std::string max_memory;  // --max-memory ("8G"); empty: default_max_memory_bytes()
    std::string reference;   // --reference KIND (kReferenceKindNames); empty: none
    // --branch-from STATE.h5 --year Y: scenario branches (cli/branch_command.hpp); then
    // every --scenario is a variant and --out a folder.
    std::vector<std::string> scenarios;
    std::string branch_from;
    int branch_year = 0;
};

int sweep_command(const SweepCliOptions& options);

}  // namespace eiisim
