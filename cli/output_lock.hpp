#pragma once
// "<out>.lock": one process at a time writes an output file, and for a sweep its
// checkpoint (docs/sweeps.md, "Locks"). The lock file holds "pid <pid>\nhost <host>\n"
// and appears atomically with that content: it is written under a temporary name and
// link(2)ed into place, which, like open(O_EXCL), fails when a lock is already there.
// A lock whose process is no longer alive on this host (killed, or the machine's power
// cut) is stale: it is taken over, with a note on stderr. A lock held by a live process,
// or by any process of another host (whose liveness cannot be checked from here), is
// refused with an InputError naming the holder (exit status 2).
#include <filesystem>
#include <iosfwd>
#include <string>

namespace eiisim::cli {

class OutputLock {
public:
    // Takes the lock of `out`; notes a stale lock taken over on `notes`.
    OutputLock(const std::filesystem::path& out, std::ostream& notes);
    // Removes the lock file if it is still this process's.
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::string content_;  // what this process wrote into it
};

// "<out>.lock"
[[nodiscard]] std::filesystem::path lock_path(const std::filesystem::path& out);

}  // namespace eiisim::cli
