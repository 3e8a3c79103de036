// Property test: every shipped scenario, run under random but valid settings drawn from
// the settings schema (every sweepable row of core/settings_schema.cpp, applied through
// the sweep's own machinery, core/uncertain_targets.hpp), writes only finite numbers and
// keeps the accounting identities (conservation_checks.hpp). Draws are reproducible:
// they depend on the scenario and on Catch's --rng-seed (default 0).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include "conservation_checks.hpp"
#include "core/observables.hpp"
#include "core/settings_schema.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"

using namespace eiisim;

namespace {

// Sanitizer and Debug builds run each scenario ten times slower: there one scenario only.
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kQuick = true;
#else
constexpr bool kQuick = false;
#endif

// A factor within [1/2, 2] (log-uniform) for settings with an open range; a value
// uniform in the bounds for value-sampled settings with a closed range.
struct Draw {
    UncertainScale scale;
    double x;
};

Draw draw_for(const SettingSpec& spec, std::mt19937_64& rng) {
    const bool closed = std::isfinite(spec.bounds.min) && std::isfinite(spec.bounds.max);
    if (spec.accepts(UncertainScale::value) && (closed || !spec.accepts(UncertainScale::factor))) {
        REQUIRE(closed);  // a value draw needs a range; the schema must give one
        double x = std::uniform_real_distribution<double>(spec.bounds.min, spec.bounds.max)(rng);
        if (spec.type == SettingType::integer) x = std::round(x);
        return {UncertainScale::value, x};
    }
    return {UncertainScale::factor, std::exp(std::uniform_real_distribution<double>(std::log(0.5), std::log(2.0))(rng))};
}

// Applies one draw to every sweepable setting; returns what was drawn, for messages.
std::string randomise(Inputs& in, std::mt19937_64& rng) {
    std::ostringstream drawn;
    const auto schema = settings_schema();
    for (std::size_t i = 0; i < schema.size(); ++i) {
        if (schema[i].sweep == Sweepable::no) continue;
        const Draw d = draw_for(schema[i], rng);
        apply_uncertain_target(static_cast<int>(i), in, d.x, d.scale);
        drawn << schema[i].key << (d.scale == UncertainScale::factor ? " x " : " = ") << d.x << "; ";
    }
    return drawn.str();
}

// Every floating-point series of the run file is finite.
void check_finite(const RunResult& r) {
    for (const Observable& o : observables()) {
        if (o.f64 == nullptr) continue;
        const std::vector<double>& values = r.*o.f64;
        for (std::size_t i = 0; i < values.size(); ++i) {
            INFO("series " << o.name << " element " << i);
            REQUIRE(std::isfinite(values[i]));
        }
    }
}

}  // namespace

TEST_CASE("every shipped scenario under random valid settings gives finite, conserved results",
          "[properties][random_settings]") {
    const std::filesystem::path folder = testing::source_path("scenarios");
    std::vector<std::filesystem::path> scenarios;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".toml") scenarios.push_back(entry.path());
    std::sort(scenarios.begin(), scenarios.end());
    REQUIRE(scenarios.size() >= 10);
    if (kQuick) scenarios = {folder / "current-policy.toml"};
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
        Inputs in = load_inputs(scenarios[s]);
        std::mt19937_64 rng(1000003 * (s + 1) + Catch::getCurrentContext().getConfig()->rngSeed());
        const std::string drawn = randomise(in, rng);
        INFO(scenarios[s].filename().string() << ": " << drawn);
        const RunResult r = testing::run(in, 1 + s);
        check_finite(r);
        testing::check_conservation(in, r);
    }
}
