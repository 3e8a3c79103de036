#pragma once
// The value chain: plants as vertices, product flows supplier -> customer as edges.
// Built as a Boost.Graph bidirectional adjacency_list with bundled properties (for
// building and analysis: cascades, components), then flattened into CSR arrays that
// the yearly loop walks without pointer chasing.
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "core/inputs.hpp"

namespace eiisim {

struct PlantVertex {
    int plant = -1;
};
struct FlowEdge {
    int edge = -1;  // index into Inputs::edges
    double offtake_share = 0;
    double integration_benefit_eur_per_t = 0;
};
using ValueChainGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, PlantVertex, FlowEdge>;

[[nodiscard]] ValueChainGraph build_value_chain_graph(const Inputs& inputs);

// Neighbour lists in compressed form: for plant p, its customers are
// customer_edges[customer_begin[p] .. customer_begin[p+1]) and likewise for suppliers.
struct ValueChainCsr {
    std::vector<int> customer_begin;
    std::vector<int> customer_edges;  // Inputs::edges indices, supplier == p
    std::vector<int> supplier_begin;
    std::vector<int> supplier_edges;  // Inputs::edges indices, customer == p
};

[[nodiscard]] ValueChainCsr flatten(const ValueChainGraph& graph, int plants);

// Plants reachable downstream from `plant` (customers, their customers, ...), the
// potential reach of a closure cascade.
[[nodiscard]] std::vector<int> downstream_of(const ValueChainGraph& graph, int plant);

}  // namespace eiisim
