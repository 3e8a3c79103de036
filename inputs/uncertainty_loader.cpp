#include "uncertainty_loader.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/settings_schema.hpp"
#include "core/uncertain_targets.hpp"

namespace eiisim {
namespace {

// Which parameter keys each distribution takes, in the order of kDistributionNames.
const std::array<std::vector<std::string_view>, 5> kParameters = {{
    {"low", "high"},
    {"low", "mode", "high"},
    {"mean", "sd"},
    {"mu", "sigma"},
    {"values"},
}};
constexpr std::array<std::string_view, 8> kAllParameters = {"low", "mode", "high", "mean", "sd", "mu", "sigma", "values"};

bool is_identifier(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string target_list() {
    std::string known;
    for (const auto& t : settings_schema())
        if (t.sweep != Sweepable::no) known += (known.empty() ? "" : ", ") + std::string(t.key);
    return known;
}

void read_parameters(const TomlSection& s, UncertainSetting& u, const SettingSpec& target) {
    const auto d = static_cast<std::size_t>(u.distribution);
    for (const auto key : kAllParameters) {
        const auto& own = kParameters[d];
        if (s.find(key) != nullptr && std::find(own.begin(), own.end(), key) == own.end())
            s.fail(key, "'" + std::string(key) + "' does not apply to distribution \"" +
                            kDistributionNames[d] + "\" (it takes: " + [&] {
                                std::string keys;
                                for (const auto k : own) keys += (keys.empty() ? "" : ", ") + std::string(k);
                                return keys;
                            }() + ")");
    }
    const Bounds range = sample_bounds(target, u.scale);
    switch (u.distribution) {
        case Distribution::uniform:
        case Distribution::triangular:
            u.low = s.number("low", range);
            u.high = s.number("high", range);
            if (!(u.high > u.low)) s.fail("high", "expected a number > low (" + format_number(u.low) + ")");
            if (u.distribution == Distribution::triangular) {
                u.mode = s.number("mode", range);
                if (u.mode < u.low || u.mode > u.high)
                    s.fail("mode", "expected a number in [low, high] = [" + format_number(u.low) + ", " +
                                       format_number(u.high) + "]");
            } else {
                u.mode = 0.5 * (u.low + u.high);
            }
            break;
        case Distribution::normal:
            u.mean = s.number("mean", kAnyNumber);
            u.sd = s.number("sd", kPositive);
            break;
        case Distribution::lognormal:
            u.mu = s.number("mu", kAnyNumber);
            u.sigma = s.number("sigma", kPositive);
            break;
        case Distribution::discrete: {
            const toml::node* node = s.find("values");
            if (node == nullptr) s.fail("values", "missing required key: a list of numbers, e.g. [0.5, 1, 2]");
            const auto* array = node->as_array();
            if (array == nullptr || array->empty())
                s.fail("values", "expected a non-empty list of numbers, got " + describe_toml_value(*node));
            int i = 0;
            for (const toml::node& element : *array) {
                const std::string field = s.field("values") + "[" + std::to_string(i++) + "]";
                double v = 0;
                if (const auto* n = element.as_integer()) v = static_cast<double>(n->get());
                else if (const auto* f = element.as_floating_point()) v = f->get();
                else throw InputError(toml_where(s.file(), element.source()), field,
                                      "expected a number, got " + describe_toml_value(element));
                if (!range.contains(v))
                    throw InputError(toml_where(s.file(), element.source()), field,
                                     "expected " + range.describe(false) + ", got " + format_number(v));
                u.values.push_back(v);
            }
            break;
        }
    }
}

}  // namespace

Bounds sample_bounds(const SettingSpec& target, UncertainScale scale) {
    if (scale == UncertainScale::factor) return kNonNegative;
    return target.bounds;
}

std::vector<UncertainSetting> read_uncertain_settings(const TomlSection& root) {
    std::vector<UncertainSetting> settings;
    const toml::node* node = root.find("uncertain");
    if (node == nullptr) return settings;
    const auto* array = node->as_array();
    if (array != nullptr && array->empty()) return settings;
    if (array == nullptr || !array->is_array_of_tables())
        root.fail("uncertain", "expected [[uncertain]] tables, got " + describe_toml_value(*node));
    int index = 0;
    for (const toml::node& element : *array) {
        ++index;
        const TomlSection s(*element.as_table(), root.file(), "uncertain[" + std::to_string(index) + "]",
                            {{"name", "target", "distribution", "scale", "low", "mode", "high", "mean", "sd", "mu",
                              "sigma", "values", "source"}});
        UncertainSetting u;
        u.name = s.text("name");
        if (!is_identifier(u.name))
            s.fail("name", "expected a name of letters, digits and _ (it names an output variable), got \"" +
                               u.name + "\"");
        for (const auto& other : settings)
            if (other.name == u.name) s.fail("name", "the name \"" + u.name + "\" is used twice");
        u.target = s.text("target");
        u.target_index = find_uncertain_target(u.target);
        if (u.target_index < 0 && find_setting(u.target) >= 0)
            s.fail("target", "\"" + u.target + "\" is a setting a sweep cannot sample (eiisim schema, sweep column); "
                             "expected one of: " + target_list());
        if (u.target_index < 0)
            s.fail("target", "unknown target \"" + u.target + "\"; expected one of: " + target_list());
        for (const auto& other : settings)
            if (other.target == u.target)
                s.fail("target", "\"" + u.target + "\" is already sampled by \"" + other.name + "\"");
        const SettingSpec& target = settings_schema()[static_cast<std::size_t>(u.target_index)];
        if (s.find("distribution") == nullptr)
            s.fail("distribution", "missing required key: uniform | triangular | normal | lognormal | discrete");
        u.distribution = static_cast<Distribution>(s.choice("distribution", kDistributionNames));
        u.scale = s.find("scale") != nullptr ? static_cast<UncertainScale>(s.choice("scale", kUncertainScaleNames))
                                             : target.default_scale();
        if (!target.accepts(u.scale))
            s.fail("scale", "target \"" + std::string(target.key) + "\" takes scale = \"" +
                                kUncertainScaleNames[static_cast<std::size_t>(target.default_scale())] + "\" only");
        read_parameters(s, u, target);
        u.source = s.optional_text("source").value_or("");
        settings.push_back(std::move(u));
    }
    return settings;
}

}  // namespace eiisim
