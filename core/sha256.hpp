#pragma once
// SHA-256 (FIPS 180-4), self-contained: the provenance of input files (core/input_files.hpp)
// is recorded as their SHA-256, the same digest `sha256sum` prints, so a user can check a
// file by hand. Not constant-time; nothing secret is hashed.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace eiisim {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest of everything passed to update(); the object is spent afterwards.
    [[nodiscard]] std::array<std::uint8_t, 32> finish();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes hashed so far
};

// Lower-case hexadecimal SHA-256 of `bytes` (64 characters).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace eiisim
