#include "outcomes.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "additional_reduction.hpp"
#include "emission_targets.hpp"
#include "strategic_products.hpp"

namespace eiisim {
namespace {

// ------------------------------------------------------------ the functions of rule `function`

// Support paid by every instrument in every year.
void cumulative_subsidy(const OutcomeSource& s, double* out) {
    double sum = 0;
    for (double paid : s.result.instrument_paid_eur) sum += paid;
    *out = sum;
}

// Sum over clusters of a cluster series in year index `yi`.
double national_in(const RunResult& r, const std::vector<double>& series, int yi) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c) sum += series[r.at_cluster(yi, c)];
    return sum;
}

void relocated_co2(const OutcomeSource& s, double* out) {
    *out = national_in(s.result, s.result.cluster_co2_relocated_t, s.result.years - 1);
}

// By value at reference prices, power excluded (core/production_value.hpp): tonnes of
// different products and MWh of power do not add up.
void production_retained(const OutcomeSource& s, double* out) {
    const RunResult& r = s.result;
    const double base = national_in(r, r.cluster_production_value_eur, 0);
    const double end = national_in(r, r.cluster_production_value_eur, r.years - 1);
    *out = base > 0 ? end / base : 0.0;
}

void unmet_infrastructure_years(const OutcomeSource& s, double* out) {
    *out = static_cast<double>(std::count(s.refused_in_year.begin(), s.refused_in_year.end(), std::uint8_t{1}));
}

// National net CO2 less each target's path, per milestone: positive above the target.
void target_gap(const OutcomeSource& s, double* out) {
    const RunResult& r = s.result;
    for (const int year : s.milestones) {
        const int yi = year - r.base_year;
        const double net = national_in(r, r.cluster_co2_net_t, yi);
        for (int t = 0; t < kEmissionTargetCount; ++t)
            *out++ = net - r.target_co2_net_t[static_cast<std::size_t>(yi) * kEmissionTargetCount +
                                              static_cast<std::size_t>(t)];
    }
}

// National production value at reference prices in each milestone year over the base
// year's: a production index that weights products by value (docs/ODD.md §7.12).
void production_index(const OutcomeSource& s, double* out) {
    const RunResult& r = s.result;
    const double base = national_in(r, r.cluster_production_value_eur, 0);
    for (const int year : s.milestones)
        *out++ = base > 0 ? national_in(r, r.cluster_production_value_eur, year - r.base_year) / base : 0.0;
}

// Each strategic product's import dependence in each milestone year.
void strategic_import_dependence(const OutcomeSource& s, double* out) {
    const RunResult& r = s.result;
    for (const int year : s.milestones) {
        const auto first = static_cast<std::size_t>(year - r.base_year) * kStrategicProductCount;
        out = std::copy_n(r.strategic_import_dependence.begin() + static_cast<std::ptrdiff_t>(first),
                          kStrategicProductCount, out);
    }
}

// The reduction additional to the reference run in each milestone year: national, and per
// cluster (core/additional_reduction.hpp).
void additional_reduction_national(const OutcomeSource& s, double* out) {
    for (const int year : s.milestones) *out++ = additional_reduction_t(s.result, *s.reference, year);
}

void additional_reduction_per_cluster(const OutcomeSource& s, double* out) {
    for (const int year : s.milestones)
        for (int c = 0; c < s.result.clusters; ++c) *out++ = additional_cluster_reduction_t(s.result, *s.reference, year, c);
}

// One value per support agreement from a RunResult vector; the extents count the agreements
// by agreement_fate, so a vector of another length is a caller's bug, not a short row.
template <typename T>
void per_agreement(const OutcomeSource& s, const std::vector<T>& values, double* out) {
    if (values.size() != s.result.agreement_fate.size())
        throw std::logic_error("RunResult holds " + std::to_string(values.size()) +
                               " values of an agreement outcome for " +
                               std::to_string(s.result.agreement_fate.size()) + " agreements");
    for (const T v : values) *out++ = static_cast<double>(v);
}

// Each support agreement's outcome in the run, as the simulation drew it (sim/agreements.cpp).
void agreement_outcome(const OutcomeSource& s, double* out) { per_agreement(s, s.result.agreement_fate, out); }

void agreement_binding_year(const OutcomeSource& s, double* out) {
    per_agreement(s, s.result.agreement_binding_year, out);
}

void agreement_routes_from_year(const OutcomeSource& s, double* out) {
    per_agreement(s, s.result.agreement_routes_from_year, out);
}

