#pragma once
// Crash-safety testing (tests/cli/crash_safety.sh): the process kills itself with SIGKILL
// at a named point when the environment variable EIISIM_KILL_AT names it, as
// "<point>" (the first time the point is passed) or "<point>:<n>" (the n-th time), so a
// test can kill a run or sweep exactly where a crash hurts most. Without the variable
// a kill point does nothing. The points:
//   output-written       an HDF5 output (run or sweep file) is complete in its temporary
//                        file, not yet renamed onto the output
//   checkpoint-appended  a chunk of sweep records has been appended to the checkpoint
#include <string_view>

namespace eiisim {

inline constexpr const char* kKillAtVariable = "EIISIM_KILL_AT";

// Called from one thread at a time at each point.
void kill_point(std::string_view point);

}  // namespace eiisim
