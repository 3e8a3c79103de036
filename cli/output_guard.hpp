#pragma once
// What `run` and `sweep` check about --out before any work (docs/sweeps.md, "Output
// file"): the output replaces an existing output file (the documented default), but never
// an input of the scenario, nor another sweep's checkpoint; one process at a time writes
// it (cli/output_lock.hpp); temporaries left by killed processes are removed.
#include <filesystem>
#include <iosfwd>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/input_files.hpp"
#include "output_lock.hpp"

namespace eiisim::cli {

// The --help text of --out for run and sweep: what happens to an existing file.
inline constexpr const char* kOutputHelp =
    "Output HDF5 file. An existing output file there is replaced; an input file of the scenario or a sweep "
    "checkpoint never is (refused, exit status 2), nor is a file another eiisim process is writing (<out>.lock)";

// Refuses (InputError, exit status 2, naming the input) an output that is, or whose
// "<out>.checkpoint" or "<out>.lock" is, the same file as an input of `inputs` (the same
// device and inode: through a symbolic link, a hard link or another spelling of the
// path), and an output that is a sweep checkpoint.
void refuse_output_onto_inputs(const std::filesystem::path& out, const InputProvenance& inputs);

// Everything above, then: the output's folder created (prepare_output_path), the lock
// taken, and "<out>.tmp-<pid>" and "<out>.checkpoint.tmp-<pid>" of dead processes
// removed, each named on `notes`. The lock is held while the returned object lives.
[[nodiscard]] std::unique_ptr<OutputLock> claim_output(const std::filesystem::path& out,
                                                       const InputProvenance& inputs, std::ostream& notes);

// For --out options: an empty path is refused when the command line is parsed.
[[nodiscard]] CLI::Validator non_empty_path();

}  // namespace eiisim::cli
