// `eiisim appraise` (cli/appraise_command.*) shows what the engine computes: each option
// variant's printed terms add up to its cost, that cost is the very number the engine
// ranks and logs, deterministic choice takes the best margin, and looking at the run
// does not change it.
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <utility>

#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "cli/appraise_command.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

constexpr std::uint64_t kSeed = 42;

double sum_of_terms(const PlantAppraisal& a, const AppraisedVariant& v) {
    double sum = 0;
    for (const auto& [name, value] : cost_terms(a.options[v.option], v.aid(a.options[v.option]))) sum += value;
    return sum;
}

const Candidate* ranked_candidate(const PlantAppraisal& a, const AppraisedVariant& v) {
    if (v.rank <= 0) return nullptr;
    return &a.decision.ranked[static_cast<std::size_t>(v.rank - 1)];
}

// The appraisal's variant the event log's row records (each variant has its own row).
const AppraisedVariant* logged_variant(const PlantAppraisal& a, const OptionAppraisal& logged) {
    for (const AppraisedVariant& v : a.variants)
        if (a.options[v.option].technology == logged.technology && v.instrument == logged.instrument) return &v;
    return nullptr;
}

void check_against_engine(const Model& model, const PlantAppraisal& a) {
    INFO("plant " << model.inputs.plants[static_cast<std::size_t>(a.plant)].id << " in " << a.year);
    CHECK(a.closes == a.decision.close);
    for (const AppraisedVariant& v : a.variants) {
        const OptionBreakdown& o = a.options[v.option];
        INFO("option " << model.inputs.technologies[static_cast<std::size_t>(o.technology)].id
                       << (v.subsidised() ? " (subsidised)" : ""));
        CHECK(sum_of_terms(a, v) == Approx(v.cost_eur_per_t).epsilon(1e-12).margin(1e-9));
        CHECK(v.margin_eur_per_t == Approx(o.cost.revenue_eur_per_t - v.cost_eur_per_t).epsilon(1e-12).margin(1e-9));
        // Every feasible variant is in the engine's ranking with the same numbers, bit for bit.
        CHECK((v.rank > 0) == (o.feasible() && !a.closes));
        if (const Candidate* c = ranked_candidate(a, v)) {
            CHECK(c->technology == o.technology);
            CHECK(c->instrument == v.instrument);
            CHECK(c->cost_eur_per_t == v.cost_eur_per_t);
            CHECK(c->margin_eur_per_t == v.margin_eur_per_t);
        }
    }
    // What the run logged for this plant's decision in the year is the same appraisal.
    if (!a.event || !a.trigger) return;
    for (const OptionAppraisal& logged : a.event->options) {
        if (logged.technology == a.close_technology) continue;
        const AppraisedVariant* v = logged_variant(a, logged);
        REQUIRE(v != nullptr);
        CHECK(logged.feasible == a.options[v->option].feasible());
        CHECK(logged.cost_eur_per_t == v->cost_eur_per_t);
        CHECK(logged.margin_eur_per_t == v->margin_eur_per_t);
        // The rank the log reports is the rank that decided.
        CHECK(logged.rank == v->rank - 1);
    }
}

}  // namespace

TEST_CASE("appraise: the terms add up to the cost that the engine ranks and logs", "[appraise]") {
    const Model model = build_model(small_inputs());
    int decided = 0;
    for (int plant = 0; plant < static_cast<int>(model.inputs.plants.size()); ++plant) {
        for (const int year : {2021, 2026, 2030, 2041}) {
            const PlantAppraisal a = appraise_plant(model, kSeed, plant, year);
            if (!a.appraised()) continue;
            check_against_engine(model, a);
            if (a.trigger && a.event) ++decided;
            // Choice probabilities: a distribution over the options unless the plant closes.
            double total = 0;
            for (const AppraisedVariant& v : a.variants) total += v.probability;
            CHECK(total == Approx(a.closes ? 0.0 : 1.0));
        }
    }
    CHECK(decided > 0);  // some of these are real decisions with an event in the log
}

