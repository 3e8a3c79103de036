#include "hdf5_provenance.hpp"

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
