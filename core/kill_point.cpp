#include "kill_point.hpp"

#include <signal.h>

#include <charconv>
#include <cstdlib>
#include <map>
#include <string>

namespace eiisim {

void kill_point(std::string_view point) {
    const char* wanted = std::getenv(kKillAtVariable);
    if (wanted == nullptr) return;
    const std::string_view text(wanted);
    const std::size_t colon = text.find(':');
    if (text.substr(0, colon) != point) return;
    long nth = 1;
    if (colon != std::string_view::npos)
        std::from_chars(text.data() + colon + 1, text.data() + text.size(), nth);
    static std::map<std::string, long, std::less<>> passes;  // NOLINT: counts across calls
    if (++passes[std::string(point)] == nth) ::raise(SIGKILL);
}

}  // namespace eiisim
