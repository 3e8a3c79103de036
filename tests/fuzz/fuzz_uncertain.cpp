// libFuzzer harness: the [[uncertain]] block reader (inputs/uncertainty_loader.cpp) on the
// input as TOML text. Seeds: the scenarios' [[uncertain]] blocks (tests/data/small/
// scenario_sweep.toml and scenarios/*.toml). A TOML syntax error is a clean rejection.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toml++/toml.h>

#include "fuzz_support.hpp"
#include "inputs/loader_toml.hpp"
#include "inputs/uncertainty_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    toml::table root;
    try {
        root = toml::parse(text, std::string_view("uncertain.toml"));
    } catch (const toml::parse_error&) {
        return 0;  // read_toml_file turns this into an InputError
    }
    return eiisim::fuzz::expect_clean([&] {
        const eiisim::TomlSection section(root, "uncertain.toml", "", std::nullopt);
        (void)eiisim::read_uncertain_settings(section);
    });
}
