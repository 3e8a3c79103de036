#include "utf8.hpp"

namespace eiisim {
namespace {

// The length of the well-formed sequence starting at text[i], or 0 if there is none.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned c = byte(i);
    if (c < 0x80U) return 1;
    std::size_t length = 0;
    unsigned low = 0x80U, high = 0xBFU;  // the range of the second byte
    if (c >= 0xC2U && c <= 0xDFU) {
        length = 2;
    } else if (c >= 0xE0U && c <= 0xEFU) {
        length = 3;
        if (c == 0xE0U) low = 0xA0U;   // overlong
        if (c == 0xEDU) high = 0x9FU;  // surrogates
    } else if (c >= 0xF0U && c <= 0xF4U) {
        length = 4;
        if (c == 0xF0U) low = 0x90U;   // overlong
        if (c == 0xF4U) high = 0x8FU;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(i + k) & 0xC0U) != 0x80U) return 0;
    return length;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequence_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace eiisim
