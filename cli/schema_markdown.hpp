#pragma once
// docs/scenario.md, generated from the settings schema and the prose in
// cli/schema_prose.cpp.
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/settings_schema.hpp"

namespace eiisim {

void print_scenario_markdown(std::ostream& out);

// Shared with the other formats: "≥ 0", "[0, 1]", "> 0", "" (unbounded).
[[nodiscard]] std::string range_text(const SettingSpec& spec);
// "EUR/MWh", or "EUR/MWh → EUR/GJ" when the loader converts.
[[nodiscard]] std::string unit_text(const SettingSpec& spec);
[[nodiscard]] std::string_view sweep_text(Sweepable sweep);

// The hand-written parts of docs/scenario.md, in the order they appear.
struct ScenarioProse {
    std::string_view intro;             // title, rules that hold everywhere, paths
    std::string_view cluster_overrides; // after [infrastructure]
    std::string_view before_targets;    // buildout limits, events, [[uncertain]] keys
    std::string_view after_targets;     // running a sweep, example
};
[[nodiscard]] const ScenarioProse& scenario_prose();

}  // namespace eiisim
