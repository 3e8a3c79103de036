// Latin hypercube design (see samplers.hpp). Stream addresses: permutation of dimension
// d = (seed, run 0, plant d, year 0, sampling); jitter of run r in dimension d =
// (seed, run r, plant d, year 1, sampling).
#include <numeric>
#include <utility>

#include "core/random_stream.hpp"
#include "samplers.hpp"

namespace eiisim {

std::vector<double> latin_hypercube(std::size_t runs, std::size_t dims, std::uint64_t seed) {
    std::vector<double> points(runs * dims);
    std::vector<std::size_t> strata(runs);
    for (std::size_t d = 0; d < dims; ++d) {
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        RandomStream shuffle(seed, 0, d, 0, Purpose::sampling);
        for (std::size_t i = runs; i > 1; --i) {  // Fisher-Yates
            const auto j = static_cast<std::size_t>(shuffle.uniform() * static_cast<double>(i));
            std::swap(strata[i - 1], strata[j < i ? j : i - 1]);
        }
        for (std::size_t r = 0; r < runs; ++r) {
            RandomStream jitter(seed, r, d, 1, Purpose::sampling);
            points[r * dims + d] = (static_cast<double>(strata[r]) + jitter.uniform()) / static_cast<double>(runs);
        }
    }
    return points;
}

std::vector<double> make_design(SamplerKind kind, std::size_t runs, std::size_t dims, std::uint64_t seed) {
    switch (kind) {
        case SamplerKind::lhs: return latin_hypercube(runs, dims, seed);
        case SamplerKind::sobol: return sobol_points(runs, dims, seed, true);
        case SamplerKind::grid: return grid_points(runs, dims);
    }
    return {};
}

}  // namespace eiisim
