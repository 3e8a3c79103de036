#pragma once
// The atomic-file policy shared by the run and sweep writers: `fill` writes into
// "<out>.tmp-<pid>", which is renamed onto `out` only after HDF5 has closed it; any
// failure removes the temporary file and throws std::runtime_error naming `out`.
#include <filesystem>
#include <functional>

#include "nc_file.hpp"

namespace eiisim::output {

void write_hdf5_atomically(const std::filesystem::path& out, const std::function<void(h5::NcFile&)>& fill);

}  // namespace eiisim::output
