#include "utc_timestamp.hpp"

#include <array>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace eiisim::output {

namespace {

std::time_t now_or_source_date_epoch() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end != nullptr && *end == '\0' && seconds >= 0) {
            return static_cast<std::time_t>(seconds);
        }
        // A malformed value is ignored rather than fatal: the timestamp is provenance only.
    }
    return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
}

}  // namespace

std::string utc_timestamp_now() {
    const std::time_t t = now_or_source_date_epoch();
    std::tm utc{};
    if (gmtime_r(&t, &utc) == nullptr) {
        return "unknown";
    }
    std::array<char, 32> buf{};
    const std::size_t n = std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return {buf.data(), n};
}

}  // namespace eiisim::output
