// The top of the run layout: shape check, global attributes (provenance) and the
// dimensions with their coordinate variables.
#include "hdf5_layout.hpp"

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "core/reduction_parts.hpp"
#include "core/strategic_products.hpp"
#include "core/revision.hpp"
#include "hdf5_provenance.hpp"

namespace eiisim::output {

namespace {

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
    if (static_cast<std::size_t>(r.instruments) != inputs.scenario.policy.instruments.size())
        throw std::runtime_error("RunResult has " + std::to_string(r.instruments) + " support instruments; the scenario has " +
                                 std::to_string(inputs.scenario.policy.instruments.size()));
    const std::size_t agreements = inputs.agreements.size();
    if (r.agreement_fate.size() != agreements || r.agreement_binding_year.size() != agreements ||
        r.agreement_routes_from_year.size() != agreements)
        throw std::runtime_error("RunResult has outcomes for " + std::to_string(r.agreement_fate.size()) +
                                 " support agreements; the inputs have " + std::to_string(inputs.agreements.size()));
    const auto plants = static_cast<std::size_t>(r.plants), clusters = static_cast<std::size_t>(r.clusters);
    const auto instruments = static_cast<std::size_t>(r.instruments);
    for (const Observable& o : observables()) {
        if (!o.in_run_file()) continue;
        const std::size_t expected = static_cast<std::size_t>(r.years) * o.per_year(plants, clusters, instruments);
        const std::size_t size = with_member(o, r, [](const auto& v) { return v.size(); });
        if (size != expected)
            throw std::runtime_error("RunResult series " + std::string(o.name) + " has " + std::to_string(size) +
                                     " values, expected " + std::to_string(expected));
    }
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
    write_cluster_and_national_series(file, inputs, result);
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

    for (const char* name :
         {"plant", "cluster", "instrument", "technology", "kind", "carrier", "cost_component", "energy_part",
          "reduction_part", "strategic_product", "target", "feed_origin"})
        add_category_dimension(file, inputs, name);

    std::size_t options = 0;
    for (const auto& ev : result.events) options += ev.options.size();
    file.add_dimension<std::int32_t>("event", iota_i32(result.events.size(), 0),
                                     {"1", "decision event number (order of decision)"});
    file.add_dimension<std::int32_t>("option_considered", iota_i32(options, 0),
                                     {"1", "option appraisal number (all events, flattened)"});
}

void add_category_dimension(h5::NcFile& file, const Inputs& inputs, const std::string& name) {
    std::vector<std::string> ids;
    std::string long_name;
    if (name == "plant") {
        for (const auto& p : inputs.plants) ids.push_back(p.id);
        long_name = "plant id (dataset)";
    } else if (name == "cluster") {
        for (const auto& c : inputs.clusters) ids.push_back(c.id);
        long_name = "cluster id";
    } else if (name == "instrument") {
        for (const auto& i : inputs.scenario.policy.instruments) ids.push_back(i.id);
        long_name = "support instrument id (scenario [[instruments]])";
    } else if (name == "technology") {
        for (const auto& t : inputs.technologies) ids.push_back(t.id);
        long_name = "technology id (catalogue row)";
    } else if (name == "kind") {
        ids = to_strings(kOptionKindNames);
        long_name = "option (route) kind";
    } else if (name == "carrier") {
        ids = to_strings(kCarrierNames);
        long_name = "energy carrier";
    } else if (name == "cost_component") {
        ids = to_strings(kCostComponentNames);
        long_name = "yearly cost component";
    } else if (name == "energy_part") {
        ids = to_strings(kEnergyPartNames);
        long_name = "part of the energy cost: commodity, network tariff, energy tax, compensation (docs/ODD.md §7.4)";
    } else if (name == "target") {
        ids = to_strings(kEmissionTargetNames);
        long_name = "climate target (dataset targets.csv, docs/dataset.md \"Targets\")";
    } else if (name == "reduction_part") {
        ids = to_strings(kReductionPartNames);
        long_name = "part of the change in net CO2 since the base year (docs/ODD.md §7.12)";
    } else if (name == "strategic_product") {
        ids = to_strings(kStrategicProductNames);
        long_name = "strategic product: sectors.csv strategic_product tag (docs/dataset.md)";
    } else if (name == "agreement") {
        for (const AgreementSpec& a : inputs.agreements) ids.push_back(a.id);
        long_name = "support agreement id (agreements.csv)";
    } else if (name == "feed_origin") {
        ids = to_strings(kFeedOriginNames);
        long_name = "carbon origin of alternative feedstock: recycled (fossil carbon), bio, ccu (docs/ODD.md §7.18)";
    } else {
        throw std::invalid_argument("no category dimension named " + name);
    }
    file.add_dimension(name, std::span<const std::string>(ids), {"1", long_name});
}

}  // namespace eiisim::output
