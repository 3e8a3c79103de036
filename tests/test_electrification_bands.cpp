// A route electrifies the temperature bands available the year it was built (issue 13;
// docs/ODD.md §7.3): the appraisal priced them and the grid reserved them then, so a band
// that becomes available later comes with the route's next reinvestment, not for free.
#include <catch2/catch.hpp>

#include "agents/route_profile.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

TEST_CASE("an electrified route keeps the bands of the year it was built", "[accounts][electrify]") {
    const Model model = build_model(testing::dutch_inputs());
    const Inputs& in = model.inputs;
    // Esso's refinery on full electrification: the mid band from 2025, the high band from 2035.
    const auto p = static_cast<std::size_t>(testing::plant_index(in, "M187"));
    REQUIRE(in.sectors[static_cast<std::size_t>(in.plants[p].sector)].id == "refining");
    const int route = testing::technology_index(in, "refining/electrify_full");
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(route)];
    REQUIRE(tech.electrify_year[2] == 2035);
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(in.plants[p].sector)];
    const auto electricity_per_t = [&](int built) {
        return route_profile(model.baselines[p], tech, sector, built).energy_gj_per_t[static_cast<int>(Carrier::electricity)];
    };
    REQUIRE(electricity_per_t(2040) > electricity_per_t(2030));
    RunResult result = simulate(model, 1);
    const int year = 2040;
    const std::size_t at = result.at(year - in.scenario.base_year, static_cast<int>(p));
    const auto booked_per_t = [&](int built) {
        RunState state = make_initial_state(model, 1, 0);
        state.technology[p] = route;
        state.asset_age_y[p] = year - built;
        record_accounts(model, state, year, result);
        return result.energy_gj[at * kCarrierCount + static_cast<std::size_t>(Carrier::electricity)] /
               result.production_t[at];
    };
    CHECK(booked_per_t(2030) == Approx(electricity_per_t(2030)));
    CHECK(booked_per_t(2040) == Approx(electricity_per_t(2040)));
}
