#pragma once
// Version and source revision of the running code, stamped into every output file.
// The revision is taken from git at build time (cmake/write_revision.cmake), not at
// configure time, so it stays true after later commits.
namespace eiisim {

inline constexpr const char* kModelVersion = EIISIM_VERSION;
[[nodiscard]] const char* source_revision();

}  // namespace eiisim
