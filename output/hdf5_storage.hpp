#pragma once
// How one variable is laid out on disk: contiguous for empty or tiny variables (a chunk
// index and filter pipeline cost more than they save below a few KiB), otherwise chunked
// with shuffle + deflate level 1 (higher levels cost time for little size). Chunks are
// kept at most kTargetChunkBytes so that reading one plant's or one cluster's series does
// not decompress the whole variable, while staying large enough to compress well.
// The choice is a pure function of the shape, so files are reproducible.
#include <hdf5.h>

#include <cstddef>
#include <vector>

namespace eiisim::h5 {

inline constexpr std::size_t kMinChunkedBytes = 4 * 1024;
inline constexpr std::size_t kTargetChunkBytes = 256 * 1024;
inline constexpr unsigned kDeflateLevel = 1;

struct Storage {
    bool chunked = false;           // false: contiguous, no filters
    std::vector<hsize_t> chunk;     // chunk shape when chunked
};

// `run_leading`: the first dimension is `run`; chunks then hold one run each, the access
// pattern of ensembles (one run's whole panel, or one year across runs via many chunks).
[[nodiscard]] Storage choose_storage(const std::vector<hsize_t>& dims, std::size_t element_bytes,
                                     bool run_leading);

}  // namespace eiisim::h5
