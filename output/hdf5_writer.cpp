// write_run_hdf5: the atomic-file policy around the layout. The file is built under
// "<out>.tmp-<pid>" and renamed onto <out> only after HDF5 has closed (flushed) it, so a
// reader never sees a half-written file and a failure leaves no file at all (rename is
// atomic within one file system).
#include "hdf5_writer.hpp"

#include <unistd.h>

#include <stdexcept>
#include <string>
#include <system_error>

#include "hdf5_atomic.hpp"
#include "hdf5_handles.hpp"
#include "hdf5_layout.hpp"
#include "nc_file.hpp"
#include "utc_timestamp.hpp"

namespace eiisim {

namespace {

std::filesystem::path temporary_path(const std::filesystem::path& out) {
    std::filesystem::path tmp = out;
    tmp += ".tmp-" + std::to_string(static_cast<long long>(::getpid()));
    return tmp;
}

void remove_quietly(const std::filesystem::path& p) {
    std::error_code ignored;
    std::filesystem::remove(p, ignored);
}

}  // namespace

void write_run_hdf5(const std::filesystem::path& out, const Inputs& inputs, const RunResult& result) {
    // Bad shapes are the caller's bug, found before any file is touched.
    output::check_result_shape(inputs, result);
    output::write_hdf5_atomically(out, [&](h5::NcFile& file) {
        output::write_run_layout(file, inputs, result, output::utc_timestamp_now());
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
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        remove_quietly(tmp);
        throw std::runtime_error("cannot move finished HDF5 output '" + tmp.string() + "' to '" + out.string() +
                                 "': " + ec.message());
    }
}

}  // namespace eiisim
