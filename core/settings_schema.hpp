#pragma once
// Every scenario setting, declared once: its dotted key in the scenario file, type, unit,
// bounds, whether it is required, whether a sweep may sample it, its documentation, and
// where its loaded value lives in a Scenario. This one table drives the TOML loader
// (allowed keys, types, bounds, messages), sweep targets (found by name), `eiisim
// schema` and the generated docs/scenario.md. Defaults are not repeated here: they are
// the member initialisers of core/inputs.hpp, read back through each row's accessor.
//
// To add a setting: add its field (with its default) to core/inputs.hpp, one row to
// kSettings in core/settings_schema.cpp, use it in the engine, then regenerate
// docs/scenario.md (`build/eiisim schema --format markdown > docs/scenario.md`).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "bounds.hpp"
#include "inputs.hpp"

namespace eiisim {

enum class SettingType : std::uint8_t {
    text,
    integer,
    seed,        // an integer >= 0 stored as 64 bits
    number,
    boolean,
    choice,      // one of a list of names
    path,        // a time path: { year = value, ... } or a constant number
    path_table,  // a table of named time paths
    sweep_only,  // not written in the file; a number only a sweep sets
};
inline constexpr std::array<const char*, 9> kSettingTypeNames = {
    "text", "integer", "integer", "number", "bool", "choice", "path", "table of paths", "sweep only"};

// Which [[uncertain]] scales a sweep may use on the setting.
enum class Sweepable : std::uint8_t { no, factor, value, factor_or_value };

// How the loaded value reaches the engine field.
enum class Merge : std::uint8_t {
    set,  // the value is the field
    add,  // the value is added to the field a row above wrote (wholesale + network tariff)
};

// How a sweep sample changes Inputs for the few settings that act on the dataset (loaded
// infrastructure, the catalogue) rather than on a Scenario field. Plain fields need none:
// the schema scales or replaces them through their accessor.
struct SweepHook {
    void (*reset)(Inputs& work, const Inputs& base);
    void (*apply)(Inputs& work, double x, UncertainScale scale);
};

// Where the two-part names of the enums live, for choice settings.
struct ChoiceAccess {
    std::span<const char* const> names;
    int (*get)(const Scenario&);
    void (*set)(Scenario&, int);
};

struct NamedPathsAccess {
    std::vector<std::string>& (*names)(Scenario&);
    std::vector<TimePath>& (*paths)(Scenario&);
};

struct SettingSpec {
    std::string_view key;         // dotted: "<table>.<key>", e.g. "behaviour.closure_threshold"
    SettingType type = SettingType::number;
    std::string_view unit = "";   // as written in the file ("EUR/MWh", "share", "y")
    Bounds bounds{};              // checked in the file's unit
    bool required = false;        // else the Scenario{} value is the default
    Sweepable sweep = Sweepable::no;
    double to_engine = 1.0;       // file unit -> engine unit (EUR/MWh -> EUR/GJ: 1/3.6)
    std::string_view engine_unit = "";  // unit after loading, when it differs
    Merge merge = Merge::set;
    std::string_view long_name = "";    // short noun phrase for output attributes
    std::string_view doc = "";          // markdown, for docs/scenario.md
    std::string_view default_doc = "";  // a default that is not a constant ("base_year")
    // Exactly one accessor, matching `type` (none for sweep_only).
    double& (*number)(Scenario&) = nullptr;
    int& (*integer)(Scenario&) = nullptr;
    std::uint64_t& (*seed)(Scenario&) = nullptr;
    bool& (*boolean)(Scenario&) = nullptr;
    std::string& (*text)(Scenario&) = nullptr;
    TimePath& (*path)(Scenario&) = nullptr;
    ChoiceAccess choice{};
    NamedPathsAccess named_paths{};
    SweepHook hook{};  // sweep_only and dataset-acting settings

    [[nodiscard]] std::string_view table() const { return key.substr(0, key.rfind('.')); }
    [[nodiscard]] std::string_view name() const { return key.substr(key.rfind('.') + 1); }
    [[nodiscard]] bool in_file() const { return type != SettingType::sweep_only; }
    [[nodiscard]] bool accepts(UncertainScale scale) const;
    [[nodiscard]] UncertainScale default_scale() const;
};

// One table of the scenario file as docs/scenario.md presents it.
struct SettingTable {
    std::string_view name;  // "prices"
    bool required = false;
    std::string_view intro;  // markdown paragraph(s) above the table's settings
};

[[nodiscard]] std::span<const SettingSpec> settings_schema();
[[nodiscard]] std::span<const SettingTable> setting_tables();
// Index into settings_schema(), or -1.
[[nodiscard]] int find_setting(std::string_view key);
// The keys of one table, for rejecting unknown keys.
[[nodiscard]] std::vector<std::string_view> setting_keys(std::string_view table);
// The default as docs show it ("0.05", "\"myopic\"", "1"), or "" for required settings.
[[nodiscard]] std::string setting_default(const SettingSpec& spec);

}  // namespace eiisim
