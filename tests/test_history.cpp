// The observed history layer (docs/ODD.md §7.13): each kind of row acts in its years,
// history modes choose which rows apply, forced history freezes endogenous changes
// through the last observed year, and an observed closure shocks its neighbours.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;
using eiisim::testing::technology_index;

namespace {

HistoryEntry row(const Inputs& in, const std::string& plant, HistoryKind kind, int first, int last, double share,
                 bool exogenous = false) {
    return testing::history_row(in, plant, kind, first, last, share, exogenous);
}

Inputs small_with(std::vector<HistoryEntry> history, HistoryMode mode = HistoryMode::forced) {
    Inputs in = testing::small_inputs();
    in.scenario.behaviour.deterministic = true;
    in.scenario.history = mode;
    in.history = std::move(history);
    return in;
}

double value(const RunResult& r, const std::vector<double>& series, int year, int plant) {
    return series[r.at(year - r.base_year, plant)];
}

PlantStatus status(const RunResult& r, int year, int plant) {
    return static_cast<PlantStatus>(r.status[r.at(year - r.base_year, plant)]);
}

}  // namespace

TEST_CASE("an observed outage or curtailment sets the utilisation in its years only", "[history][rules]") {
    Inputs in = small_with({});
    const int yara = plant_index(in, "yara_sluiskil");
    const int shell = plant_index(in, "shell_pernis");
    in.history = {row(in, "yara_sluiskil", HistoryKind::curtailment, 2022, 2023, 0.5),
                  row(in, "shell_pernis", HistoryKind::outage, 2021, 2021, 0.3, true)};
    const RunResult r = testing::run(in);
    CHECK(value(r, r.utilisation, 2022, yara) == Approx(0.5));
    CHECK(value(r, r.utilisation, 2023, yara) == Approx(0.5));
    CHECK(value(r, r.utilisation, 2021, yara) != Approx(0.5));
    CHECK(value(r, r.utilisation, 2021, shell) == Approx(0.3));
    CHECK(value(r, r.utilisation, 2022, shell) != Approx(0.3));
    CHECK(value(r, r.production_t, 2022, yara) == Approx(0.5 * in.plants[static_cast<std::size_t>(yara)].capacity_t));
}

TEST_CASE("an observed utilisation is not cut again by the curtailment rule", "[history][rules]") {
    // Gas so dear in 2021-2022 that ammonia runs at a loss: the rule would halve it.
    Inputs in = small_with({});
    in.scenario.behaviour.curtailed_utilisation = 0.5;
    std::vector<std::pair<int, double>> gas;
    for (int y = 2020; y <= 2050; ++y)
        gas.emplace_back(y, y == 2021 || y == 2022 ? 200.0 : in.scenario.prices.gas_eur_per_gj.at(y));
    in.scenario.prices.gas_eur_per_gj = TimePath(gas);
    // A market-wide spike, as in 2021-2022: the EU competitors pay it too (docs/ODD.md §7.1).
    for (TimePath& neighbour : in.scenario.neighbours.gas_eur_per_gj) neighbour = TimePath(gas);
    // Free mode: the rule acts in every year after the base year but the observed one.
    in.scenario.history = HistoryMode::free;
    in.history = {row(in, "yara_sluiskil", HistoryKind::outage, 2022, 2022, 0.8, true)};
    const int yara = plant_index(in, "yara_sluiskil");
    const RunResult r = testing::run(in);
    REQUIRE(value(r, r.utilisation, 2021, yara) < 0.6);  // the rule bites in an unobserved year
    CHECK(value(r, r.utilisation, 2022, yara) == Approx(0.8));
    // Forced mode: every year up to the last observed one is observed; a plant without a
    // row ran as usual (docs/ODD.md §7.13, "No curtailment rule in observed years").
    in.scenario.history = HistoryMode::forced;
    const RunResult forced = testing::run(in);
    CHECK(value(forced, forced.utilisation, 2021, yara) > 0.8);
    CHECK(value(forced, forced.utilisation, 2022, yara) == Approx(0.8));
    CHECK(value(forced, forced.utilisation, 2023, yara) < 0.6);  // after the observed years the rule acts
}

TEST_CASE("a mothballed plant makes nothing in its years and runs again afterwards", "[history][rules]") {
    Inputs in = small_with({});
    in.history = {row(in, "oci_geleen", HistoryKind::mothball, 2022, 2023, 0.0)};
    const int oci = plant_index(in, "oci_geleen");
    const RunResult r = testing::run(in);
    CHECK(value(r, r.production_t, 2021, oci) > 0);
    CHECK(value(r, r.production_t, 2022, oci) == 0);
    CHECK(value(r, r.co2_net_t, 2023, oci) == 0);
    CHECK(status(r, 2023, oci) == PlantStatus::operating);
    CHECK(value(r, r.production_t, 2024, oci) > 0);
}

