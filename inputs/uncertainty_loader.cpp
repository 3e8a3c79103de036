#include "uncertainty_loader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
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

// A lognormal sigma above 10 spreads its samples over more than 40 orders of magnitude.
constexpr Bounds kLognormalSigma{0.0, 10.0, true};

void read_parameters(const TomlSection& s, UncertainSetting& u) {
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
    // Every sample lies in this range: bounded distributions by their parameters, normal and
    // lognormal ones are clamped into it (sweep/distributions.cpp), so that no parameter
    // and no sampled setting can be infinite.
    const Bounds range = uncertain_sample_bounds(u.target_index, u.scale);
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
            u.mean = s.number("mean", range);
            u.sd = s.number("sd", Bounds{0.0, range.max - range.min, true});
            break;
        case Distribution::lognormal:
            // The median exp(mu) must lie in the range (above 1e-22 where it starts at 0).
            u.mu = s.number("mu", Bounds{range.min > 0 ? std::log(range.min) : -50.0, std::log(range.max)});
            u.sigma = s.number("sigma", kLognormalSigma);
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

// The setting that samples `key` as its target or a joint one, or nullptr.
const UncertainSetting* sampling(const std::vector<UncertainSetting>& settings, const std::string& key) {
    for (const auto& other : settings)
        if (other.target == key || std::find(other.also.begin(), other.also.end(), key) != other.also.end())
            return &other;
    return nullptr;
}

// `also = [...]`: further targets the same sample applies to. Each must be sweepable, take
// the setting's scale and, for a value, share the target's unit and sample range (one
// number must mean the same for all); none may be sampled twice.
void read_joint_targets(const TomlSection& s, const std::vector<UncertainSetting>& settings, UncertainSetting& u) {
    const toml::node* node = s.find("also");
    if (node == nullptr) return;
    const auto* array = node->as_array();
    if (array == nullptr || array->empty())
        s.fail("also", "expected a non-empty list of targets, got " + describe_toml_value(*node));
    const SettingSpec& target = settings_schema()[static_cast<std::size_t>(u.target_index)];
    const Bounds range = uncertain_sample_bounds(u.target_index, u.scale);
    int i = 0;
    for (const toml::node& element : *array) {
        const std::string field = s.field("also") + "[" + std::to_string(i++) + "]";
        const auto fail = [&](const std::string& problem) {
            throw InputError(toml_where(s.file(), element.source()), field, problem);
        };
        const auto* text = element.as_string();
        if (text == nullptr) fail("expected a target's key, got " + describe_toml_value(element));
        const std::string key(text->get());
        const int index = find_uncertain_target(key);
        if (index < 0) fail("unknown or unsweepable target \"" + key + "\"; expected one of: " + target_list());
        if (key == u.target || std::find(u.also.begin(), u.also.end(), key) != u.also.end())
            fail("\"" + key + "\" is named twice in this setting");
        if (const UncertainSetting* other = sampling(settings, key))
            fail("\"" + key + "\" is already sampled by \"" + other->name + "\"");
        const SettingSpec& joint = settings_schema()[static_cast<std::size_t>(index)];
        if (!joint.accepts(u.scale))
            fail("\"" + key + "\" does not take scale = \"" + kUncertainScaleNames[static_cast<std::size_t>(u.scale)] +
                 "\" (the setting's scale)");
        const Bounds joint_range = uncertain_sample_bounds(index, u.scale);
        if (u.scale == UncertainScale::value &&
            (joint.unit != target.unit || joint_range.min != range.min || joint_range.max != range.max))
            fail("a joint value draw needs targets of one unit and range: \"" + key + "\" differs from \"" +
                 u.target + "\"");
        u.also.push_back(key);
        u.also_indices.push_back(index);
    }
}

}  // namespace

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
                            {{"name", "target", "also", "distribution", "scale", "low", "mode", "high", "mean", "sd", "mu",
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
        if (const UncertainSetting* other = sampling(settings, u.target))
            s.fail("target", "\"" + u.target + "\" is already sampled by \"" + other->name + "\"");
        const SettingSpec& target = settings_schema()[static_cast<std::size_t>(u.target_index)];
        if (s.find("distribution") == nullptr)
            s.fail("distribution", "missing required key: uniform | triangular | normal | lognormal | discrete");
        u.distribution = static_cast<Distribution>(s.choice("distribution", kDistributionNames));
        u.scale = s.find("scale") != nullptr ? static_cast<UncertainScale>(s.choice("scale", kUncertainScaleNames))
                                             : target.default_scale();
        if (!target.accepts(u.scale))
            s.fail("scale", "target \"" + std::string(target.key) + "\" takes scale = \"" +
                                kUncertainScaleNames[static_cast<std::size_t>(target.default_scale())] + "\" only");
        read_joint_targets(s, settings, u);
        read_parameters(s, u);
        u.source = s.optional_text("source").value_or("");
        settings.push_back(std::move(u));
    }
    return settings;
}

}  // namespace eiisim
