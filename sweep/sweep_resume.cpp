#include "sweep_resume.hpp"

#include <map>
#include <sstream>

#include "core/input_error.hpp"
#include "core/input_files.hpp"
#include "sweep_checkpoint.hpp"

namespace eiisim {
namespace {

// The fingerprint's first line, "key=value key=value ...", as a map.
std::map<std::string, std::string> design_fields(const std::string& fingerprint) {
    std::map<std::string, std::string> fields;
    std::istringstream line(fingerprint.substr(0, fingerprint.find('\n')));
    std::string item;
    while (line >> item) {
        const std::size_t eq = item.find('=');
        fields[item.substr(0, eq)] = eq == std::string::npos ? "" : item.substr(eq + 1);
    }
    return fields;
}

std::vector<InputFileRecord> file_lines(const std::string& fingerprint) {
    const std::size_t eol = fingerprint.find('\n');
    return eol == std::string::npos ? std::vector<InputFileRecord>{}
                                    : parse_input_files_text(std::string_view(fingerprint).substr(eol + 1));
}

std::string describe_key(const std::string& key) {
    if (key == "binary") return "the eiisim binary (version and source revision)";
    if (key == "scenario_fnv1a") return "the scenario text (FNV-1a hash)";
    return key;
}

}  // namespace

std::vector<std::string> fingerprint_changes(const std::string& stored, const std::string& now) {
    std::vector<std::string> changes;
    const auto before = design_fields(stored);
    const auto after = design_fields(now);
    auto keys = before;
    keys.insert(after.begin(), after.end());
    for (const auto& [key, ignored] : keys) {
        const auto b = before.find(key);
        const auto a = after.find(key);
        const std::string then = b == before.end() ? "(none)" : b->second;
        const std::string today = a == after.end() ? "(none)" : a->second;
        if (then != today) changes.push_back(describe_key(key) + ": " + then + " then, " + today + " now");
    }
    for (std::string& c : input_changes(file_lines(stored), file_lines(now))) changes.push_back(std::move(c));
    return changes;
}

void check_resume(const std::filesystem::path& checkpoint, const std::string& fingerprint,
                  const std::string& scenario_file) {
    if (!std::filesystem::exists(checkpoint)) return;
    const std::vector<std::string> changes =
        fingerprint_changes(SweepCheckpoint::stored_fingerprint(checkpoint), fingerprint);
    if (changes.empty()) return;
    std::string lines;
    for (const std::string& c : changes) lines += "\n  " + c;
    throw InputError({checkpoint.string(), 0, 0}, "",
                     "cannot resume: the checkpoint belongs to another sweep; what differs (input paths relative to " +
                         scenario_file + "'s folder):" + lines +
                         "\nrestore what changed, or remove the checkpoint or run without --resume to start the "
                         "sweep over");
}

}  // namespace eiisim
