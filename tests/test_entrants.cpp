// New entrants (entrants.csv, docs/ODD.md §7.20): plants not built in the base year that
// enter when scheduled or when their business case is positive, claiming grid, hydrogen,
// biomethane and CO2 storage through the same allocation as every conversion.
#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "agents/appraisal.hpp"
#include "core/feedstock.hpp"
#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "inputs/entrants_table.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

constexpr const char* kHeader =
    "id,name,operator,cluster,sector,product,capacity_t,utilisation,earliest_year,status,electricity_gj_per_t,"
    "hydrogen_gj_per_t,gas_gj_per_t,biomethane_gj_per_t,co2_t_per_t,space_ha,supplies,supply_per_t,gate_fee_eur_per_t,"
    "capex_eur_per_t_yr,fixed_opex_eur_per_t_yr,"
    "lifetime_y,lead_time_y,hurdle_rate,multinational,employees,source\n";

// An ethylene entrant in Rotterdam/Moerdijk: `status`, first year, electricity and hydrogen
// per t and capex per t/yr as given, 100 kt/yr at 0.9; `land` holds space_ha, supplies,
// supply_per_t and gate_fee_eur_per_t (10 ha, supplying nothing, unless given).
std::string entrant_row(const std::string& id, const std::string& status, int year, double el, double h2,
                        double capex, const std::string& land = "10,,,") {
    return id + ",New plant,Someone,rotterdam_moerdijk,ethylene,,100000,0.9," + std::to_string(year) + "," + status +
           "," + std::to_string(el) + "," + std::to_string(h2) + ",0,0,0.1," + land + "," + std::to_string(capex) +
           ",0,25,2,0.1,0,50,test\n";
}

// The small scenario with entrants.csv holding `rows`.
Inputs with_entrants(Inputs in, const std::string& rows, const std::string& name = "entrants.csv") {
    const auto dir = std::filesystem::temp_directory_path() / ("eiisim_entrants_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / name;
    std::ofstream(file) << kHeader << rows;
    load_entrants(file, in, in.scenario.base_year);
    return in;
}

PlantStatus status_in(const RunResult& r, int year, int plant) {
    return static_cast<PlantStatus>(r.status[r.at(year - r.base_year, plant)]);
}

// The entrant's decision in `year` as the engine makes it (appraisal, then restrict_to_entry).
PlantDecision entry_decision(const Model& model, const RunState& state, int year, int plant) {
    const auto trigger = decision_trigger(model, state, year, plant);
    REQUIRE(trigger.has_value());
    const std::array<double, kOptionKindCount> peers{};
    const AppraisalContext context = appraisal_context(model, state, year, peers, true);
    PlantDecision d = appraise_options(context, model.baselines[static_cast<std::size_t>(plant)], plant,
                                       plant_snapshot(model, state, year, plant), *trigger,
                                       state.strategic_bias[static_cast<std::size_t>(plant)],
                                       plant_taste(model, state, 1, 0, plant, year));
    restrict_to_entry(model.inputs, d);
    return d;
}

}  // namespace

TEST_CASE("entrants leave every base-year figure as it was", "[entrants]") {
    const Inputs plain = testing::small_inputs();
    const Inputs more = with_entrants(plain, entrant_row("E1", "scheduled", 2024, 2.0, 5.0, 500) +
                                                 entrant_row("E2", "candidate", 2026, 1.0, 0.0, 0));
    REQUIRE(more.plants.size() == plain.plants.size() + 2);
    const RunResult a = testing::run(plain);
    const RunResult b = testing::run(more);
    const int base = a.base_year;
    CHECK(testing::total_net_in_year(a, base) == testing::total_net_in_year(b, base));
    CHECK(a.cluster_production_t[0] == b.cluster_production_t[0]);
    for (int c = 0; c < a.clusters; ++c) {
        const std::size_t at = a.at_cluster(0, c);
        CHECK(a.cluster_jobs[at] == b.cluster_jobs[at]);
        CHECK(a.cluster_value_added_eur[at] == b.cluster_value_added_eur[at]);
        CHECK(a.cluster_co2_net_t[at] == b.cluster_co2_net_t[at]);
        CHECK(b.cluster_entrants[at] == 0.0);
    }
    // The incumbents' calibration does not see the entrants.
    const Model ma = build_model(plain);
    const Model mb = build_model(more);
    for (std::size_t p = 0; p < plain.plants.size(); ++p) {
        CHECK(ma.baselines[p].other_cost_eur_per_t == mb.baselines[p].other_cost_eur_per_t);
        CHECK(ma.baselines[p].benchmark_2021_t_per_t == mb.baselines[p].benchmark_2021_t_per_t);
        CHECK(ma.baselines[p].benchmark_2026_t_per_t == mb.baselines[p].benchmark_2026_t_per_t);
    }
    CHECK(status_in(b, base, plant_index(more, "E1")) == PlantStatus::not_built);
}

