// ETS and CBAM as the letters and the EU rules describe them (issue 13; docs/ODD.md §7.4):
// free allocation follows activity by the EU activity-level rule and ends for the sectors
// outside CBAM by the scenario's year; a plant that leaves loses it; CBAM raises the EU
// price of a good, not the price its exports fetch; abolishing the levy from 2026 leaves
// the years before unchanged.
#include <catch2/catch.hpp>

#include <algorithm>

#include "agents/plant_baseline.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "fixtures.hpp"
#include "sim/free_allocation.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

TEST_CASE("allocation rests on the HAL unless the two-year mean moves more than 15 %", "[allocation]") {
    AllocationActivity a = initial_allocation_activity(100.0);
    CHECK(allocated_activity_t(a) == Approx(100.0));
    record_activity(a, 2021, 90.0);
    record_activity(a, 2022, 86.0);  // mean 88: -12 %, inside the band
    CHECK(allocated_activity_t(a) == Approx(100.0));
    record_activity(a, 2023, 70.0);  // mean 78: -22 %, adjusted by the same percentage
    CHECK(allocated_activity_t(a) == Approx(78.0));
    record_activity(a, 2024, 120.0);  // mean 95: back inside
    CHECK(allocated_activity_t(a) == Approx(100.0));
    record_activity(a, 2025, 130.0);  // mean 125: +25 %
    CHECK(allocated_activity_t(a) == Approx(125.0));
}

TEST_CASE("the 2026-2030 period's HAL is the mean of its simulated baseline years", "[allocation]") {
    AllocationActivity a = initial_allocation_activity(100.0);
    // Baseline window 2019-2023: the run has 2020-2023 of it.
    const double activity[] = {100.0, 80.0, 60.0, 80.0, 50.0, 55.0};
    for (int year = 2020; year <= 2025; ++year) {
        start_allocation_year(a, year);
        CHECK(a.historical_t == Approx(100.0));
        record_activity(a, year, activity[year - 2020]);
    }
    start_allocation_year(a, 2026);
    CHECK(a.historical_t == Approx((100.0 + 80.0 + 60.0 + 80.0) / 4));
    // The next window (2024-2028) started afresh in 2024.
    CHECK(a.window_years == 2);
    CHECK(a.window_sum_t == Approx(50.0 + 55.0));
}

TEST_CASE("non-CBAM free allocation reaches zero by the scenario's year", "[allocation][scenario]") {
    Inputs in = testing::dutch_inputs();
    // current-policy: full benchmark to 2030, nothing from 2039 (policy-letters/003: around 2040)
    CHECK(in.scenario.policy.free_allocation_factor_non_cbam.at(2030) == Approx(1.0));
    CHECK(in.scenario.policy.free_allocation_factor_non_cbam.at(2039) == Approx(0.0));
    in.scenario.policy.free_allocation_factor_non_cbam = TimePath({{2020, 1.0}, {2030, 1.0}, {2036, 0.0}});
    const RunResult r = testing::run(std::move(in), 3);
    const Inputs& shown = testing::dutch_inputs();
    double before = 0;
    for (int p = 0; p < r.plants; ++p) {
        const bool cbam = shown.sectors[static_cast<std::size_t>(shown.plants[static_cast<std::size_t>(p)].sector)]
                              .cbam_covered;
        if (cbam) continue;
        before += r.free_allocation_t[r.at(2030 - r.base_year, p)];
        for (int year : {2036, 2040, 2050}) {
            INFO(shown.plants[static_cast<std::size_t>(p)].id << " in " << year);
            CHECK(r.free_allocation_t[r.at(year - r.base_year, p)] == 0.0);
        }
    }
    CHECK(before > 1e6);  // several Mt a year before the phase-out
}

TEST_CASE("a plant that relocates or closes loses its allocation", "[allocation]") {
    const Model model = build_model(testing::dutch_inputs());
    // In whole runs: a plant that received allowances receives none once it has left.
    int left = 0;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const RunResult r = simulate(model, seed);
        for (int p = 0; p < r.plants; ++p) {
            double before = 0;
            for (int y = 0; y < r.years; ++y) {
                const std::size_t at = r.at(y, p);
                const auto status = static_cast<PlantStatus>(r.status[at]);
                if (status != PlantStatus::relocated && status != PlantStatus::closed) {
                    before = std::max(before, r.free_allocation_t[at]);
                    continue;
                }
                INFO("seed " << seed << " plant " << model.inputs.plants[static_cast<std::size_t>(p)].id);
                CHECK(r.free_allocation_t[at] == 0.0);
                if (before > 0 && y + 1 == r.years) ++left;
            }
        }
    }
    CHECK(left > 0);  // some plants with allowances did leave
}

