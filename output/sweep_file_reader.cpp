#include "sweep_file_reader.hpp"

#include "core/input_error.hpp"
#include "core/outcomes.hpp"
#include "hdf5_provenance.hpp"
#include "hdf5_reader.hpp"

namespace eiisim {
namespace {

// The first layout with the input-file hashes a replay checks (docs/output-format.md,
// "Layout versions"); later layouts only add series, so they stay replayable.
constexpr std::int64_t kFirstReplayableSchema = 2;

// The layout checks, before anything else is read.
void check_sweep_file(const h5::Reader& file, const std::string& path) {
    if (!file.has_global("runs") || !file.has_global("sampler") || !file.has_variable("milestone"))
        throw InputError({path, 0, 0}, "", "not an eiisim sweep file (no 'runs' attribute or outcomes)");
    const std::int64_t layout = file.has_global("schema_version") ? file.global_integer("schema_version") : 1;
    if (layout < kFirstReplayableSchema)
        throw InputError({path, 0, 0}, "",
                         "written by an older eiisim (file layout " + std::to_string(layout) +
                             ", without the input-file hashes replaying needs, which layout " +
                             std::to_string(kFirstReplayableSchema) + " added" +
                             "); rerun the sweep with this eiisim to replay its runs");
    for (const char* name : {"scenario_file", "scenario_text", "seed"})
        if (!file.has_global(name))
            throw InputError({path, 0, 0}, "", std::string("no '") + name + "' attribute; the file is incomplete");
}

}  // namespace

RunKpis read_outcome_row(const h5::Reader& file, std::uint64_t run) {
    RunKpis k;
    k.values.resize(outcomes().size());
    for (std::size_t i = 0; i < outcomes().size(); ++i) {
        const Outcome& o = outcomes()[i];
        const std::string name(o.name);
        // Rows a file's layout predates, or a dataset without targets, are absent: left empty.
        if (!file.has_variable(name)) continue;
        if (o.type != OutcomeType::float64) {
            for (std::int64_t v : file.integer_row(name, run)) k.values[i].push_back(static_cast<double>(v));
        } else {
            k.values[i] = file.double_row(name, run);
        }
    }
    return k;
}

namespace {

SweepRunRecord read_record(const h5::Reader& file, const std::string& path, std::uint64_t run) {
    SweepRunRecord r;
    r.runs = static_cast<std::uint64_t>(file.global_integer("runs"));
    if (run >= r.runs)
        throw InputError({path, 0, 0}, "",
                         "run " + std::to_string(run) + " is out of range: the sweep has " + std::to_string(r.runs) +
                             " runs (0 to " + std::to_string(r.runs - 1) + ")");
    r.scenario_file = file.global_text("scenario_file");
    r.scenario_text = file.global_text("scenario_text");
    r.sampler = file.global_text("sampler");
    r.model_version = file.has_global("model_version") ? file.global_text("model_version") : "";
    r.source_revision = file.has_global("source_revision") ? file.global_text("source_revision") : "";
    r.seed = static_cast<std::uint64_t>(file.global_integer("seed"));
    if (file.has_global("reference")) r.reference = file.global_text("reference");
    if (file.has_variable("input_file")) {
        const std::vector<std::string> paths = file.strings("input_file");
        const std::vector<std::string> hashes = file.strings("input_file_sha256");
        const std::vector<std::int64_t> bytes = file.integers("input_file_bytes");
        for (std::size_t i = 0; i < paths.size(); ++i)
            r.input_files.push_back({paths[i], hashes.at(i), static_cast<std::uint64_t>(bytes.at(i))});
    }
    if (file.has_variable("parameter")) {
        r.parameters = file.strings("parameter");
        r.samples = file.double_row("experiments", run);
    }
    for (std::int64_t year : file.integers("milestone")) r.milestones.push_back(static_cast<int>(year));
    r.outcomes = read_outcome_row(file, run);
    return r;
}

}  // namespace

SweepRunRecord read_sweep_run(const std::filesystem::path& path, std::uint64_t run) {
    const std::string name = path.string();
    if (!std::filesystem::is_regular_file(path))
        throw InputError({name, 0, 0}, "", "cannot open the sweep file: it does not exist or is not a file");
    const h5::SilenceErrorPrinting silence;
    try {
        const h5::Reader file(path);
        check_sweep_file(file, name);
        return read_record(file, name, run);
    } catch (const h5::Hdf5Error& e) {
        throw InputError({name, 0, 0}, "", std::string("cannot read the sweep file: ") + e.what());
    } catch (const std::out_of_range&) {
        throw InputError({name, 0, 0}, "", "cannot read the sweep file: a variable is shorter than its dimension");
    }
}

}  // namespace eiisim
