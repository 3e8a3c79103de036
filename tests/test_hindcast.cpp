// `eiisim hindcast`'s parts: the forecast-evaluation metrics on hand-made series, the
// observed-emissions table (scopes resolved to plants, bad rows named by file, line and
// field), and the comparison of simulated and observed changes (docs/validation.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <vector>

#include <unistd.h>

#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "inputs/observed_emissions.hpp"
#include "sweep/hindcast.hpp"
#include "sweep/hindcast_metrics.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

const std::string kHeader = "scope,id,name,plants,year,co2_mt,label,source\n";

// Writes `rows` under the header to a temporary file and loads it against the small scenario.
std::vector<ObservedSeries> load_rows(const std::string& rows) {
    const fs::path file = fs::temp_directory_path() / ("eiisim_observed_" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(file);
        out << kHeader << rows;
    }
    try {
        auto series = load_observed_emissions(file, testing::small_inputs());
        fs::remove(file);
        return series;
    } catch (...) {
        fs::remove(file);
        throw;
    }
}

}  // namespace

TEST_CASE("hindcast metrics on hand-made series", "[hindcast]") {
    const std::vector<double> simulated = {0.10, -0.20, 0.05};
    const std::vector<double> observed = {0.00, -0.10, 0.05};
    CHECK(mean_absolute_error(simulated, observed) == Approx((0.10 + 0.10 + 0.0) / 3));
    // MAPE on indexed levels: 110 vs 100 (10 %), 90 vs 80 (12.5 %).
    CHECK(mean_absolute_percentage_error(std::vector<double>{110, 90}, std::vector<double>{100, 80}) == Approx(11.25));
    // Signs: + vs + right, - vs + wrong, + vs - wrong, 0 vs 0 right.
    CHECK(sign_accuracy(std::vector<double>{0.1, -0.1, 0.2, 0.0}, std::vector<double>{0.3, 0.1, -0.2, 0.0}) ==
          Approx(0.5));
    CHECK(std::isnan(mean_absolute_error({}, {})));
    CHECK(std::isnan(sign_accuracy({}, {})));
    CHECK_THROWS(mean_absolute_error(std::vector<double>{1}, std::vector<double>{1, 2}));
    CHECK_THROWS(mean_absolute_percentage_error(std::vector<double>{1}, std::vector<double>{0}));
}

TEST_CASE("observed emissions: scopes resolve to the model's plants", "[hindcast]") {
    const auto series = load_rows(
        "national,all,All plants,non-power,2020,10,direct,s\n"
        "national,all,All plants,non-power,2021,9,derived,s\n"
        "cluster,zwb,Zeeland,cluster:zeeland_west_brabant,2020,5,direct,s\n"
        "installation,two,Two plants,shell_pernis;yara_sluiskil,2020,4,estimate,s\n");
    REQUIRE(series.size() == 3);
    CHECK(series[0].plants.size() == testing::small_inputs().plants.size());  // no power plant in the fixture
    CHECK(series[0].years.size() == 2);
    CHECK(series[0].years.at(2021).label == ObservedLabel::derived);
    CHECK(series[1].plants.size() == 3);  // yara_sluiskil, zeeland_refinery, dow_terneuzen
    CHECK(series[2].plants == std::vector<int>{0, 2});  // ascending plant order
}

TEST_CASE("observed emissions: a bad row names file, line and field", "[hindcast]") {
    auto fails_with = [](const std::string& rows, const std::string& field, const std::string& text) {
        try {
            (void)load_rows(rows);
            FAIL("no error for: " << rows);
        } catch (const InputError& e) {
            CHECK(e.field() == field);
            CHECK(e.where().line == 3);
            CHECK_THAT(e.what(), Catch::Contains(text));
        }
    };
    const std::string good = "national,all,All,non-power,2020,10,direct,s\n";
    fails_with(good + "national,all,All,non-power,2021,9,guess,s\n", "label", "unknown label 'guess'");
    fails_with(good + "national,all,All,non-power,2020,9,direct,s\n", "year", "has 2020 twice");
    fails_with(good + "national,all,All,cluster:chemelot,2021,9,direct,s\n", "plants", "other plants");
    fails_with(good + "installation,x,X,no_such_plant,2021,9,direct,s\n", "plants", "unknown plant 'no_such_plant'");
    fails_with(good + "cluster,y,Y,cluster:atlantis,2021,9,direct,s\n", "plants", "unknown cluster 'atlantis'");
    fails_with(good + "national,all,All,non-power,2021,-1,direct,s\n", "co2_mt", "");
    fails_with(good + "region,z,Z,non-power,2021,9,direct,s\n", "scope", "unknown scope 'region'");
}