TEST_CASE("a scheduled entrant runs from its year and not before", "[entrants]") {
    const Inputs in = with_entrants(testing::small_inputs(), entrant_row("E1", "scheduled", 2032, 1.0, 0.0, 800));
    const RunResult r = testing::run(in);
    const int e = plant_index(in, "E1");
    for (int year = r.base_year; year < 2032; ++year) {
        INFO(year);
        CHECK(status_in(r, year, e) == PlantStatus::not_built);
        CHECK(r.production_t[r.at(year - r.base_year, e)] == 0.0);
        CHECK(r.jobs[r.at(year - r.base_year, e)] == 0.0);
    }
    CHECK(status_in(r, 2032, e) == PlantStatus::operating);
    CHECK(r.production_t[r.at(2032 - r.base_year, e)] > 0.0);
    CHECK(r.jobs[r.at(2032 - r.base_year, e)] == 50.0);
    CHECK(r.value_added_eur[r.at(2032 - r.base_year, e)] != 0.0);
    const std::size_t rm = r.at_cluster(2032 - r.base_year, in.plants[static_cast<std::size_t>(e)].cluster);
    CHECK(r.cluster_entrants[rm] == 1.0);
    CHECK(r.cluster_entrant_capacity_t[rm] == 100000.0);
    // Its entry is logged with its trigger.
    bool logged = false;
    for (const DecisionEvent& ev : r.events)
        if (ev.plant == e && ev.to_technology >= 0) {
            logged = true;
            CHECK(ev.trigger == Trigger::entry_scheduled);
            CHECK(ev.running_from_year == 2032);
        }
    CHECK(logged);
}

TEST_CASE("a scheduled entrant builds in its year even at a margin the closure rule would close on",
          "[entrants]") {
    // Capex of 1e6 EUR per t/yr puts its expected margin far below the closure threshold;
    // an investment decision taken is a fact: nothing on site can close, so it still builds.
    const Inputs in = with_entrants(testing::small_inputs(), entrant_row("SUNK", "scheduled", 2032, 1.0, 0.0, 1e6));
    const int e = plant_index(in, "SUNK");
    for (std::uint64_t seed : {1u, 2u}) {
        const RunResult r = testing::run(in, seed);
        CHECK(status_in(r, 2031, e) == PlantStatus::not_built);
        CHECK(status_in(r, 2032, e) == PlantStatus::operating);
        for (const DecisionEvent& ev : r.events)
            if (ev.plant == e && ev.trigger == Trigger::entry_scheduled) {
                CHECK(ev.year == 2030);  // decided once, lead time (2 y) before its year
                CHECK_FALSE(ev.closed_by_rule);
            }
    }
}

