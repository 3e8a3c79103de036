// Full-factorial grid design (see samplers.hpp for how runs map to grid points).
#include <cmath>

#include "samplers.hpp"

namespace eiisim {

std::size_t grid_levels(std::size_t runs, std::size_t dims) {
    if (dims == 0 || runs == 0) return 1;
    const double levels = std::round(std::pow(static_cast<double>(runs), 1.0 / static_cast<double>(dims)));
    return levels < 1.0 ? 1 : static_cast<std::size_t>(levels);
}

std::vector<double> grid_points(std::size_t runs, std::size_t dims) {
    std::vector<double> points(runs * dims);
    const std::size_t levels = grid_levels(runs, dims);
    for (std::size_t r = 0; r < runs; ++r) {
        // Mixed radix, last dimension fastest; the cycle is L^dims, cut short as needed
        // (the digits are read off r directly, so no L^dims overflow).
        std::size_t rest = r;
        for (std::size_t k = dims; k-- > 0;) {
            const std::size_t digit = rest % levels;
            rest /= levels;
            points[r * dims + k] = (static_cast<double>(digit) + 0.5) / static_cast<double>(levels);
        }
    }
    return points;
}

}  // namespace eiisim
