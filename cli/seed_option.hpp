#pragma once
// --seed of `run` and `sweep`: a decimal integer from 0 to 2^64 - 1. CLI11's own
// conversion saturates larger values to 2^64 - 1 and wraps some negative ones, which
// would silently run another seed than the one asked for, so the text is checked first.
#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace eiisim::cli {

// Adds `--seed` to `cmd`; `given` becomes true when the option is on the command line.
// `description` gets the accepted range appended.
CLI::Option* add_seed_option(CLI::App* cmd, std::uint64_t& seed, bool& given, const std::string& description);

}  // namespace eiisim::cli
