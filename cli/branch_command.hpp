#pragma once
// `eiisim sweep --branch-from STATE.h5 --year Y --scenario VARIANT.toml ...`: policy
// variants continued from one shared history (sim/branch.hpp; docs/analysis.md,
// "Scenario branches"). STATE.h5 is a run file (`eiisim run`): its provenance (scenario
// text, input-file hashes, seed, run index, --set values) makes its run again exactly up
// to Y - 1, once; each variant continues a copy from Y and is written as a run file
// <out>/<variant file stem>.h5. Bad requests (not a run file, Y outside its years, a
// variant on another dataset or of another shape) are InputErrors: exit status 2.
#include <cstdint>
#include <string>
#include <vector>

namespace eiisim {

struct BranchCliOptions {
    std::string state;                   // the run file
    int year = 0;                        // the first year the variants simulate
    std::vector<std::string> variants;   // scenario files
    std::string out;                     // the output folder
    std::uint64_t seed = 0;
    bool seed_given = false;             // else the state's seed
    int threads = 0;
    bool quiet = false;
};

int branch_command(const BranchCliOptions& options);

}  // namespace eiisim
