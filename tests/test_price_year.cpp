// The ETS forecasts of the scenarios are nominal; the engine's money is EUR2023. The
// loader converts them once (core/price_year.hpp) and leaves the observed years alone.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/price_year.hpp"
#include "fixtures.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;

TEST_CASE("price year: nominal ETS forecasts are deflated to EUR2023 at 2 % a year", "[price_year]") {
    CHECK(deflator_to_model_year(2023) == 1.0);
    CHECK(deflator_to_model_year(2030) == Approx(1.0 / std::pow(1.02, 7)));
    const Inputs in = dutch_inputs();
    const TimePath& ets = in.scenario.prices.ets_eur_per_t;
    CHECK(in.scenario.prices.ets_nominal_from == 2026);
    // Observations (EUR/t, used as is) and the central forecast (nominal) of scenarios/current-policy.toml.
    CHECK(ets.at(2025) == Approx(75.0));
    CHECK(ets.at(2030) == Approx(130.0 / std::pow(1.02, 7)));
    CHECK(ets.at(2050) == Approx(250.0 / std::pow(1.02, 27)));
    // In real terms the central path peaks in 2040: 220 nominal is 157 EUR2023, 250 in 2050 is 146.
    CHECK(ets.at(2040) > ets.at(2050));
}
