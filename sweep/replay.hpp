#pragma once
// `eiisim run --from-sweep SWEEP.h5 --run N`: reruns run N of a sweep alone and writes a
// full run file (plant panels, event log). Run N is rebuilt exactly as the sweep built it:
//   scenario  the scenario file the sweep recorded (`scenario_file`, as given to `eiisim
//             sweep`, so relative to the folder the sweep ran in; --scenario says where it
//             is now). Its text and every dataset file it reads must hash as the sweep
//             recorded (`input_file_sha256`): a changed input is refused, naming the file.
//   samples   row N of the sweep's `experiments`, applied with the sweep's own function
//   seed/run  the sweep's seed, run index N; simulated by simulate_sweep_run (sweep.hpp),
//             the function the sweep itself runs every run through
// The KPIs are then compared bit for bit with the sweep's outcomes row N: equal, the
// run file is the sweep's run; different (another eiisim build), exit status 1.
// Bad requests (no such file, N out of range, an older file layout, changed inputs)
// throw InputError: exit status 2, nothing written.
#include <cstdint>
#include <string>

namespace eiisim {

struct ReplayOptions {
    std::string sweep;     // the sweep file (replay_run_file_command: the run file)
    std::uint64_t run = 0;
    std::string scenario;  // where the scenario file is now; empty: as the sweep recorded it
    std::string out;       // the run file to write
    bool quiet = false;
};

// results/<sweep file stem>-run<N>.h5
[[nodiscard]] std::string default_replay_output(const std::string& sweep, std::uint64_t run);

// Exit status: 0 replayed and equal, 1 written but the KPIs differ from the sweep's.
int replay_command(const ReplayOptions& options);

// `eiisim run --from-run RUN.h5`: makes a run file's run again from its provenance
// (scenario text and input hashes checked as above, its seed, run index and `--set`
// assignments, `set_values`) and compares the KPIs bit for bit: 0 equal, 1 different.
int replay_run_file_command(const ReplayOptions& options);

}  // namespace eiisim
