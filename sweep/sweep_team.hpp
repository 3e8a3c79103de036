#pragma once
// The processes a sweep's runs are shared among: one process (SoloTeam), or the ranks of
// an MPI job (sweep/mpi_team.cpp, built with -DEIISIM_MPI=ON; docs/hpc.md). The pending
// runs are cut into chunks, and every member asks for the next chunk when it has
// finished one (dynamic load balancing: runs differ in cost); each chunk goes to exactly
// one member. Rank 0 simulates too, and alone reduces and writes the file.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eiisim {

class SweepTeam {
public:
    virtual ~SweepTeam() = default;
    [[nodiscard]] virtual int rank() const { return 0; }
    [[nodiscard]] virtual int size() const { return 1; }
    // Every member waits until all have called it.
    virtual void barrier() {}
    // Rank 0's `flags` to every member (same size everywhere).
    virtual void broadcast(std::vector<char>& flags) { (void)flags; }
    // The sum of every member's `value`, on every member.
    [[nodiscard]] virtual std::size_t sum(std::size_t value) { return value; }

    // Hands out chunks [0, chunks) from here on.
    virtual void start(std::size_t chunks) {
        chunks_ = chunks;
        next_ = 0;
    }
    // The next chunk for this member, or none when all are handed out. `finished`: runs
    // this member finished since its previous call (for rank 0's progress report).
    [[nodiscard]] virtual std::optional<std::size_t> next_chunk(std::size_t finished) {
        (void)finished;
        if (next_ >= chunks_) return std::nullopt;
        return next_++;
    }
    // This member takes no more chunks (interrupted); on rank 0 no member gets another.
    virtual void leave() { next_ = chunks_; }
    // Every member has stopped taking chunks (rank 0 waits for them; call on every member).
    virtual void finish() {}
    // On rank 0: runs the other members reported finished so far.
    [[nodiscard]] virtual std::size_t others_finished() const { return 0; }
    // An error on this member: with other members waiting for it, prints `message` and
    // ends the whole job with `status`; alone, returns (the caller rethrows).
    virtual void fail(const std::string& message, int status) {
        (void)message;
        (void)status;
    }

private:
    std::size_t chunks_ = 0, next_ = 0;
};

// The team of the processes this one was started with: an MPI team when this eiisim was
// built with MPI and started by mpirun or srun, otherwise a team of one. Without MPI
// support, a process started as one of several ranks is refused (std::runtime_error).
[[nodiscard]] std::unique_ptr<SweepTeam> make_sweep_team();

// Whether this eiisim was built with MPI (-DEIISIM_MPI=ON).
[[nodiscard]] bool built_with_mpi();

// How many processes the launcher (mpirun, srun) started, read from its environment; 1
// when none did.
[[nodiscard]] int launched_ranks();

}  // namespace eiisim
