#include "sweep_progress.hpp"

#include <string>

#include <fmt/format.h>

namespace eiisim {

SweepProgress::SweepProgress(std::ostream& out, bool terminal, double interval_s)
    : out_(out), terminal_(terminal), interval_s_(interval_s) {}

void SweepProgress::operator()(std::size_t done, std::size_t total) {
    const auto now = Clock::now();
    if (!started_) {
        started_ = true;
        first_done_ = done;
        start_ = now;
        last_ = now;
        if (done > 0) out_ << fmt::format("resuming: {} of {} runs already done\n", done, total);
        return;
    }
    const bool finished = done >= total;
    const double since_last = std::chrono::duration<double>(now - last_).count();
    if (!terminal_ && !finished && since_last < interval_s_) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done - first_done_) / elapsed : 0.0;
    const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    const double share = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    if (terminal_) {
        constexpr int kWidth = 30;
        const auto filled = static_cast<std::size_t>(share * kWidth);
        out_ << fmt::format("\r[{}{}] {}/{} runs {:5.1f}% {:.0f} runs/s ETA {:.0f} s ", std::string(filled, '#'),
                            std::string(kWidth - filled, '.'), done, total, 100.0 * share, rate, left);
        if (finished) out_ << "\n";
    } else {
        out_ << fmt::format("sweep: {}/{} runs ({:.1f}%), {:.0f} runs/s, {:.0f} s left\n", done, total,
                            100.0 * share, rate, left);
    }
    out_.flush();
}

}  // namespace eiisim
