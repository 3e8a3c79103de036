// A sweep's record store split into parts, one per MPI rank (sweep/sweep_parts.hpp): the
// runs of one part are not run again by another, and the result assembled from all
// parts is bit-identical to a single-process sweep. Without MPI the members are played
// one after the other in this process (the MPI build's own test: tests/mpi/).
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include <unistd.h>

#include "fixtures.hpp"
#include "inputs/dataset_loader.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_checkpoint.hpp"
#include "sweep/sweep_parts.hpp"
#include "sweep/sweep_team.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

// A member that only ever gets the even chunks, as if another rank took the odd ones.
struct EvenChunks final : SweepTeam {
    std::size_t chunks = 0, next = 0;
    void start(std::size_t count) override {
        chunks = count;
        next = 0;
    }
    std::optional<std::size_t> next_chunk(std::size_t) override {
        if (next >= chunks) return std::nullopt;
        const std::size_t chunk = next;
        next += 2;
        return chunk;
    }
};

struct Sweep {
    Model model = build_model(load_inputs(testing::source_path("tests/data/small/scenario_sweep.toml")));
    SweepOptions options;
    RecordLayout layout;
    Sweep() {
        options.runs = 70;
        options.seed = 3;
        options.chunk = 8;
        options.save = SaveLevel::clusters;
        layout = record_layout(model, options.save);
    }
    SweepCheckpoint store(const fs::path& path, bool resume) const {
        return {path, "parts-test", options.runs, layout.width(), layout.columnar(), resume, true};
    }
};

void require_same(const SweepResult& a, const SweepResult& b) {
    CHECK(a.samples == b.samples);
    CHECK(a.outcomes == b.outcomes);
    CHECK(a.bands == b.bands);
    CHECK(a.trajectories == b.trajectories);
}

}  // namespace

TEST_CASE("parts of a sweep's store: named by rank, found beside the checkpoint", "[sweep_parts]") {
    const fs::path dir = fs::temp_directory_path() / ("eiisim-parts-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path checkpoint = dir / "s.h5.checkpoint";
    CHECK(checkpoint_part(checkpoint, 0) == checkpoint);
    CHECK(checkpoint_part(checkpoint, 3) == dir / "s.h5.checkpoint.rank3");
    for (const char* name : {"s.h5.checkpoint.rank10", "s.h5.checkpoint.rank2", "s.h5.checkpoint.rankx",
                             "s.h5.checkpoint.rank", "t.h5.checkpoint.rank1", "s.h5.checkpoint.rank2.tmp-1"})
        std::ofstream(dir / name) << "x";
    CHECK(other_parts(checkpoint) ==
          std::vector<fs::path>{dir / "s.h5.checkpoint.rank2", dir / "s.h5.checkpoint.rank10"});
    remove_other_parts(checkpoint, 3);
    CHECK(other_parts(checkpoint) == std::vector<fs::path>{dir / "s.h5.checkpoint.rank2"});
    CHECK(fs::exists(dir / "t.h5.checkpoint.rank1"));
    fs::remove_all(dir);
}

TEST_CASE("a sweep split over two members' parts equals the single-process sweep", "[sweep_parts]") {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    const Sweep s;
    const fs::path dir = fs::temp_directory_path() / ("eiisim-split-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path checkpoint = dir / "out.h5.checkpoint";
    bool complete = false;
    SweepHooks hooks;

    SweepCheckpoint whole(s.options.runs, s.layout.width(), s.layout.columnar());
    const SweepResult alone = run_sweep(s.model, s.options, whole, hooks, complete);
    REQUIRE(complete);

    // "Rank 1" does the even chunks into its part and stops: the sweep is not complete.
    std::size_t in_part1 = 0;
    {
        SweepCheckpoint part1 = s.store(checkpoint_part(checkpoint, 1), false);
        EvenChunks even;
        (void)run_sweep(s.model, s.options, part1, hooks, complete, even);
        CHECK_FALSE(complete);
        in_part1 = part1.done_count();
        CHECK(in_part1 == 38);  // chunks 0, 2, 4, 6 of 8 runs and chunk 8 of 6
    }
    // "Rank 0" (here a single process resuming) runs only what is in no part, and
    // assembles from both parts.
    SweepCheckpoint part0 = s.store(checkpoint, false);
    const SweepResult split = run_sweep(s.model, s.options, part0, hooks, complete);
    REQUIRE(complete);
    CHECK(part0.done_count() == s.options.runs - in_part1);  // no run done twice
    require_same(alone, split);
    fs::remove_all(dir);
}

TEST_CASE("a process started as one of several ranks without MPI support is refused", "[sweep_parts]") {
    ::setenv("OMPI_COMM_WORLD_SIZE", "3", 1);
    CHECK(launched_ranks() == 3);
    if (!built_with_mpi()) CHECK_THROWS_WITH(make_sweep_team(), Catch::Contains("built without MPI"));
    ::unsetenv("OMPI_COMM_WORLD_SIZE");
    CHECK(launched_ranks() == 1);
    CHECK(make_sweep_team()->size() == 1);
}
