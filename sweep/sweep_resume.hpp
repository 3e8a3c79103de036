#pragma once
// --resume continues a checkpoint only for the very sweep that wrote it: the same
// binary (version and source revision), design (runs, seed, sampler, record width) and
// inputs (the SHA-256 of every input file). Anything else is refused naming what changed,
// so a resumed sweep never mixes runs of two models (docs/sweeps.md, "Resume").
#include <filesystem>
#include <string>
#include <vector>

namespace eiisim {

// The differences between a checkpoint's stored fingerprint and this sweep's
// (sweep_fingerprint), one line each: "the eiisim binary: ... then, ... now",
// "runs: 60 then, 80 now", "dataset/sectors.csv: content changed (...)". Empty when equal.
[[nodiscard]] std::vector<std::string> fingerprint_changes(const std::string& stored, const std::string& now);

// Throws InputError (exit status 2) listing fingerprint_changes when the checkpoint at
// `checkpoint` belongs to another sweep; nothing when there is no checkpoint (the sweep
// starts afresh). `scenario_file`: the folder the input paths are relative to.
void check_resume(const std::filesystem::path& checkpoint, const std::string& fingerprint,
                  const std::string& scenario_file);

}  // namespace eiisim
