// The permit stage of large conversions and staged conversions on multi-unit sites
// (docs/ODD.md §7.9 "Permit stage", "Staged conversions"): permits.csv is read; a granted
// large conversion runs after its permit years (plus drawn delays) and its build lead
// time; a refused permit withdraws it and the plant decides again; a unit waits while
// another unit of its site converts; and the draws do not depend on the thread count.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include <tbb/global_control.h>

#include "agents/permit_terms.hpp"
#include "fixtures.hpp"
#include "sim/permit_stage.hpp"
#include "small_copy.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

const TechnologySpec& tech_of(const Inputs& in, int t) { return in.technologies[static_cast<std::size_t>(t)]; }

// A route change of a built plant (an entrant's build is none), not a closure or relocation.
bool is_conversion(const Inputs& in, const DecisionEvent& e) {
    if (e.from_technology < 0 || e.to_technology < 0 || e.to_technology == e.from_technology) return false;
    const OptionKind kind = tech_of(in, e.to_technology).kind;
    return kind != OptionKind::close && !is_relocation(kind);
}

const OptionAppraisal* chosen_of(const DecisionEvent& e) {
    for (const OptionAppraisal& o : e.options)
        if (o.chosen) return &o;
    return nullptr;
}

// The nominal permit years a model decision's chosen conversion was appraised with: its
// start year less the decision year and the build lead time.
int appraised_permit_y(const Inputs& in, const DecisionEvent& e, const OptionAppraisal& chosen) {
    return chosen.start_year - e.year - decision_to_operation_y(tech_of(in, e.to_technology), 0);
}

Inputs with_permit_odds(Inputs in, double delay, double failure) {
    Behaviour& b = in.scenario.behaviour;
    b.permit_delay_probability = b.nitrogen_permit_delay_probability = delay;
    b.permit_failure_probability = b.nitrogen_permit_failure_probability = failure;
    return in;
}

}  // namespace

TEST_CASE("permits.csv sets the permit years of catalogue rows and plant options by sector and kind", "[permit]") {
    const Inputs in = dutch_inputs();
    const TechnologySpec& drp = tech_of(in, technology_index(in, "steel/dri_gas_eaf"));
    CHECK(drp.permit_y == 2);
    CHECK(drp.nitrogen_sensitive);
    CHECK(tech_of(in, technology_index(in, "ammonia/ccs_high_purity")).permit_y == 1);  // its own row
    CHECK(!tech_of(in, technology_index(in, "ammonia/ccs_high_purity")).nitrogen_sensitive);
    CHECK(tech_of(in, technology_index(in, "refining/ccs")).permit_y == 2);  // the `*` row
    CHECK(tech_of(in, technology_index(in, "M006_bf7/midden_ulcored_ccs")).permit_y == 2);  // a plant's own option
    CHECK(tech_of(in, technology_index(in, "steel/keep")).permit_y == 0);
    // The small fixture has no permits.csv: no stage anywhere.
    for (const TechnologySpec& t : small_inputs().technologies) CHECK(t.permit_y == 0);
}

TEST_CASE("permits.csv errors name file, line and field", "[permit][loader]") {
    SmallCopy copy;
    write_text(copy.file("permits.csv"), "# test\nsector,kind,permit_y,nitrogen_sensitive,source\n"
                                         "*,ccs,2,1,test\n");
    SECTION("keep is no conversion") {
        expect_error(copy, "permits.csv", copy.append("permits.csv", "ammonia,keep,1,0,test"), "kind",
                     "expected a conversion kind");
    }
    SECTION("unknown sector") {
        expect_error(copy, "permits.csv", copy.append("permits.csv", "stel,ccs,1,0,test"), "sector", "unknown sector");
    }
    SECTION("a second row for one sector and kind") {
        expect_error(copy, "permits.csv", copy.append("permits.csv", "*,ccs,3,0,test"), "kind", "already have a row");
    }
    SECTION("years out of range") {
        expect_error(copy, "permits.csv", copy.append("permits.csv", "ammonia,ccs,40,0,test"), "permit_y", "[0, 20]");
    }
}

