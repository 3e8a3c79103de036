#pragma once
// The checkpoint of an interrupted sweep, next to its output ("<out>.checkpoint"): a
// text header naming the sweep (fingerprint: scenario text hash, runs, seed, sampler,
// record width) and then, appended after every chunk and flushed, one binary entry per
// finished run: run id (uint64), its record (width float64, bit-exact), and an FNV-1a
// checksum of both. The header is written to a temporary file and renamed into place;
// an entry torn by a kill is detected by its length or checksum and ignored on resume,
// so that run is simply done again. A resumed sweep therefore ends with exactly the
// records an uninterrupted one computes.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace eiisim {

[[nodiscard]] std::string sweep_fingerprint(const std::string& scenario_text, std::size_t runs, std::uint64_t seed,
                                            const std::string& sampler, std::size_t width);

class CheckpointWriter {
public:
    // Starts a new checkpoint (replacing any) or, with `append`, continues an existing one.
    CheckpointWriter(std::filesystem::path path, const std::string& fingerprint, bool append);
    void add(const std::vector<std::size_t>& runs, const std::vector<double>& records, std::size_t width);

private:
    std::filesystem::path path_;
    std::ofstream stream_;
};

// Reads a checkpoint into done/records (sized runs and runs * width). Returns the number
// of runs restored; throws std::runtime_error when the checkpoint belongs to another sweep.
std::size_t load_checkpoint(const std::filesystem::path& path, const std::string& fingerprint, std::size_t width,
                            std::vector<char>& done, std::vector<double>& records);

}  // namespace eiisim
