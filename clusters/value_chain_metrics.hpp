#pragma once
// What the value-chain graph covers: components, linked pairs, degrees, the share of
// base-year emissions in plants with at least one link, per cluster, and what one plant's
// exit does to its neighbours at first order (the rules of docs/ODD.md §7.9, evaluated
// on the base year without running the model). `eiisim validate` prints the metrics;
// `eiisim validate --cascades` prints the exit table (docs/dataset.md "Value chain").
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct ClusterLinkage {
    int plants = 0;
    int linked = 0;             // plants with at least one edge or network membership
    double base_co2_t = 0;      // base-year CO2 of all its plants
    double linked_co2_t = 0;    // of those linked
};

struct ValueChainMetrics {
    int plants = 0;
    int edges = 0;
    int linked_pairs = 0;       // unordered plant pairs joined by at least one edge
    int components = 0;         // weakly connected components, isolated plants included
    int isolated = 0;           // plants with no edge and no network
    int largest_component = 0;  // plants in the largest component
    int max_degree = 0;         // edges and memberships of the best-connected plant
    int max_degree_plant = -1;
    int networks = 0;           // pipeline networks
    int memberships = 0;        // plants' memberships in them (a member counts as linked)
    std::array<int, kEdgeCouplingCount> edges_by_coupling{};
    std::vector<ClusterLinkage> clusters;  // by cluster index
};

[[nodiscard]] ValueChainMetrics value_chain_metrics(const Inputs& inputs);
void print_value_chain_metrics(std::ostream& out, const Inputs& inputs, const ValueChainMetrics& metrics);

// The first-order effect of one plant's exit on its neighbours, by the exit rules.
struct ExitEffect {
    int plant = -1;
    int customers_hit = 0;              // customers that pay a replacement
    double customer_cost_eur = 0;       // sum of integration benefit x customer base production
    int suppliers_hit = 0;              // suppliers that lose offtake or a by-product's value
    double supplier_output_lost_t = 0;  // offtake share x supplier base production, before exports
    double supplier_loss_eur = 0;       // by-product value lost, EUR/yr at base production
    int fuel_gas_closures = 0;          // customers that close at once (their gas ends)
    int reach = 0;                      // plants linked to it, directly or through others
};

[[nodiscard]] std::vector<ExitEffect> exit_effects(const Inputs& inputs);
// The exit effects as a Markdown table, plants with no neighbour left out, largest
// customer cost first.
void print_exit_effects(std::ostream& out, const Inputs& inputs, const std::vector<ExitEffect>& effects);

}  // namespace eiisim