TEST_CASE("a partial closure removes its share of capacity from its year on", "[history][rules]") {
    Inputs in = small_with({});
    in.history = {row(in, "shell_pernis", HistoryKind::closure, 2023, 2023, 0.4)};
    const int shell = plant_index(in, "shell_pernis");
    const double capacity = in.plants[static_cast<std::size_t>(shell)].capacity_t;
    const RunResult r = testing::run(in);
    const auto made_share = [&](int year) {
        return value(r, r.production_t, year, shell) / (capacity * value(r, r.utilisation, year, shell));
    };
    CHECK(made_share(2022) == Approx(1.0));
    CHECK(made_share(2023) == Approx(0.6));
    CHECK(made_share(2030) == Approx(0.6));
    CHECK(status(r, 2030, shell) != PlantStatus::closed);
}

TEST_CASE("an observed closure takes effect in its year and shocks its neighbours", "[history][rules][value_chain]") {
    Inputs in = small_with({});
    const int dow = plant_index(in, "dow_terneuzen");
    const int refinery = plant_index(in, "zeeland_refinery");  // supplies naphtha to Dow
    const RunResult before = testing::run(in);
    in.history = {row(in, "dow_terneuzen", HistoryKind::closure, 2024, 2024, 1.0)};
    const RunResult r = testing::run(in);
    CHECK(status(r, 2023, dow) != PlantStatus::closed);
    CHECK(status(r, 2024, dow) == PlantStatus::closed);
    CHECK(value(r, r.production_t, 2024, dow) == 0);
    // The refinery lost Dow's offtake from 2024, as after an endogenous closure.
    CHECK(value(r, r.utilisation, 2023, refinery) == Approx(value(before, before.utilisation, 2023, refinery)));
    CHECK(value(r, r.utilisation, 2024, refinery) < value(before, before.utilisation, 2024, refinery));
    bool logged = false;
    for (const DecisionEvent& e : r.events)
        logged |= e.plant == dow && e.trigger == Trigger::observed && e.year == 2024;
    CHECK(logged);
}

TEST_CASE("an observed project is a granted conversion holding its scarce capacity", "[history][rules]") {
    Inputs in = small_with({});
    const int ccs = technology_index(in, "ammonia/ccs_process_co2");
    // Granted in the base year, before the plant decides anything itself.
    const int start = 2020 + std::max(1, in.technologies[static_cast<std::size_t>(ccs)].lead_time_y);
    HistoryEntry project = row(in, "yara_sluiskil", HistoryKind::project, start, start, 0.0);
    project.technology = ccs;
    in.history = {project};
    // Storage exists in this world (without it the scenario wins: test_engine_rules.cpp).
    in.national.co2_storage_t = TimePath(1e9);
    const Model model = build_model(in);
    const int yara = project.plant;
    const int cluster = model.inputs.plants[static_cast<std::size_t>(yara)].cluster;
    REQUIRE(model.history.projects.at(0).size() == 1);
    const RunResult r = simulate(model, 1);
    CHECK(r.technology[r.at(start - 1 - 2020, yara)] != ccs);
    CHECK(r.technology[r.at(start - 2020, yara)] == ccs);
    CHECK(value(r, r.co2_captured_t, start, yara) > 0);
    // The grant books the captured CO2 in the storage ledger from the start year.
    RunState state = make_initial_state(model, 1, 0);
    apply_history(model, state, 2020, nullptr);
    CHECK(ledger_of(state, Resource::co2_storage, cluster).used(start - 1) == 0);
    CHECK(ledger_of(state, Resource::co2_storage, cluster).used(start) > 0);
}

TEST_CASE("history modes: free applies only exogenous rows, off none", "[history][rules]") {
    const auto rows = [](const Inputs& in) {
        return std::vector<HistoryEntry>{row(in, "yara_sluiskil", HistoryKind::curtailment, 2022, 2022, 0.5),
                                         row(in, "shell_pernis", HistoryKind::outage, 2022, 2022, 0.3, true),
                                         row(in, "dow_terneuzen", HistoryKind::closure, 2023, 2023, 1.0)};
    };
    Inputs free = small_with({}, HistoryMode::free);
    free.history = rows(free);
    const int yara = plant_index(free, "yara_sluiskil");
    const int shell = plant_index(free, "shell_pernis");
    const int dow = plant_index(free, "dow_terneuzen");
    Inputs off = free;
    off.scenario.history = HistoryMode::off;
    const RunResult rf = testing::run(free);
    const RunResult ro = testing::run(off);
    CHECK(value(rf, rf.utilisation, 2022, shell) == Approx(0.3));
    CHECK(value(rf, rf.utilisation, 2022, yara) != Approx(0.5));
    CHECK(status(rf, 2023, dow) != PlantStatus::closed);
    CHECK(build_model(free).history.last_observed_year == 2019);  // free mode freezes nothing
    CHECK(value(ro, ro.utilisation, 2022, shell) != Approx(0.3));
    CHECK(value(ro, ro.utilisation, 2022, yara) != Approx(0.5));
}