TEST_CASE("an entrant claims grid and hydrogen like an incumbent's new use", "[entrants]") {
    const Inputs in = with_entrants(testing::small_inputs(), entrant_row("E1", "scheduled", 2030, 20.0, 6.0, 800));
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 1, 0);
    const int e = plant_index(in, "E1");
    const PlantDecision d = entry_decision(model, state, 2028, e);
    REQUIRE(!d.ranked.empty());
    const Candidate& c = d.ranked.front();
    const double production = 100000 * 0.9;
    // The same formula as any route's new use (agents/appraisal.cpp add_requests), counted
    // from zero: the entrant had no base-year use.
    CHECK(amount_of(c.claim, Resource::grid) ==
          Approx(peak_mw(20.0 * production, in.scenario.behaviour.grid_load_factor)));
    CHECK(amount_of(c.claim, Resource::hydrogen) == Approx(6.0 * production));
    CHECK(c.start_year == 2030);

    SECTION("a full grid ledger refuses it, and it tries again the next year") {
        CapacityLedger& grid = ledger_of(state, Resource::grid, in.plants[static_cast<std::size_t>(e)].cluster);
        const double room = grid.capacity(2030) - grid.used(2030);
        grid.reserve(room, 2030);  // the cluster's grid is taken from 2030 on
        CHECK(ledger_misfit(model, state, static_cast<std::size_t>(e), c, 2028) == RefusedBy::grid);
        std::vector<PlantDecision> decisions{entry_decision(model, state, 2028, e)};
        RunResult log;
        allocate(model, state, 2028, 1, 0, decisions, &log);
        CHECK(state.target_technology[static_cast<std::size_t>(e)] < 0);
        CHECK(state.status[static_cast<std::size_t>(e)] == PlantStatus::not_built);
        CHECK(decision_trigger(model, state, 2029, e) == Trigger::entry_scheduled);
        REQUIRE(log.events.size() == 1);
        bool refused_by_grid = false;
        for (const OptionAppraisal& o : log.events[0].options) refused_by_grid |= o.refused_by == RefusedBy::grid;
        CHECK(refused_by_grid);
    }
    SECTION("granted, it holds what it claimed from its start year") {
        std::vector<PlantDecision> decisions{d};
        allocate(model, state, 2028, 1, 0, decisions, nullptr);
        REQUIRE(state.target_technology[static_cast<std::size_t>(e)] == in.plants[static_cast<std::size_t>(e)].entry.technology);
        CHECK(state.status[static_cast<std::size_t>(e)] == PlantStatus::not_built);
        apply_transitions(model, state, 2030);
        CHECK(state.status[static_cast<std::size_t>(e)] == PlantStatus::operating);
        CHECK(amount_of(state.held[static_cast<std::size_t>(e)], Resource::grid) == Approx(amount_of(c.claim, Resource::grid)));
        CHECK(amount_of(state.held[static_cast<std::size_t>(e)], Resource::hydrogen) == Approx(6.0 * production));
    }
}

TEST_CASE("an entrant claims its land: refused while its cluster's space is full, admitted when room frees",
          "[entrants][space]") {
    Inputs in = with_entrants(testing::small_inputs(), entrant_row("E1", "scheduled", 2030, 1.0, 0.0, 800, "40,,,"));
    in.scenario.behaviour.closure_threshold = 1.0;
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 1, 0);
    const auto e = static_cast<std::size_t>(plant_index(in, "E1"));
    const PlantDecision d = entry_decision(model, state, 2028, static_cast<int>(e));
    REQUIRE(!d.ranked.empty());
    CHECK(amount_of(d.ranked.front().claim, Resource::space) == 40.0);
    // An incumbent converting on its own site takes no land.
    const int shell = plant_index(in, "shell_moerdijk");
    const std::array<double, kOptionKindCount> peers{};
    const AppraisalContext context = appraisal_context(model, state, 2028, peers, true);
    const PlantDecision incumbent = appraise_options(
        context, model.baselines[static_cast<std::size_t>(shell)], shell, plant_snapshot(model, state, 2028, shell),
        Trigger::reinvestment, state.strategic_bias[static_cast<std::size_t>(shell)],
        plant_taste(model, state, 1, 0, shell, 2028));
    REQUIRE(!incumbent.ranked.empty());
    for (const Candidate& c : incumbent.ranked) CHECK(amount_of(c.claim, Resource::space) == 0.0);

    CapacityLedger& space = ledger_of(state, Resource::space, in.plants[e].cluster);
    const double room = space.capacity(2030) - space.used(2030);
    REQUIRE(room >= 40.0);
    space.reserve(room - 30.0, 2029);  // another site holds all but 30 ha from 2029 on
    CHECK(ledger_misfit(model, state, e, d.ranked.front(), 2028) == RefusedBy::space);
    std::vector<PlantDecision> decisions{d};
    RunResult log;
    allocate(model, state, 2028, 1, 0, decisions, &log);
    CHECK(state.target_technology[e] < 0);
    REQUIRE(log.events.size() == 1);
    bool refused_by_space = false;
    for (const OptionAppraisal& o : log.events[0].options) refused_by_space |= o.refused_by == RefusedBy::space;
    CHECK(refused_by_space);
    // It asks again the next year; the other site has left, so the land is free.
    REQUIRE(decision_trigger(model, state, 2029, static_cast<int>(e)) == Trigger::entry_scheduled);
    space.release(room - 30.0, 2029);
    std::vector<PlantDecision> again{entry_decision(model, state, 2029, static_cast<int>(e))};
    allocate(model, state, 2029, 1, 0, again, nullptr);
    REQUIRE(state.target_technology[e] == in.plants[e].entry.technology);
    CHECK(space.used(state.target_year[e]) == Approx(40.0));
    CHECK(space.used(state.target_year[e] - 1) == 0.0);
}

