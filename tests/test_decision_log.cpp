// The event log explains every decision (docs/ODD.md section 7.7): in each logged decision
// the chosen variant has the highest total utility (deterministic part + strategic bias
// + random term) among the feasible variants allocation did not refuse; the rank the log
// reports is the ranking that decided; variants of one kind share the kind's bias and
// draw (nested choice); a closure is decided by the closure rule, without a ranking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "fixtures.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

// Utilities are sums of three parts as the ranking adds them in another order: equal to
// rounding (a few ulp of the largest part).
constexpr double kUlps = 1e-12;

bool same(double a, double b) { return std::abs(a - b) <= kUlps * (1.0 + std::abs(a) + std::abs(b)); }

OptionKind kind_of(const Inputs& in, const OptionAppraisal& o) {
    return in.technologies[static_cast<std::size_t>(o.technology)].kind;
}

// Ranked rows come first, numbered 0, 1, ... with non-increasing utility; every feasible
// row but close is ranked unless the closure rule decided.
void check_ranking(const Inputs& in, const DecisionEvent& e) {
    int expected = 0;
    for (const OptionAppraisal& o : e.options) {
        const bool rankable = o.feasible && kind_of(in, o) != OptionKind::close && !e.closed_by_rule;
        CHECK((o.rank >= 0) == rankable);
        if (o.rank < 0) continue;
        CHECK(o.rank == expected++);
        if (o.rank > 0) CHECK(e.options[static_cast<std::size_t>(o.rank - 1)].utility() >= o.utility() - kUlps);
    }
}

// Nested choice: one bias and one draw per kind, whatever the variant.
void check_nested(const Inputs& in, const DecisionEvent& e) {
    for (const OptionAppraisal& a : e.options)
        for (const OptionAppraisal& b : e.options)
            if (kind_of(in, a) == kind_of(in, b) && kind_of(in, a) != OptionKind::close) {
                CHECK(a.utility_random == b.utility_random);
                CHECK(a.utility_bias == b.utility_bias);
            }
}

void check_closure(const Inputs& in, const DecisionEvent& e) {
    double best = -INFINITY;
    for (const OptionAppraisal& o : e.options)
        if (o.feasible && kind_of(in, o) != OptionKind::close) best = std::max(best, o.margin_eur_per_t);
    CHECK(best < e.closure_margin_eur_per_t);
    const auto chosen = std::find_if(e.options.begin(), e.options.end(), [](const OptionAppraisal& o) { return o.chosen; });
    REQUIRE(chosen != e.options.end());
    CHECK(kind_of(in, *chosen) == OptionKind::close);
}

// The choice beats (or ties, losing no tie-break) every feasible, granted variant.
void check_choice(const Inputs& in, const DecisionEvent& e) {
    check_ranking(in, e);
    check_nested(in, e);
    if (e.closed_by_rule) {
        check_closure(in, e);
        return;
    }
    CHECK(std::count_if(e.options.begin(), e.options.end(), [](const OptionAppraisal& o) { return o.chosen; }) <= 1);
    const auto chosen = std::find_if(e.options.begin(), e.options.end(), [](const OptionAppraisal& o) { return o.chosen; });
    if (chosen == e.options.end()) {
        // Nothing granted: every ranked variant was refused and the plant stays to wait.
        CHECK(e.to_technology == e.from_technology);
        for (const OptionAppraisal& o : e.options) CHECK((o.rank < 0 || o.refused));
        return;
    }
    CHECK(chosen->technology == e.to_technology);
    CHECK(chosen->feasible);
    CHECK(!chosen->refused);
    for (const OptionAppraisal& o : e.options) {
        if (!o.feasible || o.refused || kind_of(in, o) == OptionKind::close || &o == &*chosen) continue;
        INFO("year " << e.year << " plant " << e.plant << " technology " << o.technology);
        CHECK(chosen->utility() >= o.utility() - kUlps);
        // A tie goes to the better rank, never to the refused or later one.
        if (same(chosen->utility(), o.utility())) CHECK(chosen->rank < o.rank);
        // Everything ranked above the choice was refused by allocation, with a reason.
        if (o.rank >= 0 && o.rank < chosen->rank) FAIL("a granted variant ranked above the choice");
    }
    for (const OptionAppraisal& o : e.options)
        if (o.refused) {
            CHECK(o.refused_by != RefusedBy::none);
            CHECK(o.rank < chosen->rank);
        }
}

std::size_t check_run(const Inputs& in, std::uint64_t seed) {
    const RunResult r = run(in, seed);
    std::size_t checked = 0;
    for (const DecisionEvent& e : r.events) {
        if (e.options.empty()) continue;  // a consequence (fuel gas ended), not a choice
        check_choice(in, e);
        ++checked;
    }
    return checked;
}

}  // namespace

TEST_CASE("every logged decision takes the highest-utility granted variant: current policy", "[decision_log]") {
    const Inputs in = dutch_inputs();
    for (const std::uint64_t seed : {42u, 7u, 1234u}) {
        INFO("seed " << seed);
        CHECK(check_run(in, seed) > 100);
    }
}

TEST_CASE("every logged decision takes the highest-utility granted variant: small fixture", "[decision_log]") {
    for (const std::uint64_t seed : {1u, 42u}) CHECK(check_run(small_inputs(), seed) > 0);
}

TEST_CASE("the logged cost terms add up to the cost, and revenue minus cost is the margin", "[decision_log]") {
    const RunResult r = run(dutch_inputs(), 42);
    for (const DecisionEvent& e : r.events)
        for (const OptionAppraisal& o : e.options) {
            double sum = o.investment_aid_eur_per_t + o.risk_premium_eur_per_t;
            for (double t : o.cost_terms_eur_per_t) sum += t;
            double energy = 0;
            for (double c : o.energy_eur_per_t) energy += c;
            CHECK(sum == Approx(o.cost_eur_per_t).margin(1e-6));
            CHECK(energy == Approx(o.cost_terms_eur_per_t[static_cast<std::size_t>(CostComponent::energy)]).margin(1e-6));
            CHECK(o.revenue_eur_per_t - o.cost_eur_per_t == Approx(o.margin_eur_per_t).margin(1e-6));
        }
}
