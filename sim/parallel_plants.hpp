#pragma once
// The engine's parallel loop over plants. Normally oneTBB's parallel_for. In a
// ThreadSanitizer build (EIISIM_SANITIZE=thread) it runs on std::thread instead:
// Debian's libtbb is not instrumented, so TSan cannot see the synchronisation of
// TBB's task joins and reports every hand-over of results as a race. std::thread
// joins are intercepted by TSan, so our own code is still checked on real threads.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

namespace eiisim {

// `serial`: run the loop on the calling thread (Model::serial_plants; a sweep runs many
// runs side by side, one per thread, and inner parallelism would only add overhead).
template <typename Body>
void for_each_plant_parallel(std::size_t plants, std::size_t grain, const Body& body, bool serial = false) {
    if (serial) {
        for (std::size_t p = 0; p < plants; ++p) body(p);
        return;
    }
#if defined(EIISIM_TSAN)
    (void)grain;
    const auto allowed = tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
    const std::size_t workers = std::max<std::size_t>(1, std::min(allowed, plants));
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            for (std::size_t p = w; p < plants; p += workers) body(p);
        });
    for (auto& t : threads) t.join();
#else
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, plants, grain),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t p = range.begin(); p != range.end(); ++p) body(p);
                      });
#endif
}

}  // namespace eiisim
