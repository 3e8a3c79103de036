// The top of the run layout: shape check, global attributes (provenance) and the
// dimensions with their coordinate variables.
#include "hdf5_layout.hpp"

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "core/revision.hpp"
#include "hdf5_provenance.hpp"

namespace eiisim::output {

namespace {

template <typename T>
void expect_size(const std::vector<T>& v, std::size_t n, const char* field) {
    if (v.size() != n) {
        throw std::runtime_error(std::string("RunResult::") + field + " has " + std::to_string(v.size()) +
                                 " values, expected " + std::to_string(n));
    }
}

std::vector<std::string> to_strings(auto const& names) { return {names.begin(), names.end()}; }

std::vector<std::int32_t> iota_i32(std::size_t n, std::int32_t first) {
    std::vector<std::int32_t> v(n);
    std::iota(v.begin(), v.end(), first);
    return v;
}

}  // namespace

void check_result_shape(const Inputs& inputs, const RunResult& r) {
    if (r.years <= 0 || r.plants < 0 || r.clusters < 0) {
        throw std::runtime_error("RunResult has no years or a negative plant/cluster count");
    }
    if (static_cast<std::size_t>(r.plants) != inputs.plants.size() ||
        static_cast<std::size_t>(r.clusters) != inputs.clusters.size()) {
        throw std::runtime_error("RunResult has " + std::to_string(r.plants) + " plants and " +
                                 std::to_string(r.clusters) + " clusters; the inputs have " +
                                 std::to_string(inputs.plants.size()) + " and " + std::to_string(inputs.clusters.size()));
    }
    const auto y = static_cast<std::size_t>(r.years);
    const std::size_t yp = y * static_cast<std::size_t>(r.plants);
    const std::size_t yc = y * static_cast<std::size_t>(r.clusters);
    expect_size(r.technology, yp, "technology");
    expect_size(r.kind, yp, "kind");
    expect_size(r.status, yp, "status");
    expect_size(r.production_t, yp, "production_t");
    expect_size(r.utilisation, yp, "utilisation");
    expect_size(r.co2_gross_t, yp, "co2_gross_t");
    expect_size(r.co2_captured_t, yp, "co2_captured_t");
    expect_size(r.co2_net_t, yp, "co2_net_t");
    expect_size(r.co2_relocated_t, yp, "co2_relocated_t");
    expect_size(r.revenue_eur, yp, "revenue_eur");
    expect_size(r.margin_eur, yp, "margin_eur");
    expect_size(r.energy_gj, yp * kCarrierCount, "energy_gj");
    expect_size(r.cost_eur, yp * kCostComponentCount, "cost_eur");
    expect_size(r.cluster_production_t, yc, "cluster_production_t");
    expect_size(r.cluster_co2_gross_t, yc, "cluster_co2_gross_t");
    expect_size(r.cluster_co2_captured_t, yc, "cluster_co2_captured_t");
    expect_size(r.cluster_co2_net_t, yc, "cluster_co2_net_t");
    expect_size(r.cluster_co2_relocated_t, yc, "cluster_co2_relocated_t");
    expect_size(r.cluster_grid_used_mw, yc, "cluster_grid_used_mw");
    expect_size(r.cluster_grid_headroom_mw, yc, "cluster_grid_headroom_mw");
    expect_size(r.cluster_production_by_kind_t, yc * kOptionKindCount, "cluster_production_by_kind_t");
    expect_size(r.co2_storage_used_t, y, "co2_storage_used_t");
    expect_size(r.co2_storage_capacity_t, y, "co2_storage_capacity_t");
    expect_size(r.hydrogen_used_gj, y, "hydrogen_used_gj");
    expect_size(r.hydrogen_supply_gj, y, "hydrogen_supply_gj");
    expect_size(r.biomethane_used_gj, y, "biomethane_used_gj");
    expect_size(r.biomethane_supply_gj, y, "biomethane_supply_gj");
    expect_size(r.subsidy_committed_eur, y, "subsidy_committed_eur");
    expect_size(r.subsidy_budget_eur, y, "subsidy_budget_eur");
    expect_size(r.subsidy_paid_eur, y, "subsidy_paid_eur");
    const auto n_plants = static_cast<int>(inputs.plants.size());
    const auto n_tech = static_cast<int>(inputs.technologies.size());
    for (std::size_t e = 0; e < r.events.size(); ++e) {
        const auto& ev = r.events[e];
        if (ev.plant < 0 || ev.plant >= n_plants) {
            throw std::runtime_error("RunResult::events[" + std::to_string(e) + "] names plant " +
                                     std::to_string(ev.plant) + ", outside 0.." + std::to_string(n_plants - 1));
        }
        for (const auto& o : ev.options) {
            if (o.technology < -1 || o.technology >= n_tech) {
                throw std::runtime_error("RunResult::events[" + std::to_string(e) + "] has an option with technology " +
                                         std::to_string(o.technology) + ", outside the catalogue");
            }
        }
    }
}

void write_run_layout(h5::NcFile& file, const Inputs& inputs, const RunResult& result, const std::string& created) {
    check_result_shape(inputs, result);
    write_global_attributes(file, inputs, result, created);
    write_dimensions(file, inputs, result);
    write_plant_panels(file, inputs, result);
    write_cluster_and_national_series(file, result);
    write_static_tables(file, inputs);
    write_event_log(file, result);
    write_input_files(file, inputs);
}

void write_provenance(h5::NcFile& file, const Inputs& inputs, const std::string& created) {
    const auto& sc = inputs.scenario;
    file.set_global("model", "eiisim");
    file.set_global("model_version", kModelVersion);
    file.set_global("source_revision", source_revision());
    file.set_global("scenario", sc.name);
    file.set_global("scenario_description", sc.description);
    file.set_global_long_text("scenario_text", sc.text);
    write_input_attributes(file, inputs);
    file.set_global_number("base_year", static_cast<std::int32_t>(sc.base_year));
    file.set_global_number("end_year", static_cast<std::int32_t>(sc.end_year));
    file.set_global("created", created);
    file.set_global("history", created + " written by eiisim " + kModelVersion + " (" + source_revision() + ")");
    file.set_global("Conventions", "CF-1.8");
    file.set_global("units_convention",
                    "Money in real euros of 2023 (EUR2023); t = metric tonne; GJ = gigajoule; MW = megawatt; "
                    "'/yr' quantities are flows during the calendar year given by the year coordinate.");
}

void write_global_attributes(h5::NcFile& file, const Inputs& inputs, const RunResult& result,
                             const std::string& created) {
    file.set_global("title", "eiisim run result: " + inputs.scenario.name);
    write_provenance(file, inputs, created);
    file.set_global_number("seed", static_cast<std::uint64_t>(result.seed));
    file.set_global_number("run", static_cast<std::uint64_t>(result.run));
    file.set_global("sampler", "none");  // a single run: nothing sampled (sweeps: lhs, sobol, grid)
    file.set_global("layout", "see docs/output-format.md in the eiisim source tree");
}

void write_dimensions(h5::NcFile& file, const Inputs& inputs, const RunResult& result) {
    const std::vector<std::uint64_t> run{static_cast<std::uint64_t>(result.run)};
    file.add_dimension<std::uint64_t>("run", run, {"1", "run number: index of the Philox random streams (0 for a single run)"});
    const auto years = iota_i32(static_cast<std::size_t>(result.years), result.base_year);
    file.add_dimension<std::int32_t>("year", years, {"year", "calendar year"});

    std::vector<std::string> ids;
    for (const auto& p : inputs.plants) ids.push_back(p.id);
    file.add_dimension("plant", std::span<const std::string>(ids), {"1", "plant id (dataset)"});
    ids.clear();
    for (const auto& c : inputs.clusters) ids.push_back(c.id);
    file.add_dimension("cluster", std::span<const std::string>(ids), {"1", "cluster id"});
    ids.clear();
    for (const auto& t : inputs.technologies) ids.push_back(t.id);
    file.add_dimension("technology", std::span<const std::string>(ids), {"1", "technology id (catalogue row)"});

    const auto kinds = to_strings(kOptionKindNames);
    file.add_dimension("kind", std::span<const std::string>(kinds), {"1", "option (route) kind"});
    const auto carriers = to_strings(kCarrierNames);
    file.add_dimension("carrier", std::span<const std::string>(carriers), {"1", "energy carrier"});
    const auto components = to_strings(kCostComponentNames);
    file.add_dimension("cost_component", std::span<const std::string>(components), {"1", "yearly cost component"});

    std::size_t options = 0;
    for (const auto& ev : result.events) options += ev.options.size();
    file.add_dimension<std::int32_t>("event", iota_i32(result.events.size(), 0),
                                     {"1", "decision event number (order of decision)"});
    file.add_dimension<std::int32_t>("option_considered", iota_i32(options, 0),
                                     {"1", "option appraisal number (all events, flattened)"});
}

}  // namespace eiisim::output
