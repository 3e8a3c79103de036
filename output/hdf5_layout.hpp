#pragma once
// What one run's file holds (docs/output-format.md is the reader's description of the
// same layout; keep both in step). Each function writes one part; write_run_layout calls
// them in the order the variables appear in the file.
#include <span>
#include <string>

#include "core/inputs.hpp"
#include "core/run_result.hpp"
#include "nc_file.hpp"

namespace eiisim::output {

// Throws std::runtime_error naming the first field whose size does not match the
// dimensions given by `inputs` and `result` (years, plants, clusters).
void check_result_shape(const Inputs& inputs, const RunResult& result);

// `created`: UTC ISO-8601 timestamp stored in the `created` global attribute.
void write_run_layout(h5::NcFile& file, const Inputs& inputs, const RunResult& result, const std::string& created);

// The parts, in file order.
// Provenance shared by run and sweep files: model, version, source revision, scenario
// (name, description, full text), years, creation time, conventions.
void write_provenance(h5::NcFile& file, const Inputs& inputs, const std::string& created);
void write_global_attributes(h5::NcFile& file, const Inputs& inputs, const RunResult& result,
                             const std::string& created);
void write_dimensions(h5::NcFile& file, const Inputs& inputs, const RunResult& result);
void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const RunResult& result);
void write_cluster_and_national_series(h5::NcFile& file, const RunResult& result);
// The [run, year, cluster] production and emission series, shared by run and sweep files.
void write_cluster_emission_series(h5::NcFile& file, std::span<const double> production,
                                   std::span<const double> captured, std::span<const double> net,
                                   std::span<const double> relocated);
void write_static_tables(h5::NcFile& file, const Inputs& inputs);
void write_event_log(h5::NcFile& file, const RunResult& result);

}  // namespace eiisim::output
