// libFuzzer harness: the scenario loader (inputs/scenario_loader.cpp) on the input as a
// scenario file. Seeds: scenarios/*.toml and tests/data/small/*.toml.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "inputs/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = eiisim::fuzz::write_input("scenario.toml", data, size);
    return eiisim::fuzz::expect_clean([&] { (void)eiisim::load_scenario_file(file); });
}