TEST_CASE("a permit stage's delays and refusal follow its probabilities", "[permit]") {
    Behaviour b;
    b.permit_max_delay_y = 3;
    const auto outcome = [&](double delay, double failure, std::uint64_t plant) {
        b.permit_delay_probability = delay;
        b.permit_failure_probability = failure;
        RandomStream stream(5, 0, plant, 2030, Purpose::permit);
        return draw_permit(2, false, b, stream);
    };
    CHECK(outcome(0.0, 0.0, 1).delay_y == 0);
    CHECK(!outcome(0.0, 0.0, 1).refused);
    CHECK(outcome(1.0, 0.0, 1).delay_y == 3);  // at most permit_max_delay_y
    CHECK(outcome(0.0, 1.0, 1).refused);
    // A delay probability never changes which permits are refused (the refusal draw comes first).
    int refused = 0;
    double delays = 0;
    for (std::uint64_t p = 0; p < 4000; ++p) {
        CHECK(outcome(0.5, 0.2, p).refused == outcome(0.0, 0.2, p).refused);
        refused += outcome(0.5, 0.2, p).refused ? 1 : 0;
        delays += outcome(0.5, 0.2, p).delay_y;
    }
    CHECK(refused / 4000.0 == Approx(0.2).margin(0.02));
    CHECK(delays / 4000.0 == Approx(0.5 + 0.25 + 0.125).margin(0.05));  // sum of 0.5^j, j = 1..3
    // No stage, no draw.
    RandomStream stream(5, 0, 1, 2030, Purpose::permit);
    CHECK(draw_permit(0, true, b, stream).delay_y == 0);
}

TEST_CASE("a granted large conversion runs after its permit years, delays and build lead time", "[permit]") {
    const Inputs in = with_permit_odds(dutch_inputs(), 0.5, 0.0);
    int staged = 0, delayed = 0;
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        const RunResult r = run(in, seed);
        for (const DecisionEvent& e : r.events) {
            const OptionAppraisal* chosen = chosen_of(e);
            if (!is_conversion(in, e) || chosen == nullptr) continue;  // model decisions only
            const TechnologySpec& tech = tech_of(in, e.to_technology);
            const int permit_y = appraised_permit_y(in, e, *chosen);
            INFO("seed " << seed << " plant " << e.plant << " year " << e.year << " " << tech.id);
            REQUIRE((permit_y == 0 || permit_y == tech.permit_y));
            const int delay = e.running_from_year - chosen->start_year;
            CHECK(delay >= 0);
            CHECK(delay <= (permit_y > 0 ? in.scenario.behaviour.permit_max_delay_y : 0));
            staged += permit_y > 0 ? 1 : 0;
            delayed += delay > 0 ? 1 : 0;
            // The route starts in that year, not before (unless the plant left meanwhile, or a
            // binding agreement replaced the conversion: any later event before it runs).
            if (e.running_from_year > in.scenario.end_year) continue;
            const bool replaced = std::any_of(r.events.begin(), r.events.end(), [&](const DecisionEvent& x) {
                return &x != &e && x.plant == e.plant && x.year >= e.year && x.year < e.running_from_year;
            });
            if (replaced) continue;
            const int yi = e.running_from_year - r.base_year;
            if (r.status[r.at(yi, e.plant)] != static_cast<std::uint8_t>(PlantStatus::operating)) continue;
            CHECK(r.technology[r.at(yi, e.plant)] == e.to_technology);
            CHECK(r.technology[r.at(yi - 1, e.plant)] != e.to_technology);
        }
    }
    CHECK(staged > 0);
    CHECK(delayed > 0);
}

