#pragma once
// Provenance of the input files: every file the loader reads (the scenario and each
// dataset table) is recorded with its SHA-256 and size, from the very bytes it parsed.
// Run and sweep files store the list (docs/output-format.md, "Input files"); a sweep's
// checkpoint refuses --resume and `eiisim run --from-sweep` refuses to replay when a file
// changed (docs/sweeps.md).
//
// How the list is gathered: the two readers every input goes through (CsvTable::read and
// read_toml_file, inputs/) call note_input_file() with the file's text; load_inputs
// holds an InputFileLog for the whole load, so whatever file the loader reads, today's or
// one added later, lands in the list without a list of names to keep up to date.
// tests/test_provenance.cpp checks that the list covers every file of the datasets.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace eiisim {

struct InputFileRecord {
    std::string path;    // relative to the scenario file's folder, '/'-separated
    std::string sha256;  // lower-case hex
    std::uint64_t bytes = 0;
};

struct InputProvenance {
    std::string scenario_file;            // the scenario path as given (--scenario)
    std::vector<InputFileRecord> files;   // in the order read, each file once; the scenario first
    // Set by `eiisim run --from-sweep` only: the sweep file and the sampled values applied.
    std::string replay_of;
    std::string replay_samples;
    // `eiisim run --set KEY=VALUE`: each assignment as applied, "name=value" with the value
    // written to round-trip exactly; `eiisim run --from-run` applies them again.
    std::vector<std::string> set_values;
    // A scenario branch (`eiisim sweep --branch-from`): the run file whose history the run
    // shares up to the year before branch_year (0: not a branch).
    std::string branch_of;
    int branch_year = 0;
};

// Collects the files read on this thread while it lives (nested logs: the innermost
// collects). Readers call note_input_file; load_inputs owns the log.
class InputFileLog {
public:
    InputFileLog();
    ~InputFileLog();
    InputFileLog(const InputFileLog&) = delete;
    InputFileLog& operator=(const InputFileLog&) = delete;

    // The files read, with paths made relative to `base` (the scenario's folder).
    [[nodiscard]] std::vector<InputFileRecord> files(const std::filesystem::path& base) const;

private:
    friend void note_input_file(const std::filesystem::path& file, std::string_view content);
    struct Entry {
        std::filesystem::path file;
        std::string sha256;
        std::uint64_t bytes = 0;
    };
    std::vector<Entry> entries_;
    InputFileLog* previous_ = nullptr;
};

// Records `file` (as opened) with the hash of `content` in this thread's active log, if
// any. A file read twice is recorded once (the first time).
void note_input_file(const std::filesystem::path& file, std::string_view content);

// Differences between the files recorded earlier and those read now, one line each,
// naming the file: "dataset/plants.csv: content changed (sha256 1a2b... then, 3c4d... now)",
// "...: no longer read", "...: read now, not before". Empty when the inputs are the same.
[[nodiscard]] std::vector<std::string> input_changes(const std::vector<InputFileRecord>& before,
                                                     const std::vector<InputFileRecord>& now);

// One line per file, "<sha256> <bytes> <path>" (the checkpoint header), and back.
// Throws std::runtime_error on a malformed line.
[[nodiscard]] std::string input_files_text(const std::vector<InputFileRecord>& files);
[[nodiscard]] std::vector<InputFileRecord> parse_input_files_text(std::string_view text);

}  // namespace eiisim
