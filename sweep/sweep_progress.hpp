#pragma once
// Progress of a sweep on stderr: runs done, runs per second (this session), time left.
// On a terminal, one bar redrawn in place; otherwise a plain line at most every
// `interval_s` seconds and at the end (log files stay readable).
#include <chrono>
#include <cstddef>
#include <ostream>

namespace eiisim {

class SweepProgress {
public:
    SweepProgress(std::ostream& out, bool terminal, double interval_s = 5.0);
    void operator()(std::size_t done, std::size_t total);

private:
    using Clock = std::chrono::steady_clock;
    std::ostream& out_;
    bool terminal_;
    double interval_s_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_{};
    std::size_t first_done_ = 0;
    bool started_ = false;
};

}  // namespace eiisim
