#pragma once
// Files that belong to one process of this host: "<file>.tmp-<pid>" temporaries (the
// atomic writes of output/ and sweep/ write them and rename them into place) and the
// pid+host lock files of cli/output_lock. A process killed with SIGKILL leaves them
// behind; whether their process is still alive is what makes them leftovers.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace eiisim {

inline constexpr std::string_view kTemporaryInfix = ".tmp-";

// "<file>.tmp-<this process's pid>": where `file` is written before being renamed onto it.
[[nodiscard]] std::filesystem::path temporary_path(const std::filesystem::path& file);

// Removes the "<file>.tmp-<pid>" beside `file` whose process is no longer alive on this
// host and returns them; a temporary of a live process is left alone.
std::vector<std::filesystem::path> remove_dead_temporaries(const std::filesystem::path& file);

// True when a process with this id exists on this host (it may belong to another user).
[[nodiscard]] bool process_alive(long pid);

// This host's name, as in the lock files.
[[nodiscard]] std::string host_name();

}  // namespace eiisim