using Rule = OutcomeRule;

// clang-format off
constexpr auto kOutcomes = std::to_array<Outcome>({
    {.name = "net_co2",
     .long_name = "national net CO2 emitted in the Netherlands in the milestone year",
     .rule = Rule::national_at_milestones, .series = "cluster_co2_net"},
    {.name = "cluster_net_co2", .long_name = "cluster net CO2 emitted in the milestone year",
     .rule = Rule::cluster_at_milestones, .series = "cluster_co2_net"},
    {.name = "cumulative_subsidy", .units = "EUR", .long_name = "operating subsidy paid, sum over all years",
     .series = "instrument_paid", .compute = &cumulative_subsidy,
     .doc = "`instrument_paid` summed over instruments and years: operating subsidies as the year's prices set "
            "them, investment grants in the year the route starts"},
    {.name = "relocated_co2", .units = "t/yr", .long_name = "CO2 emitted abroad by relocated production in {end_year}",
     .series = "cluster_co2_relocated", .compute = &relocated_co2,
     .doc = "`cluster_co2_relocated` summed over clusters in the end year (outside the EU only)"},
    {.name = "production_retained", .units = "1",
     .long_name = "national production in {end_year} as a share of the base year",
     .series = "cluster_production_value", .compute = &production_retained,
     .doc = "national domestic production value in the end year / base year: `cluster_production_value` summed over "
            "clusters (fixed reference prices, power sector excluded, an import route's imported intermediate not "
            "counted; docs/ODD.md §7.12); 0 without base-year production value. Up to layout 2 it was "
            "`cluster_production` (tonnes plus MWh) end / base"},
    {.name = "unmet_infrastructure_years", .units = "year",
     .long_name = "years in which some plant was refused a scarce allocation it wanted",
     .comment = "CO2 storage, hydrogen, grid headroom, subsidy budget or build-out limit; counted from the decision "
                "log's refused flags",
     .type = OutcomeType::int32, .compute = &unmet_infrastructure_years,
     .doc = "years in which some plant was refused an option because a scarce allocation was full (full runs: from "
            "the decision log's refused flags; sweeps: from the same flags as allocation sets them)"},
    // Issue 14's indicators at the milestones (layout 13): what a Sobol or LHS sweep ranks.
    {.name = "jobs_national", .long_name = "jobs at the plants in the Netherlands (FTE), national, in the milestone year",
     .rule = Rule::national_at_milestones, .series = "cluster_jobs"},
    {.name = "value_added_national",
     .long_name = "value added at factor cost (EUR2023), national, in the milestone year",
     .rule = Rule::national_at_milestones, .series = "cluster_value_added"},
    {.name = "co2_embodied_imports_national",
     .long_name = "CO2 emitted abroad making the imports that replace lost Dutch output, national, in the milestone "
                  "year",
     .comment = "leakage beyond relocation; relocated production's CO2 is in co2_relocated_national and co2_relocated_eu_national",
     .rule = Rule::national_at_milestones, .series = "cluster_co2_embodied_imports"},
    {.name = "co2_relocated_national",
     .long_name = "CO2 emitted outside the EU by relocated production, national, in the milestone year",
     .rule = Rule::national_at_milestones, .series = "cluster_co2_relocated"},
    {.name = "co2_relocated_eu_national",
     .long_name = "CO2 emitted at EU neighbours by production relocated there, national, in the milestone year",
     .rule = Rule::national_at_milestones, .series = "cluster_co2_relocated_eu"},
    {.name = "reduction_national",
     .long_name = "national change in net CO2 since the base year, by what it is made of, in the milestone year",
     .comment = "negative: a reduction. The parts add up to net_co2 less its base-year value",
     .rule = Rule::national_at_milestones, .series = "cluster_reduction"},
    // What the reductions are made of per cluster, and beyond a reference run (issue 14, layout 17).
    {.name = "reduction_per_cluster",
     .long_name = "cluster change in net CO2 since the base year, by what it is made of, in the milestone year",
     .comment = "negative: a reduction. The parts add up to cluster_net_co2 less its base-year value; summed over "
                "clusters they are reduction_national",
     .rule = Rule::cluster_at_milestones, .series = "cluster_reduction"},
    {.name = "additional_reduction_national", .units = "t/yr",
     .long_name = "national reduction beyond the reference run (reference net CO2 less the run's) in the milestone "
                  "year",
     .comment = "positive: the run emits less than its reference of the same seed and draws (global attribute "
                "reference). Only in files written with --reference",
     .series = "cluster_co2_net", .per_milestone = true, .needs_reference = true,
     .compute = &additional_reduction_national,
     .doc = "`net_co2` of the reference run (`--reference frozen-technology` or `no-policy`, docs/ODD.md §7.17; the "
            "same seed, run index and sampled settings) less the run's, at each milestone; absent without "
            "`--reference`"},
    {.name = "additional_reduction_per_cluster", .units = "t/yr",
     .long_name = "cluster reduction beyond the reference run (reference net CO2 less the run's) in the milestone "
                  "year",
     .comment = "positive: the cluster emits less than in the reference run; the clusters add up to "
                "additional_reduction_national. Only in files written with --reference",
     .series = "cluster_co2_net", .per_milestone = true, .by_cluster = true, .needs_reference = true,
     .compute = &additional_reduction_per_cluster,
     .doc = "`cluster_net_co2` of the reference run less the run's, at each milestone and cluster; absent without "
            "`--reference`"},
    {.name = "target_gap", .units = "t/yr",
     .long_name = "national net CO2 less the climate target's path in the milestone year",
     .comment = "positive: above the target path (not yet met); negative: below it. Only with a targets.csv",
     .series = "target_co2_net", .per_milestone = true, .extra = Extra::target, .needs_targets = true,
     .compute = &target_gap,
     .doc = "`net_co2 - target_co2_net` at each milestone and target (docs/ODD.md §7.12, \"Targets tracked\"); "
            "absent when the dataset has no `targets.csv` (its target paths are then 0)"},
    // Issue 14's production index and import dependence at the milestones (layout 16).
    {.name = "production_index_national", .units = "1",
     .long_name = "national production value at reference prices in the milestone year, as a share of the base year",
     .comment = "a production index weighting products by value; production_retained is its end-year value",
     .series = "cluster_production_value", .per_milestone = true, .compute = &production_index,
     .doc = "`cluster_production_value` summed over clusters in the milestone year / in the base year (fixed "
            "reference prices, power excluded, an import route's imported intermediate not counted; docs/ODD.md "
            "§7.12); 0 without base-year production value"},
    {.name = "strategic_import_dependence_national", .units = "1",
     .long_name = "import dependence of each strategic product, national, in the milestone year",
     .series = "strategic_import_dependence", .per_milestone = true, .extra = Extra::strategic_product,
     .compute = &strategic_import_dependence,
     .doc = "`strategic_import_dependence` in the milestone year: imports / Dutch demand of the tag's plants "
            "(docs/ODD.md §7.12, \"Leakage\"; tags in docs/dataset.md \"Strategic products\")"},
    // How each support agreement turned out in the run (layout 15; in run files since 13):
    // a sweep over seeds or uncertainties then groups a KPI by it without rerunning.
    {.name = "agreement_outcome", .units = "1",
     .long_name = "how the agreement turned out in this run: as agreed (binding in the data), an EoP or JLoI binding "
                  "on time, late or never (failed; drawn, or fixed by [agreements.fixed]), or stopped talks",
     .per_agreement = true, .type = OutcomeType::uint8, .flag_meanings = kAgreementFateNames,
     .compute = &agreement_outcome,
     .doc = "each support agreement's outcome in the run (docs/ODD.md §7.15), a code with CF `flag_values`/"
            "`flag_meanings`: as_agreed, on_time, late, failed, stopped; absent when the dataset has no agreements"},
    {.name = "agreement_binding_year", .units = "year",
     .long_name = "year the agreement is binding in this run (0: never)", .per_agreement = true,
     .type = OutcomeType::int32, .compute = &agreement_binding_year,
     .doc = "the year the agreement binds in the run: its stage year (binding in the data), plus the lag, plus the "
            "delay when late; 0 (the fill value) when it never binds (failed, stopped)"},
    {.name = "agreement_routes_from_year", .units = "year",
     .long_name = "first year the agreed routes run in this run (0: never)", .per_agreement = true,
     .type = OutcomeType::int32, .compute = &agreement_routes_from_year,
     .doc = "the first year the agreement's routes run in the run, as the simulation set it: the agreed start "
            "year, plus the delay when late; 0 (the fill value) when they never run by the agreement (failed, "
            "stopped). A unit whose claims do not fit yet starts later (docs/ODD.md §7.15)"},
});
// clang-format on

