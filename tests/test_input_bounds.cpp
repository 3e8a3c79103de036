// Issue 16, "huge but finite values": every number a user can write has a finite range,
// the unbounded sweep distributions stay inside their sample range, and a run that still
// computes an infinity or a NaN stops with an error naming where, writing nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "core/settings_schema.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"
#include "output/finite_guard.hpp"
#include "output/hdf5_writer.hpp"
#include "small_copy.hpp"
#include "sweep/distributions.hpp"

using namespace eiisim;
using namespace eiisim::testing;
namespace fs = std::filesystem;

TEST_CASE("every numeric setting of the schema has a finite range", "[bounds]") {
    for (const SettingSpec& s : settings_schema()) {
        if (s.type == SettingType::text || s.type == SettingType::boolean || s.type == SettingType::choice) continue;
        INFO(s.key);
        CHECK(std::isfinite(s.bounds.min));
        CHECK(std::isfinite(s.bounds.max));
    }
}

TEST_CASE("a bound excludes its open ends and every non-finite value", "[bounds]") {
    CHECK_FALSE(kMarginShare.contains(-1.0));
    CHECK_FALSE(kMarginShare.contains(1.0));
    CHECK(kMarginShare.contains(-0.1));
    CHECK(kMarginShare.describe(false) == "a number > -1 and < 1");
    CHECK_FALSE(kNonNegative.contains(1e308));
    CHECK_FALSE(kAnyNumber.contains(-1e308));
    CHECK_FALSE(kEurPerTonne.contains(std::numeric_limits<double>::quiet_NaN()));
    CHECK(kNonNegative.describe(false) == "a number in [0, 1e+12]");
}

TEST_CASE("normal and lognormal samples stay in their sample range", "[bounds][sweep]") {
    UncertainSetting gas;
    gas.name = "gas_factor";
    gas.target = "prices.gas_eur_per_mwh";
    gas.target_index = find_uncertain_target(gas.target);
    REQUIRE(gas.target_index >= 0);
    gas.scale = UncertainScale::factor;
    gas.distribution = Distribution::normal;
    gas.mean = 1.0;
    gas.sd = 100.0;  // the widest the loader allows for a factor
    for (const double u : {0.0, 1e-300, 0.01, 0.5, 0.99, 1.0 - 1e-16, 1.0}) {
        const double x = setting_quantile(gas, u);
        INFO(u << " -> " << x);
        CHECK(x >= 0.0);
        CHECK(x <= 100.0);
    }
    gas.distribution = Distribution::lognormal;
    gas.mu = std::log(100.0);
    gas.sigma = 10.0;
    CHECK(setting_quantile(gas, 1.0 - 1e-16) == 100.0);
    CHECK(std::isfinite(setting_quantile(gas, 1e-300)));
}

TEST_CASE("an unbounded distribution's spread is range-checked", "[bounds][sweep]") {
    SmallCopy copy;
    const int line = copy.append("scenario.toml",
                                 "[[uncertain]]\nname = \"gas\"\ntarget = \"prices.gas_eur_per_mwh\"\n"
                                 "distribution = \"normal\"\nmean = 1.0\nsd = 1e308");
    expect_error(copy, "scenario.toml", line + 5, "uncertain[1].sd", "expected a number > 0 and <= 100");
}

TEST_CASE("a lognormal sigma beyond 10 is refused", "[bounds][sweep]") {
    SmallCopy copy;
    const int line = copy.append("scenario.toml",
                                 "[[uncertain]]\nname = \"gas\"\ntarget = \"prices.gas_eur_per_mwh\"\n"
                                 "distribution = \"lognormal\"\nmu = 0\nsigma = 1e308");
    expect_error(copy, "scenario.toml", line + 5, "uncertain[1].sigma", "expected a number > 0 and <= 10");
}

TEST_CASE("a non-finite result is refused naming series, plant and year, and nothing is written", "[bounds]") {
    const Inputs in = small_inputs();
    const Model model = build_model(in);
    RunResult result = simulate(model, 1);
    REQUIRE_NOTHROW(output::check_result_finite(model.inputs, result));

    const std::size_t year = 3, plant = 2;
    result.co2_net_t[year * static_cast<std::size_t>(result.plants) + plant] =
        std::numeric_limits<double>::quiet_NaN();
    const std::string id = model.inputs.plants[plant].id;
    const std::string when = std::to_string(result.base_year + static_cast<int>(year));
    try {
        output::check_result_finite(model.inputs, result);
        FAIL("expected NonFiniteResult");
    } catch (const output::NonFiniteResult& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK(message.find("NaN") != std::string::npos);
        CHECK(message.find("co2_net") != std::string::npos);
        CHECK(message.find("plant " + id) != std::string::npos);
        CHECK(message.find(" in " + when) != std::string::npos);
    }

    const fs::path dir = fs::temp_directory_path() / ("eiisim-finite-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / "out.h5";
    CHECK_THROWS_AS(write_run_hdf5(out, model.inputs, result), output::NonFiniteResult);
    CHECK(fs::is_empty(dir));  // neither the file nor a temporary file
    fs::remove_all(dir);
}

TEST_CASE("an infinite option cost in the decision log is refused", "[bounds]") {
    const Inputs in = small_inputs();
    const Model model = build_model(in);
    RunResult result = simulate(model, 1);
    REQUIRE_FALSE(result.events.empty());
    REQUIRE_FALSE(result.events.front().options.empty());
    result.events.front().options.front().cost_eur_per_t = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(output::check_result_finite(model.inputs, result),
                      Catch::Contains("+infinity") && Catch::Contains("decision of plant"));
}
