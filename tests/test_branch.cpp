// Scenario branches (sim/branch.hpp): variants continued from one shared history equal the
// variants' own runs from the base year, plant by plant and year by year, whenever the
// variant differs from the base only in what the years from the branch year read.
#include <cstring>
#include <string_view>
#include <type_traits>

#include <catch2/catch.hpp>

#include "core/observables.hpp"
#include "fixtures.hpp"
#include "sim/branch.hpp"

using namespace eiisim;

namespace {

constexpr int kBranchYear = 2031;
constexpr std::uint64_t kSeed = 11;

template <typename V>
void require_same_series(std::string_view name, int base_year, int years, const V& x, const V& y) {
    REQUIRE(x.size() == y.size());
    const std::size_t per_year = x.size() / static_cast<std::size_t>(years);
    for (std::size_t i = 0; i < x.size(); ++i)
        if (std::memcmp(&x[i], &y[i], sizeof x[i]) != 0)
            FAIL(name << " differs in " << base_year + static_cast<int>(i / per_year) << " at position "
                      << i % per_year << ": " << +x[i] << " vs " << +y[i]);
}

// Every series of the observables table and the event log, bit for bit; the first
// difference is reported with its series, year and position (plant, cluster, ...).
void require_same_run(const RunResult& a, const RunResult& b) {
    REQUIRE(a.years == b.years);
    for (const Observable& o : observables()) {
        if (!o.in_run_file()) continue;
        with_member(o, a, [&](const auto& x) {
            with_member(o, b, [&](const auto& y) {
                if constexpr (std::is_same_v<decltype(x), decltype(y)>)
                    require_same_series(o.name, a.base_year, a.years, x, y);
            });
        });
    }
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        INFO("event " << e);
        CHECK(a.events[e].year == b.events[e].year);
        CHECK(a.events[e].plant == b.events[e].plant);
        CHECK(a.events[e].to_technology == b.events[e].to_technology);
        CHECK(a.events[e].options.size() == b.events[e].options.size());
        CHECK(std::memcmp(&a.events[e].subsidy_committed_eur, &b.events[e].subsidy_committed_eur, sizeof(double)) == 0);
    }
}

// The small scenario with dearer gas and hydrogen from `year` on (the paths are not
// interpolated across the switch, so every year before is unchanged). The scenario's
// market expectations are adaptive: no year before `year` sees the new prices.
Inputs dearer_energy_from(int year) {
    Inputs in = testing::small_inputs();
    REQUIRE(in.scenario.behaviour.expectation == Expectation::adaptive);
    auto& prices = in.scenario.prices;
    prices.gas_eur_per_gj = prices.gas_eur_per_gj.replaced_from(year, 3 * prices.gas_eur_per_gj.at(year));
    prices.hydrogen_eur_per_gj = prices.hydrogen_eur_per_gj.replaced_from(year, 0.5 * prices.hydrogen_eur_per_gj.at(year));
    return in;
}

std::vector<RunResult> branches(const Model& base, const std::vector<const Model*>& variants, int year) {
    std::vector<RunResult> out(variants.size());
    simulate_branches(base, variants, year, kSeed, 0, [&](std::size_t i, const RunResult& r) { out[i] = r; });
    return out;
}

}  // namespace

TEST_CASE("branched variants equal their own runs from the base year", "[branch]") {
    const Model base = build_model(testing::small_inputs());
    const Model same = build_model(testing::small_inputs());
    const Model dearer = build_model(dearer_energy_from(kBranchYear));
    REQUIRE(branch_incompatibilities(base, dearer).empty());
    const std::vector<RunResult> b = branches(base, {&same, &dearer}, kBranchYear);
    SECTION("the base scenario itself") { require_same_run(b[0], simulate(same, kSeed)); }
    SECTION("a variant that differs from the branch year on") {
        const RunResult own = simulate(dearer, kSeed);
        require_same_run(b[1], own);
        // ... and it does differ from the base there (in the plants' costs: on this small
        // dataset dearer gas moves no route), so the test can tell them apart.
        const RunResult plain = simulate(base, kSeed);
        REQUIRE(plain.energy_cost_eur.size() == own.energy_cost_eur.size());
        CHECK(std::memcmp(plain.energy_cost_eur.data(), own.energy_cost_eur.data(),
                          own.energy_cost_eur.size() * sizeof(double)) != 0);
    }
    SECTION("branching at the base year shares only the start-of-run draws") {
        require_same_run(branches(base, {&dearer}, base.inputs.scenario.base_year)[0], simulate(dearer, kSeed));
    }
}

TEST_CASE("a branch takes the variant's infrastructure capacity from the branch year", "[branch]") {
    Inputs tight = testing::small_inputs();
    const Model base = build_model(testing::small_inputs());
    for (auto& cluster : tight.clusters) cluster.grid_headroom_mw = cluster.grid_headroom_mw.replaced_from(kBranchYear, 0.0);
    const Model variant = build_model(std::move(tight));
    RunWorkspace ws;
    start_run(base, kSeed, 0, RecordLevel::full, ws);
    simulate_years(base, kSeed, 0, RecordLevel::full, ws, base.inputs.scenario.base_year, kBranchYear - 1);
    const CapacityLedger& grid = ws.state.ledgers[static_cast<std::size_t>(Resource::grid)].at(0);
    const double before = grid.capacity(kBranchYear - 1);
    const double used = grid.used(kBranchYear);
    REQUIRE(grid.capacity(kBranchYear) > 0.0);
    adopt_variant(variant, kBranchYear, ws.state);
    CHECK(grid.capacity(kBranchYear) == 0.0);       // the variant's from the branch year
    CHECK(grid.capacity(kBranchYear - 1) == before);  // the years before stay as they were
    CHECK(grid.used(kBranchYear) == used);            // what was booked stays booked
}

TEST_CASE("a variant of another shape cannot continue a run", "[branch]") {
    const Model base = build_model(testing::small_inputs());
    Inputs shorter = testing::small_inputs();
    shorter.scenario.end_year -= 5;
    const std::vector<std::string> why = branch_incompatibilities(base, build_model(std::move(shorter)));
    REQUIRE(why.size() == 1);
    CHECK(why[0].find("years") == 0);
}