TEST_CASE("an electrolyser entrant's hydrogen is in the hydrogen ledgers from its start year, not before",
          "[entrants][supply]") {
    // Renewable hydrogen, 120 GJ per t; no electricity, so no ledger delays it.
    const Inputs plain = testing::small_inputs();
    const Inputs in = with_entrants(plain, entrant_row("ELY", "scheduled", 2030, 0.0, 0.0, 800, "5,green_hydrogen,120,"));
    const int e = plant_index(in, "ELY");
    const double output_gj = 100000 * 0.9 * 120;  // entrant_row: 100 kt/yr at 0.9
    const RunResult with = testing::run(in, 3);
    const RunResult without = testing::run(plain, 3);
    int start = 0;
    for (int year = with.base_year; year < with.base_year + with.years && start == 0; ++year)
        if (status_in(with, year, e) != PlantStatus::not_built) start = year;
    REQUIRE(start >= 2030);
    for (int y = 0; y < with.years; ++y) {
        const auto at = static_cast<std::size_t>(y);
        const double added = with.base_year + y >= start ? output_gj : 0.0;
        INFO("year " << with.base_year + y);
        CHECK(with.hydrogen_supply_gj[at] == Approx(without.hydrogen_supply_gj[at] + added));
        CHECK(with.green_hydrogen_supply_gj[at] == Approx(without.green_hydrogen_supply_gj[at] + added));
    }
}

TEST_CASE("a scheduled electrolyser's output counts for a hydrogen user deciding in the same year",
          "[entrants][supply]") {
    // No other hydrogen for industry: the user's claim (50 GJ/t x 90 kt = 4.5 PJ from 2030)
    // fits only the electrolyser's 10.8 PJ. Both investment decisions are taken in 2028.
    Inputs plain = testing::small_inputs();
    plain.national.hydrogen_supply_gj = TimePath{0.0};
    const std::string electrolyser = entrant_row("ELY", "scheduled", 2030, 0.0, 0.0, 800, "5,green_hydrogen,120,");
    const std::string user = entrant_row("H2USER", "scheduled", 2030, 0.0, 50.0, 800);
    const Inputs both = with_entrants(plain, electrolyser + user);
    const Inputs alone = with_entrants(plain, user);
    for (std::uint64_t seed : {1u, 2u}) {
        INFO("seed " << seed);
        CHECK(status_in(testing::run(both, seed), 2030, plant_index(both, "H2USER")) == PlantStatus::operating);
        // Without it the user waits for hydrogen that never comes.
        CHECK(status_in(testing::run(alone, seed), 2050, plant_index(alone, "H2USER")) == PlantStatus::not_built);
    }
}

TEST_CASE("a renewable hydrogen supplier earns its group's price plus the refinery-route credit, or the green price",
          "[entrants][supply]") {
    // Two entrants alike but for what they supply: the renewable one's revenue is the other's
    // (its product group's price, the grey product it displaces) plus the credit per GJ x 120
    // GJ/t; with a green-hydrogen price above that, it is the green price x 120.
    Inputs plain = testing::small_inputs();
    constexpr double kCreditPerGj = 25.0;
    plain.scenario.prices.rfnbo_refinery_credit_eur_per_gj = TimePath{kCreditPerGj};
    const Inputs in = with_entrants(plain, entrant_row("ELY", "scheduled", 2030, 0.0, 0.0, 800, "5,green_hydrogen,120,") +
                                               entrant_row("GREY", "scheduled", 2030, 0.0, 0.0, 800));
    const auto keep_revenue = [](const Inputs& inputs, const std::string& id) {
        const Model model = build_model(inputs);
        const RunState state = make_initial_state(model, 1, 0);
        const PlantDecision d = entry_decision(model, state, 2028, plant_index(inputs, id));
        REQUIRE(!d.appraisals.empty());
        return d.appraisals.front().revenue_eur_per_t;
    };
    const double grey = keep_revenue(in, "GREY");
    REQUIRE(grey > 0);
    CHECK(keep_revenue(in, "ELY") == Approx(grey + kCreditPerGj * 120));
    // A green-hydrogen price counts only in years with an obligation (§7.16).
    Inputs priced = in;
    const double green_per_gj = (grey / 120 + kCreditPerGj) * 2;  // well above the refinery's value
    priced.scenario.prices.green_hydrogen_eur_per_gj = TimePath{green_per_gj};
    CHECK(keep_revenue(priced, "ELY") == Approx(grey + kCreditPerGj * 120));
    Inputs obligated = priced;
    obligated.scenario.policy.hydrogen_obligation_share = TimePath{0.42};
    CHECK(keep_revenue(obligated, "ELY") == Approx(green_per_gj * 120));
}

