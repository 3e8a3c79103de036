// Sobol' design (see samplers.hpp). Digital shift of dimension d from the stream
// (seed, run 0, plant d, year 2, sampling).
#include <boost/random/sobol.hpp>

#include "core/random_stream.hpp"
#include "samplers.hpp"

namespace eiisim {

std::vector<double> sobol_points(std::size_t runs, std::size_t dims, std::uint64_t seed, bool scramble) {
    std::vector<double> points(runs * dims);
    if (dims == 0) return points;
    std::vector<std::uint64_t> shift(dims, 0);
    if (scramble)
        for (std::size_t d = 0; d < dims; ++d) shift[d] = RandomStream(seed, 0, d, 2, Purpose::sampling).next_u64();
    // Boost's engine already starts after the all-zeros point: its first point is
    // (0.5, 0.5, ...), so nothing is discarded here.
    boost::random::sobol engine(dims);
    constexpr double kScale = 1.0 / 9007199254740992.0;  // 2^-53
    for (std::size_t r = 0; r < runs; ++r) {
        for (std::size_t d = 0; d < dims; ++d) {
            const std::uint64_t x = static_cast<std::uint64_t>(engine()) ^ shift[d];
            // Top 53 bits, centred in their cell: strictly inside (0, 1).
            points[r * dims + d] = (static_cast<double>(x >> 11) + 0.5) * kScale;
        }
    }
    return points;
}

}  // namespace eiisim
