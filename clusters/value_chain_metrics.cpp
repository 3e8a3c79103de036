#include "value_chain_metrics.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <fmt/format.h>

#include "networks.hpp"

namespace eiisim {
namespace {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

UndirectedGraph undirected_view(const Inputs& inputs) {
    UndirectedGraph graph(inputs.plants.size());
    for (const EdgeSpec& e : inputs.edges)
        boost::add_edge(static_cast<std::size_t>(e.supplier), static_cast<std::size_t>(e.customer), graph);
    // A network joins all its members: a star around its first member is enough for components.
    for (const NetworkSpec& network : inputs.networks)
        for (std::size_t k = 1; k < network.members.size(); ++k)
            boost::add_edge(static_cast<std::size_t>(network.members[0].plant),
                            static_cast<std::size_t>(network.members[k].plant), graph);
    return graph;
}

double base_co2_of(const PlantSpec& plant) { return plant.co2_combustion_t + plant.co2_process_t; }

}  // namespace

ValueChainMetrics value_chain_metrics(const Inputs& inputs) {
    ValueChainMetrics m;
    const std::size_t n = inputs.plants.size();
    m.plants = static_cast<int>(n);
    m.edges = static_cast<int>(inputs.edges.size());
    std::vector<int> degree(n, 0);
    std::set<std::pair<int, int>> pairs;
    for (const EdgeSpec& e : inputs.edges) {
        ++degree[static_cast<std::size_t>(e.supplier)];
        ++degree[static_cast<std::size_t>(e.customer)];
        ++m.edges_by_coupling[static_cast<std::size_t>(e.coupling)];
        pairs.insert(std::minmax(e.supplier, e.customer));
    }
    m.linked_pairs = static_cast<int>(pairs.size());
    // A plant on a network is connected: each membership counts as a link.
    m.networks = static_cast<int>(inputs.networks.size());
    for (const NetworkSpec& network : inputs.networks) {
        for (const NetworkMember& member : network.members) {
            ++degree[static_cast<std::size_t>(member.plant)];
            ++m.memberships;
        }
    }

    const UndirectedGraph graph = undirected_view(inputs);
    std::vector<int> component(n, 0);
    m.components = n == 0 ? 0 : boost::connected_components(graph, component.data());
    std::vector<int> size(static_cast<std::size_t>(m.components), 0);
    for (const int c : component) ++size[static_cast<std::size_t>(c)];
    m.largest_component = size.empty() ? 0 : *std::max_element(size.begin(), size.end());

    m.clusters.assign(inputs.clusters.size(), ClusterLinkage{});
    for (std::size_t p = 0; p < n; ++p) {
        const PlantSpec& plant = inputs.plants[p];
        ClusterLinkage& c = m.clusters[static_cast<std::size_t>(plant.cluster)];
        ++c.plants;
        c.base_co2_t += base_co2_of(plant);
        if (degree[p] == 0) {
            ++m.isolated;
            continue;
        }
        ++c.linked;
        c.linked_co2_t += base_co2_of(plant);
        if (degree[p] > m.max_degree) {
            m.max_degree = degree[p];
            m.max_degree_plant = static_cast<int>(p);
        }
    }
    return m;
}

void print_value_chain_metrics(std::ostream& out, const Inputs& inputs, const ValueChainMetrics& m) {
    out << fmt::format("\nValue chain: {} edges between {} plant pairs; {} components, the largest {} plants; "
                       "{} plants isolated\n",
                       m.edges, m.linked_pairs, m.components, m.largest_component, m.isolated);
    out << fmt::format("  networks: {} with {} memberships (a member counts as linked)\n", m.networks, m.memberships);
    out << "  edges by link type:";
    for (std::size_t c = 0; c < kEdgeCouplingNames.size(); ++c)
        out << fmt::format(" {} {}", kEdgeCouplingNames[c], m.edges_by_coupling[c]);
    out << "\n";
    if (m.max_degree_plant >= 0)
        out << fmt::format("  best connected: {} ({}) with {} edges and memberships\n",
                           inputs.plants[static_cast<std::size_t>(m.max_degree_plant)].id,
                           inputs.plants[static_cast<std::size_t>(m.max_degree_plant)].name, m.max_degree);
    out << fmt::format("  {:<24} {:>7} {:>7} {:>22}\n", "cluster", "plants", "linked", "base CO2 linked (Mt)");
    for (std::size_t c = 0; c < m.clusters.size(); ++c) {
        const ClusterLinkage& k = m.clusters[c];
        const double share = k.base_co2_t > 0 ? k.linked_co2_t / k.base_co2_t : 0.0;
        out << fmt::format("  {:<24} {:>7} {:>7} {:>10.2f} of {:>5.2f} ({:>3.0f} %)\n", inputs.clusters[c].id,
                           k.plants, k.linked, k.linked_co2_t / 1e6, k.base_co2_t / 1e6, 100 * share);
    }
}

namespace {

// Plants linked to `plant` in either direction, directly or through others: the rest of
// its component, which a cascade from its exit could reach.
int reach_of(const std::vector<int>& component, int plant) {
    const int own = component[static_cast<std::size_t>(plant)];
    return static_cast<int>(std::count(component.begin(), component.end(), own)) - 1;
}

// The plant leaves its networks: consumers pay for the shortfall the others cannot cover,
// producers deliver less when a consumer leaves (§7.9 "Networks").
void add_network_effects(const Inputs& inputs, int plant, ExitEffect& x) {
    std::vector<std::uint8_t> active(inputs.plants.size(), 1);
    active[static_cast<std::size_t>(plant)] = 0;
    std::vector<int> base_routes(inputs.plants.size());  // everybody on its incumbent route
    for (std::size_t p = 0; p < base_routes.size(); ++p) base_routes[p] = keep_technology_of(inputs, static_cast<int>(p));
    for (const NetworkSpec& network : inputs.networks) {
        const bool member = std::any_of(network.members.begin(), network.members.end(),
                                        [plant](const NetworkMember& m) { return m.plant == plant; });
        if (!member) continue;
        const NetworkBalance balance = network_balance(network, active, base_routes);
        for (const NetworkMember& m : network.members) {
            if (m.plant == plant) continue;
            const double production = inputs.plants[static_cast<std::size_t>(m.plant)].production_t;
            const double cost = network_cost_eur_per_t(m, balance);
            const double lost = network_lost_share(m, balance);
            if (cost > 0) {
                ++x.customers_hit;
                x.customer_cost_eur += cost * production;
            }
            if (lost > 0) {
                ++x.suppliers_hit;
                x.supplier_output_lost_t += lost * production;
            }
        }
    }
}

ExitEffect exit_effect(const Inputs& inputs, int plant) {
    ExitEffect x;
    x.plant = plant;
    for (const EdgeSpec& e : inputs.edges) {
        if (e.supplier == plant) {
            const PlantSpec& customer = inputs.plants[static_cast<std::size_t>(e.customer)];
            if (e.coupling == EdgeCoupling::fuel_gas) {
                ++x.fuel_gas_closures;
                continue;
            }
            ++x.customers_hit;
            x.customer_cost_eur += e.integration_benefit_eur_per_t * customer.production_t;
        }
        if (e.customer == plant && e.coupling != EdgeCoupling::fuel_gas) {
            const PlantSpec& supplier = inputs.plants[static_cast<std::size_t>(e.supplier)];
            ++x.suppliers_hit;
            if (supplier_follows_customer(e.coupling))
                x.supplier_output_lost_t += e.offtake_share * supplier.production_t;
            else
                x.supplier_loss_eur += e.supplier_loss_eur_per_t * supplier.production_t;
        }
    }
    add_network_effects(inputs, plant, x);
    return x;
}

}  // namespace

std::vector<ExitEffect> exit_effects(const Inputs& inputs) {
    const UndirectedGraph graph = undirected_view(inputs);
    std::vector<int> component(inputs.plants.size(), 0);
    if (!inputs.plants.empty()) (void)boost::connected_components(graph, component.data());
    std::vector<ExitEffect> effects;
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        ExitEffect x = exit_effect(inputs, static_cast<int>(p));
        x.reach = reach_of(component, static_cast<int>(p));
        effects.push_back(x);
    }
    return effects;
}

