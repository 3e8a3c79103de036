// Electrified heat and a fallback benchmark (docs/ODD.md §7.4 "Electrified heat"; issue 21):
// furnace heat (high band) made electrically is no "non-measurable heat by fuel combustion"
// and leaves the fuel benchmark, so a fallback plant that electrifies it loses that part of
// its combustion benchmark, through the activity-level rule (a > 15 % change of the two-year
// mean); steam (low and mid bands) keeps it unless policy.electric_steam_allocated is false.
// A product benchmark does not depend on the fuel (Art. 22 of 2019/331 deleted from 2026).
#include <catch2/catch.hpp>

#include <algorithm>

#include "agents/plant_baseline.hpp"
#include "agents/price_view.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "fixtures.hpp"
#include "sim/free_allocation.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

constexpr auto kHigh = static_cast<std::size_t>(kHeatBandCount - 1);

struct FallbackElectrifier {
    int plant = -1;
    int technology = -1;
};

// A fallback-benchmark plant with fuel heat in the high band and one in a low or mid band,
// and an electrify option of its sector that moves both.
FallbackElectrifier find_fallback_electrifier(const Inputs& in, const std::vector<PlantBaseline>& base) {
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const PlantSpec& plant = in.plants[p];
        const PlantBaseline& b = base[p];
        if (plant.product_benchmark_t_per_t >= 0 || plant.is_entrant() || b.combustion_benchmark_2026_t_per_t <= 0)
            continue;
        if (b.heat_share[kHigh] <= 0 || b.heat_share[0] + b.heat_share[1] <= 0) continue;
        for (std::size_t t = 0; t < in.technologies.size(); ++t) {
            const TechnologySpec& tech = in.technologies[t];
            if (tech.sector != plant.sector || tech.kind != OptionKind::electrify) continue;
            if (tech.plant >= 0 && tech.plant != static_cast<int>(p)) continue;
            if (tech.electrify_share[kHigh] > 0 && tech.electrify_share[0] + tech.electrify_share[1] > 0)
                return {static_cast<int>(p), static_cast<int>(t)};
        }
    }
    return {};
}

// A year by which every band of the option is available (2030 at the earliest).
int late_year(const TechnologySpec& tech) {
    int year = 2030;
    for (const int y : tech.electrify_year) year = std::max(year, y);
    return year;
}

}  // namespace

TEST_CASE("electrified furnace heat leaves a fallback's combustion benchmark; steam only by the setting",
          "[allocation][benchmarks]") {
    Inputs in = testing::dutch_inputs();
    const std::vector<PlantBaseline> steam_kept = make_baselines(in);
    const FallbackElectrifier found = find_fallback_electrifier(in, steam_kept);
    REQUIRE(found.plant >= 0);
    const auto p = static_cast<std::size_t>(found.plant);
    const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(found.technology)];
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(in.plants[p].sector)];
    const int year = late_year(tech);
    INFO(in.plants[p].id << " on " << tech.id << " in " << year);
    in.scenario.policy.electric_steam_allocated = false;
    const std::vector<PlantBaseline> steam_lost = make_baselines(in);
    const Model model = build_model(testing::dutch_inputs());
    const PriceView& prices = model.actual[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];

    const PlantBaseline& b = steam_kept[p];
    const double full = benchmark_allowances_t_per_t(b, sector, prices);
    const double combustion = combustion_allowances_t_per_t(b, sector, prices);
    REQUIRE(full > combustion);
    REQUIRE(combustion > 0);
    // Kept steam: only the high band's electrified heat leaves.
    const RouteProfile kept = route_profile(b, tech, sector, year);
    const double high_moved = b.heat_share[kHigh] * tech.electrify_share[kHigh];
    CHECK(kept.fuel_benchmark_electrified_share == Approx(high_moved));
    CHECK(route_allowances_t_per_t(b, sector, kept, prices) == Approx(full - combustion * high_moved));
    // Steam not allocated: every electrified band leaves.
    const RouteProfile lost = route_profile(steam_lost[p], tech, sector, year);
    CHECK(lost.fuel_benchmark_electrified_share == Approx(kept.electrified_heat_share));
    CHECK(route_allowances_t_per_t(steam_lost[p], sector, lost, prices) <
          route_allowances_t_per_t(b, sector, kept, prices));
    // The keep route keeps the whole benchmark.
    const TechnologySpec& keep =
        in.technologies[static_cast<std::size_t>(in.sector_keep_technology[static_cast<std::size_t>(in.plants[p].sector)])];
    CHECK(route_allowances_t_per_t(b, sector, route_profile(b, keep, sector, year), prices) == Approx(full));
}