const Observable* find_series(const Outcome& o) {
    const Observable* s = find_observable(o.series);
    if (s == nullptr && !o.series.empty())
        throw std::logic_error("outcome " + std::string(o.name) + ": no observable " + std::string(o.series));
    return s;
}

// Each row's series, looked up once (a run's outcomes are computed thousands of times a second).
const Observable& series_of(const Outcome& o) {
    static const std::vector<const Observable*> series = [] {
        std::vector<const Observable*> rows;
        for (const Outcome& k : kOutcomes) rows.push_back(find_series(k));
        return rows;
    }();
    const auto at = std::find_if(kOutcomes.begin(), kOutcomes.end(), [&](const Outcome& k) { return &k == &o; });
    const Observable* found =
        at == kOutcomes.end() ? find_series(o) : series[static_cast<std::size_t>(at - kOutcomes.begin())];
    if (found == nullptr) throw std::logic_error("outcome " + std::string(o.name) + " samples no observable");
    return *found;
}

// The row's values for one run, by its rule.
void compute_row(const Outcome& o, const OutcomeSource& s, double* out) {
    if (o.rule == Rule::function) return o.compute(s, out);
    const Observable& series = series_of(o);
    const RunResult& r = s.result;
    const std::vector<double>& v = r.*series.f64;
    const std::size_t per_cluster = extra_count(series.extra);
    for (const int year : s.milestones) {
        const int yi = year - r.base_year;
        if (o.rule == Rule::cluster_at_milestones) {
            const std::size_t first = r.at_cluster(yi, 0) * per_cluster;
            out = std::copy_n(v.begin() + static_cast<std::ptrdiff_t>(first),
                              static_cast<std::ptrdiff_t>(static_cast<std::size_t>(r.clusters) * per_cluster), out);
            continue;
        }
        for (std::size_t e = 0; e < per_cluster; ++e) {
            double national = 0;  // in cluster order, as the national bands (sweep_assemble.cpp)
            for (int c = 0; c < r.clusters; ++c) national += v[r.at_cluster(yi, c) * per_cluster + e];
            *out++ = national;
        }
    }
}

}  // namespace

