// libFuzzer entry point of one dataset table's fuzzer; EIISIM_FUZZ_TABLE names the table.
#include <cstddef>
#include <cstdint>

#include "dutch_context.hpp"
#include "fuzz_table.hpp"

// The Dutch dataset is loaded before fuzzing starts: under the sanitizers on a busy
// machine it takes seconds, which must not count against the first input's timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    (void)eiisim::fuzz::dutch_context();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return eiisim::fuzz::fuzz_table(EIISIM_FUZZ_TABLE, data, size);
}
