#include "process_files.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>

namespace eiisim {

std::filesystem::path temporary_path(const std::filesystem::path& file) {
    std::filesystem::path tmp = file;
    tmp += std::string(kTemporaryInfix) + std::to_string(static_cast<long long>(::getpid()));
    return tmp;
}

std::vector<std::filesystem::path> remove_dead_temporaries(const std::filesystem::path& file) {
    namespace fs = std::filesystem;
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const std::string prefix = file.filename().string() + std::string(kTemporaryInfix);
    std::vector<fs::path> removed;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        long pid = 0;
        const char* first = name.data() + prefix.size();
        const char* last = name.data() + name.size();
        const auto parsed = std::from_chars(first, last, pid);
        if (parsed.ec != std::errc() || parsed.ptr != last || pid <= 0 || process_alive(pid)) continue;
        std::error_code ignored;
        if (fs::remove(it->path(), ignored)) removed.push_back(it->path());
    }
    return removed;
}

bool process_alive(long pid) {
    if (pid <= 0 || pid > INT_MAX) return false;
    // EPERM: the process exists but belongs to someone else.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::string host_name() {
    char name[HOST_NAME_MAX + 1] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "unknown-host";
    return name;
}

}  // namespace eiisim
