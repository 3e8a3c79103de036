#pragma once
// Setting values given from outside the scenario file, by schema key or [[uncertain]] name:
//   eiisim sweep --design FILE.csv   one row per run, one column per setting (a SALib or
//                                     EMA Workbench design, or `python3 -m eiisim_results design`)
//   eiisim run --set KEY=VALUE       one value for one run
// A column or key names one of the scenario's [[uncertain]] settings (then its target and
// scale apply) or a sweepable schema key as `eiisim schema` lists it (then the setting's
// default scale: a factor on a price path, a value for a number). Both are applied as a
// sweep applies a sample (core/uncertain_targets.hpp), so `run --set` with a design row's
// values simulates what that sweep run simulates. Out-of-range values, unknown names and
// settings a sweep cannot change are InputErrors naming the setting and the allowed range.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct GivenDesign {
    std::vector<UncertainSetting> settings;  // one per column, in column order
    std::vector<double> samples;             // [run][setting], the values given
    std::vector<std::uint64_t> streams;      // the optional column `stream`: the run whose random
                                             // numbers each run draws (empty: its own)
    std::size_t runs = 0;
    std::string text;  // the file as read (a resumed sweep must use the same design)
};

// Reads a design CSV (header of names; '#' lines are comments) against the scenario's
// [[uncertain]] settings `declared`. A column named `stream` (an integer >= 0) is no
// setting: it gives each run's random streams, so that runs meant to differ only in their
// settings (a Saltelli block, a Morris trajectory) share the plants' random draws.
[[nodiscard]] GivenDesign read_design_file(const std::filesystem::path& file,
                                           const std::vector<UncertainSetting>& declared);

// One `KEY=VALUE` assignment as the setting it changes and the value (range-checked).
struct GivenValue {
    UncertainSetting setting;
    double value = 0;
};
[[nodiscard]] GivenValue parse_assignment(std::string_view assignment, const std::vector<UncertainSetting>& declared);

// The assignment as `KEY=VALUE` with the value written to read back exactly (the run
// file's `set_values`, which `eiisim run --from-run` parses again).
[[nodiscard]] std::string assignment_text(const GivenValue& value);

// Applies given values to `inputs` (before build_model), as a sweep applies a sample.
void apply_given_values(Inputs& inputs, const std::vector<GivenValue>& values);

}  // namespace eiisim