TEST_CASE("forced history: no endogenous change takes effect through the last observed year", "[history][rules]") {
    // Without history the deterministic small scenario changes routes before 2030.
    Inputs in = small_with({}, HistoryMode::off);
    in.history = {row(in, "shell_pernis", HistoryKind::outage, 2029, 2030, 0.9, true)};
    const auto endogenous_by = [](const RunResult& r, int year) {
        int n = 0;
        for (const DecisionEvent& e : r.events)
            n += e.trigger != Trigger::observed && e.to_technology != e.from_technology && e.running_from_year <= year;
        return n;
    };
    REQUIRE(endogenous_by(testing::run(in), 2030) > 0);
    in.scenario.history = HistoryMode::forced;
    CHECK(build_model(in).history.last_observed_year == 2030);
    const RunResult forced = testing::run(in);
    CHECK(endogenous_by(forced, 2030) == 0);
    CHECK(endogenous_by(forced, 2050) > 0);  // afterwards the plants decide again
}

namespace {

SectorActivity activity(const Inputs& in, const std::string& sector, int year, double index) {
    SectorActivity a;
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        if (in.sectors[s].id == sector) a.sector = static_cast<int>(s);
    a.year = year;
    a.index = index;
    a.source = "test";
    return a;
}

}  // namespace

TEST_CASE("forced history: a sector's observed volume index scales its plants without a row", "[history][rules]") {
    // Yara has an observed row in 2022; the outage of Shell in 2023 makes 2023 the last
    // observed year, so the ammonia index of 2024 lies after it.
    Inputs in = small_with({});
    const int yara = plant_index(in, "yara_sluiskil");
    const int oci = plant_index(in, "oci_geleen");
    in.history = {row(in, "yara_sluiskil", HistoryKind::curtailment, 2022, 2022, 0.5),
                  row(in, "shell_pernis", HistoryKind::outage, 2023, 2023, 0.9, true)};
    const RunResult plain = testing::run(in);
    in.sector_activity = {activity(in, "ammonia", 2022, 0.8), activity(in, "ammonia", 2024, 0.7)};
    const RunResult scaled = testing::run(in);
    REQUIRE(build_model(in).history.last_observed_year == 2023);
    CHECK(value(scaled, scaled.utilisation, 2022, oci) == Approx(0.8 * value(plain, plain.utilisation, 2022, oci)));
    CHECK(value(scaled, scaled.utilisation, 2022, yara) == Approx(0.5));  // the row keeps precedence
    CHECK(value(scaled, scaled.utilisation, 2021, oci) == Approx(value(plain, plain.utilisation, 2021, oci)));
    CHECK(value(scaled, scaled.utilisation, 2024, oci) == Approx(value(plain, plain.utilisation, 2024, oci)));
    // Free and off modes leave activity to behaviour: the table does not apply.
    for (HistoryMode mode : {HistoryMode::free, HistoryMode::off}) {
        in.scenario.history = mode;
        const RunResult with = testing::run(in);
        Inputs without_table = in;
        without_table.sector_activity.clear();
        const RunResult without = testing::run(without_table);
        CHECK(value(with, with.utilisation, 2022, oci) == Approx(value(without, without.utilisation, 2022, oci)));
    }
}

TEST_CASE("forced history: a sector index above 1 stops at the plant's capacity", "[history][rules]") {
    Inputs in = small_with({});
    in.history = {row(in, "shell_pernis", HistoryKind::outage, 2023, 2023, 0.9, true)};
    in.sector_activity = {activity(in, "ammonia", 2022, 5.0)};
    const RunResult r = testing::run(in);
    CHECK(value(r, r.utilisation, 2022, plant_index(in, "oci_geleen")) == Approx(1.0));
}

TEST_CASE("forced history: a fuel-gas buyer burns what its supplier makes, not its own sector's index",
          "[history][rules][fuel_gas]") {
    // The steelworks runs 10 % above its base rate in 2021 and is observed at 80 % of
    // capacity in 2022; the power plant on its gas has no row and its sector no index.
    Inputs in = testing::fuel_gas_inputs();
    in.scenario.behaviour.deterministic = true;
    in.scenario.history = HistoryMode::forced;
    const int steel = plant_index(in, "steelworks");
    const int power = plant_index(in, "gas_power");
    const double steel_base = in.plants[static_cast<std::size_t>(steel)].production_t /
                              in.plants[static_cast<std::size_t>(steel)].capacity_t;
    in.history = {testing::history_row(in, "steelworks", HistoryKind::outage, 2022, 2022, 0.8, true)};
    in.sector_activity = {activity(in, "steel", 2021, 1.1)};
    const HistoryPlan plan = build_model(in).history;
    REQUIRE(plan.last_observed_year == 2022);
    CHECK(plan.activity_factor(1, power) == Approx(1.1));                 // 2021: the steelworks' index
    CHECK(plan.activity_factor(2, power) == Approx(0.8 / steel_base));    // 2022: its observed rate
    CHECK(plan.activity_factor(3, power) == 1.0);                         // after the observed years
    const RunResult r = testing::run(in);
    const RunResult base_run = testing::run(testing::fuel_gas_inputs());
    CHECK(value(r, r.utilisation, 2021, power) == Approx(1.1 * value(base_run, base_run.utilisation, 2020, power)));
    // Free mode leaves it to behaviour: the table does not apply.
    in.scenario.history = HistoryMode::free;
    CHECK(build_model(in).history.activity_factor(1, power) == 1.0);
}
