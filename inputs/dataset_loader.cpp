// load_inputs: the scenario first (it names the dataset and the import-price paths
// sectors may refer to), then the dataset tables in dependency order, then the
// scenario's references into the dataset (infrastructure overrides, event targets).
#include "dataset_loader.hpp"

#include <algorithm>

#include "co2_connections_table.hpp"
#include "dataset_tables.hpp"
#include "entrants_table.hpp"
#include "agreements_table.hpp"
#include "feedstock_table.hpp"
#include "green_market_loader.hpp"
#include "history_table.hpp"
#include "sector_activity_table.hpp"
#include "demand_paths_table.hpp"
#include "core/demand_paths.hpp"
#include "network_tables.hpp"
#include "permits_table.hpp"
#include "core/observed_prices.hpp"
#include "infrastructure_loader.hpp"
#include "instruments_loader.hpp"
#include "observed_prices_loader.hpp"
#include "targets_table.hpp"
#include "scenario_loader.hpp"

namespace eiisim {
namespace {

template <typename Spec>
int resolve_reference(const ScenarioReference& ref, const std::vector<Spec>& items, const char* what,
                      const char* defined_in) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == ref.id) return static_cast<int>(i);
    std::string known;
    for (const auto& item : items) known += (known.empty() ? "" : ", ") + item.id;
    throw InputError(ref.where, ref.field,
                     "unknown " + std::string(what) + " '" + ref.id + "'; " + defined_in +
                         " defines: " + known);
}

std::vector<ScenarioEvent> resolve_events(const std::vector<PendingEvent>& pending, const Inputs& in) {
    std::vector<ScenarioEvent> events;
    for (const PendingEvent& p : pending) {
        ScenarioEvent e = p.event;
        if (p.cluster) e.cluster = resolve_reference(*p.cluster, in.clusters, "cluster", "infrastructure.toml");
        if (p.sector) e.sector = resolve_reference(*p.sector, in.sectors, "sector", "sectors.csv");
        if (p.plant) {
            e.plant = resolve_reference(*p.plant, in.plants, "plant", "plants.csv");
            // A plant target narrowed further by cluster or sector must agree with them,
            // otherwise the event would silently apply to nobody.
            const PlantSpec& plant = in.plants[e.plant];
            if (e.cluster >= 0 && plant.cluster != e.cluster)
                throw InputError(p.plant->where, p.plant->field,
                                 "plant '" + plant.id + "' is not in cluster '" + in.clusters[e.cluster].id + "'");
            if (e.sector >= 0 && plant.sector != e.sector)
                throw InputError(p.plant->where, p.plant->field,
                                 "plant '" + plant.id + "' is not in sector '" + in.sectors[e.sector].id + "'");
        }
        events.push_back(std::move(e));
    }
    // The engine looks events up by year; keep file order within a year.
    std::stable_sort(events.begin(), events.end(),
                     [](const ScenarioEvent& a, const ScenarioEvent& b) { return a.year < b.year; });
    return events;
}

// [agreements.fixed] names agreements of agreements.csv that are still open: an EoP or a
// JLoI. A binding agreement holds and stopped talks give nothing in every run, so fixing
// their outcome would be a mistake to report, not to ignore.
void check_fixed_agreements(const std::vector<ScenarioReference>& refs, const std::vector<AgreementSpec>& agreements) {
    for (const ScenarioReference& ref : refs) {
        const AgreementSpec& a = agreements[static_cast<std::size_t>(
            resolve_reference(ref, agreements, "agreement", "agreements.csv"))];
        if (a.stage != AgreementStage::eop && a.stage != AgreementStage::jloi)
            throw InputError(ref.where, ref.field,
                             "agreement '" + a.id + "' is " + kAgreementStageNames[static_cast<std::size_t>(a.stage)] +
                                 " in agreements.csv; only an EoP or a JLoI has an outcome to fix");
    }
}

}  // namespace

Inputs load_inputs(const std::filesystem::path& scenario_file) {
    const InputFileLog read_files;  // every file read below, with its SHA-256
    ScenarioFile scenario = load_scenario_file(scenario_file);
    const std::filesystem::path& dir = scenario.dataset_dir;
    if (!std::filesystem::is_directory(dir))
        throw InputError(scenario.dataset.where, scenario.dataset.field,
                         "dataset folder '" + dir.string() + "' does not exist");

    Inputs in;
    InfrastructureData infrastructure = load_infrastructure(dir / "infrastructure.toml");
    apply_infrastructure_settings(scenario.scenario.infrastructure, scenario.cluster_overrides, infrastructure);
    in.clusters = std::move(infrastructure.clusters);
    in.national = std::move(infrastructure.national);

    SectorTable sectors = load_sectors(dir / "sectors.csv", scenario.scenario.prices.import_names);
    TechnologyCatalogue catalogue = load_technologies(dir / "technologies.csv", sectors);
    in.sectors = std::move(sectors.sectors);
    in.technologies = std::move(catalogue.technologies);
    in.sector_technologies = std::move(catalogue.sector_technologies);
    in.sector_keep_technology = std::move(catalogue.sector_keep_technology);

    in.plants = load_plants(dir / "plants.csv", in.sectors, in.clusters);
    load_co2_connections(dir / "co2_connections.csv", in.plants, scenario.scenario.infrastructure.co2_delay_y);
    in.plant_technologies = load_plant_options(dir / "plant_options.csv", in.plants, in.sectors,
                                               in.sector_technologies, in.technologies);
    load_permits(dir / "permits.csv", in.sectors, in.technologies);
    // Before the entrants: an entrant may supply a feedstock (entrants.csv `supplies`).
    FeedstockTable feedstocks = load_feedstocks(dir / "feedstocks.csv", in.sectors, in.national);
    in.feedstocks = std::move(feedstocks.feedstocks);
    in.sector_feed = std::move(feedstocks.sector_feed);
    load_entrants(dir / "entrants.csv", in, scenario.scenario.base_year);
    in.edges = load_edges(dir / "edges.csv", in.plants);
    in.networks = load_networks(dir / "networks.csv", dir / "network_members.csv", in.plants, in.edges, in.technologies,
                                in.plant_technologies);
    in.history = load_history(dir / "history.csv", in.plants, in.technologies, in.plant_technologies,
                              scenario.scenario.base_year);
    in.sector_activity = load_sector_activity(dir / "sector_activity.csv", in.sectors, scenario.scenario.base_year);
    in.targets = load_targets(dir / "targets.csv", scenario.scenario.base_year);
    in.demand_paths = load_demand_paths(dir / "demand_paths.csv", in.sectors);

    in.scenario = std::move(scenario.scenario);
    in.scenario.events = resolve_events(scenario.events, in);
    resolve_instrument_technologies(in.scenario.policy.instruments, in.technologies, scenario_file.string());
    resolve_green_market(in.scenario.policy, in.sectors, scenario_file.string(), in.scenario.setting_lines);
    resolve_feedstock_market(in, scenario_file.string());
    in.agreements = load_agreements(dir / "agreements.csv", dir / "agreement_plants.csv", in.plants, in.technologies,
                                    in.plant_technologies, in.scenario.policy.instruments);
    check_fixed_agreements(scenario.fixed_agreements, in.agreements);
    in.observed_prices = load_observed_prices(dir / "observed_prices.csv", in.sectors, in.scenario.prices.import_names);
    apply_observed_prices(in);
    resolve_demand_paths(in, scenario_file.string());
    in.provenance.scenario_file = scenario_file.string();
    in.provenance.files = read_files.files(scenario_file.parent_path());
    return in;
}

}  // namespace eiisim
