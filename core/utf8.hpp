#pragma once
// UTF-8 validity of text read from input files: names and ids are written into output
// files as UTF-8 strings, and a stray Latin-1 byte there breaks every reader of the file.
#include <cstddef>
#include <string_view>

namespace eiisim {

// The byte offset of the first byte that does not begin a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or npos when the
// whole text is valid.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text);

}  // namespace eiisim