TEST_CASE("appraise: Tata Steel IJmuiden and Yara Sluiskil in the Dutch scenario", "[appraise]") {
    // Years in which both still produce here with this seed (Yara decides in 2026).
    const Model model = build_model(dutch_inputs());
    // M017 decides in 2026 in this run and relocates from 2029: appraise it at that decision.
    for (const auto& [id, year] : {std::pair{"M006", 2026}, std::pair{"M006", 2030}, std::pair{"M017", 2026}}) {
        const PlantAppraisal a = appraise_plant(model, kSeed, find_plant(model.inputs, id), year);
        REQUIRE(a.appraised());
        check_against_engine(model, a);
    }
    // The Velsen power plant burns Tata's blast-furnace gas (and closes when Tata leaves the
    // blast furnace): a plant weighs options only while it produces here.
    const PlantAppraisal velsen = appraise_plant(model, kSeed, find_plant(model.inputs, "M007"), 2040);
    CHECK(velsen.appraised() ==
          (velsen.status == PlantStatus::operating || velsen.status == PlantStatus::converting));
}

TEST_CASE("appraise: in deterministic mode the engine ranks the best margin first", "[appraise]") {
    Inputs inputs = small_inputs();
    inputs.scenario.behaviour.deterministic = true;
    const Model model = build_model(std::move(inputs));
    int compared = 0;
    for (int plant = 0; plant < static_cast<int>(model.inputs.plants.size()); ++plant) {
        for (const int year : {2022, 2026, 2030, 2035}) {
            const PlantAppraisal a = appraise_plant(model, kSeed, plant, year);
            if (!a.appraised() || a.closes) continue;
            check_against_engine(model, a);
            // The best total margin over feasible variants (ties: catalogue order, twin first).
            const AppraisedVariant* best = nullptr;
            for (const AppraisedVariant& v : a.variants) {
                if (!a.options[v.option].feasible()) continue;
                if (best == nullptr || v.margin_eur_per_t > best->margin_eur_per_t) best = &v;
            }
            REQUIRE(best != nullptr);
            const Candidate& first = a.decision.ranked.front();
            CHECK(first.technology == a.options[best->option].technology);
            CHECK(first.margin_eur_per_t == best->margin_eur_per_t);
            CHECK(best->probability == 1.0);
            ++compared;
        }
    }
    CHECK(compared > 0);
}

TEST_CASE("appraise: looking at the run does not change it", "[appraise]") {
    const Model model = build_model(small_inputs());
    const RunResult plain = simulate(model, kSeed);
    RunWorkspace workspace;
    int seen = 0;
    simulate_into(model, kSeed, 0, RecordLevel::full, workspace, [&seen](int, const RunState&) { ++seen; });
    CHECK(seen == model.inputs.year_count());
    CHECK(workspace.result.co2_net_t == plain.co2_net_t);
    CHECK(workspace.result.cost_eur == plain.cost_eur);
    CHECK(workspace.result.technology == plain.technology);
    REQUIRE(workspace.result.events.size() == plain.events.size());
    // The event of one appraisal is the plain run's event.
    const PlantAppraisal a = appraise_plant(model, kSeed, 0, 2026);
    if (a.event) {
        bool found = false;
        for (const DecisionEvent& e : plain.events)
            if (e.year == 2026 && e.plant == 0) {
                found = true;
                CHECK(e.to_technology == a.event->to_technology);
                CHECK(e.options.size() == a.event->options.size());
            }
        CHECK(found);
    }
}

TEST_CASE("appraise: an unknown plant or a year outside the scenario is bad input", "[appraise]") {
    const Model model = build_model(small_inputs());
    CHECK(find_plant(model.inputs, "shell_pernis") == 2);
    try {
        (void)find_plant(model.inputs, "shell_pernys");
        FAIL("no error");
    } catch (const InputError& error) {
        const std::string text = error.what();
        CHECK(text.find("shell_pernys") != std::string::npos);
        CHECK(text.find("did you mean shell_pernis") != std::string::npos);
    }
    try {
        (void)find_plant(model.inputs, "Yara");  // a name, not an id
        FAIL("no error");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).find("yara_sluiskil") != std::string::npos);
    }
    CHECK_THROWS_AS(appraise_plant(model, kSeed, 0, 2051), InputError);
    CHECK_THROWS_WITH(appraise_plant(model, kSeed, 0, 2019), Catch::Contains("2019") && Catch::Contains("2020-2050"));
}