TEST_CASE("a curtailed plant keeps its allowances for two years, then loses the change", "[allocation]") {
    Inputs in = testing::dutch_inputs();
    const int yara = testing::plant_index(in, "M017");
    const Model model = build_model(std::move(in));
    RunResult result = simulate(model, 1);
    RunState state = make_initial_state(model, 1, 0);
    const auto p = static_cast<std::size_t>(yara);
    state.technology[p] = model.inputs.sector_keep_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    const double base = state.allocation_activity[p].historical_t;
    REQUIRE(base > 0);
    // Two years at 60 % of the base activity (the 2022 gas crisis) move the mean by -40 %.
    record_activity(state.allocation_activity[p], 2027, 0.6 * base);
    record_activity(state.allocation_activity[p], 2028, 0.6 * base);
    const int year = 2029;
    record_accounts(model, state, year, result);
    const std::size_t at = result.at(year - model.inputs.scenario.base_year, yara);
    const PriceView& prices = model.actual[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
    const SectorSpec& sector = model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    CHECK(result.free_allocation_t[at] ==
          Approx(model.baselines[p].benchmark_2026_t_per_t * free_allocation_factor_of(sector, prices) * 0.6 * base));
}

TEST_CASE("CBAM raises the EU price of a good, not the price its exports fetch", "[cbam]") {
    const Model model = build_model(testing::dutch_inputs());
    const auto yara = static_cast<std::size_t>(testing::plant_index(model.inputs, "M017"));
    SectorSpec sector = model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[yara].sector)];
    REQUIRE(sector.cbam_covered);
    const PlantBaseline& base = model.baselines[yara];
    const TechnologySpec& keep =
        model.inputs.technologies[static_cast<std::size_t>(model.inputs.sector_keep_technology[static_cast<std::size_t>(
            model.inputs.plants[yara].sector)])];
    const RouteProfile profile = route_profile(base, keep, sector, 2034);
    PriceView with_cbam = model.actual[static_cast<std::size_t>(2034 - model.inputs.scenario.base_year)];
    REQUIRE(with_cbam.cbam_factor == Approx(1.0));
    PriceView without = with_cbam;
    without.cbam_factor = 0.0;
    without.cbam_factor_from_2026 = 0.0;
    const auto revenue = [&](double export_share, const PriceView& prices) {
        sector.extra_eu_export_share = export_share;
        return domestic_unit_cost(base, sector, profile, prices, CostTerms{}).revenue_eur_per_t;
    };
    const double uplift = with_cbam.ets_eur_per_t * base.benchmark_2026_t_per_t;  // CBAM from 2026
    CHECK(revenue(0.0, with_cbam) - revenue(0.0, without) == Approx(uplift));
    CHECK(revenue(0.3, with_cbam) - revenue(0.3, without) == Approx(0.7 * uplift));
    CHECK(revenue(1.0, with_cbam) == Approx(revenue(1.0, without)));
    // The shipped table: fertilisers sell a fifth of their urea outside the EU.
    const Inputs& in = model.inputs;
    for (const SectorSpec& s : in.sectors) {
        if (s.id == "urea") CHECK(s.extra_eu_export_share == Approx(0.2));
        if (s.id == "steel") CHECK(s.extra_eu_export_share == Approx(0.25));
    }
}

TEST_CASE("no-co2-levy equals current-policy before 2026", "[scenario][levy]") {
    const Inputs current = testing::dutch_inputs();
    const Inputs no_levy = load_inputs(testing::source_path("scenarios/no-co2-levy.toml"));
    CHECK(no_levy.scenario.policy.co2_levy_eur_per_t.at(2025) == Approx(87.9));
    CHECK(no_levy.scenario.policy.co2_levy_eur_per_t.at(2026) == 0.0);
    CHECK(no_levy.scenario.policy.co2_levy_eur_per_t.at(2040) == 0.0);
    for (std::uint64_t seed : {1u, 5u}) {
        const RunResult a = testing::run(current, seed);
        const RunResult b = testing::run(no_levy, seed);
        for (int y = 0; y <= 2025 - a.base_year; ++y)
            for (int p = 0; p < a.plants; ++p) {
                const std::size_t at = a.at(y, p);
                INFO("seed " << seed << " year " << a.base_year + y << " plant " << current.plants[static_cast<std::size_t>(p)].id);
                CHECK(a.status[at] == b.status[at]);
                CHECK(a.technology[at] == b.technology[at]);
                CHECK(a.co2_net_t[at] == b.co2_net_t[at]);
                CHECK(a.margin_eur[at] == b.margin_eur[at]);
            }
    }
}
