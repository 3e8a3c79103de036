// The ranks of an MPI job as a sweep team (sweep_team.hpp); built with -DEIISIM_MPI=ON.
//
// Chunks are handed out by rank 0 (master-worker): a worker sends "I want a chunk" and
// gets the next chunk's index back. Rank 0 simulates too: its main thread takes chunks
// from the same atomic counter directly, and a dispatcher thread answers the workers.
// The dispatcher polls (MPI_Iprobe, then a sleep) instead of blocking in MPI_Recv,
// because MPI libraries spin while they wait and would take a core from the simulation;
// a request waits at most 2 ms, against chunks of hundreds of runs. While the dispatcher runs, rank 0's main thread makes no MPI call,
// so MPI_THREAD_SERIALIZED suffices. Passive one-sided atomics (MPI_Fetch_and_op) would
// need no thread, but over TCP OpenMPI emulates them with messages that rank 0 only
// answers when it enters MPI, i.e. after its own chunk.
#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "sweep_team.hpp"

namespace eiisim {
namespace {

constexpr int kAsk = 17;   // worker -> rank 0: {runs finished since the last message, 1 if leaving}
constexpr int kGive = 18;  // rank 0 -> worker: a chunk index, or the chunk count for "none left"

class MpiTeam final : public SweepTeam {
public:
    MpiTeam() {
        int provided = 0;
        if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided) != MPI_SUCCESS)
            throw std::runtime_error("MPI_Init_thread failed");
        MPI_Comm_dup(MPI_COMM_WORLD, &comm_);
        MPI_Comm_rank(comm_, &rank_);
        MPI_Comm_size(comm_, &size_);
        if (size_ > 1 && provided < MPI_THREAD_SERIALIZED) {
            MPI_Comm_free(&comm_);
            MPI_Finalize();
            throw std::runtime_error("the MPI library does not support MPI_THREAD_SERIALIZED, which the sweep's "
                                     "chunk dispatcher on rank 0 needs");
        }
    }
    ~MpiTeam() override {
        if (dispatcher_.joinable()) dispatcher_.join();
        MPI_Comm_free(&comm_);
        MPI_Finalize();
    }
    MpiTeam(const MpiTeam&) = delete;
    MpiTeam& operator=(const MpiTeam&) = delete;

    [[nodiscard]] int rank() const override { return rank_; }
    [[nodiscard]] int size() const override { return size_; }
    void barrier() override { MPI_Barrier(comm_); }
    void broadcast(std::vector<char>& flags) override {
        for (std::size_t at = 0; at < flags.size(); at += INT_MAX) {
            const auto n = static_cast<int>(std::min<std::size_t>(INT_MAX, flags.size() - at));
            MPI_Bcast(flags.data() + at, n, MPI_CHAR, 0, comm_);
        }
    }
    [[nodiscard]] std::size_t sum(std::size_t value) override {
        auto in = static_cast<unsigned long long>(value), out = 0ULL;
        MPI_Allreduce(&in, &out, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, comm_);
        return static_cast<std::size_t>(out);
    }

    void start(std::size_t chunks) override {
        chunks_ = chunks;
        next_ = 0;
        others_finished_ = 0;
        asking_ = true;
        if (rank_ == 0 && size_ > 1) dispatcher_ = std::thread([this] { serve(); });
    }
    [[nodiscard]] std::optional<std::size_t> next_chunk(std::size_t finished) override {
        if (!asking_) return std::nullopt;
        std::uint64_t chunk = chunks_;
        if (rank_ == 0) {
            chunk = next_.fetch_add(1);
        } else {
            const std::uint64_t ask[2] = {finished, 0};
            MPI_Send(ask, 2, MPI_UINT64_T, 0, kAsk, comm_);
            MPI_Recv(&chunk, 1, MPI_UINT64_T, 0, kGive, comm_, MPI_STATUS_IGNORE);
        }
        if (chunk < chunks_) return static_cast<std::size_t>(chunk);
        asking_ = false;  // the dispatcher counted this worker out with its answer
        return std::nullopt;
    }
    void leave() override {
        if (!asking_) return;
        asking_ = false;
        if (rank_ == 0) {
            next_ = chunks_;  // stopping (SIGTERM reaches every rank): no member starts another chunk
        } else {
            const std::uint64_t bye[2] = {0, 1};
            MPI_Send(bye, 2, MPI_UINT64_T, 0, kAsk, comm_);
        }
    }
    void finish() override {
        if (dispatcher_.joinable()) dispatcher_.join();
    }
    [[nodiscard]] std::size_t others_finished() const override { return others_finished_; }
    [[noreturn]] void fail(const std::string& message, int status) override {
        std::cerr << "error (rank " << rank_ << " of " << size_ << "): " << message << std::endl;
        MPI_Abort(comm_, status);
        std::abort();
    }

private:
    // Rank 0's dispatcher: answers every worker until each has had "none left" or left.
    void serve() {
        // Idle, the pause between polls doubles up to 2 ms: a poll (MPI_Iprobe runs MPI's
        // progress engine) every 200 µs took 10 % of a core; 2 ms costs well under 1 %,
        // against chunks that take a second or more.
        constexpr auto kShortest = std::chrono::microseconds(50), kLongest = std::chrono::microseconds(2000);
        auto pause = kShortest;
        int active = size_ - 1;
        while (active > 0) {
            int arrived = 0;
            MPI_Status status;
            MPI_Iprobe(MPI_ANY_SOURCE, kAsk, comm_, &arrived, &status);
            if (arrived == 0) {
                std::this_thread::sleep_for(pause);
                pause = std::min(pause * 2, kLongest);
                continue;
            }
            pause = kShortest;
            std::uint64_t ask[2] = {0, 0};
            MPI_Recv(ask, 2, MPI_UINT64_T, status.MPI_SOURCE, kAsk, comm_, MPI_STATUS_IGNORE);
            others_finished_ += static_cast<std::size_t>(ask[0]);
            if (ask[1] != 0) {
                --active;
                continue;
            }
            std::uint64_t chunk = next_.fetch_add(1);
            if (chunk >= chunks_) {
                chunk = chunks_;
                --active;
            }
            MPI_Send(&chunk, 1, MPI_UINT64_T, status.MPI_SOURCE, kGive, comm_);
        }
    }

    MPI_Comm comm_ = MPI_COMM_NULL;
    int rank_ = 0, size_ = 1;
    std::uint64_t chunks_ = 0;
    std::atomic<std::uint64_t> next_{0};
    std::atomic<std::size_t> others_finished_{0};
    bool asking_ = false;
    std::thread dispatcher_;
};

}  // namespace

std::unique_ptr<SweepTeam> make_mpi_team() { return std::make_unique<MpiTeam>(); }

}  // namespace eiisim
