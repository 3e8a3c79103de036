#pragma once
// Shared by the libFuzzer harnesses (docs/testing.md, "Fuzzing"): a private folder for the
// fuzz input written as a file, and the one exception a parser may throw on bad input.
// Anything else escaping a parser (another exception, a crash, a sanitizer report, a
// hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace eiisim::fuzz {

// A folder of this process (in /dev/shm when there is one), made on first use.
[[nodiscard]] const std::filesystem::path& scratch_folder();

// Writes the input to scratch_folder()/name and returns its path (the name keeps the
// messages realistic: loaders name the file they read).
[[nodiscard]] std::filesystem::path write_input(const std::string& name, const std::uint8_t* data,
                                                std::size_t size);

// Runs `parse`; an InputError (bad input reported cleanly) is fine and swallowed.
template <typename Parse>
int expect_clean(Parse&& parse);

}  // namespace eiisim::fuzz

#include "core/input_error.hpp"

template <typename Parse>
int eiisim::fuzz::expect_clean(Parse&& parse) {
    try {
        parse();
    } catch (const eiisim::InputError&) {
        // a clean error with file, line and field: the parser did its job
    }
    return 0;
}
