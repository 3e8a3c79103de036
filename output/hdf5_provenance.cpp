#include "hdf5_provenance.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace eiisim::output {

void write_input_attributes(h5::NcFile& file, const Inputs& inputs) {
    const InputProvenance& p = inputs.provenance;
    file.set_global_number("schema_version", kSchemaVersion);
    file.set_global("scenario_file", p.scenario_file);
    if (!p.replay_of.empty()) {
        file.set_global("replay_of", p.replay_of);
        file.set_global("replay_samples", p.replay_samples);
    }
    // One attribute for all assignments: they are applied in order, and a later one may
    // change the setting an earlier one changed.
    if (!p.set_values.empty()) file.set_global_long_text("set_values", join_set_values(p.set_values));
    if (!p.branch_of.empty()) {
        file.set_global("branch_of", p.branch_of);
        file.set_global_number("branch_year", static_cast<std::int32_t>(p.branch_year));
    }
}

std::string join_set_values(const std::vector<std::string>& values) {
    std::string text;
    for (const std::string& v : values) text += (text.empty() ? "" : "\n") + v;
    return text;
}

std::vector<std::string> split_set_values(const std::string& text) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) values.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return values;
}

void write_input_files(h5::NcFile& file, const Inputs& inputs) {
    const std::vector<InputFileRecord>& files = inputs.provenance.files;
    if (files.empty()) return;
    std::vector<std::string> paths, hashes;
    std::vector<std::uint64_t> bytes;
    for (const InputFileRecord& f : files) {
        paths.push_back(f.path);
        hashes.push_back(f.sha256);
        bytes.push_back(f.bytes);
    }
    file.add_dimension("input_file", std::span<const std::string>(paths),
                       {"1", "input file read (scenario first), path relative to the scenario file's folder"});
    file.add_variable("input_file_sha256", {"input_file"}, std::span<const std::string>(hashes),
                      {"1", "SHA-256 of the input file's bytes as read (lower-case hex)"});
    file.add_variable<std::uint64_t>("input_file_bytes", {"input_file"}, bytes, {"1", "size of the input file in bytes"});
}

}  // namespace eiisim::output
