#include "seed_option.hpp"

#include <charconv>
#include <limits>

namespace eiisim::cli {
namespace {

constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();

// Empty when `text` is a decimal integer within [0, kMaxSeed], else why not.
std::string seed_problem(const std::string& text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, value);  // no sign, no blanks, base 10
    if (parsed.ec == std::errc() && parsed.ptr == end) return "";
    return "the seed must be an integer from 0 to " + std::to_string(kMaxSeed) + ", got '" + text + "'";
}

}  // namespace

CLI::Option* add_seed_option(CLI::App* cmd, std::uint64_t& seed, bool& given, const std::string& description) {
    return cmd
        ->add_option("--seed", seed, description + " (an integer from 0 to " + std::to_string(kMaxSeed) + ")")
        ->check(CLI::Validator(seed_problem, "SEED", "seed"))
        ->each([&given](const std::string&) { given = true; });
}

}  // namespace eiisim::cli
