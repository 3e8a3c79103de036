// The sweep file layout (docs/output-format.md, "Sweep files"). Everything lives in the
// root group with its coordinate variables, so xarray sees every coordinate.
#include "hdf5_sweep_writer.hpp"

#include <numeric>

#include <fmt/format.h>

#include "core/observables.hpp"
#include "core/settings_schema.hpp"
#include "hdf5_atomic.hpp"
#include "hdf5_layout.hpp"
#include "hdf5_outcomes.hpp"
#include "hdf5_provenance.hpp"
#include "utc_timestamp.hpp"


namespace eiisim {
namespace {

std::string describe_distribution(const UncertainSetting& u) {
    switch (u.distribution) {
        case Distribution::uniform: return fmt::format("uniform(low={}, high={})", u.low, u.high);
        case Distribution::triangular: return fmt::format("triangular(low={}, mode={}, high={})", u.low, u.mode, u.high);
        case Distribution::normal: return fmt::format("normal(mean={}, sd={})", u.mean, u.sd);
        case Distribution::lognormal: return fmt::format("lognormal(mu={}, sigma={})", u.mu, u.sigma);
        case Distribution::discrete: return fmt::format("discrete(values=[{}])", fmt::join(u.values, ", "));
    }
    return "";
}

void write_globals(h5::NcFile& file, const Inputs& inputs, const SweepResult& s, const std::string& created) {
    file.set_global("title", "eiisim sweep result: " + inputs.scenario.name);
    output::write_provenance(file, inputs, created);
    file.set_global_number("seed", static_cast<std::uint64_t>(s.seed));
    file.set_global_number("runs", static_cast<std::uint64_t>(s.runs));
    file.set_global("sampler", s.sampler);
    file.set_global("layout", "see docs/output-format.md (Sweep files) in the eiisim source tree");
    if (!s.reference.empty()) output::write_reference_attributes(file, s.reference, s.reference_first_year);
}

void write_dimensions(h5::NcFile& file, const Inputs& inputs, const SweepResult& s) {
    std::vector<std::uint64_t> runs(s.runs);
    std::iota(runs.begin(), runs.end(), std::uint64_t{0});
    file.add_dimension<std::uint64_t>("run", runs, {"1", "run number (replay: same scenario, seed and run)"});
    std::vector<std::int32_t> years(static_cast<std::size_t>(s.years));
    std::iota(years.begin(), years.end(), s.base_year);
    file.add_dimension<std::int32_t>("year", years, {"year", "calendar year"});
    output::add_category_dimension(file, inputs, "cluster");
    // Names beside the ids, as in run files, so readers and the viewer label clusters alike.
    std::vector<std::string> cluster_names;
    for (const ClusterSpec& c : inputs.clusters) cluster_names.push_back(c.name);
    file.add_variable("cluster_name", {"cluster"}, cluster_names, {"1", "cluster name"});
    file.add_dimension<double>("quantile", std::span<const double>(kSweepQuantiles),
                               {"1", "probability level of the quantile over runs"});
    output::add_category_dimension(file, inputs, "kind");
    output::add_category_dimension(file, inputs, "strategic_product");
    output::add_category_dimension(file, inputs, "reduction_part");
    output::add_category_dimension(file, inputs, "target");
    output::write_target_years(file, inputs);
    output::add_category_dimension(file, inputs, "feed_origin");
    output::add_category_dimension(file, inputs, "instrument");
    output::add_category_dimension(file, inputs, "agreement");  // of the per-agreement outcomes
    if (!s.settings.empty()) {
        std::vector<std::string> names;
        for (const auto& u : s.settings) names.push_back(u.name);
        file.add_dimension("parameter", std::span<const std::string>(names), {"1", "sampled uncertain setting"});
    }
}

void write_experiments(h5::NcFile& file, const SweepResult& s) {
    const std::size_t dims = s.settings.size();
    if (dims == 0) return;
    // A --design file has no sampler points; the variable is left out rather than written
    // as NaN (no file holds a non-finite value, issue 16).
    if (s.sampler != "design")
        file.add_variable<double>("design", {"run", "parameter"}, s.design,
                                  {"1", "sampler point in the unit hypercube (probability level of each sample)"});
    file.add_variable<double>("experiments", {"run", "parameter"}, s.samples,
                              {"1", "sampled value of each setting (units: see the per-setting variables)"});
    if (!s.streams.empty())  // only a --design with a stream column
        file.add_variable<std::uint64_t>("run_stream", {"run"}, s.streams,
                                         {"1", "run whose random numbers this run draws (design column stream)"});
    std::vector<double> column(s.runs);
    for (std::size_t d = 0; d < dims; ++d) {
        const UncertainSetting& u = s.settings[d];
        const SettingSpec& t = settings_schema()[static_cast<std::size_t>(u.target_index)];
        for (std::size_t r = 0; r < s.runs; ++r) column[r] = s.samples[r * dims + d];
        const bool factor = u.scale == UncertainScale::factor;
        h5::VarAttrs attrs{factor ? "1" : std::string(t.unit),
                           std::string(factor ? "factor on the " : "value of the ") + std::string(t.long_name),
                           {{"target", u.target},
                            {"scale", kUncertainScaleNames[static_cast<std::size_t>(u.scale)]},
                            {"distribution", describe_distribution(u)},
                            {"source", u.source}}};
        // A joint draw names the further targets the same sample moved.
        if (!u.also.empty()) attrs.text.emplace_back("also", fmt::format("{}", fmt::join(u.also, " ")));
        file.add_variable<double>("param_" + u.name, {"run"}, column, attrs);
    }
}

// Per-year quantiles over runs of the banded observables, in band order.
void write_quantile_bands(h5::NcFile& file, const SweepResult& s) {
    const auto banded = banded_observables();
    for (std::size_t b = 0; b < banded.size(); ++b) {
        const Observable& o = *banded[b];
        file.add_variable<double>(o.band_name(), o.dimensions("quantile"), s.bands[b],
                                  {std::string(o.units), "quantile over runs of " + std::string(o.band_long_name_of()),
                                   {{"comment", std::string(kBandComment)}}});
    }
}

void write_outcomes(h5::NcFile& file, const Inputs& inputs, const SweepResult& s) {
    output::OutcomeColumns outcomes;
    outcomes.milestones = s.milestones;
    outcomes.end_year = s.base_year + s.years - 1;
    outcomes.extents = {s.milestones.size(), static_cast<std::size_t>(s.clusters), !inputs.targets.empty(),
                        inputs.agreements.size(), !s.reference.empty()};
    outcomes.values = s.outcomes;
    output::write_outcome_variables(file, outcomes);
    write_quantile_bands(file, s);
}

template <typename Member>
void append_member(Member member, const std::vector<RunResult>& runs, RunResult& all) {
    auto& to = all.*member;
    for (const RunResult& r : runs) to.insert(to.end(), (r.*member).begin(), (r.*member).end());
}

// The plant panels of every run, concatenated: [run, year, plant, ...] in memory already.
RunResult stacked(const std::vector<RunResult>& runs) {
    RunResult all;
    for (const Observable& o : observables()) {
        if (!o.in_sweep_panels()) continue;
        if (o.i16 != nullptr) append_member(o.i16, runs, all);
        if (o.u8 != nullptr) append_member(o.u8, runs, all);
        if (o.f64 != nullptr) append_member(o.f64, runs, all);
    }
    return all;
}

void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const SweepResult& s) {
    for (const char* name : {"plant", "technology", "carrier", "cost_component", "energy_part"})
        output::add_category_dimension(file, inputs, name);
    output::write_plant_identity(file, inputs);  // for the viewer's plant table
    const RunResult all = stacked(s.plant_results);
    for (const Observable& o : observables())
        if (o.in_sweep_panels()) output::write_series(file, inputs, o, all);
}

}  // namespace

void write_sweep_hdf5(const std::filesystem::path& out, const Inputs& inputs, const SweepResult& sweep) {
    output::write_hdf5_atomically(out, [&](h5::NcFile& file) {
        write_globals(file, inputs, sweep, output::utc_timestamp_now());
        write_dimensions(file, inputs, sweep);
        write_experiments(file, sweep);
        write_outcomes(file, inputs, sweep);
        if (sweep.has_cluster_trajectories) output::write_saved_series(file, sweep.trajectories);
        if (!sweep.plant_results.empty()) write_plant_panels(file, inputs, sweep);
        output::write_input_files(file, inputs);
    });
}

}  // namespace eiisim
