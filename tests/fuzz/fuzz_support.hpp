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

// A copy of `original` for a loader that edits what it is given (plants, technologies,
// Inputs): made on first use and put back to `original` by copy assignment when this
// goes out of scope. Assignment reuses the copy's buffers and strings, so an execution
// does not allocate a fresh copy of the Dutch tables (under ASan that large block, mapped,
// filled, faulted in and quarantined, cost more than the loader); putting it back at the
// end keeps an execution's allocations and frees balanced, which libFuzzer's leak check
// (-detect_leaks) relies on. One copy per type: a harness has one original of each.
template <typename T>
class EditableCopy {
public:
    explicit EditableCopy(const T& original) : original_(original), copy_(shared(original)) {}
    EditableCopy(const EditableCopy&) = delete;
    EditableCopy& operator=(const EditableCopy&) = delete;
    ~EditableCopy() { copy_ = original_; }
    [[nodiscard]] T& get() { return copy_; }

private:
    static T& shared(const T& original) {
        static T copy = original;
        return copy;
    }
    const T& original_;
    T& copy_;
};

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
