// The settings schema (core/settings_schema.cpp) is the one declaration of every scenario
// setting: these tests check that the loader, the sweep targets and the defaults all
// follow it, setting by setting, so a row added there works everywhere or fails here.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "core/input_error.hpp"
#include "core/settings_schema.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"

using namespace eiisim;
namespace fs = std::filesystem;

namespace {

// The small scenario with `key = value` added to (or replacing it in) `table`, written
// beside the original so its relative dataset path still resolves.
fs::path scenario_with(std::string_view table, std::string_view key, const std::string& value) {
    std::ifstream in(testing::source_path("tests/data/small/scenario.toml"));
    std::stringstream text;
    text << in.rdbuf();
    std::string lines, line, current;
    bool inserted = false;
    std::istringstream stream(text.str());
    while (std::getline(stream, line)) {
        if (!line.empty() && line[0] == '[') current = line;
        const bool same_key = current == "[" + std::string(table) + "]" && line.rfind(std::string(key) + " ", 0) == 0;
        if (same_key) continue;  // replaced below
        lines += line + "\n";
        if (!inserted && line == "[" + std::string(table) + "]") {
            lines += std::string(key) + " = " + value + "\n";
            inserted = true;
        }
    }
    if (!inserted) lines += "\n[" + std::string(table) + "]\n" + std::string(key) + " = " + value + "\n";
    const fs::path file = testing::source_path("tests/data/small/schema-test-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(file) << lines;
    return file;
}

// A value inside the setting's bounds that differs from its default.
std::string other_value(const SettingSpec& s, Scenario defaults) {
    switch (s.type) {
        case SettingType::number: return s.number(defaults) == 0.25 ? "0.3" : "0.25";
        case SettingType::integer: return std::to_string(s.integer(defaults) == 2 ? 3 : 2);
        case SettingType::boolean: return s.boolean(defaults) ? "false" : "true";
        case SettingType::choice: return "\"" + std::string(s.choice.names[s.choice.get(defaults) == 0 ? 1 : 0]) + "\"";
        default: return "";
    }
}

}  // namespace

TEST_CASE("every setting is declared once, with an accessor of its type", "[schema]") {
    std::set<std::string_view> keys;
    std::set<std::string_view> tables;
    for (const SettingTable& t : setting_tables()) tables.insert(t.name);
    for (const SettingSpec& s : settings_schema()) {
        INFO(s.key);
        CHECK(keys.insert(s.key).second);
        CHECK(!s.doc.empty());
        if (s.in_file()) CHECK(tables.count(s.table()) == 1);
        if (s.sweep != Sweepable::no) CHECK(!s.long_name.empty());
        switch (s.type) {
            case SettingType::text: CHECK(s.text != nullptr); break;
            case SettingType::integer: CHECK(s.integer != nullptr); break;
            case SettingType::seed: CHECK(s.seed != nullptr); break;
            case SettingType::number: CHECK(s.number != nullptr); break;
            case SettingType::boolean: CHECK(s.boolean != nullptr); break;
            case SettingType::choice: CHECK((s.choice.get != nullptr && s.choice.set != nullptr)); break;
            case SettingType::path: CHECK(s.path != nullptr); break;
            case SettingType::path_table: CHECK(s.named_paths.paths != nullptr); break;
            case SettingType::sweep_only: CHECK(s.hook.apply != nullptr); break;
        }
    }
}

TEST_CASE("each optional setting written in a scenario reaches its field, and only it", "[schema]") {
    const Scenario defaults;
    const Inputs base = testing::small_inputs();
    for (const SettingSpec& s : settings_schema()) {
        const std::string value = other_value(s, defaults);
        if (s.required || !s.in_file() || value.empty() || !s.default_doc.empty()) continue;
        if (s.hook.apply != nullptr) continue;  // acts on the dataset; checked in the sweep tests
        // The connection thresholds are nested (hv <= ehv), so one alone at another value may be
        // refused; test_energy_stack.cpp checks that rule and the level assignment.
        if (s.key == "policy.ehv_connection_min_mw" || s.key == "policy.hv_connection_min_mw") continue;
        // A demand factor scales demand paths; the small dataset has none, so it is refused there
        // (test_demand_paths checks the factor on the Dutch paths, the bad-input corpus the refusal).
        if (s.key == "demand.factor") continue;
        INFO(s.key << " = " << value);
        const fs::path file = scenario_with(s.table(), s.name(), value);
        Inputs changed = load_inputs(file);
        fs::remove(file);
        // Write the base value back through the accessor: everything else must be equal.
        Scenario& a = changed.scenario;
        Scenario& b = const_cast<Scenario&>(base.scenario);  // NOLINT: read through the accessor
        if (s.type == SettingType::number) {
            CHECK(s.number(a) == Approx(std::stod(value)));
            s.number(a) = s.number(b);
        } else if (s.type == SettingType::integer) {
            CHECK(s.integer(a) == std::stoi(value));
            s.integer(a) = s.integer(b);
        } else if (s.type == SettingType::boolean) {
            CHECK(s.boolean(a) == (value == "true"));
            s.boolean(a) = s.boolean(b);
        } else if (s.type == SettingType::choice) {
            CHECK(s.choice.get(a) != s.choice.get(defaults));
            s.choice.set(a, s.choice.get(b));
        }
        a.text = b.text;                    // the file's text and where it wrote each
        a.setting_lines = b.setting_lines;  // setting differ by the line added
        CHECK(testing::same_scenario_settings(a, b));
    }
}

TEST_CASE("every sweep target resets to the base after any sample", "[schema][sweep]") {
    const Inputs base = testing::small_inputs();
    for (std::size_t i = 0; i < settings_schema().size(); ++i) {
        const SettingSpec& s = settings_schema()[i];
        if (s.sweep == Sweepable::no) continue;
        INFO(s.key);
        const int target = find_uncertain_target(s.key);
        REQUIRE(target == static_cast<int>(i));
        Inputs work = base;
        apply_uncertain_target(target, work, 0.5, s.default_scale());
        reset_uncertain_target(target, work, base);
        CHECK(testing::same_scenario_settings(work.scenario, base.scenario));
        CHECK(testing::same_dataset_timelines(work, base));
    }
    CHECK(find_uncertain_target("policy.co2_levy") == -1);  // declared, but not sweepable
    CHECK(find_uncertain_target("prices.nonsense") == -1);
}

TEST_CASE("a path factor scales the loaded path and clamps shares", "[schema][sweep]") {
    const Inputs base = testing::small_inputs();
    Inputs work = base;
    apply_uncertain_target(find_uncertain_target("prices.gas_eur_per_mwh"), work, 2.0, UncertainScale::factor);
    CHECK(work.scenario.prices.gas_eur_per_gj.at(2030) == Approx(2 * base.scenario.prices.gas_eur_per_gj.at(2030)));
    apply_uncertain_target(find_uncertain_target("policy.cbam_factor"), work, 5.0, UncertainScale::factor);
    for (const auto& [year, value] : work.scenario.policy.cbam_factor.anchors()) CHECK(value <= 1.0);
    apply_uncertain_target(find_uncertain_target("behaviour.logit_scale"), work, -1.0, UncertainScale::value);
    CHECK(work.scenario.behaviour.logit_scale > 0);  // open lower bound
}

TEST_CASE("defaults shown by the schema are those of core/inputs.hpp", "[schema]") {
    CHECK(setting_default(settings_schema()[static_cast<std::size_t>(find_setting("behaviour.closure_threshold"))]) ==
          format_number(Behaviour{}.closure_threshold));
    CHECK(setting_default(settings_schema()[static_cast<std::size_t>(find_setting("behaviour.expectation"))]) ==
          "\"myopic\"");
    CHECK(setting_default(settings_schema()[static_cast<std::size_t>(find_setting("scenario.calibration_year"))]) ==
          "base_year");
    CHECK(setting_keys("behaviour").size() == 26);
}

TEST_CASE("no two settings write the same field, except a declared merge", "[schema]") {
    // The address each accessor returns identifies its field; a row copied and left
    // pointing at its neighbour's field would load and sweep the wrong setting.
    Scenario scenario;
    std::set<const void*> fields;
    for (const SettingSpec& s : settings_schema()) {
        INFO(s.key);
        const void* field = nullptr;
        if (s.number != nullptr) field = &s.number(scenario);
        if (s.integer != nullptr) field = &s.integer(scenario);
        if (s.boolean != nullptr) field = &s.boolean(scenario);
        if (s.text != nullptr) field = &s.text(scenario);
        if (s.path != nullptr) field = &s.path(scenario);
        if (s.seed != nullptr) field = &s.seed(scenario);
        if (s.named_paths.paths != nullptr) field = &s.named_paths.paths(scenario);
        if (field == nullptr || s.merge == Merge::add) continue;
        CHECK(fields.insert(field).second);
    }
}

TEST_CASE("sweepable numbers have finite or one-sided bounds a sample can be clamped into", "[schema][sweep]") {
    for (const SettingSpec& s : settings_schema()) {
        if (s.sweep == Sweepable::no) continue;
        INFO(s.key);
        CHECK(std::isfinite(s.bounds.min));  // clamping needs a floor
        if (s.type == SettingType::integer) CHECK(std::isfinite(s.bounds.max));  // and an int a ceiling
        if (s.sweep == Sweepable::value || s.sweep == Sweepable::factor_or_value) CHECK(s.to_engine > 0);
    }
}

TEST_CASE("a declared but unsweepable setting is named as such in [[uncertain]]", "[schema][sweep]") {
    const fs::path file = scenario_with("behaviour", "logit_scale", "0.1");
    {
        std::ofstream(file, std::ios::app) << "\n[[uncertain]]\nname = \"levy\"\ntarget = \"policy.co2_levy\"\n"
                                              "distribution = \"uniform\"\nlow = 0\nhigh = 1\n";
    }
    try {
        (void)load_inputs(file);
        FAIL("a non-sweepable target was accepted");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).find("a sweep cannot sample") != std::string::npos);
    }
    fs::remove(file);
}
