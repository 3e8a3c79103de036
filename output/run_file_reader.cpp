#include "run_file_reader.hpp"

#include "core/input_error.hpp"
#include "hdf5_provenance.hpp"
#include "hdf5_reader.hpp"
#include "sweep_file_reader.hpp"

namespace eiisim {
namespace {

// The first layout with the input-file hashes re-creating a run checks.
constexpr std::int64_t kFirstReplayableSchema = 2;

void check_run_file(const h5::Reader& file, const std::string& path) {
    if (file.has_global("runs") || !file.has_global("sampler") || file.global_text("sampler") != "none" ||
        !file.has_global("run"))
        throw InputError({path, 0, 0}, "",
                         "not an eiisim run file (written by `eiisim run`): " +
                             std::string(file.has_global("runs") ? "it is a sweep file" : "no 'sampler' = 'none' and 'run'"));
    const std::int64_t layout = file.has_global("schema_version") ? file.global_integer("schema_version") : 1;
    if (layout < kFirstReplayableSchema)
        throw InputError({path, 0, 0}, "",
                         "written by an older eiisim (file layout " + std::to_string(layout) +
                             ", without the input-file hashes needed to make the run again); rerun it with this eiisim");
    for (const char* name : {"scenario_file", "scenario_text", "seed", "base_year", "end_year"})
        if (!file.has_global(name))
            throw InputError({path, 0, 0}, "", std::string("no '") + name + "' attribute; the file is incomplete");
    if (!file.has_variable("input_file"))
        throw InputError({path, 0, 0}, "", "no input-file table: the run was not made from files");
}

RunFileRecord read_record(const h5::Reader& file) {
    RunFileRecord r;
    r.scenario_file = file.global_text("scenario_file");
    r.scenario_text = file.global_text("scenario_text");
    r.model_version = file.has_global("model_version") ? file.global_text("model_version") : "";
    r.source_revision = file.has_global("source_revision") ? file.global_text("source_revision") : "";
    r.seed = static_cast<std::uint64_t>(file.global_integer("seed"));
    r.run = static_cast<std::uint64_t>(file.global_integer("run"));
    r.base_year = static_cast<int>(file.global_integer("base_year"));
    r.end_year = static_cast<int>(file.global_integer("end_year"));
    const std::vector<std::string> paths = file.strings("input_file");
    const std::vector<std::string> hashes = file.strings("input_file_sha256");
    const std::vector<std::int64_t> bytes = file.integers("input_file_bytes");
    for (std::size_t i = 0; i < paths.size(); ++i)
        r.input_files.push_back({paths[i], hashes.at(i), static_cast<std::uint64_t>(bytes.at(i))});
    if (file.has_global("set_values")) r.set_values = output::split_set_values(file.global_text("set_values"));
    if (file.has_global("replay_of")) r.replay_of = file.global_text("replay_of");
    if (file.has_global("branch_of")) r.branch_of = file.global_text("branch_of");
    if (file.has_global("reference")) r.reference = file.global_text("reference");
    if (file.has_variable("milestone")) {  // written with its outcomes
        for (std::int64_t year : file.integers("milestone")) r.milestones.push_back(static_cast<int>(year));
        r.outcomes = read_outcome_row(file, 0);
    }
    return r;
}

}  // namespace

RunFileRecord read_run_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    if (!std::filesystem::is_regular_file(path))
        throw InputError({name, 0, 0}, "", "cannot open the run file: it does not exist or is not a file");
    const h5::SilenceErrorPrinting silence;
    try {
        const h5::Reader file(path);
        check_run_file(file, name);
        return read_record(file);
    } catch (const h5::Hdf5Error& e) {
        throw InputError({name, 0, 0}, "", std::string("not a readable eiisim run file: ") + e.what());
    } catch (const std::out_of_range&) {
        throw InputError({name, 0, 0}, "", "cannot read the run file: a variable is shorter than its dimension");
    }
}

}  // namespace eiisim
