// Input provenance: SHA-256, the list of input files load_inputs records (complete for
// every dataset in the tree), the comparison that names changed files, and the input
// files in the checkpoint header and in run files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include <unistd.h>

#include "core/input_files.hpp"
#include "core/sha256.hpp"
#include "fixtures.hpp"
#include "core/observables.hpp"
#include "output/hdf5_reader.hpp"
#include "output/hdf5_writer.hpp"
#include "sweep/sweep_checkpoint.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every regular file under `dir`, relative to `base`, '/'-separated.
std::set<std::string> files_under(const fs::path& dir, const fs::path& base) {
    std::set<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) names.insert(entry.path().lexically_relative(base).generic_string());
    return names;
}

// The recorded files: names, and each hash and size checked against the file on disk.
std::set<std::string> checked_records(const Inputs& in, const fs::path& scenario) {
    std::set<std::string> names;
    for (const InputFileRecord& f : in.provenance.files) {
        INFO(f.path);
        const std::string text = file_text(scenario.parent_path() / f.path);
        CHECK(f.sha256 == sha256_hex(text));
        CHECK(f.bytes == text.size());
        CHECK(names.insert(f.path).second);  // each file once
    }
    return names;
}

}  // namespace

TEST_CASE("SHA-256 of the FIPS 180-4 test messages", "[provenance]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    CHECK(sha256_hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Fed in uneven pieces (across block and padding boundaries), the same digest.
    for (std::size_t piece : {1, 7, 55, 56, 63, 64, 65, 1000}) {
        Sha256 hash;
        for (std::size_t at = 0; at < million.size(); at += piece)
            hash.update(std::string_view(million).substr(at, piece));
        const auto digest = hash.finish();
        CHECK(digest[0] == 0xcd);
        CHECK(digest[31] == 0xd0);
    }
}

TEST_CASE("load_inputs records the scenario and every dataset file it reads", "[provenance]") {
    SECTION("the small test dataset: every file in it") {
        const fs::path scenario = testing::source_path("tests/data/small/scenario.toml");
        const Inputs in = load_inputs(scenario);
        REQUIRE_FALSE(in.provenance.files.empty());
        CHECK(in.provenance.files.front().path == "scenario.toml");
        CHECK(in.provenance.scenario_file == scenario.string());
        std::set<std::string> expected = files_under(scenario.parent_path() / "dataset", scenario.parent_path());
        expected.insert("scenario.toml");
        CHECK(checked_records(in, scenario) == expected);
    }
    SECTION("the Dutch dataset: every file but the documented non-inputs") {
        // Not read by the engine: the importer's report and NEa's reported emissions
        // (tests/python/test_base_year_calibration.py; `eiisim hindcast` reads
        // observed_emissions.csv after loading and records it in its own file).
        // A new file in clusters/nl is either read by the loader (and so recorded) or
        // must be added here.
        const std::set<std::string> not_inputs = {"../clusters/nl/import_report.txt",
                                                  "../clusters/nl/nea_2020_by_cluster.csv",
                                                  "../clusters/nl/observed_emissions.csv"};
        const fs::path scenario = testing::source_path("scenarios/current-policy.toml");
        const Inputs in = load_inputs(scenario);
        const std::set<std::string> recorded = checked_records(in, scenario);
        std::set<std::string> expected = files_under(testing::source_path("clusters/nl"), scenario.parent_path());
        for (const std::string& name : not_inputs) CHECK(expected.erase(name) == 1);
        expected.insert("current-policy.toml");
        CHECK(recorded == expected);
    }
}

TEST_CASE("input_changes names every changed, dropped and new file", "[provenance]") {
    const std::vector<InputFileRecord> before = {
        {"scenario.toml", std::string(64, 'a'), 10}, {"dataset/plants.csv", std::string(64, 'b'), 20},
        {"dataset/edges.csv", std::string(64, 'c'), 30}};
    CHECK(input_changes(before, before).empty());
    std::vector<InputFileRecord> now = before;
    now[1].sha256 = std::string(64, 'd');
    now.erase(now.begin() + 2);
    now.push_back({"dataset/new.csv", std::string(64, 'e'), 5});
    const std::vector<std::string> changes = input_changes(before, now);
    REQUIRE(changes.size() == 3);
    CHECK_THAT(changes[0], Catch::StartsWith("dataset/plants.csv: content changed"));
    CHECK(changes[1] == "dataset/edges.csv: no longer read");
    CHECK(changes[2] == "dataset/new.csv: read now, not before");
}