TEST_CASE("a refused permit withdraws the conversion and the plant decides again", "[permit]") {
    const Inputs in = with_permit_odds(dutch_inputs(), 0.0, 1.0);
    int refusals = 0;
    const RunResult r = run(in, 4);
    for (const DecisionEvent& e : r.events) {
        const OptionAppraisal* chosen = chosen_of(e);
        if (!is_conversion(in, e) || chosen == nullptr) continue;
        const int permit_y = appraised_permit_y(in, e, *chosen);
        if (permit_y == 0) continue;
        const int refused_in = e.year + permit_y;
        if (refused_in > in.scenario.end_year) continue;
        INFO("plant " << e.plant << " decided " << e.year << " refused " << refused_in);
        const auto refusal = std::find_if(r.events.begin(), r.events.end(), [&](const DecisionEvent& x) {
            return x.plant == e.plant && x.year == refused_in && x.trigger == Trigger::permit_refused && x.options.empty();
        });
        REQUIRE(refusal != r.events.end());
        CHECK(refusal->to_technology == refusal->from_technology);
        ++refusals;
        // The route never ran, and the plant is back at its decision in the refusal year.
        const int yi = refused_in - r.base_year;
        CHECK(r.technology[r.at(yi, e.plant)] != e.to_technology);
        const bool decided_again = std::any_of(r.events.begin(), r.events.end(), [&](const DecisionEvent& x) {
            return x.plant == e.plant && x.year == refused_in && x.trigger == Trigger::permit_refused &&
                   !x.options.empty();
        });
        CHECK(decided_again);
    }
    CHECK(refusals > 0);
}

TEST_CASE("units of one site convert one at a time", "[permit][staging]") {
    Inputs in = with_permit_odds(dutch_inputs(), 0.2, 0.0);
    in.scenario.behaviour.permit_min_capex_eur = 1.0;  // every conversion is large
    std::map<std::string, std::vector<int>> sites;
    for (std::size_t p = 0; p < in.plants.size(); ++p) sites[in.plants[p].site].push_back(static_cast<int>(p));
    int staged_refusals = 0;
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
        const RunResult r = run(in, seed);
        // Per plant: [granted, running) of each conversion, cut short by its next event.
        std::map<int, std::vector<std::pair<int, int>>> pending;
        for (std::size_t i = 0; i < r.events.size(); ++i) {
            const DecisionEvent& e = r.events[i];
            for (const OptionAppraisal& o : e.options) staged_refusals += o.refused_by == RefusedBy::site_staging;
            if (!is_conversion(in, e)) continue;
            int end = e.running_from_year;
            for (std::size_t j = i + 1; j < r.events.size(); ++j)
                if (r.events[j].plant == e.plant && r.events[j].year < end) end = r.events[j].year;
            pending[e.plant].push_back({e.year, end});
        }
        for (const DecisionEvent& e : r.events) {
            if (!is_conversion(in, e) || chosen_of(e) == nullptr) continue;  // the model's grants are staged
            for (const int other : sites[in.plants[static_cast<std::size_t>(e.plant)].site]) {
                if (other == e.plant) continue;
                for (const auto& [from, to] : pending[other]) {
                    INFO("seed " << seed << " unit " << in.plants[static_cast<std::size_t>(e.plant)].id << " granted "
                                 << e.year << " while unit " << in.plants[static_cast<std::size_t>(other)].id
                                 << " converted " << from << "-" << to);
                    CHECK(!(from <= e.year && e.year < to));
                }
            }
        }
    }
    CHECK(staged_refusals > 0);  // the rule was exercised
}

TEST_CASE("permit draws are the same on one and on two threads", "[permit][determinism]") {
    const Model model = build_model(with_permit_odds(dutch_inputs(), 0.5, 0.3));
    const auto run_with = [&](std::size_t threads) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        return simulate(model, 9);
    };
    const RunResult one = run_with(1);
    const RunResult two = run_with(2);
    REQUIRE(one.events.size() == two.events.size());
    int refusals = 0;
    for (std::size_t i = 0; i < one.events.size(); ++i) {
        CHECK(one.events[i].plant == two.events[i].plant);
        CHECK(one.events[i].to_technology == two.events[i].to_technology);
        CHECK(one.events[i].running_from_year == two.events[i].running_from_year);
        CHECK(one.events[i].trigger == two.events[i].trigger);
        refusals += one.events[i].trigger == Trigger::permit_refused && one.events[i].options.empty();
    }
    CHECK(refusals > 0);
    CHECK(one.technology == two.technology);
    CHECK(one.co2_net_t == two.co2_net_t);
}
