#pragma once
// The sweep's parallel loop over runs: body(worker, index) for every index in [0, n),
// each exactly once, where `worker` identifies the calling thread's private slot (its
// model copy and run buffers). Normally oneTBB (slot = the thread's arena index); in a
// ThreadSanitizer build plain std::threads, for the reason given in parallel_plants.hpp.
// Results never depend on which worker ran an index: every run resets what it uses.
// An exception thrown by a body is rethrown on the calling thread (the first one, with
// std::threads). Also used for the other loops of a sweep: reading the checkpoint's
// blocks and computing quantiles column by column.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace eiisim {

// Number of worker slots for_each_run_parallel may use.
inline std::size_t run_worker_slots() {
    return static_cast<std::size_t>(std::max(1, tbb::this_task_arena::max_concurrency()));
}

template <typename Body>
void for_each_run_parallel(std::size_t n, const Body& body) {
#if defined(EIISIM_TSAN)
    const auto allowed = tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
    const std::size_t workers = std::max<std::size_t>(1, std::min({allowed, n, run_worker_slots()}));
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> errors(workers);
    for (std::size_t w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            try {
                for (std::size_t i = w; i < n; i += workers) body(w, i);
            } catch (...) {
                errors[w] = std::current_exception();  // rethrown on the calling thread, as oneTBB does
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
#else
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), [&](const tbb::blocked_range<std::size_t>& range) {
        const auto worker = static_cast<std::size_t>(tbb::this_task_arena::current_thread_index());
        for (std::size_t i = range.begin(); i != range.end(); ++i) body(worker, i);
    });
#endif
}

}  // namespace eiisim
