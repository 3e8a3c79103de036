#pragma once
// Experimental designs for sweeps: `runs` points in the unit hypercube (0, 1)^dims,
// row-major [run][dimension]. Every design depends only on (runs, dims, seed): the same
// arguments give the same points on any machine and thread count.
//
//   lhs    Latin hypercube: each dimension is cut into `runs` equal strata and each
//          stratum is hit exactly once; the stratum order is a Philox-driven permutation
//          per dimension and the point is jittered uniformly inside its stratum.
//   sobol  Sobol' low-discrepancy sequence (Boost.Random's sobol), without the
//          all-zeros first point (Boost's engine starts after it); with `scramble` each dimension is
//          XORed with a Philox-drawn 64-bit digital shift (keeps the net property).
//   grid   full-factorial grid: L = round(runs^(1/dims)) levels per dimension at the
//          stratum midpoints (i + 0.5) / L; run r takes grid point r mod L^dims in
//          mixed-radix order (last dimension fastest). When L^dims > runs the grid is
//          cut short; when L^dims < runs it repeats (replicates differ by their random
//          streams only). grid_levels() tells the caller which.
#include <cstdint>
#include <string_view>
#include <vector>

namespace eiisim {

enum class SamplerKind : std::uint8_t { lhs, sobol, grid };
inline constexpr const char* kSamplerNames[] = {"lhs", "sobol", "grid"};

[[nodiscard]] std::vector<double> latin_hypercube(std::size_t runs, std::size_t dims, std::uint64_t seed);
[[nodiscard]] std::vector<double> sobol_points(std::size_t runs, std::size_t dims, std::uint64_t seed,
                                               bool scramble);
[[nodiscard]] std::vector<double> grid_points(std::size_t runs, std::size_t dims);
[[nodiscard]] std::size_t grid_levels(std::size_t runs, std::size_t dims);

[[nodiscard]] std::vector<double> make_design(SamplerKind kind, std::size_t runs, std::size_t dims,
                                              std::uint64_t seed);

}  // namespace eiisim
