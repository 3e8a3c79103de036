#include "output_guard.hpp"

#include <sys/stat.h>

#include <ostream>
#include <string>

#include "command.hpp"
#include "core/input_error.hpp"
#include "core/process_files.hpp"
#include "sweep/sweep_checkpoint.hpp"

namespace eiisim::cli {
namespace {

namespace fs = std::filesystem;

fs::path with_suffix(const fs::path& out, const char* suffix) {
    fs::path p = out;
    p += suffix;
    return p;
}

// stat(2) follows symbolic links: the file itself, whatever it is called.
bool same_file(const struct stat& a, const fs::path& b) {
    struct stat other {};
    return ::stat(b.c_str(), &other) == 0 && a.st_dev == other.st_dev && a.st_ino == other.st_ino;
}

}  // namespace

void refuse_output_onto_inputs(const fs::path& out, const InputProvenance& inputs) {
    const fs::path base = fs::path(inputs.scenario_file).parent_path();
    for (const char* suffix : {"", ".checkpoint", ".lock"}) {
        const fs::path written = with_suffix(out, suffix);
        struct stat st {};
        if (::stat(written.c_str(), &st) != 0) continue;  // nothing there yet: no input either
        for (const InputFileRecord& input : inputs.files) {
            const fs::path file = base / input.path;
            if (!same_file(st, file)) continue;
            throw InputError({out.string(), 0, 0}, "--out",
                             (*suffix == '\0' ? "the output" : "the output's " + std::string(suffix + 1) + " file " +
                                                                  written.string()) +
                                 " is the input file " + file.string() +
                                 ", which would be overwritten; choose another output path");
        }
    }
    if (is_sweep_checkpoint(out))
        throw InputError({out.string(), 0, 0}, "--out",
                         "the output is the checkpoint of a sweep, which would be overwritten; choose another "
                         "output path");
}

std::unique_ptr<OutputLock> claim_output(const fs::path& out, const InputProvenance& inputs, std::ostream& notes) {
    refuse_output_onto_inputs(out, inputs);
    prepare_output_path(out);
    auto lock = std::make_unique<OutputLock>(out, notes);
    for (const fs::path& file : {out, with_suffix(out, ".checkpoint")})
        for (const fs::path& left : remove_dead_temporaries(file))
            notes << "note: removed " << left.string() << ", left by a process that no longer runs\n";
    return lock;
}

CLI::Validator non_empty_path() {
    return CLI::Validator([](const std::string& path) { return path.empty() ? std::string("an empty path") : ""; },
                          "PATH", "non-empty path");
}

}  // namespace eiisim::cli
