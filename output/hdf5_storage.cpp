// Chunk shape policy (see hdf5_storage.hpp).
#include "hdf5_storage.hpp"

#include <algorithm>
#include <numeric>

namespace eiisim::h5 {

namespace {

std::size_t bytes_of(const std::vector<hsize_t>& shape, std::size_t element_bytes) {
    return std::accumulate(shape.begin(), shape.end(), element_bytes,
                           [](std::size_t acc, hsize_t n) { return acc * static_cast<std::size_t>(n); });
}

}  // namespace

Storage choose_storage(const std::vector<hsize_t>& dims, std::size_t element_bytes, bool run_leading) {
    Storage storage;
    const std::size_t total = bytes_of(dims, element_bytes);
    if (dims.empty() || total < kMinChunkedBytes) {
        return storage;  // also covers zero-length variables, which cannot be chunked
    }
    storage.chunked = true;
    storage.chunk = dims;
    const std::size_t first_split = run_leading ? 1 : 0;
    if (run_leading) {
        storage.chunk[0] = 1;
    }
    // Halve the largest remaining extent until the chunk fits; ties go to the later
    // dimension (plants before years), so a chunk keeps whole time series.
    while (bytes_of(storage.chunk, element_bytes) > kTargetChunkBytes) {
        std::size_t widest = storage.chunk.size() - 1;
        for (std::size_t d = storage.chunk.size(); d-- > first_split;) {
            if (storage.chunk[d] > storage.chunk[widest]) {
                widest = d;
            }
        }
        if (storage.chunk[widest] <= 1) {
            break;  // a single element larger than the target; cannot split further
        }
        storage.chunk[widest] = (storage.chunk[widest] + 1) / 2;
    }
    // Small per-run slabs (sweep outcomes [run] or [run, milestone]): as many whole runs
    // per chunk as fit in the target, not one chunk per few bytes. With one run (a
    // single-run file) this changes nothing.
    if (run_leading && std::equal(storage.chunk.begin() + 1, storage.chunk.end(), dims.begin() + 1)) {
        const std::size_t slab = bytes_of(storage.chunk, element_bytes);
        const auto per_chunk = static_cast<hsize_t>(std::max<std::size_t>(1, kTargetChunkBytes / slab));
        storage.chunk[0] = std::min(dims[0], per_chunk);
    }
    return storage;
}

}  // namespace eiisim::h5
