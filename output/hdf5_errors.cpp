// Reads the innermost entry of HDF5's error stack so exceptions can say what HDF5 said
// (e.g. "unable to open file: Permission denied") without HDF5 printing to stderr.
#include <string>

#include "hdf5_handles.hpp"

namespace eiisim::h5 {

namespace {

struct InnermostError {
    std::string message;
    bool found = false;
};

herr_t take_innermost(unsigned /*n*/, const H5E_error2_t* err, void* client_data) {
    auto* out = static_cast<InnermostError*>(client_data);
    // H5E_WALK_UPWARD starts at the innermost frame: the first entry is the root cause.
    if (!out->found && err != nullptr) {
        out->message = err->desc != nullptr ? err->desc : "";
        if (err->func_name != nullptr) {
            out->message += std::string(" (in ") + err->func_name + ")";
        }
        out->found = true;
    }
    return 0;
}

}  // namespace

std::string error_stack_message() {
    InnermostError innermost;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, take_innermost, &innermost);
    H5Eclear2(H5E_DEFAULT);
    return innermost.found ? innermost.message : std::string("unknown HDF5 error");
}

}  // namespace eiisim::h5
