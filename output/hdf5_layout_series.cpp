// Yearly series: the per-plant panels [run, year, plant(, carrier|cost_component)], the
// cluster aggregates [run, year, cluster(, kind)] and the national series [run, year].
// RunResult is year-major, so with one run its vectors are already in [run, year, ...]
// order and are written as they are.
#include <cstdint>
#include <vector>

#include "hdf5_flags.hpp"
#include "hdf5_layout.hpp"

namespace eiisim::output {

namespace {

using Dims = std::vector<std::string>;
using h5::VarAttrs;

}  // namespace

void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const RunResult& r) {
    const Dims panel{"run", "year", "plant"};
    std::vector<std::string> tech_ids;
    for (const auto& t : inputs.technologies) tech_ids.push_back(t.id);

    file.add_variable<std::int16_t>(
        "route", panel, r.technology,
        {"1", "technology (route) in force, index into the technology dimension",
         {{"comment", "-1: none. flag_meanings are the technology ids with '/' written as '.'"}}},
        flags_from_names<std::int16_t>(tech_ids));
    file.add_variable<std::uint8_t>("route_kind", panel, r.kind, {"1", "option kind of the route in force"},
                                    flags_from_names<std::uint8_t>(kOptionKindNames));
    file.add_variable<std::uint8_t>("status", panel, r.status, {"1", "plant status"},
                                    flags_from_names<std::uint8_t>(kPlantStatusNames));
    file.add_variable<double>("production", panel, r.production_t, {"t/yr", "production in the Netherlands"});
    file.add_variable<double>("utilisation", panel, r.utilisation, {"1", "production as a share of capacity"});
    file.add_variable<double>("co2_gross", panel, r.co2_gross_t, {"t/yr", "scope-1 CO2 before capture"});
    file.add_variable<double>("co2_captured", panel, r.co2_captured_t, {"t/yr", "CO2 captured for transport and storage"});
    file.add_variable<double>("co2_net", panel, r.co2_net_t, {"t/yr", "scope-1 CO2 emitted in the Netherlands (gross - captured)"});
    file.add_variable<double>("co2_relocated", panel, r.co2_relocated_t,
                              {"t/yr", "CO2 emitted abroad by production that relocated (carbon leakage)"});
    file.add_variable<double>("revenue", panel, r.revenue_eur, {"EUR/yr", "revenue incl. green premium"});
    file.add_variable<double>("margin", panel, r.margin_eur, {"EUR/yr", "revenue minus all yearly costs"});
    file.add_variable<double>("energy", {"run", "year", "plant", "carrier"}, r.energy_gj,
                              {"GJ/yr", "final energy use (fuel and feedstock) by carrier"});
    file.add_variable<double>(
        "cost", {"run", "year", "plant", "cost_component"}, r.cost_eur,
        {"EUR/yr", "yearly cost by component", {{"comment", "subsidy is received support, entered as a negative cost"}}});
}

void write_cluster_emission_series(h5::NcFile& file, std::span<const double> production,
                                   std::span<const double> captured, std::span<const double> net,
                                   std::span<const double> relocated) {
    const Dims cl{"run", "year", "cluster"};
    file.add_variable<double>("cluster_production", cl, production, {"t/yr", "production, sum over the cluster's plants"});
    file.add_variable<double>("cluster_co2_captured", cl, captured, {"t/yr", "CO2 captured, cluster total"});
    file.add_variable<double>("cluster_co2_net", cl, net, {"t/yr", "CO2 emitted in the Netherlands, cluster total"});
    file.add_variable<double>("cluster_co2_relocated", cl, relocated,
                              {"t/yr", "CO2 emitted abroad by relocated production, cluster total"});
}

void write_cluster_and_national_series(h5::NcFile& file, const RunResult& r) {
    const Dims cl{"run", "year", "cluster"};
    write_cluster_emission_series(file, r.cluster_production_t, r.cluster_co2_captured_t, r.cluster_co2_net_t,
                                  r.cluster_co2_relocated_t);
    file.add_variable<double>("cluster_co2_gross", cl, r.cluster_co2_gross_t, {"t/yr", "CO2 before capture, cluster total"});
    file.add_variable<double>("cluster_grid_used", cl, r.cluster_grid_used_mw,
                              {"MW", "new industrial grid load granted and running"});
    file.add_variable<double>("cluster_grid_headroom", cl, r.cluster_grid_headroom_mw,
                              {"MW", "new industrial grid load the cluster's grid can take (cumulative)"});
    file.add_variable<double>("cluster_production_by_kind", {"run", "year", "cluster", "kind"},
                              r.cluster_production_by_kind_t, {"t/yr", "production by kind of route in force"});

    const Dims nat{"run", "year"};
    file.add_variable<double>("co2_storage_used", nat, r.co2_storage_used_t, {"t/yr", "CO2 injected into storage, national"});
    file.add_variable<double>("co2_storage_capacity", nat, r.co2_storage_capacity_t, {"t/yr", "CO2 injection capacity, national"});
    file.add_variable<double>("hydrogen_used", nat, r.hydrogen_used_gj, {"GJ/yr", "hydrogen delivered to industry"});
    file.add_variable<double>("hydrogen_supply", nat, r.hydrogen_supply_gj, {"GJ/yr", "hydrogen deliverable to industry"});
    file.add_variable<double>("biomethane_used", nat, r.biomethane_used_gj,
                              {"GJ/yr", "biomethane used by industry beyond the plants' base-year use"});
    file.add_variable<double>("biomethane_supply", nat, r.biomethane_supply_gj,
                              {"GJ/yr", "biomethane deliverable to industry beyond the base-year use"});
    file.add_variable<double>("subsidy_committed", nat, r.subsidy_committed_eur,
                              {"EUR/yr", "subsidy committed in the year (over the whole contract)"});
    file.add_variable<double>("subsidy_budget", nat, r.subsidy_budget_eur, {"EUR/yr", "subsidy commitment budget of the year"});
    file.add_variable<double>("subsidy_paid", nat, r.subsidy_paid_eur, {"EUR/yr", "operating subsidy paid out in the year"});
}

}  // namespace eiisim::output
