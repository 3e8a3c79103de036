#include "sweep_parts.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <string>
#include <system_error>

namespace eiisim {
namespace {

constexpr std::string_view kRankSuffix = ".rank";

// The rank in a part's file name beside `checkpoint`, or 0 when it is not a part.
int part_rank(const std::filesystem::path& checkpoint, const std::filesystem::path& file) {
    const std::string prefix = checkpoint.filename().string() + std::string(kRankSuffix);
    const std::string name = file.filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
    const std::string digits = name.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) || digits.size() > 6)
        return 0;
    return std::stoi(digits);
}

}  // namespace

std::filesystem::path checkpoint_part(const std::filesystem::path& checkpoint, int rank) {
    if (rank == 0) return checkpoint;
    std::filesystem::path part = checkpoint;
    part += std::string(kRankSuffix) + std::to_string(rank);
    return part;
}

std::vector<std::filesystem::path> other_parts(const std::filesystem::path& checkpoint) {
    std::map<int, std::filesystem::path> by_rank;
    const std::filesystem::path folder = checkpoint.has_parent_path() ? checkpoint.parent_path() : ".";
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (const int rank = part_rank(checkpoint, entry.path()); rank > 0 && entry.is_regular_file(error))
            by_rank[rank] = entry.path();
    std::vector<std::filesystem::path> parts;
    for (auto& [rank, path] : by_rank) parts.push_back(std::move(path));
    return parts;
}

void remove_other_parts(const std::filesystem::path& checkpoint, int from) {
    for (const std::filesystem::path& part : other_parts(checkpoint))
        if (part_rank(checkpoint, part) >= from) std::filesystem::remove(part);
}

std::vector<std::unique_ptr<SweepCheckpoint>> open_other_parts(const SweepCheckpoint& own) {
    const std::string fingerprint = SweepCheckpoint::stored_fingerprint(own.path());
    std::vector<std::unique_ptr<SweepCheckpoint>> parts;
    for (const std::filesystem::path& path : other_parts(own.path()))
        parts.push_back(std::make_unique<SweepCheckpoint>(path, fingerprint, own.runs(), own.width(), own.columnar(),
                                                          /*resume=*/true, /*keep=*/true));
    return parts;
}

void add_done(std::vector<char>& done, const SweepCheckpoint& part) {
    const std::vector<char>& in = part.done();
    for (std::size_t r = 0; r < done.size() && r < in.size(); ++r) done[r] = static_cast<char>(done[r] | in[r]);
}

void sync_part(const std::filesystem::path& part) {
    const int fd = ::open(part.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;  // nothing written to flush
    ::fsync(fd);
    ::close(fd);
}

}  // namespace eiisim
