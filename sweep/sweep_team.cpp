#include "sweep_team.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace eiisim {

#if defined(EIISIM_MPI)
std::unique_ptr<SweepTeam> make_mpi_team();  // mpi_team.cpp
#endif

namespace {

// An integer environment variable, or 0.
int env_int(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? 0 : std::atoi(value);
}

// Whether a launcher that starts MPI processes started this one: OpenMPI's mpirun, a
// PMI-1/2 launcher (MPICH's hydra, srun --mpi=pmi2) or a PMIx one (srun --mpi=pmix).
[[maybe_unused]] bool launched_by_mpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
        if (std::getenv(name) != nullptr) return true;
    return false;
}

}  // namespace

bool built_with_mpi() {
#if defined(EIISIM_MPI)
    return true;
#else
    return false;
#endif
}

int launched_ranks() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
        if (env_int(name) > 0) return env_int(name);
    // PMIx does not put the size in the environment; under srun the step's task count is.
    if (std::getenv("PMIX_RANK") != nullptr && env_int("SLURM_STEP_NUM_TASKS") > 0)
        return env_int("SLURM_STEP_NUM_TASKS");
    return 1;
}

std::unique_ptr<SweepTeam> make_sweep_team() {
#if defined(EIISIM_MPI)
    if (launched_by_mpi()) return make_mpi_team();
#endif
    if (const int ranks = launched_ranks(); ranks > 1)
        throw std::runtime_error("started as one of " + std::to_string(ranks) +
                                 " processes (mpirun or srun), but this eiisim was built without MPI, so each would "
                                 "run the whole sweep: build with -DEIISIM_MPI=ON (docs/hpc.md) or start one process");
    return std::make_unique<SweepTeam>();
}

}  // namespace eiisim
