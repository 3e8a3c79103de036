// --out never replaces an input or a checkpoint, one process at a time writes an output
// (the lock), leftovers of killed processes are removed, and --resume refuses a
// checkpoint of another binary or other inputs naming what changed (issue 16).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <sstream>

#include "cli/output_guard.hpp"
#include "core/process_files.hpp"
#include "core/revision.hpp"
#include "small_copy.hpp"
#include "sweep/sweep_checkpoint.hpp"
#include "sweep/sweep_resume.hpp"

namespace eiisim {
namespace {

using testing::SmallCopy;
namespace fs = std::filesystem;

// The id of a process that has just ended (reaped): no process has it now.
long dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

std::string guard_error(const fs::path& out, const InputProvenance& inputs) {
    try {
        cli::refuse_output_onto_inputs(out, inputs);
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("an --out that is an input file, by any path, is refused naming the input", "[output_safety]") {
    SmallCopy copy;
    const Inputs inputs = load_inputs(copy.scenario());
    const fs::path sectors = copy.file("sectors.csv");
    const fs::path dir = copy.scenario().parent_path();
    CHECK_THAT(guard_error(sectors, inputs.provenance), Catch::Contains("is the input file") &&
                                                            Catch::Contains("sectors.csv"));
    CHECK_THAT(guard_error(dir / "dataset" / ".." / "scenario.toml", inputs.provenance),
               Catch::Contains("scenario.toml"));
    fs::create_symlink(sectors, dir / "link.h5");
    CHECK_THAT(guard_error(dir / "link.h5", inputs.provenance), Catch::Contains("sectors.csv"));
    fs::create_hard_link(copy.file("plants.csv"), dir / "hard.h5");
    CHECK_THAT(guard_error(dir / "hard.h5", inputs.provenance), Catch::Contains("plants.csv"));
    // <out>.checkpoint would be an input: refused too, naming it.
    fs::create_hard_link(copy.file("edges.csv"), dir / "sweep.h5.checkpoint");
    CHECK_THAT(guard_error(dir / "sweep.h5", inputs.provenance),
               Catch::Contains("checkpoint file") && Catch::Contains("edges.csv"));
    // An existing output that is no input is fine: it is replaced.
    testing::write_text(dir / "old.h5", "an older result");
    CHECK(guard_error(dir / "old.h5", inputs.provenance).empty());
    CHECK(guard_error(dir / "new.h5", inputs.provenance).empty());
}

TEST_CASE("an --out that is a sweep checkpoint is refused", "[output_safety]") {
    SmallCopy copy;
    const fs::path checkpoint = copy.scenario().parent_path() / "other.h5.checkpoint";
    { SweepCheckpoint store(checkpoint, "fingerprint", 4, 2, 1, false, true); }
    CHECK(is_sweep_checkpoint(checkpoint));
    CHECK_FALSE(is_sweep_checkpoint(copy.scenario()));
    CHECK_FALSE(is_sweep_checkpoint(copy.scenario().parent_path()));
    CHECK_THAT(guard_error(checkpoint, InputProvenance{}), Catch::Contains("checkpoint of a sweep"));
}

TEST_CASE("the output lock: a live holder is refused by name, a dead one taken over", "[output_safety]") {
    SmallCopy copy;
    const fs::path out = copy.scenario().parent_path() / "out.h5";
    std::ostringstream notes;
    {
        const cli::OutputLock held(out, notes);
        const std::string content = testing::read_text(held.path());
        CHECK_THAT(content, Catch::Contains("pid " + std::to_string(::getpid())) &&
                                Catch::Contains("host " + host_name()));
        CHECK_THROWS_WITH(cli::OutputLock(out, notes), Catch::Contains("out.h5 is being written by process " +
                                                                       std::to_string(::getpid())));
    }
    CHECK_FALSE(fs::exists(cli::lock_path(out)));  // released
    const long dead = dead_pid();
    testing::write_text(cli::lock_path(out), "pid " + std::to_string(dead) + "\nhost " + host_name() + "\n");
    {
        const cli::OutputLock taken(out, notes);
        CHECK_THAT(notes.str(), Catch::Contains("taking over the stale lock") &&
                                    Catch::Contains(std::to_string(dead)));
        CHECK_THAT(testing::read_text(taken.path()), Catch::Contains("pid " + std::to_string(::getpid())));
    }
    // Another host's lock cannot be checked from here: refused.
    testing::write_text(cli::lock_path(out), "pid " + std::to_string(dead) + "\nhost elsewhere.example\n");
    CHECK_THROWS_WITH(cli::OutputLock(out, notes), Catch::Contains("elsewhere.example"));
}

TEST_CASE("temporaries of dead processes are removed, a live process's kept", "[output_safety]") {
    SmallCopy copy;
    const fs::path out = copy.scenario().parent_path() / "out.h5";
    const long dead = dead_pid();
    const fs::path left = out.string() + ".tmp-" + std::to_string(dead);
    const fs::path mine = temporary_path(out);
    const fs::path other = out.string() + "x.tmp-" + std::to_string(dead);  // another output's
    for (const fs::path& f : {left, mine, other}) testing::write_text(f, "partial");
    const std::vector<fs::path> removed = remove_dead_temporaries(out);
    REQUIRE(removed.size() == 1);
    CHECK(removed.front() == left);
    CHECK_FALSE(fs::exists(left));
    CHECK(fs::exists(mine));
    CHECK(fs::exists(other));
    std::ostringstream notes;
    const auto lock = cli::claim_output(copy.scenario().parent_path() / "out.h5x", InputProvenance{}, notes);
    CHECK_THAT(notes.str(), Catch::Contains("removed") && Catch::Contains(other.filename().string()));
    CHECK_FALSE(fs::exists(other));
}

TEST_CASE("resume refuses another binary or a changed input, naming it", "[output_safety]") {
    SmallCopy copy;
    const Inputs before = load_inputs(copy.scenario());
    const std::string stored = sweep_fingerprint(before.scenario.text, 10, 1, "lhs", 5, before.provenance.files);
    CHECK_THAT(stored, Catch::Contains(source_revision()) && Catch::Contains(kModelVersion));
    CHECK(fingerprint_changes(stored, stored).empty());
    testing::write_text(copy.file("sectors.csv"), testing::read_text(copy.file("sectors.csv")) + "# edited\n");
    const Inputs after = load_inputs(copy.scenario());
    const std::string now = sweep_fingerprint(after.scenario.text, 10, 1, "lhs", 5, after.provenance.files);
    const std::vector<std::string> changes = fingerprint_changes(stored, now);
    REQUIRE(changes.size() == 1);
    CHECK_THAT(changes.front(), Catch::StartsWith("dataset/sectors.csv: content changed"));
    std::string other_binary = stored;
    other_binary.replace(other_binary.find("binary=") + 7, 6, "OTHER-");
    REQUIRE(fingerprint_changes(other_binary, stored).size() == 1);
    CHECK_THAT(fingerprint_changes(other_binary, stored).front(),
               Catch::StartsWith("the eiisim binary") && Catch::Contains("OTHER-"));
    const fs::path checkpoint = copy.scenario().parent_path() / "s.h5.checkpoint";
    { SweepCheckpoint store(checkpoint, stored, 10, 5, 3, false, true); }
    CHECK_THROWS_WITH(check_resume(checkpoint, now, after.provenance.scenario_file),
                      Catch::Contains("cannot resume") && Catch::Contains("dataset/sectors.csv"));
    CHECK_NOTHROW(check_resume(checkpoint, stored, after.provenance.scenario_file));
}

}  // namespace eiisim
