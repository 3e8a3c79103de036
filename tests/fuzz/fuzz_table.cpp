// One dataset table's loader on a fuzz input (see fuzz_table.hpp).
#include "fuzz_table.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "dutch_context.hpp"
#include "fuzz_support.hpp"
#include "inputs/agreements_table.hpp"
#include "inputs/co2_connections_table.hpp"
#include "inputs/demand_paths_table.hpp"
#include "inputs/entrants_table.hpp"
#include "inputs/feedstock_table.hpp"
#include "inputs/history_table.hpp"
#include "inputs/infrastructure_loader.hpp"
#include "inputs/network_tables.hpp"
#include "inputs/observed_emissions.hpp"
#include "inputs/observed_prices_loader.hpp"
#include "inputs/sector_activity_table.hpp"
#include "inputs/targets_table.hpp"

namespace eiisim::fuzz {
namespace {

using Path = std::filesystem::path;
using Loader = std::function<void(const DutchContext&, const Path&)>;

const std::map<std::string, Loader>& loaders() {
    static const std::map<std::string, Loader> table = {
        {"infrastructure.toml", [](const DutchContext&, const Path& f) { (void)load_infrastructure(f); }},
        {"sectors.csv", [](const DutchContext& c, const Path& f) {
             (void)load_sectors(f, c.inputs.scenario.prices.import_names); }},
        {"technologies.csv", [](const DutchContext& c, const Path& f) { (void)load_technologies(f, c.sector_table); }},
        {"plants.csv", [](const DutchContext& c, const Path& f) {
             (void)load_plants(f, c.inputs.sectors, c.inputs.clusters); }},
        {"co2_connections.csv", [](const DutchContext& c, const Path& f) {
             EditableCopy plants(c.inputs.plants);
             load_co2_connections(f, plants.get(), 0); }},
        {"plant_options.csv", [](const DutchContext& c, const Path& f) {
             EditableCopy technologies(c.inputs.technologies);
             (void)load_plant_options(f, c.inputs.plants, c.inputs.sectors, c.inputs.sector_technologies,
                                      technologies.get()); }},
        {"entrants.csv", [](const DutchContext& c, const Path& f) {
             EditableCopy inputs(c.inputs);
             load_entrants(f, inputs.get(), c.inputs.scenario.base_year); }},
        {"edges.csv", [](const DutchContext& c, const Path& f) { (void)load_edges(f, c.inputs.plants); }},
        {"networks.csv", [](const DutchContext& c, const Path& f) {
             (void)load_networks(f, c.dataset / "network_members.csv", c.inputs.plants, c.inputs.edges,
                                 c.inputs.technologies, c.inputs.plant_technologies); }},
        {"network_members.csv", [](const DutchContext& c, const Path& f) {
             (void)load_networks(c.dataset / "networks.csv", f, c.inputs.plants, c.inputs.edges,
                                 c.inputs.technologies, c.inputs.plant_technologies); }},
        {"history.csv", [](const DutchContext& c, const Path& f) {
             (void)load_history(f, c.inputs.plants, c.inputs.technologies, c.inputs.plant_technologies,
                                c.inputs.scenario.base_year); }},
        {"sector_activity.csv", [](const DutchContext& c, const Path& f) {
             (void)load_sector_activity(f, c.inputs.sectors, c.inputs.scenario.base_year); }},
        {"targets.csv", [](const DutchContext& c, const Path& f) {
             (void)load_targets(f, c.inputs.scenario.base_year); }},
        {"feedstocks.csv", [](const DutchContext& c, const Path& f) {
             (void)load_feedstocks(f, c.inputs.sectors, c.inputs.national); }},
        {"demand_paths.csv", [](const DutchContext& c, const Path& f) {
             (void)load_demand_paths(f, c.inputs.sectors); }},
        {"agreements.csv", [](const DutchContext& c, const Path& f) {
             EditableCopy technologies(c.inputs.technologies);
             (void)load_agreements(f, c.dataset / "agreement_plants.csv", c.inputs.plants, technologies.get(),
                                   c.inputs.plant_technologies, c.inputs.scenario.policy.instruments); }},
        // load_agreements' second step, after the first (agreements.csv) read once
        {"agreement_plants.csv", [](const DutchContext& c, const Path& f) {
             EditableCopy technologies(c.inputs.technologies);
             EditableCopy agreements(c.agreements_alone);
             read_agreement_units(f, c.inputs.plants, technologies.get(), c.inputs.plant_technologies,
                                  agreements.get()); }},
        {"observed_prices.csv", [](const DutchContext& c, const Path& f) {
             (void)load_observed_prices(f, c.inputs.sectors, c.inputs.scenario.prices.import_names); }},
        {"observed_emissions.csv", [](const DutchContext& c, const Path& f) {
             (void)load_observed_emissions(f, c.inputs); }},
    };
    return table;
}

}  // namespace
}  // namespace eiisim::fuzz

int eiisim::fuzz::fuzz_table(const std::string& table, const std::uint8_t* data, std::size_t size) {
    const Loader& load = loaders().at(table);
    const DutchContext& context = dutch_context();
    const auto file = write_input(table, data, size);
    return expect_clean([&] { load(context, file); });
}