TEST_CASE("a series' simulated emissions are its plants' net CO2", "[hindcast]") {
    const Inputs inputs = testing::small_inputs();
    const RunResult r = testing::run(inputs, 3);
    const std::vector<double> mt = series_net_co2_mt(r, {0, 2});
    REQUIRE(mt.size() == static_cast<std::size_t>(r.years));
    for (int y = 0; y < r.years; ++y)
        CHECK(mt[static_cast<std::size_t>(y)] ==
              Approx((r.co2_net_t[r.at(y, 0)] + r.co2_net_t[r.at(y, 2)]) / 1e6));
}

TEST_CASE("hindcast: simulated against observed changes since the base year", "[hindcast]") {
    const Inputs inputs = testing::small_inputs();
    ObservedSeries all;
    all.id = "all";
    all.name = "All";
    all.plants = {0, 1, 2, 3, 4, 5};
    all.years = {{2020, {10.0, ObservedLabel::direct, ""}}, {2021, {11.0, ObservedLabel::direct, ""}},
                 {2023, {8.0, ObservedLabel::estimate, ""}}};
    const HindcastResult h = run_hindcast(inputs, {all}, 2);
    CHECK(h.last_year == 2023);  // the runs end at the last observed year
    REQUIRE(h.series.size() == 1);
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m) {
        const auto& rows = h.series[0].years[m];
        REQUIRE(rows.size() == 4);
        CHECK(rows[0].simulated_change == 0);
        CHECK(rows[1].observed_change == Approx(0.1));
        CHECK(rows[1].observed_yoy == Approx(0.1));
        CHECK(std::isnan(rows[2].observed_mt));
        CHECK(std::isnan(rows[3].observed_yoy));  // 2022 unobserved: no year-on-year change for 2023
        CHECK(rows[3].sign_right == -1);
        CHECK(rows[3].error_pp == Approx(100 * (rows[3].simulated_change - (-0.2))));
        for (const HindcastYear& y : rows) {
            CHECK(y.simulated_p05_mt <= y.simulated_median_mt);
            CHECK(y.simulated_median_mt <= y.simulated_p95_mt);
        }
        const HindcastMetrics& metrics = h.series[0].metrics[m];
        CHECK(metrics.mae_pp == Approx((std::abs(rows[1].error_pp) + std::abs(rows[3].error_pp)) / 2));
        CHECK(metrics.signs_compared == 1);
    }
}

TEST_CASE("hindcast runs are the engine's runs of seeds 1..N up to the last observed year", "[hindcast]") {
    const Inputs inputs = testing::small_inputs();
    ObservedSeries all;
    all.id = "all";
    all.name = "All";
    all.plants = {0, 1, 2, 3, 4, 5};
    all.years = {{2020, {10.0, ObservedLabel::direct, ""}}, {2025, {9.0, ObservedLabel::direct, ""}}};
    const HindcastResult h = run_hindcast(inputs, {all}, 1);
    Inputs forced = inputs;
    forced.scenario.history = HistoryMode::forced;  // the hindcast's first mode, over the scenario's whole horizon
    REQUIRE(kHindcastModes[0] == HistoryMode::forced);
    const std::vector<double> full = series_net_co2_mt(testing::run(forced, 1), all.plants);
    for (const HindcastYear& y : h.series[0].years[0])
        CHECK(y.simulated_median_mt == Approx(full[static_cast<std::size_t>(y.year - inputs.scenario.base_year)]));
}
