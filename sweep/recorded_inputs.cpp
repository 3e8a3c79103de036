#include "recorded_inputs.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "inputs/dataset_loader.hpp"
#include "inputs/given_settings.hpp"

namespace eiisim {

Inputs load_recorded_inputs(const RecordedInputs& recorded, const std::string& scenario_now) {
    const std::string scenario = scenario_now.empty() ? recorded.scenario_file : scenario_now;
    if (!std::filesystem::is_regular_file(scenario))
        throw InputError({scenario, 0, 0}, "",
                         "the scenario file is not there (recorded in " + recorded.file + " as '" +
                             recorded.scenario_file +
                             "'); run from the folder the file was made in, or give its path with --scenario");
    Inputs inputs = load_inputs(scenario);
    std::vector<std::string> changes = input_changes(recorded.files, inputs.provenance.files);
    if (changes.empty() && inputs.scenario.text != recorded.scenario_text)
        changes.push_back(scenario + ": text differs from the recorded scenario_text");
    if (!changes.empty())
        throw InputError({recorded.file, 0, 0}, "",
                         "the inputs changed since " + recorded.file + " was made, so its run cannot be made again "
                             "exactly (paths relative to " + scenario + "'s folder):" + indented_lines(changes));
    return inputs;
}

Inputs load_run_file_inputs(const std::string& path, const RunFileRecord& record, const std::string& scenario) {
    if (!record.replay_of.empty())
        throw InputError({path, 0, 0}, "",
                         "a run replayed from the sweep " + record.replay_of +
                             ": its samples are in the sweep; use `eiisim run --from-sweep` on the sweep");
    if (!record.branch_of.empty())
        throw InputError({path, 0, 0}, "",
                         "a scenario branch of " + record.branch_of +
                             ": its history is that run's; use the run file the branch started from");
    Inputs inputs = load_recorded_inputs({path, record.scenario_file, record.scenario_text, record.input_files},
                                         scenario);
    inputs.scenario.seed = record.seed;
    std::vector<GivenValue> given;
    for (const std::string& assignment : record.set_values)
        given.push_back(parse_assignment(assignment, inputs.scenario.uncertain));
    apply_given_values(inputs, given);
    for (const GivenValue& g : given) inputs.provenance.set_values.push_back(assignment_text(g));
    return inputs;
}

std::vector<std::string> dataset_differences(const InputProvenance& a, const InputProvenance& b) {
    std::vector<std::string> out;
    const std::size_t n = std::max(a.files.size(), b.files.size());
    // files[0] is the scenario itself: the variant's own.
    for (std::size_t i = 1; i < n; ++i) {
        const InputFileRecord* x = i < a.files.size() ? &a.files[i] : nullptr;
        const InputFileRecord* y = i < b.files.size() ? &b.files[i] : nullptr;
        if (x != nullptr && y != nullptr && x->sha256 == y->sha256 && x->bytes == y->bytes) continue;
        out.push_back(fmt::format("{} (sha256 {}) against {} (sha256 {})", x ? x->path : "(nothing)",
                                  x ? x->sha256.substr(0, 12) : "-", y ? y->path : "(nothing)",
                                  y ? y->sha256.substr(0, 12) : "-"));
    }
    return out;
}

}  // namespace eiisim