TEST_CASE("input-file lines round-trip, paths with blanks included", "[provenance]") {
    const std::vector<InputFileRecord> files = {{"my scenario.toml", std::string(64, 'a'), 12},
                                                {"../data set/plants.csv", std::string(64, 'f'), 0}};
    const std::vector<InputFileRecord> back = parse_input_files_text(input_files_text(files));
    REQUIRE(back.size() == 2);
    CHECK(back[0].path == files[0].path);
    CHECK(back[1].path == files[1].path);
    CHECK(back[1].sha256 == files[1].sha256);
    CHECK(back[0].bytes == 12);
    CHECK_THROWS(parse_input_files_text("nonsense\n"));
}

TEST_CASE("the checkpoint header keeps the input files of the sweep", "[provenance]") {
    const Inputs in = testing::small_inputs();
    const std::string fingerprint = sweep_fingerprint(in.scenario.text, 10, 1, "lhs", 5, in.provenance.files);
    const fs::path path = fs::temp_directory_path() / ("eiisim-header-" + std::to_string(::getpid()));
    {
        SweepCheckpoint store(path, fingerprint, 10, 5, 3, false, true);
    }
    const std::string stored = SweepCheckpoint::stored_fingerprint(path);
    CHECK(stored == fingerprint);
    const auto files = parse_input_files_text(std::string_view(stored).substr(stored.find('\n') + 1));
    CHECK(input_changes(in.provenance.files, files).empty());
    {
        SweepCheckpoint resumed(path, fingerprint, 10, 5, 3, true, true);  // the same sweep resumes
        CHECK(resumed.done_count() == 0);
    }
    std::vector<InputFileRecord> changed = in.provenance.files;
    changed.back().sha256 = std::string(64, '0');
    CHECK_THROWS_WITH(SweepCheckpoint(path, sweep_fingerprint(in.scenario.text, 10, 1, "lhs", 5, changed), 10, 5, 3,
                                      true, false),
                      Catch::Contains("belongs to another sweep"));
    // Blocks after a header of any fingerprint, an empty one included, are found again.
    for (const std::string& fp : {std::string(), fingerprint}) {
        {
            SweepCheckpoint store(path, fp, 10, 5, 3, false, true);
            const std::vector<std::size_t> ids = {3, 8};
            store.append(ids, std::vector<double>(10, 1.5));
        }
        SweepCheckpoint resumed(path, fp, 10, 5, 3, true, true);
        CHECK(resumed.done_count() == 2);
    }
    fs::remove(path);
}

TEST_CASE("run files carry the input-file table and the scenario path", "[provenance]") {
    const Inputs in = testing::small_inputs();
    const Model model = build_model(in);
    const RunResult result = simulate(model, 3);
    const fs::path out = fs::temp_directory_path() / ("eiisim-provenance-" + std::to_string(::getpid()) + ".h5");
    write_run_hdf5(out, model.inputs, result);
    {
        const h5::Reader file(out);
        CHECK(file.global_integer("schema_version") == kSchemaVersion);
        CHECK(file.global_text("scenario_file") == in.provenance.scenario_file);
        const std::vector<std::string> paths = file.strings("input_file");
        const std::vector<std::string> hashes = file.strings("input_file_sha256");
        const std::vector<std::int64_t> bytes = file.integers("input_file_bytes");
        REQUIRE(paths.size() == in.provenance.files.size());
        for (std::size_t i = 0; i < paths.size(); ++i) {
            CHECK(paths[i] == in.provenance.files[i].path);
            CHECK(hashes[i] == in.provenance.files[i].sha256);
            CHECK(static_cast<std::uint64_t>(bytes[i]) == in.provenance.files[i].bytes);
        }
    }
    fs::remove(out);
}
