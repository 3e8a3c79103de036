#include "sweep_checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "core/kill_point.hpp"
#include "core/process_files.hpp"
#include "core/revision.hpp"
#include "parallel_runs.hpp"

namespace eiisim {
namespace {

// 4: the saved trajectories follow the observables table (production, captured, net,
// relocated; 3 and earlier had net before captured); 3 added the input files to the header.
constexpr const char* kMagic = "eiisim-sweep-checkpoint 4";
constexpr std::uint64_t kBlockMagic = 0x314b4c4253494945ULL;  // "EIISBLK1" little-endian
constexpr std::size_t kWord = sizeof(std::uint64_t);

std::uint64_t fnv1a(const void* data, std::size_t bytes) {
    std::uint64_t hash = 1469598103934665603ULL;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        hash ^= p[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Checksum of whole 8-byte words (every block field is one): four independent
// multiply-rotate lanes (xxHash64's round), so it runs near memory speed. Byte-wise
// FNV-1a, one dependent multiply per byte, cost about 0.3 s per 20,000 runs of
// --save clusters records, all of it on the serial path between chunks.
std::uint64_t checksum_words(const std::uint64_t* w, std::size_t words) {
    constexpr std::uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL;
    std::uint64_t lane[4] = {p1 + p2, p2, 0, 0 - p1};
    std::size_t i = 0;
    for (; i + 4 <= words; i += 4)
        for (std::size_t k = 0; k < 4; ++k) lane[k] = rotl(lane[k] + w[i + k] * p2, 31) * p1;
    std::uint64_t h = rotl(lane[0], 1) + rotl(lane[1], 7) + rotl(lane[2], 12) + rotl(lane[3], 18);
    for (; i < words; ++i) h = rotl(h ^ (rotl(w[i] * p2, 31) * p1), 27) * p1 + p2;
    h ^= static_cast<std::uint64_t>(words);
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    return h;
}

std::size_t block_words(std::size_t n, std::size_t width) { return 2 + n + width * n + 1; }

std::runtime_error io_error(const std::string& what, const std::filesystem::path& path) {
    return std::runtime_error(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

void write_all(int fd, const void* data, std::size_t bytes, std::uint64_t offset, const std::filesystem::path& path) {
    const auto* p = static_cast<const char*>(data);
    while (bytes > 0) {
        const ssize_t n = ::pwrite(fd, p, bytes, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw io_error("cannot write checkpoint", path);
        p += n;
        bytes -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
}

// Reads exactly `bytes` unless the file ends first; returns the bytes read.
std::size_t read_some(int fd, void* data, std::size_t bytes, std::uint64_t offset, const std::filesystem::path& path) {
    auto* p = static_cast<char*>(data);
    std::size_t got = 0;
    while (got < bytes) {
        const ssize_t n = ::pread(fd, p + got, bytes - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw io_error("cannot read checkpoint", path);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return got;
}

// The magic line, the fingerprint (lines without a blank one), a blank line.
std::string header_text(const std::string& fingerprint) { return std::string(kMagic) + "\n" + fingerprint + "\n\n"; }

// Reads the header of the checkpoint open as `fd`: returns the fingerprint and sets
// `end` to the first byte after the header. Throws when it is not a checkpoint of this
// version.
std::string read_header(int fd, const std::filesystem::path& path, std::uint64_t& end) {
    constexpr std::size_t kStep = 4096, kLimit = std::size_t{1} << 20;
    std::string header;
    std::size_t eol = std::string::npos, eoh = std::string::npos;  // end of the magic line, of the header
    while (eoh == std::string::npos && header.size() < kLimit) {
        const std::size_t had = header.size();
        header.resize(had + kStep);
        header.resize(had + read_some(fd, header.data() + had, kStep, had, path));
        eol = header.find('\n');
        eoh = eol == std::string::npos ? eol : header.find("\n\n", eol + 1);
        if (header.size() < had + kStep) break;  // the end of the file
    }
    if (eoh == std::string::npos || header.substr(0, eol) != kMagic)
        throw std::runtime_error(path.string() + " is not an eiisim sweep checkpoint (of this version)");
    end = eoh + 2;
    return header.substr(eol + 1, eoh - eol - 1);
}

}  // namespace

std::string sweep_fingerprint(const std::string& scenario_text, std::size_t runs, std::uint64_t seed,
                              const std::string& sampler, std::size_t width,
                              const std::vector<InputFileRecord>& input_files) {
    std::string files = input_files_text(input_files);
    if (!files.empty()) files.pop_back();  // the header adds the line end
    return fmt::format("binary=eiisim-{}-{} scenario_fnv1a={:016x} runs={} seed={} sampler={} width={}{}{}",
                       kModelVersion, source_revision(), fnv1a(scenario_text.data(), scenario_text.size()), runs,
                       seed, sampler, width, files.empty() ? "" : "\n", files);
}

bool is_sweep_checkpoint(const std::filesystem::path& path) {
    const std::string_view magic(kMagic);
    const std::string_view family = magic.substr(0, magic.find(' ') + 1);  // "eiisim-sweep-checkpoint "
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    std::string head(family.size(), '\0');
    const ssize_t got = ::pread(fd, head.data(), head.size(), 0);  // a directory: EISDIR, not one
    ::close(fd);
    return got == static_cast<ssize_t>(family.size()) && head == family;
}

std::string SweepCheckpoint::stored_fingerprint(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw io_error("cannot open checkpoint", path);
    std::uint64_t end = 0;
    try {
        std::string fingerprint = read_header(fd, path, end);
        ::close(fd);
        return fingerprint;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

SweepCheckpoint::SweepCheckpoint(std::filesystem::path path, const std::string& fingerprint, std::size_t runs,
                                 std::size_t width, std::size_t columnar, bool resume, bool keep)
    : path_(std::move(path)), width_(width), columnar_(std::min(columnar, width)), keep_(keep), done_(runs, 0) {
    if (resume && std::filesystem::exists(path_))
        restore(fingerprint);
    else
        create(fingerprint);
}

SweepCheckpoint::SweepCheckpoint(std::size_t runs, std::size_t width, std::size_t columnar)
    : width_(width), columnar_(std::min(columnar, width)), keep_(false), done_(runs, 0) {
    std::string name = (std::filesystem::temp_directory_path() / "eiisim-sweep-XXXXXX").string();
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) throw io_error("cannot create scratch store", name);
    path_ = name;
    const std::string header = header_text("scratch");
    write_all(fd_, header.data(), header.size(), 0, path_);
    end_ = header.size();
}

SweepCheckpoint::~SweepCheckpoint() {
    if (fd_ >= 0) ::close(fd_);
    if (!keep_ && !path_.empty()) {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
}

void SweepCheckpoint::create(const std::string& fingerprint) {
    const std::filesystem::path tmp = temporary_path(path_);
    const std::string header = header_text(fingerprint);
    {
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) throw io_error("cannot write checkpoint", tmp);
        try {
            write_all(fd, header.data(), header.size(), 0, tmp);
        } catch (...) {
            ::close(fd);
            throw;
        }
        ::close(fd);
    }
    std::filesystem::rename(tmp, path_);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) throw io_error("cannot open checkpoint", path_);
    end_ = header.size();
}

void SweepCheckpoint::restore(const std::string& fingerprint) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) throw io_error("cannot open checkpoint", path_);
    std::uint64_t at = 0;
    const std::string found = read_header(fd_, path_, at);
    if (found != fingerprint) {
        const auto first_line = [](const std::string& text) { return text.substr(0, text.find('\n')); };
        throw std::runtime_error("checkpoint " + path_.string() + " belongs to another sweep (" + first_line(found) +
                                 "; this sweep: " + first_line(fingerprint) + "); remove it or run without --resume");
    }
    std::vector<std::uint64_t> words;
    for (;;) {
        std::uint64_t head[2] = {0, 0};
        if (read_some(fd_, head, sizeof head, at, path_) != sizeof head) break;
        const std::uint64_t n = head[1];
        if (head[0] != kBlockMagic || n == 0 || n > runs()) break;
        const std::size_t total = block_words(n, width_);
        words.resize(total);
        if (read_some(fd_, words.data(), total * kWord, at, path_) != total * kWord) break;
        if (checksum_words(words.data() + 1, total - 2) != words[total - 1]) break;
        const std::uint64_t* ids = words.data() + 2;
        if (!std::all_of(ids, ids + n, [&](std::uint64_t id) { return id < runs() && done_[id] == 0; })) break;
        for (std::uint64_t i = 0; i < n; ++i) done_[ids[i]] = 1;
        blocks_.push_back(Block{at, std::vector<std::uint64_t>(ids, ids + n)});
        at += total * kWord;
    }
    // A torn or foreign tail: cut it off, so new blocks follow the last good one.
    if (::ftruncate(fd_, static_cast<off_t>(at)) != 0) throw io_error("cannot truncate checkpoint", path_);
    end_ = at;
}

std::size_t SweepCheckpoint::done_count() const {
    return static_cast<std::size_t>(std::count(done_.begin(), done_.end(), char{1}));
}

void SweepCheckpoint::append(std::span<const std::size_t> ids, std::span<const double> rows) {
    const std::size_t n = ids.size();
    if (n == 0) return;
    if (rows.size() < n * width_) throw std::logic_error("SweepCheckpoint::append: too few values");
    std::vector<std::uint64_t> block(block_words(n, width_));
    block[0] = kBlockMagic;
    block[1] = n;
    for (std::size_t i = 0; i < n; ++i) block[2 + i] = ids[i];
    // The columnar part: value c of run i goes to [c][i] (in tiles of runs, so that
    // reads and writes both stay within a few cache lines per column); the row part as is.
    auto* columns = reinterpret_cast<double*>(block.data() + 2 + n);  // NOLINT: the file stores f64 bits
    constexpr std::size_t kTile = 8;
    for (std::size_t i0 = 0; i0 < n; i0 += kTile) {
        const std::size_t i1 = std::min(n, i0 + kTile);
        for (std::size_t c = 0; c < columnar_; ++c)
            for (std::size_t i = i0; i < i1; ++i) columns[c * n + i] = rows[i * width_ + c];
    }
    const std::size_t row_width = width_ - columnar_;
    double* tail = columns + columnar_ * n;
    for (std::size_t i = 0; i < n; ++i)
        std::copy_n(rows.data() + i * width_ + columnar_, row_width, tail + i * row_width);
    block.back() = checksum_words(block.data() + 1, block.size() - 2);
    write_all(fd_, block.data(), block.size() * kWord, end_, path_);
    const auto ids_begin = block.begin() + 2;
    blocks_.push_back(Block{end_, std::vector<std::uint64_t>(ids_begin, ids_begin + static_cast<std::ptrdiff_t>(n))});
    end_ += block.size() * kWord;
    for (std::size_t id : ids) done_[id] = 1;
    kill_point("checkpoint-appended");
}

void SweepCheckpoint::read_columns(std::size_t first, std::size_t count, std::vector<double>& out) const {
    if (first + count > columnar_) throw std::logic_error("SweepCheckpoint::read_columns: beyond the columnar part");
    const std::size_t runs = done_.size();
    out.resize(count * runs);
    std::vector<std::vector<double>> scratch(run_worker_slots());  // reused: fresh pages cost faults
    for_each_run_parallel(blocks_.size(), [&](std::size_t slot, std::size_t b) {
        const Block& block = blocks_[b];
        const std::size_t n = block.ids.size();
        std::vector<double>& values = scratch[slot];
        values.resize(count * n);
        const std::uint64_t at = block.offset + (2 + n + first * n) * kWord;
        if (read_some(fd_, values.data(), values.size() * sizeof(double), at, path_) != values.size() * sizeof(double))
            throw std::runtime_error("checkpoint " + path_.string() + " is shorter than its index");
        for (std::size_t c = 0; c < count; ++c)
            for (std::size_t i = 0; i < n; ++i) out[c * runs + block.ids[i]] = values[c * n + i];
    });
}

void SweepCheckpoint::read_rows(std::size_t first, std::size_t count,
                                std::span<std::vector<double>* const> outs) const {
    const std::size_t row_width = width_ - columnar_;
    if (first < columnar_ || first + outs.size() * count > width_)
        throw std::logic_error("SweepCheckpoint::read_rows: outside the row part");
    const std::size_t runs = done_.size();
    for (std::vector<double>* out : outs) out->resize(runs * count);
    std::vector<std::vector<double>> scratch(run_worker_slots());
    for_each_run_parallel(blocks_.size(), [&](std::size_t slot, std::size_t b) {
        const Block& block = blocks_[b];
        const std::size_t n = block.ids.size();
        std::vector<double>& values = scratch[slot];
        values.resize(n * row_width);
        const std::uint64_t at = block.offset + (2 + n + columnar_ * n) * kWord;
        if (read_some(fd_, values.data(), values.size() * sizeof(double), at, path_) != values.size() * sizeof(double))
            throw std::runtime_error("checkpoint " + path_.string() + " is shorter than its index");
        for (std::size_t i = 0; i < n; ++i) {
            const double* row = values.data() + i * row_width + (first - columnar_);
            for (std::size_t v = 0; v < outs.size(); ++v)
                std::copy_n(row + v * count, count, outs[v]->data() + block.ids[i] * count);
        }
    });
}

void SweepCheckpoint::remove() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    path_.clear();
}

}  // namespace eiisim