TEST_CASE("a scheduled electrolyser that allocation refuses adds no hydrogen to any year", "[entrants][supply]") {
    // It needs grid (50 GJ of electricity per t) and its cluster has none: refused every year.
    Inputs plain = testing::small_inputs();
    for (ClusterSpec& cluster : plain.clusters) cluster.grid_headroom_mw = TimePath{0.0};
    const Inputs in = with_entrants(plain, entrant_row("ELY", "scheduled", 2030, 50.0, 0.0, 800, "5,green_hydrogen,120,"));
    const RunResult with = testing::run(in, 2);
    const RunResult without = testing::run(plain, 2);
    CHECK(status_in(with, 2050, plant_index(in, "ELY")) == PlantStatus::not_built);
    for (int y = 0; y < with.years; ++y) {
        INFO("year " << with.base_year + y);
        CHECK(with.hydrogen_supply_gj[static_cast<std::size_t>(y)] ==
              Approx(without.hydrogen_supply_gj[static_cast<std::size_t>(y)]));
    }
}

TEST_CASE("a running pyrolysis entrant adds exactly its output to the feedstock supply; use never exceeds it",
          "[entrants][supply][feedstock]") {
    // The Dutch crackers must take 30 % pyrolysis oil (no buy-out) from 10 kt/yr: demand far
    // exceeds supply. The dataset's own suppliers are switched off; one of 40 kt/yr at 0.5 enters.
    Inputs in = testing::dutch_inputs();
    std::size_t hvc = 0, oil = 0;
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        if (in.sectors[s].id == "hvc") hvc = s;
    for (std::size_t f = 0; f < in.feedstocks.size(); ++f) {
        FeedstockSpec& feed = in.feedstocks[f];
        feed.priced = feed.id == "pyrolysis_oil";
        feed.supply_t = TimePath{feed.priced ? 10e3 : 0.0};
        feed.price_eur_per_t = TimePath{900.0};
        if (feed.priced) oil = f;
    }
    for (std::size_t i = 0; i < in.scenario.prices.feedstock_names.size(); ++i)
        if (in.scenario.prices.feedstock_names[i] == "pyrolysis_oil") in.scenario.prices.feedstock_eur_per_t[i] = TimePath{900.0};
    in.sector_feed[hvc].fossil_price_eur_per_t = TimePath{600.0};
    in.scenario.feedstock.sector_mandate_share.assign(in.sectors.size(), TimePath{0.0});
    in.scenario.feedstock.sector_buyout_eur_per_t.assign(in.sectors.size(), TimePath{0.0});
    in.scenario.feedstock.sector_mandate_share[hvc] = TimePath{0.3};
    for (PlantSpec& plant : in.plants) plant.entry.supplies = EntrySupply::none;
    const auto dir = std::filesystem::temp_directory_path() / ("eiisim_entrants_pyro_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "entrants.csv")
        << kHeader
        << "PYRO,Pyrolysis,Someone,rotterdam_moerdijk,organic_chemicals,pyrolysis_oil,40000,0.5,2027,scheduled,0,0,0,0,"
           "0.3,2,pyrolysis_oil,1,40,2000,100,20,2,0.1,0,30,test\n";
    load_entrants(dir / "entrants.csv", in, in.scenario.base_year);
    const int e = plant_index(in, "PYRO");
    REQUIRE(in.plants[static_cast<std::size_t>(e)].entry.supplied_feedstock == static_cast<int>(oil));
    const RunResult r = testing::run(in, 5);
    int start = 0;
    for (int year = r.base_year; year < r.base_year + r.years && start == 0; ++year)
        if (status_in(r, year, e) != PlantStatus::not_built) start = year;
    REQUIRE(start >= 2027);
    const auto recycled = static_cast<std::size_t>(FeedOrigin::recycled);
    bool binding = false;
    for (int y = 0; y < r.years; ++y) {
        const std::size_t at = static_cast<std::size_t>(y) * kFeedOriginCount + recycled;
        INFO("year " << r.base_year + y);
        CHECK(r.feedstock_supply_t[at] == Approx(10e3 + (r.base_year + y >= start ? 40000 * 0.5 : 0.0)));
        CHECK(r.feedstock_use_t[at] <= r.feedstock_supply_t[at] * (1 + 1e-12));
        // Use follows this year's output under last year's grant, so it stays a little below.
        binding = binding || (r.base_year + y >= start && r.feedstock_use_t[at] > 0.9 * r.feedstock_supply_t[at]);
    }
    CHECK(binding);  // the crackers took the entrant's oil too
    // It sells the oil at the feedstock's price plus its gate fee, not at its sector's price.
    bool priced = false;
    for (const DecisionEvent& ev : r.events)
        if (ev.plant == e)
            for (const OptionAppraisal& o : ev.options) priced |= o.revenue_eur_per_t == Approx(900.0 + 40.0);
    CHECK(priced);
}

TEST_CASE("competing with an incumbent's conversion, the priority rule decides", "[entrants]") {
    Inputs in = with_entrants(testing::small_inputs(), entrant_row("E1", "scheduled", 2030, 20.0, 0.0, 800));
    in.scenario.behaviour.priority = PriorityRule::cost_effectiveness;
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 1, 0);
    const int e = plant_index(in, "E1");
    const int incumbent = plant_index(in, "shell_moerdijk");  // same cluster
    PlantDecision entry = entry_decision(model, state, 2028, e);
    REQUIRE(!entry.ranked.empty());
    const double mw = amount_of(entry.ranked.front().claim, Resource::grid);
    // The incumbent wants an electrified route with the same grid claim, at a finite cost per
    // t CO2 avoided; the entrant avoids nothing (its own route is its reference).
    PlantDecision conversion;
    conversion.plant = incumbent;
    Candidate c;
    c.technology = testing::technology_index(in, "ethylene/e_cracker");
    c.start_year = 2030;
    c.eur_per_tco2_avoided = 150;
    amount_of(c.claim, Resource::grid) = mw;
    conversion.ranked.push_back(c);
    // Room for one of them only.
    CapacityLedger& grid = ledger_of(state, Resource::grid, in.plants[static_cast<std::size_t>(e)].cluster);
    grid.reserve(grid.capacity(2030) - grid.used(2030) - 1.5 * mw, 2030);
    std::vector<PlantDecision> decisions{entry, conversion};
    allocate(model, state, 2028, 1, 0, decisions, nullptr);
    CHECK(state.target_technology[static_cast<std::size_t>(incumbent)] == c.technology);
    CHECK(state.target_technology[static_cast<std::size_t>(e)] < 0);
    CHECK(std::isinf(entry.ranked.front().eur_per_tco2_avoided));
}

