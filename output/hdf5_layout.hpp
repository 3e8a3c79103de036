#pragma once
// What one run's file holds (docs/output-format.md is the reader's description of the
// same layout; its variable tables are generated from core/observables.cpp). Each
// function writes one part; write_run_layout calls them in the order the variables appear
// in the file.
#include <span>
#include <string>

#include "core/inputs.hpp"
#include "core/observables.hpp"
#include "core/run_result.hpp"
#include "nc_file.hpp"

namespace eiisim::output {

// Throws std::runtime_error naming the first series (core/observables.hpp) whose size does
// not match the dimensions given by `inputs` and `result` (years, plants, clusters), or an
// event naming a plant or technology that does not exist.
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
// A category dimension shared by run and sweep files: plant, cluster, technology, kind,
// carrier, cost_component, agreement, ..., with its coordinate values
// (std::invalid_argument otherwise).
void add_category_dimension(h5::NcFile& file, const Inputs& inputs, const std::string& name);
// The observables' plant-level rows, then the cluster and national rows, in table order.
void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const RunResult& result);
void write_cluster_and_national_series(h5::NcFile& file, const Inputs& inputs, const RunResult& result);
// A reference run's cluster, national and instrument series (sim/reference_run.hpp), each
// as `reference_<name>` beside the scenario's own, with the reference kind and its first
// year as global attributes (docs/output-format.md, "Reference run").
void write_reference_series(h5::NcFile& file, const Inputs& inputs, const RunResult& reference,
                            const std::string& kind, int first_year);
// The global attributes `reference` and `reference_first_year` (run files with a reference
// run, sweep files whose runs have one each).
void write_reference_attributes(h5::NcFile& file, const std::string& kind, int first_year);
// `target_year [target]`: the year each climate target is due (targets.csv `year`); only
// for a dataset with a targets.csv. The `target` dimension must exist.
void write_target_years(h5::NcFile& file, const Inputs& inputs);
// One observable from `result` (whose vectors may hold several runs), with its
// attributes and flags.
void write_series(h5::NcFile& file, const Inputs& inputs, const Observable& o, const RunResult& result);
[[nodiscard]] h5::VarAttrs series_attributes(const Observable& o);
// The saved_observables() rows of a sweep file: values[i] is row i's [run, year, cluster].
void write_saved_series(h5::NcFile& file, std::span<const std::vector<double>> values);
void write_static_tables(h5::NcFile& file, const Inputs& inputs);
// The plants' name, operator, cluster and sector (part of the static tables; sweep files
// with --save plants carry them beside the panels).
void write_plant_identity(h5::NcFile& file, const Inputs& inputs);
void write_event_log(h5::NcFile& file, const RunResult& result);
// The variants every decision weighed, flattened along option_considered (called by
// write_event_log).
void write_option_log(h5::NcFile& file, const RunResult& result);

}  // namespace eiisim::output
