#pragma once
// The one place an input file is opened: every reader (CsvTable::read, read_toml_file)
// goes through read_input_file, so each input is checked the same way before a byte is
// read (docs/input-format.md, "Input files"). Refused, with an InputError naming the file:
// a directory, a FIFO, a device (a symbolic link to /dev/zero is one), a socket, a
// dangling symbolic link, and a file larger than kMaxInputFileBytes. A FIFO is refused
// without blocking: the file is opened non-blocking and checked on its descriptor.
#include <cstdint>
#include <filesystem>
#include <string>

namespace eiisim {

// The largest input file read: the whole Dutch dataset is under 1 MiB, so anything near
// this is a mistake, and reading it must not exhaust memory.
inline constexpr std::uint64_t kMaxInputFileBytes = std::uint64_t{256} << 20U;  // 256 MiB

// The whole content of `file`, after the checks above; records it for provenance
// (core/input_files.hpp). A missing file: "cannot open file: it does not exist ...".
[[nodiscard]] std::string read_input_file(const std::filesystem::path& file);

// For an optional input: false when nothing is at `file` (the input is absent), true
// when something is (read_input_file then checks what). A dangling symbolic link is not
// "absent": InputError naming the link and its target.
[[nodiscard]] bool optional_input_present(const std::filesystem::path& file);

}  // namespace eiisim