TEST_CASE("a candidate enters only on a positive business case", "[entrants]") {
    // Capex of 1e6 EUR per t/yr can never pay; without capex the entrant earns what the
    // incumbents of its product group earn (their other cost is its own).
    const Inputs in = with_entrants(testing::small_inputs(), entrant_row("LOSS", "candidate", 2028, 1.0, 0.0, 1e6) +
                                                               entrant_row("GAIN", "candidate", 2028, 1.0, 0.0, 0));
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const RunResult r = testing::run(in, seed);
        const int loss = plant_index(in, "LOSS");
        const int gain = plant_index(in, "GAIN");
        for (int year = r.base_year; year <= r.base_year + r.years - 1; ++year)
            CHECK(status_in(r, year, loss) == PlantStatus::not_built);
        CHECK(status_in(r, 2050, gain) != PlantStatus::not_built);
        CHECK(status_in(r, 2027, gain) == PlantStatus::not_built);
        // The loss-maker's decisions are logged with their margins (why it did not enter).
        bool explained = false;
        for (const DecisionEvent& ev : r.events)
            if (ev.plant == loss && ev.trigger == Trigger::entry_candidate)
                for (const OptionAppraisal& o : ev.options) explained |= o.margin_eur_per_t < 0;
        CHECK(explained);
    }
}