TEST_CASE("a product benchmark does not move when the plant electrifies its heat", "[allocation][benchmarks]") {
    const Inputs in = testing::dutch_inputs();
    const std::vector<PlantBaseline> base = make_baselines(in);
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        if (in.plants[p].product_benchmark_t_per_t < 0) continue;
        INFO(in.plants[p].id);
        CHECK(base[p].combustion_benchmark_2021_t_per_t == 0.0);
        CHECK(base[p].combustion_benchmark_2026_t_per_t == 0.0);
    }
}

TEST_CASE("a fallback plant on electrified furnaces keeps its allowances until the 15 % rule moves them",
          "[allocation][benchmarks]") {
    const Model model = build_model(testing::dutch_inputs());
    const FallbackElectrifier found = find_fallback_electrifier(model.inputs, model.baselines);
    REQUIRE(found.plant >= 0);
    const auto p = static_cast<std::size_t>(found.plant);
    const TechnologySpec& tech = model.inputs.technologies[static_cast<std::size_t>(found.technology)];
    const SectorSpec& sector = model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    int year = late_year(tech) + 2;
    // Not the first year of an allocation period, which takes a new historical activity level.
    if ((year - kFirstAllocationPeriod) % kAllocationPeriodY == 0) ++year;
    const PriceView& prices = model.actual[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
    const double full = benchmark_allowances_t_per_t(model.baselines[p], sector, prices);
    const double combustion = combustion_allowances_t_per_t(model.baselines[p], sector, prices);
    const double moved = route_profile(model.baselines[p], tech, sector, year).fuel_benchmark_electrified_share;
    REQUIRE(moved > 0);

    const auto booked = [&](double fuel_fired_share) {
        RunResult result = simulate(model, 1);
        RunState state = make_initial_state(model, 1, 0);
        state.technology[p] = found.technology;
        state.asset_age_y[p] = 0;  // built this year: every band of `year` electrified
        const double base = state.allocation_activity[p].historical_t;
        // Two years at the base output, of which this share fuel-fired.
        for (const int y : {year - 2, year - 1}) {
            record_activity(state.allocation_activity[p], y, base);
            record_activity(state.combustion_allocation_activity[p], y, fuel_fired_share * base);
        }
        record_accounts(model, state, year, result);
        const std::size_t at = result.at(year - model.inputs.scenario.base_year, found.plant);
        // The year's own booking records its fuel-fired activity for the years after.
        CHECK(state.combustion_allocation_activity[p].last_t ==
              Approx(state.allocation_activity[p].last_t * (1.0 - moved)));
        return std::pair{result.free_allocation_t[at], base};
    };
    INFO(model.inputs.plants[p].id << " on " << tech.id << " in " << year << ", moved " << moved);
    // A change within 15 %: the whole benchmark still rests on the historical activity.
    const auto [within, base] = booked(0.9);
    CHECK(within == Approx(full * base));
    // Beyond 15 %: the combustion part follows the fuel-fired output.
    const auto [beyond, base_again] = booked(0.5);
    CHECK(beyond == Approx((full - combustion) * base_again + combustion * 0.5 * base_again));
}
