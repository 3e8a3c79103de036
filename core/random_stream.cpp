#include "random_stream.hpp"

#include <cmath>

namespace eiisim {

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t plant,
                           std::uint64_t year, Purpose purpose) {
    key_ = {{seed, run}};
    // counter word 3 counts blocks within the stream
    counter_ = {{plant, year, static_cast<std::uint64_t>(purpose), 0}};
}

std::uint64_t RandomStream::next_u64() {
    if (used_ == 4) {
        block_ = engine_(counter_, key_);
        ++counter_[3];
        used_ = 0;
    }
    return block_[used_++];
}

double RandomStream::uniform() {
    // 53 random bits, shifted by half a step so the result lies strictly inside (0, 1).
    const std::uint64_t bits = next_u64() >> 11;
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
}

double RandomStream::gumbel() { return -std::log(-std::log(uniform())); }

double RandomStream::normal() {
    if (has_spare_normal_) {
        has_spare_normal_ = false;
        return spare_normal_;
    }
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    const double angle = 2.0 * M_PI * uniform();
    spare_normal_ = radius * std::sin(angle);
    has_spare_normal_ = true;
    return radius * std::cos(angle);
}

}  // namespace eiisim
