// The EU ETS benchmark of each allocation period (docs/ODD.md §7.4 "Benchmark rule";
// issue 21): the 2021-2025 values of Implementing Regulation (EU) 2021/447 up to the 2025
// allocation year, the 2026-2030 values of Implementing Regulation (EU) 2026/1412 from 2026,
// in the accounts, the appraisal and CBAM; the cut of the values not at hand is a setting.
#include <catch2/catch.hpp>

#include "agents/benchmark_period.hpp"
#include "agents/plant_baseline.hpp"
#include "agents/price_view.hpp"
#include "agents/unit_cost.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"
#include "sim/free_allocation.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

// The free allowances the accounts book for `plant` in `year` at its base activity.
double booked_allocation_t(const Model& model, int plant, int year) {
    RunResult result = simulate(model, 1);
    RunState state = make_initial_state(model, 1, 0);
    const auto p = static_cast<std::size_t>(plant);
    state.technology[p] = model.inputs.sector_keep_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    record_accounts(model, state, year, result);
    return result.free_allocation_t[result.at(year - model.inputs.scenario.base_year, plant)];
}

}  // namespace

TEST_CASE("free allocation uses the 2021-2025 benchmark in 2025 and the 2026-2030 one in 2026", "[benchmarks][allocation]") {
    const Model model = build_model(testing::dutch_inputs());
    const int yara = testing::plant_index(model.inputs, "M017");  // ammonia
    const auto p = static_cast<std::size_t>(yara);
    const PlantBaseline& base = model.baselines[p];
    // Ammonia: 1.570 (2021/447); 2026-2030 1.522 (2026/1412; = 1.619 x 0.94, the least cut).
    REQUIRE(base.benchmark_2021_t_per_t == Approx(1.570));
    REQUIRE(base.benchmark_2026_t_per_t == Approx(1.522).epsilon(1e-3));
    const SectorSpec& sector = model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    const double activity = make_initial_state(model, 1, 0).allocation_activity[p].historical_t;
    REQUIRE(activity > 0);
    for (const int year : {2025, 2026}) {
        INFO(year);
        const PriceView& prices = model.actual[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
        const double benchmark = year < 2026 ? base.benchmark_2021_t_per_t : base.benchmark_2026_t_per_t;
        CHECK(booked_allocation_t(model, yara, year) ==
              Approx(benchmark * free_allocation_factor_of(sector, prices) * activity));
    }
}

TEST_CASE("Tata's benchmark is 1.289 before 2026 and 1.194 from 2026", "[benchmarks]") {
    // Hot metal 1.288 -> 1.248, coke 0.217 -> 0.143, sintered ore 0.157 -> 0.086 per t
    // (eurometal.net 2026-05 on the draft of 2026/1412), per t of crude steel: 0.884 t hot
    // metal, 0.312 t coke, 0.531 t sinter (docs/ODD.md §7.4).
    const Inputs in = testing::dutch_inputs();
    const std::vector<PlantBaseline> base = make_baselines(in);
    const PlantBaseline& tata = base[static_cast<std::size_t>(testing::plant_index(in, "M006"))];
    CHECK(tata.benchmark_2021_t_per_t == Approx(1.289).epsilon(1e-3));
    CHECK(tata.benchmark_2026_t_per_t == Approx(1.194).epsilon(1e-3));
    // Adopted values: the setting for the values not at hand does not move them.
    Inputs cut = in;
    cut.scenario.policy.unknown_benchmark_cut_position = 1.0;
    CHECK(make_baselines(cut)[static_cast<std::size_t>(testing::plant_index(in, "M006"))].benchmark_2026_t_per_t ==
          tata.benchmark_2026_t_per_t);
}

TEST_CASE("the adopted 2026-2030 ammonia and hydrogen values do not move with the cut setting", "[benchmarks]") {
    // Implementing Regulation (EU) 2026/1412 Annex: ammonia 1.522, hydrogen 7.98 (above the
    // 2021-2025 6.84: Delegated Regulation (EU) 2024/873; docs/dataset.md "Benchmark values: check").
    Inputs in = testing::dutch_inputs();
    const auto yara = static_cast<std::size_t>(testing::plant_index(in, "M017"));
    const auto air_products = static_cast<std::size_t>(testing::plant_index(in, "M177"));
    for (const double position : {0.0, 1.0}) {
        INFO(position);
        in.scenario.policy.unknown_benchmark_cut_position = position;
        const std::vector<PlantBaseline> base = make_baselines(in);
        CHECK(base[yara].benchmark_2026_t_per_t == Approx(1.522));
        CHECK(base[air_products].benchmark_2021_t_per_t == Approx(6.84));
        CHECK(base[air_products].benchmark_2026_t_per_t == Approx(7.98));
    }
}

TEST_CASE("the cut of a benchmark not at hand moves between the least and the largest the law allows", "[benchmarks]") {
    Inputs in = testing::dutch_inputs();
    const auto aldel = static_cast<std::size_t>(testing::plant_index(in, "M078"));
    const auto aluminium_at = [&](double position) {
        in.scenario.policy.unknown_benchmark_cut_position = position;
        return make_baselines(in)[aldel].benchmark_2026_t_per_t;
    };
    // 2013-2020 primary aluminium 1.514 (Decision 2011/278/EU) cut by 6 % and by 50 %.
    CHECK(aluminium_at(0.0) == Approx(1.514 * 0.94).epsilon(1e-3));
    CHECK(aluminium_at(1.0) == Approx(1.514 * 0.50).epsilon(1e-3));
    CHECK(aluminium_at(0.5) == Approx(0.5 * (aluminium_at(0.0) + aluminium_at(1.0))));
    in.scenario.policy.unknown_benchmark_cut_position = 1.0;
    CHECK(make_baselines(in)[aldel].benchmark_2021_t_per_t == Approx(1.464));  // 2021-2025 stays
}

TEST_CASE("the fallback benchmark's combustion part takes the heat and fuel cut from 2026", "[benchmarks]") {
    const Inputs in = testing::dutch_inputs();
    const auto urea = static_cast<std::size_t>(testing::plant_index(in, "M022"));
    REQUIRE(in.plants[urea].product_benchmark_t_per_t < 0);
    double combustion = 0, process = 0, tonnes = 0;
    for (const PlantSpec& p : in.plants)
        if (p.sector == in.plants[urea].sector && p.product == in.plants[urea].product) {
            combustion += p.co2_combustion_t;
            process += p.co2_process_t;
            tonnes += p.production_t;
        }
    const double share = in.sectors[static_cast<std::size_t>(in.plants[urea].sector)].free_allocation_share;
    const PlantBaseline b = make_baselines(in)[urea];
    CHECK(b.benchmark_2021_t_per_t == Approx(share * (combustion + process) / tonnes));
    CHECK(b.benchmark_2026_t_per_t == Approx(share * (combustion * 0.50 / 0.76 + process) / tonnes));
}

TEST_CASE("an appraisal weighs each period's benchmark by the horizon years in it", "[benchmarks]") {
    const Inputs in = testing::dutch_inputs();
    const Scenario& s = in.scenario;
    const std::vector<PriceView> expected = expected_prices(s);
    const int horizon = s.behaviour.horizon_y;
    REQUIRE(horizon > 6);
    const int year = 2022;  // the horizon runs from 2022: 4 years before 2026
    const PriceView& view = expected[static_cast<std::size_t>(year - s.base_year)];
    double late = 0;
    for (int y = kBenchmark2026From; y < year + horizon; ++y) late += s.policy.free_allocation_factor.at(y);
    CHECK(view.free_allocation_factor_from_2026 == Approx(late / horizon));
    CHECK(view.free_allocation_factor_from_2026 < view.free_allocation_factor);
    // From 2026 on the whole horizon is in the second period.
    const PriceView& later = expected[static_cast<std::size_t>(2027 - s.base_year)];
    CHECK(later.free_allocation_factor_from_2026 == later.free_allocation_factor);
    CHECK(later.cbam_factor_from_2026 == later.cbam_factor);
    // And an actual year before 2026 has none of it.
    CHECK(actual_prices(s, 2025).free_allocation_factor_from_2026 == 0.0);
    CHECK(actual_prices(s, 2026).free_allocation_factor_from_2026 == actual_prices(s, 2026).free_allocation_factor);
}

TEST_CASE("a sweep can draw the cut of the benchmarks not at hand", "[benchmarks][sweep]") {
    const int target = find_uncertain_target("policy.unknown_benchmark_cut_position");
    REQUIRE(target >= 0);
    Model model = build_model(testing::dutch_inputs());
    const auto aldel = static_cast<std::size_t>(testing::plant_index(model.inputs, "M078"));
    const double least = model.baselines[aldel].benchmark_2026_t_per_t;
    apply_uncertain_target(target, model.inputs, 1.0, UncertainScale::value);
    rebuild_price_dependent(model);
    CHECK(model.baselines[aldel].benchmark_2026_t_per_t == Approx(1.514 * 0.50).epsilon(1e-3));
    CHECK(model.baselines[aldel].benchmark_2026_t_per_t < least);
}