Extra Outcome::extra_dimension() const { return rule == Rule::function ? extra : series_of(*this).extra; }

std::string_view Outcome::units_text() const { return units.empty() ? series_of(*this).units : units; }

std::string Outcome::long_name_for(std::string_view end_year) const {
    std::string text(long_name);
    constexpr std::string_view kEnd = "{end_year}";
    if (const std::size_t at = text.find(kEnd); at != std::string::npos)
        text.replace(at, kEnd.size(), end_year);
    return text;
}

std::size_t Outcome::size(const OutcomeExtents& e) const {
    if (!present(e)) return 0;
    return (milestones() ? e.milestones : 1) * (per_cluster() ? e.clusters : 1) * (per_agreement ? e.agreements : 1) *
           extra_count(extra_dimension());
}

std::vector<std::string> Outcome::dimensions() const {
    std::vector<std::string> dims{"run"};
    if (milestones()) dims.emplace_back("milestone");
    if (per_cluster()) dims.emplace_back("cluster");
    if (per_agreement) dims.emplace_back("agreement");
    if (const Extra x = extra_dimension(); x != Extra::none) dims.emplace_back(kExtraNames[static_cast<std::size_t>(x)]);
    return dims;
}

std::span<const Outcome> outcomes() { return kOutcomes; }

std::size_t outcome_index(std::string_view name) {
    for (std::size_t i = 0; i < kOutcomes.size(); ++i)
        if (kOutcomes[i].name == name) return i;
    throw std::out_of_range("no outcome named " + std::string(name));
}

std::size_t outcome_columns(const OutcomeExtents& e) {
    std::size_t n = 0;
    for (const Outcome& o : kOutcomes) n += o.size(e);
    return n;
}

RunKpis compute_outcomes(const OutcomeSource& s) {
    const OutcomeExtents e{s.milestones.size(), static_cast<std::size_t>(s.result.clusters), s.result.targets,
                           s.result.agreement_fate.size(), s.reference != nullptr};
    RunKpis k;
    k.values.resize(kOutcomes.size());
    for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
        k.values[i].resize(kOutcomes[i].size(e));
        if (!k.values[i].empty()) compute_row(kOutcomes[i], s, k.values[i].data());
    }
    return k;
}

}  // namespace eiisim
