#pragma once
// The records of a sweep's finished runs, on disk: both the checkpoint an interrupted
// sweep resumes from ("<out>.checkpoint") and the store the final reduction reads, so
// memory does not grow with runs × record width (docs/sweeps.md, "Memory").
//
// File: a text header naming the sweep (the magic line, then the fingerprint: binary,
// scenario text hash, runs, seed, sampler, record width on one line and one line per input file
// with its SHA-256, size and path; a blank line ends it), then one binary block per chunk
// of runs, appended and handed to the kernel when the chunk is done:
//     u64 block magic, u64 n, u64 run id[n], f64 columns[columnar][n],
//     f64 rows[n][width - columnar], u64 checksum
// The first `columnar` values of each record are stored column by column within a
// block, so reading a group of them for every run (to compute quantiles) is one
// contiguous read per block; the rest (trajectories, read back whole per run) row by
// row. The checksum covers n, the ids and the values.
// The header is written to a temporary file and renamed into place. On resume, a block
// torn by a kill (short, or a wrong checksum) and everything after it is cut off, so its
// runs are simply done again: a resumed sweep ends with exactly the records an
// uninterrupted one computes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/input_files.hpp"

namespace eiisim {

// The fingerprint's first line describes the sweep ("key=value" items: the binary's
// version and source revision, the scenario text's FNV-1a 64 hash, runs, seed, sampler,
// record width); the lines after it are the input files with their SHA-256
// (input_files_text), so a changed file can be named (sweep_resume.hpp).
[[nodiscard]] std::string sweep_fingerprint(const std::string& scenario_text, std::size_t runs, std::uint64_t seed,
                                            const std::string& sampler, std::size_t width,
                                            const std::vector<InputFileRecord>& input_files);

// True when the file at `path` is a sweep checkpoint of any version (its first line
// starts with the checkpoint magic): an output must never replace one.
[[nodiscard]] bool is_sweep_checkpoint(const std::filesystem::path& path);

class SweepCheckpoint {
public:
    // Starts a new checkpoint at `path` (replacing any), or with `resume` continues the
    // one there (std::runtime_error if it belongs to another sweep). `keep`: the file
    // stays when this object is destroyed (a resumable checkpoint); otherwise it is a
    // scratch store and is removed.
    SweepCheckpoint(std::filesystem::path path, const std::string& fingerprint, std::size_t runs, std::size_t width,
                    std::size_t columnar, bool resume, bool keep);
    // The fingerprint in the header of the checkpoint at `path` (std::runtime_error if it is
    // not a checkpoint of this version).
    [[nodiscard]] static std::string stored_fingerprint(const std::filesystem::path& path);
    // A scratch store in the system's temporary directory (tests).
    SweepCheckpoint(std::size_t runs, std::size_t width, std::size_t columnar);
    ~SweepCheckpoint();
    SweepCheckpoint(const SweepCheckpoint&) = delete;
    SweepCheckpoint& operator=(const SweepCheckpoint&) = delete;

    [[nodiscard]] std::size_t runs() const { return done_.size(); }
    [[nodiscard]] std::size_t width() const { return width_; }
    [[nodiscard]] std::size_t columnar() const { return columnar_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // 1 for every run whose record is stored.
    [[nodiscard]] const std::vector<char>& done() const { return done_; }
    [[nodiscard]] std::size_t done_count() const;

    // Appends the records of runs `ids` (rows of width() values, `rows[i * width ...]` for
    // ids[i]) as one block. One call at a time; not concurrently with read_columns.
    void append(std::span<const std::size_t> ids, std::span<const double> rows);

    // Columns [first, first + count) (within the columnar part) of every run, in run
    // order: out[c * runs() + run]. Runs not stored here keep their values in `out` (an MPI
    // sweep's parts, sweep_parts.hpp, are read each in turn). Reads blocks in parallel.
    void read_columns(std::size_t first, std::size_t count, std::vector<double>& out) const;
    // Columns [first, first + outs.size() * count) (within the row part) of every run,
    // split into outs.size() arrays of `count` columns each: outs[v][run * count + c] is
    // column first + v * count + c. Runs not stored here keep their values, as above.
    void read_rows(std::size_t first, std::size_t count, std::span<std::vector<double>* const> outs) const;

    // Deletes the file (the sweep is complete and written).
    void remove();

private:
    struct Block {
        std::uint64_t offset = 0;  // of the block magic
        std::vector<std::uint64_t> ids;
    };
    void create(const std::string& fingerprint);
    void restore(const std::string& fingerprint);

    std::filesystem::path path_;
    std::size_t width_ = 0;
    std::size_t columnar_ = 0;
    bool keep_ = false;
    int fd_ = -1;
    std::uint64_t end_ = 0;  // where the next block goes
    std::vector<char> done_;
    std::vector<Block> blocks_;
};

}  // namespace eiisim
