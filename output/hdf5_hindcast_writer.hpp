#pragma once
// The hindcast file (docs/output-format.md, "Hindcast files"): `eiisim hindcast --out`
// writes its tables, per mode, series and year, with the error metrics per mode and
// series and the provenance of its inputs. Written atomically like run and sweep files.
#include <filesystem>

#include "core/hindcast_result.hpp"

namespace eiisim {

void write_hindcast_hdf5(const std::filesystem::path& out, const Inputs& inputs, const HindcastResult& result);

}  // namespace eiisim
