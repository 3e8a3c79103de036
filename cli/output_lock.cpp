#include "output_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "core/input_error.hpp"
#include "core/process_files.hpp"

namespace eiisim::cli {
namespace {

struct Holder {
    long pid = 0;
    std::string host;
};

// The content of a lock file; empty when it is gone.
std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    return text.str();
}

Holder parse_holder(const std::string& text) {
    Holder holder;
    std::istringstream in(text);
    std::string key;
    while (in >> key) {
        if (key == "pid") in >> holder.pid;
        else if (key == "host") in >> holder.host;
    }
    return holder;
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

// Creates `lock` holding `content`; false if a lock is already there.
bool create_lock(const std::filesystem::path& lock, const std::string& content) {
    const std::filesystem::path tmp = temporary_path(lock);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create the lock file", tmp);
    const bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ::close(fd);
    if (!written) {
        ::unlink(tmp.c_str());
        fail("cannot write the lock file", tmp);
    }
    const int linked = ::link(tmp.c_str(), lock.c_str());
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    if (linked == 0) return true;
    if (errno == EEXIST) return false;
    fail("cannot create the lock file", lock);
}

// Moves the stale lock (content `stale`) out of the way. Two processes taking over the
// same stale lock at once: only one rename succeeds; one that finds it renamed a fresh
// lock instead puts it back.
void take_over(const std::filesystem::path& lock, const std::string& stale) {
    const std::filesystem::path aside = temporary_path(std::filesystem::path(lock.string() + ".stale"));
    if (::rename(lock.c_str(), aside.c_str()) != 0) return;  // gone already: try again
    if (read_text(aside) != stale && ::link(aside.c_str(), lock.c_str()) != 0 && errno != EEXIST)
        fail("cannot restore the lock file", lock);
    ::unlink(aside.c_str());
}

}  // namespace

std::filesystem::path lock_path(const std::filesystem::path& out) {
    std::filesystem::path lock = out;
    lock += ".lock";
    return lock;
}

OutputLock::OutputLock(const std::filesystem::path& out, std::ostream& notes) : path_(lock_path(out)) {
    content_ = "pid " + std::to_string(static_cast<long>(::getpid())) + "\nhost " + host_name() + "\n";
    remove_dead_temporaries(path_);
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (create_lock(path_, content_)) return;
        const std::string held = read_text(path_);
        if (held.empty()) continue;  // released meanwhile
        const Holder holder = parse_holder(held);
        if (holder.host == host_name() && holder.pid > 0 && !process_alive(holder.pid)) {
            notes << "note: taking over the stale lock " << path_.string() << " of process " << holder.pid
                  << " on " << holder.host << ", which is no longer running\n";
            take_over(path_, held);
            continue;
        }
        throw InputError({path_.string(), 0, 0}, "",
                         out.string() + " is being written by process " + std::to_string(holder.pid) + " on " +
                             (holder.host.empty() ? "an unknown host" : holder.host) +
                             "; wait for it to finish, or remove this lock file if that process is gone");
    }
    throw std::runtime_error("cannot take the lock " + path_.string() + ": it keeps changing hands");
}

OutputLock::~OutputLock() {
    if (read_text(path_) == content_) ::unlink(path_.c_str());
}

}  // namespace eiisim::cli
