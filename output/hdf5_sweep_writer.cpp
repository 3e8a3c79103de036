// The sweep file layout (docs/output-format.md, "Sweep files"). Everything lives in the
// root group with its coordinate variables, so xarray sees every coordinate.
#include "hdf5_sweep_writer.hpp"

#include <numeric>

#include <fmt/format.h>

#include "core/settings_schema.hpp"
#include "hdf5_atomic.hpp"
#include "hdf5_layout.hpp"
#include "hdf5_outcomes.hpp"
#include "hdf5_provenance.hpp"
#include "utc_timestamp.hpp"


namespace eiisim {
namespace {

using Dims = std::vector<std::string>;

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
}

void write_dimensions(h5::NcFile& file, const Inputs& inputs, const SweepResult& s) {
    std::vector<std::uint64_t> runs(s.runs);
    std::iota(runs.begin(), runs.end(), std::uint64_t{0});
    file.add_dimension<std::uint64_t>("run", runs, {"1", "run number (replay: same scenario, seed and run)"});
    std::vector<std::int32_t> years(static_cast<std::size_t>(s.years));
    std::iota(years.begin(), years.end(), s.base_year);
    file.add_dimension<std::int32_t>("year", years, {"year", "calendar year"});
    std::vector<std::string> ids;
    for (const auto& c : inputs.clusters) ids.push_back(c.id);
    file.add_dimension("cluster", std::span<const std::string>(ids), {"1", "cluster id"});
    file.add_dimension<double>("quantile", std::span<const double>(kSweepQuantiles),
                               {"1", "probability level of the quantile over runs"});
    const std::vector<std::string> kinds(kOptionKindNames.begin(), kOptionKindNames.end());
    file.add_dimension("kind", std::span<const std::string>(kinds), {"1", "option (route) kind"});
    if (!s.settings.empty()) {
        std::vector<std::string> names;
        for (const auto& u : s.settings) names.push_back(u.name);
        file.add_dimension("parameter", std::span<const std::string>(names), {"1", "sampled uncertain setting"});
    }
}

void write_experiments(h5::NcFile& file, const SweepResult& s) {
    const std::size_t dims = s.settings.size();
    if (dims == 0) return;
    file.add_variable<double>("design", {"run", "parameter"}, s.design,
                              {"1", "sampler point in the unit hypercube (probability level of each sample)"});
    file.add_variable<double>("experiments", {"run", "parameter"}, s.samples,
                              {"1", "sampled value of each setting (units: see the per-setting variables)"});
    std::vector<double> column(s.runs);
    for (std::size_t d = 0; d < dims; ++d) {
        const UncertainSetting& u = s.settings[d];
        const SettingSpec& t = settings_schema()[static_cast<std::size_t>(u.target_index)];
        for (std::size_t r = 0; r < s.runs; ++r) column[r] = s.samples[r * dims + d];
        const bool factor = u.scale == UncertainScale::factor;
        file.add_variable<double>(
            "param_" + u.name, {"run"}, column,
            {factor ? "1" : std::string(t.unit),
             std::string(factor ? "factor on the " : "value of the ") + std::string(t.long_name),
             {{"target", u.target},
              {"scale", kUncertainScaleNames[static_cast<std::size_t>(u.scale)]},
              {"distribution", describe_distribution(u)},
              {"source", u.source}}});
    }
}

// Per-year quantiles over runs, named after the run-file series they summarise.
void write_quantile_bands(h5::NcFile& file, const SweepResult& s) {
    const Dims national{"quantile", "year"}, per_cluster{"quantile", "year", "cluster"};
    auto band = [&](const std::string& name, const Dims& dims, const std::vector<double>& values,
                    const std::string& units, const std::string& of) {
        file.add_variable<double>(name, dims, values,
                                  {units, "quantile over runs of " + of,
                                   {{"comment", "exact quantiles, linear interpolation between order statistics"}}});
    };
    band("cluster_co2_net_quantiles", per_cluster, s.cluster_net_co2_quantiles_t, "t/yr", "cluster net CO2");
    band("co2_net_quantiles", national, s.net_co2_quantiles_t, "t/yr", "national net CO2");
    band("production_share_by_kind_quantiles", {"quantile", "year", "kind"}, s.production_share_by_kind_quantiles,
         "1",
         "national production by kind of route in force, as a share of the run's national production in the base "
         "year");
    band("co2_storage_used_quantiles", national, s.co2_storage_used_quantiles_t, "t/yr",
         "CO2 injected into storage, national");
    band("co2_storage_capacity_quantiles", national, s.co2_storage_capacity_quantiles_t, "t/yr",
         "CO2 injection capacity, national");
    band("hydrogen_used_quantiles", national, s.hydrogen_used_quantiles_gj, "GJ/yr", "hydrogen delivered to industry");
    band("hydrogen_supply_quantiles", national, s.hydrogen_supply_quantiles_gj, "GJ/yr",
         "hydrogen deliverable to industry");
    band("biomethane_used_quantiles", national, s.biomethane_used_quantiles_gj, "GJ/yr",
         "biomethane used by industry beyond the plants' base-year use");
    band("biomethane_supply_quantiles", national, s.biomethane_supply_quantiles_gj, "GJ/yr",
         "biomethane deliverable to industry beyond the base-year use");
    band("cluster_grid_used_quantiles", per_cluster, s.cluster_grid_used_quantiles_mw, "MW",
         "new industrial grid load granted and running, per cluster");
    band("cluster_grid_headroom_quantiles", per_cluster, s.cluster_grid_headroom_quantiles_mw, "MW",
         "new industrial grid load the cluster's grid can take (cumulative)");
}

void write_outcomes(h5::NcFile& file, const SweepResult& s) {
    output::OutcomeColumns outcomes;
    outcomes.milestones = s.milestones;
    outcomes.end_year = s.base_year + s.years - 1;
    outcomes.net_co2_t = s.net_co2_t;
    outcomes.cluster_net_co2_t = s.cluster_net_co2_t;
    outcomes.cumulative_subsidy_eur = s.cumulative_subsidy_eur;
    outcomes.relocated_co2_t = s.relocated_co2_t;
    outcomes.production_retained = s.production_retained;
    outcomes.unmet_infrastructure_years = s.unmet_infrastructure_years;
    output::write_outcome_variables(file, outcomes);
    write_quantile_bands(file, s);
}

void write_cluster_trajectories(h5::NcFile& file, const SweepResult& s) {
    output::write_cluster_emission_series(file, s.cluster_production_t, s.cluster_co2_captured_t,
                                          s.cluster_co2_net_t, s.cluster_co2_relocated_t);
}

// Concatenated run results are [run, year, plant, ...] in memory already.
RunResult stacked(const std::vector<RunResult>& runs) {
    RunResult all;
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    for (const RunResult& r : runs) {
        append(all.technology, r.technology);
        append(all.kind, r.kind);
        append(all.status, r.status);
        append(all.production_t, r.production_t);
        append(all.utilisation, r.utilisation);
        append(all.co2_gross_t, r.co2_gross_t);
        append(all.co2_captured_t, r.co2_captured_t);
        append(all.co2_net_t, r.co2_net_t);
        append(all.co2_relocated_t, r.co2_relocated_t);
        append(all.revenue_eur, r.revenue_eur);
        append(all.margin_eur, r.margin_eur);
        append(all.energy_gj, r.energy_gj);
        append(all.cost_eur, r.cost_eur);
    }
    return all;
}

void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const SweepResult& s) {
    std::vector<std::string> ids;
    for (const auto& p : inputs.plants) ids.push_back(p.id);
    file.add_dimension("plant", std::span<const std::string>(ids), {"1", "plant id (dataset)"});
    ids.clear();
    for (const auto& t : inputs.technologies) ids.push_back(t.id);
    file.add_dimension("technology", std::span<const std::string>(ids), {"1", "technology id (catalogue row)"});
    const std::vector<std::string> carriers(kCarrierNames.begin(), kCarrierNames.end());
    file.add_dimension("carrier", std::span<const std::string>(carriers), {"1", "energy carrier"});
    const std::vector<std::string> components(kCostComponentNames.begin(), kCostComponentNames.end());
    file.add_dimension("cost_component", std::span<const std::string>(components), {"1", "yearly cost component"});
    output::write_plant_panels(file, inputs, stacked(s.plant_results));
}

}  // namespace

void write_sweep_hdf5(const std::filesystem::path& out, const Inputs& inputs, const SweepResult& sweep) {
    output::write_hdf5_atomically(out, [&](h5::NcFile& file) {
        write_globals(file, inputs, sweep, output::utc_timestamp_now());
        write_dimensions(file, inputs, sweep);
        write_experiments(file, sweep);
        write_outcomes(file, sweep);
        if (sweep.has_cluster_trajectories) write_cluster_trajectories(file, sweep);
        if (!sweep.plant_results.empty()) write_plant_panels(file, inputs, sweep);
        output::write_input_files(file, inputs);
    });
}

}  // namespace eiisim