void print_exit_effects(std::ostream& out, const Inputs& inputs, const std::vector<ExitEffect>& effects) {
    std::vector<ExitEffect> shown;
    for (const ExitEffect& x : effects)
        if (x.customers_hit + x.suppliers_hit + x.fuel_gas_closures > 0) shown.push_back(x);
    std::stable_sort(shown.begin(), shown.end(), [](const ExitEffect& a, const ExitEffect& b) {
        return a.customer_cost_eur + a.supplier_loss_eur > b.customer_cost_eur + b.supplier_loss_eur;
    });
    out << "| plant | name | customers hit | their replacement cost (MEUR/yr) | fuel-gas closures "
           "| suppliers hit | supplier output lost (kt or GWh per yr) | by-product value lost (MEUR/yr) | reach (plants) |\n"
           "|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const ExitEffect& x : shown) {
        const PlantSpec& plant = inputs.plants[static_cast<std::size_t>(x.plant)];
        out << fmt::format("| {} | {} | {} | {:.1f} | {} | {} | {:.0f} | {:.1f} | {} |\n", plant.id, plant.name,
                           x.customers_hit, x.customer_cost_eur / 1e6, x.fuel_gas_closures, x.suppliers_hit,
                           x.supplier_output_lost_t / 1e3, x.supplier_loss_eur / 1e6, x.reach);
    }
}

}  // namespace eiisim
