#include "sweep_checkpoint.hpp"

#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace eiisim {
namespace {

constexpr const char* kMagic = "eiisim-sweep-checkpoint 1";

std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash = 1469598103934665603ULL) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        hash ^= p[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

}  // namespace

std::string sweep_fingerprint(const std::string& scenario_text, std::size_t runs, std::uint64_t seed,
                              const std::string& sampler, std::size_t width) {
    return fmt::format("scenario_fnv1a={:016x} runs={} seed={} sampler={} width={}",
                       fnv1a(scenario_text.data(), scenario_text.size()), runs, seed, sampler, width);
}

CheckpointWriter::CheckpointWriter(std::filesystem::path path, const std::string& fingerprint, bool append)
    : path_(std::move(path)) {
    if (!append) {
        std::filesystem::path tmp = path_;
        tmp += ".tmp-" + std::to_string(static_cast<long long>(::getpid()));
        {
            std::ofstream header(tmp, std::ios::binary | std::ios::trunc);
            header << kMagic << "\n" << fingerprint << "\n";
            if (!header) throw std::runtime_error("cannot write checkpoint " + tmp.string());
        }
        std::filesystem::rename(tmp, path_);
    }
    stream_.open(path_, std::ios::binary | std::ios::app);
    if (!stream_) throw std::runtime_error("cannot open checkpoint " + path_.string());
}

void CheckpointWriter::add(const std::vector<std::size_t>& runs, const std::vector<double>& records,
                           std::size_t width) {
    std::vector<char> block;
    for (std::size_t r : runs) {
        const auto id = static_cast<std::uint64_t>(r);
        const double* record = records.data() + r * width;
        std::uint64_t sum = fnv1a(&id, sizeof id);
        sum = fnv1a(record, width * sizeof(double), sum);
        const auto* a = reinterpret_cast<const char*>(&id);
        const auto* b = reinterpret_cast<const char*>(record);
        const auto* c = reinterpret_cast<const char*>(&sum);
        block.insert(block.end(), a, a + sizeof id);
        block.insert(block.end(), b, b + width * sizeof(double));
        block.insert(block.end(), c, c + sizeof sum);
    }
    stream_.write(block.data(), static_cast<std::streamsize>(block.size()));
    stream_.flush();
    if (!stream_) throw std::runtime_error("cannot append to checkpoint " + path_.string());
}

std::size_t load_checkpoint(const std::filesystem::path& path, const std::string& fingerprint, std::size_t width,
                            std::vector<char>& done, std::vector<double>& records) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return 0;
    std::string magic, header;
    std::getline(in, magic);
    std::getline(in, header);
    if (magic != kMagic) throw std::runtime_error(path.string() + " is not an eiisim sweep checkpoint");
    if (header != fingerprint)
        throw std::runtime_error("checkpoint " + path.string() + " belongs to another sweep (" + header +
                                 "; this sweep: " + fingerprint + "); remove it or run without --resume");
    std::size_t restored = 0;
    std::vector<double> record(width);
    for (;;) {
        std::uint64_t id = 0, sum = 0;
        if (!in.read(reinterpret_cast<char*>(&id), sizeof id)) break;
        if (!in.read(reinterpret_cast<char*>(record.data()), static_cast<std::streamsize>(width * sizeof(double)))) break;
        if (!in.read(reinterpret_cast<char*>(&sum), sizeof sum)) break;
        std::uint64_t check = fnv1a(&id, sizeof id);
        check = fnv1a(record.data(), width * sizeof(double), check);
        if (check != sum || id >= done.size()) break;  // torn or foreign tail: redo from here
        std::memcpy(records.data() + id * width, record.data(), width * sizeof(double));
        if (done[id] == 0) ++restored;
        done[id] = 1;
    }
    return restored;
}

}  // namespace eiisim
