#include "input_file_check.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/input_error.hpp"
#include "core/input_files.hpp"

namespace eiisim {
namespace {

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& problem) {
    throw InputError({file.string(), 0, 0}, "", problem);
}

// Throws when `file` is a symbolic link whose target does not exist.
void refuse_dangling_link(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(file, error))) return;
    if (std::filesystem::exists(std::filesystem::status(file, error))) return;
    refuse(file, "is a dangling symbolic link (to '" + std::filesystem::read_symlink(file, error).string() +
                     "', which does not exist)");
}

const char* kind_refused(mode_t mode) {
    if (S_ISDIR(mode)) return "is a directory, not a file";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    if (!S_ISREG(mode)) return "is not a regular file";
    return nullptr;
}

// Opens without blocking (a FIFO with no writer would block forever) and checks the
// descriptor itself, so what is checked is what is read.
int open_checked(const std::filesystem::path& file) {
    refuse_dangling_link(file);
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st {};
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == EACCES)
            refuse(file, "cannot open file: it does not exist or is not readable");
        // A socket cannot be opened at all (ENXIO): say what it is.
        const char* kind = ::stat(file.c_str(), &st) == 0 ? kind_refused(st.st_mode) : nullptr;
        refuse(file, kind != nullptr ? kind : std::string("cannot open file: ") + std::strerror(error));
    }
    const char* problem = ::fstat(fd, &st) != 0 ? "cannot be examined (fstat failed)" : kind_refused(st.st_mode);
    std::string too_big;
    if (problem == nullptr && static_cast<std::uint64_t>(st.st_size) > kMaxInputFileBytes)
        too_big = "is " + std::to_string(st.st_size) + " bytes, more than the " +
                  std::to_string(kMaxInputFileBytes >> 20U) + " MiB an input file may have";
    if (problem != nullptr || !too_big.empty()) {
        ::close(fd);
        refuse(file, problem != nullptr ? problem : too_big);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

}  // namespace

std::string read_input_file(const std::filesystem::path& file) {
    const int fd = open_checked(file);
    std::string content;
    // Reserve the size the file has now, so a large table is not copied as the string grows.
    if (struct stat st{}; ::fstat(fd, &st) == 0 && st.st_size > 0)
        content.reserve(static_cast<std::size_t>(std::min(static_cast<std::uint64_t>(st.st_size), kMaxInputFileBytes)));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int saved = errno;
            ::close(fd);
            refuse(file, std::string("cannot read file: ") + std::strerror(saved));
        }
        if (n == 0) break;
        content.append(buffer, static_cast<std::size_t>(n));
        if (content.size() > kMaxInputFileBytes) {  // it grew while being read
            ::close(fd);
            refuse(file, "grew beyond the " + std::to_string(kMaxInputFileBytes >> 20U) +
                             " MiB an input file may have while being read");
        }
    }
    ::close(fd);
    note_input_file(file, content);  // provenance (core/input_files.hpp)
    return content;
}

bool optional_input_present(const std::filesystem::path& file) {
    std::error_code error;
    const std::filesystem::file_status link = std::filesystem::symlink_status(file, error);
    if (!std::filesystem::exists(link)) return false;
    refuse_dangling_link(file);
    return true;
}

}  // namespace eiisim
