#pragma once
// A sweep's record store split over the processes of an MPI job (docs/hpc.md): one part
// per rank, each a SweepCheckpoint with the sweep's fingerprint. Rank 0's part is the
// single-process checkpoint, <out>.checkpoint; rank k's is <out>.checkpoint.rank<k>.
// Which part holds a run does not matter: the runs are reduced in run order from the
// union of the parts. So a sweep resumes from the parts of any number of ranks, with
// any number of ranks (or none).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "sweep_checkpoint.hpp"

namespace eiisim {

// The part of rank `rank` of the checkpoint `checkpoint` (<out>.checkpoint).
[[nodiscard]] std::filesystem::path checkpoint_part(const std::filesystem::path& checkpoint, int rank);

// The parts of ranks >= 1 beside `checkpoint` on disk (rank 0's is `checkpoint`), by rank.
[[nodiscard]] std::vector<std::filesystem::path> other_parts(const std::filesystem::path& checkpoint);

// Removes the parts of ranks >= `from` (>= 1) beside `checkpoint`.
void remove_other_parts(const std::filesystem::path& checkpoint, int from);

// Opens, to read, every part beside `own` (rank 0's part) other than itself; each must
// belong to the same sweep (std::runtime_error otherwise). A part torn by a kill is cut
// back to its last whole block, as on resume.
[[nodiscard]] std::vector<std::unique_ptr<SweepCheckpoint>> open_other_parts(const SweepCheckpoint& own);

// Marks in `done` every run done in `part`.
void add_done(std::vector<char>& done, const SweepCheckpoint& part);

// Flushes a part to stable storage, so a process on another node reads all of it.
void sync_part(const std::filesystem::path& part);

}  // namespace eiisim