TEST_CASE("entrants.csv errors name file, line and field", "[entrants][loader]") {
    const auto fails = [](const std::string& row, const char* field) {
        INFO(row);
        CHECK_THROWS_WITH(with_entrants(testing::small_inputs(), row, "bad_entrants.csv"),
                          Catch::Contains("bad_entrants.csv:2") && Catch::Contains(field));
    };
    fails(entrant_row("E1", "maybe", 2030, 1, 0, 0), "status");
    // An entrant has no base year.
    fails(entrant_row("E1", "candidate", 2020, 1, 0, 0), "earliest_year");
    fails(entrant_row("yara_sluiskil", "candidate", 2030, 1, 0, 0), "id");
    fails(entrant_row("E1", "candidate", 2030, -1, 0, 0), "electricity_gj_per_t");
    std::string other_cluster = entrant_row("E1", "candidate", 2030, 1, 0, 0);
    other_cluster.replace(other_cluster.find("rotterdam_moerdijk"), 18, "atlantis");
    fails(other_cluster, "cluster");
    // The land it takes and what it supplies (docs/input-format.md "entrants.csv").
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "-1,,,"), "space_ha");
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,unobtainium,1,"), "supplies");
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,hydrogen,,"), "supply_per_t");
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,,1,"), "supply_per_t");
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,green_hydrogen,0,"), "supply_per_t");
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,hydrogen,33.3,"), "supply_per_t");  // not t of H2
    fails(entrant_row("E1", "candidate", 2030, 1, 0, 0, "10,,,-5"), "gate_fee_eur_per_t");
}

TEST_CASE("a run with entrants is identical on one and on two threads", "[entrants][determinism]") {
    const Model model = build_model(with_entrants(testing::small_inputs(),
                                                  entrant_row("E1", "scheduled", 2027, 2.0, 3.0, 500) +
                                                      entrant_row("E2", "candidate", 2028, 1.0, 0.0, 0)));
    const auto run_with = [&](std::size_t threads) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        return simulate(model, 11);
    };
    const RunResult one = run_with(1);
    const RunResult two = run_with(2);
    CHECK(one.status == two.status);
    CHECK(one.production_t == two.production_t);
    CHECK(one.co2_net_t == two.co2_net_t);
    CHECK(one.cluster_entrants == two.cluster_entrants);
}

TEST_CASE("an expansion takes its site's other cost, a new site its group's site-independent one", "[entrants]") {
    // entrants.csv without a `site` column: every entrant is a new site.
    const Inputs fresh = with_entrants(testing::small_inputs(), entrant_row("NEW", "candidate", 2030, 1.0, 0.0, 0));
    const Model m = build_model(fresh);
    const int newcomer = plant_index(fresh, "NEW");
    double cost = 0, weight = 0;
    for (const char* id : {"shell_moerdijk", "dow_terneuzen"}) {
        const int q = plant_index(fresh, id);
        cost += site_independent_other_cost_eur_per_t(m.baselines[static_cast<std::size_t>(q)]) *
                fresh.plants[static_cast<std::size_t>(q)].production_t;
        weight += fresh.plants[static_cast<std::size_t>(q)].production_t;
    }
    CHECK(m.baselines[static_cast<std::size_t>(newcomer)].other_cost_eur_per_t == Approx(cost / weight));

    // With `site`: the expansion of Shell Moerdijk runs Shell Moerdijk's process on its site.
    Inputs in = testing::small_inputs();
    const auto dir = std::filesystem::temp_directory_path() / ("eiisim_entrants_site_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string header = kHeader;
    header.replace(header.find(",product,"), 9, ",product,site,");
    std::string row = entrant_row("EXP", "candidate", 2030, 1.0, 0.0, 0);
    row.replace(row.find("ethylene,,"), 10, "ethylene,,shell_moerdijk,");
    std::ofstream(dir / "entrants.csv") << header << row;
    load_entrants(dir / "entrants.csv", in, in.scenario.base_year);
    const Model ms = build_model(in);
    CHECK(ms.baselines[static_cast<std::size_t>(plant_index(in, "EXP"))].other_cost_eur_per_t ==
          ms.baselines[static_cast<std::size_t>(plant_index(in, "shell_moerdijk"))].other_cost_eur_per_t);
}
