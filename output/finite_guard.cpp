#include "finite_guard.hpp"

#include <cmath>
#include <string>
#include <type_traits>

#include "core/observables.hpp"

namespace eiisim::output {
namespace {

std::string describe_value(double v) { return std::isnan(v) ? "NaN" : (v > 0 ? "+infinity" : "-infinity"); }

// "plant tata_ijmuiden_bf (Tata Steel IJmuiden blast furnaces)", "cluster rotterdam", ...
std::string where_in_year(const Inputs& inputs, const Observable& o, std::size_t index) {
    switch (o.level) {
        case Level::plant: {
            const auto& p = inputs.plants[index];
            return "plant " + p.id + " (" + p.name + ")";
        }
        case Level::cluster: return "cluster " + inputs.clusters[index].id;
        case Level::instrument: return "instrument " + inputs.scenario.policy.instruments[index].id;
        case Level::national: break;
    }
    return "the national total";
}

[[noreturn]] void fail_series(const Inputs& inputs, const RunResult& r, const Observable& o, std::size_t i, double v) {
    const auto plants = static_cast<std::size_t>(r.plants), clusters = static_cast<std::size_t>(r.clusters);
    const auto instruments = static_cast<std::size_t>(r.instruments);
    const std::size_t per_year = o.per_year(plants, clusters, instruments);
    Observable level_only = o;  // the same row without its extra dimension
    level_only.extra = Extra::none;
    const std::size_t width = per_year / level_only.per_year(plants, clusters, instruments);
    const std::size_t in_year = i % per_year;
    std::string message = "the run computed " + describe_value(v) + " for " + std::string(o.name) + " (" +
                          std::string(o.long_name) + ") of " + where_in_year(inputs, o, in_year / width) + " in " +
                          std::to_string(r.base_year + static_cast<int>(i / per_year));
    if (o.extra != Extra::none)
        message += ", " + std::string(kExtraNames[static_cast<std::size_t>(o.extra)]) + " index " +
                   std::to_string(in_year % width);
    throw NonFiniteResult(message + "; nothing was written (an input is out of its physical range, or this is a bug: "
                                    "please report it with the scenario)");
}

[[noreturn]] void fail_event(const Inputs& inputs, const DecisionEvent& e, const std::string& what, double v) {
    const auto& p = inputs.plants[static_cast<std::size_t>(e.plant)];
    throw NonFiniteResult("the run computed " + describe_value(v) + " for " + what + " in the decision of plant " +
                          p.id + " (" + p.name + ") in " + std::to_string(e.year) + "; nothing was written");
}

void check_option(const Inputs& inputs, const DecisionEvent& e, const OptionAppraisal& a) {
    const auto check = [&](double v, const char* what) {
        if (!std::isfinite(v)) fail_event(inputs, e, what, v);
    };
    check(a.cost_eur_per_t, "an option's cost");
    check(a.margin_eur_per_t, "an option's margin");
    check(a.subsidy_eur_per_t, "an option's subsidy");
    for (const double t : a.cost_terms_eur_per_t) check(t, "an option's cost term");
    for (const double t : a.energy_eur_per_t) check(t, "an option's energy cost");
    for (const double t : a.energy_part_eur_per_t) check(t, "an option's energy cost part");
    check(a.investment_aid_eur_per_t, "an option's investment aid");
    check(a.risk_premium_eur_per_t, "an option's risk premium");
    check(a.revenue_eur_per_t, "an option's revenue");
    check(a.utility(), "an option's utility");
}

}  // namespace

void check_result_finite(const Inputs& inputs, const RunResult& r) {
    for (const Observable& o : observables()) {
        if (!o.in_run_file() || o.f64 == nullptr) continue;  // integer series cannot hold a NaN
        const std::vector<double>& values = r.*o.f64;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!std::isfinite(values[i])) fail_series(inputs, r, o, i, values[i]);
    }
    for (const DecisionEvent& e : r.events) {
        if (!std::isfinite(e.subsidy_committed_eur)) fail_event(inputs, e, "the committed subsidy", e.subsidy_committed_eur);
        if (!std::isfinite(e.closure_margin_eur_per_t))
            fail_event(inputs, e, "the closure bound", e.closure_margin_eur_per_t);
        for (const OptionAppraisal& a : e.options) check_option(inputs, e, a);
    }
}

}  // namespace eiisim::output
