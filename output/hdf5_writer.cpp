// write_run_hdf5: the atomic-file policy around the layout. The file is built under
// "<out>.tmp-<pid>" and renamed onto <out> only after HDF5 has closed (flushed) it, so a
// reader never sees a half-written file and a failure leaves no file at all (rename is
// atomic within one file system).
#include "hdf5_writer.hpp"

#include <stdexcept>
#include <string>
#include <system_error>

#include "core/kill_point.hpp"
#include "core/process_files.hpp"
#include "finite_guard.hpp"
#include "hdf5_atomic.hpp"
#include "hdf5_handles.hpp"
#include "hdf5_layout.hpp"
#include "hdf5_outcomes.hpp"
#include "nc_file.hpp"
#include "utc_timestamp.hpp"

namespace eiisim {

namespace {

void remove_quietly(const std::filesystem::path& p) {
    std::error_code ignored;
    std::filesystem::remove(p, ignored);
}

}  // namespace

void write_run_hdf5(const std::filesystem::path& out, const Inputs& inputs, const RunResult& result,
                    const RunKpis* kpis, const std::vector<int>& milestones, const ReferenceRun* reference) {
    // Bad shapes are the caller's bug, found before any file is touched.
    output::check_result_shape(inputs, result);
    output::check_result_finite(inputs, result);
    const OutcomeExtents extents{milestones.size(), inputs.clusters.size(), !inputs.targets.empty(),
                                 inputs.agreements.size(), reference != nullptr};
    if (kpis != nullptr) {
        bool fits = kpis->values.size() == outcomes().size();
        for (std::size_t i = 0; fits && i < outcomes().size(); ++i)
            fits = kpis->values[i].size() == outcomes()[i].size(extents);
        if (!fits) throw std::invalid_argument("write_run_hdf5: KPI arrays do not match the milestones and clusters");
    }
    if (reference != nullptr) {
        output::check_result_shape(inputs, *reference->result);
        output::check_result_finite(inputs, *reference->result);
    }
    output::write_hdf5_atomically(out, [&](h5::NcFile& file) {
        output::write_run_layout(file, inputs, result, output::utc_timestamp_now());
        if (reference != nullptr)
            output::write_reference_series(file, inputs, *reference->result, reference->kind, reference->first_year);
        if (kpis == nullptr) return;
        output::OutcomeColumns outcomes;
        outcomes.milestones = milestones;
        outcomes.end_year = inputs.scenario.end_year;
        outcomes.extents = extents;
        outcomes.values = kpis->values;
        output::write_outcome_variables(file, outcomes);
    });
}

void output::write_hdf5_atomically(const std::filesystem::path& out, const std::function<void(h5::NcFile&)>& fill) {
    const std::filesystem::path tmp = temporary_path(out);
    const h5::SilenceErrorPrinting silence;
    try {
        h5::NcFile file(tmp);
        fill(file);
        file.close();
    } catch (const std::exception& e) {
        // NcFile's destructor has closed every handle by now, so the file can go.
        remove_quietly(tmp);
        throw std::runtime_error("cannot write HDF5 output '" + out.string() + "': " + e.what());
    }
    kill_point("output-written");
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        remove_quietly(tmp);
        throw std::runtime_error("cannot move finished HDF5 output '" + tmp.string() + "' to '" + out.string() +
                                 "': " + ec.message());
    }
}

}  // namespace eiisim
