#include "value_chain.hpp"

#include <boost/graph/breadth_first_search.hpp>

namespace eiisim {

ValueChainGraph build_value_chain_graph(const Inputs& inputs) {
    ValueChainGraph graph(inputs.plants.size());
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) graph[p].plant = static_cast<int>(p);
    for (std::size_t e = 0; e < inputs.edges.size(); ++e) {
        const EdgeSpec& spec = inputs.edges[e];
        FlowEdge flow{static_cast<int>(e), spec.offtake_share, spec.integration_benefit_eur_per_t};
        boost::add_edge(static_cast<std::size_t>(spec.supplier), static_cast<std::size_t>(spec.customer),
                        flow, graph);
    }
    return graph;
}

ValueChainCsr flatten(const ValueChainGraph& graph, int plants) {
    ValueChainCsr csr;
    csr.customer_begin.assign(static_cast<std::size_t>(plants) + 1, 0);
    csr.supplier_begin.assign(static_cast<std::size_t>(plants) + 1, 0);
    for (int p = 0; p < plants; ++p) {
        const auto v = static_cast<std::size_t>(p);
        for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it)
            csr.customer_edges.push_back(graph[*it].edge);
        for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it)
            csr.supplier_edges.push_back(graph[*it].edge);
        csr.customer_begin[v + 1] = static_cast<int>(csr.customer_edges.size());
        csr.supplier_begin[v + 1] = static_cast<int>(csr.supplier_edges.size());
    }
    return csr;
}

namespace {
class ReachRecorder : public boost::default_bfs_visitor {
public:
    explicit ReachRecorder(std::vector<int>& reached) : reached_(reached) {}
    template <typename Vertex, typename Graph>
    void discover_vertex(Vertex v, const Graph& /*graph*/) const {
        reached_.push_back(static_cast<int>(v));
    }

private:
    std::vector<int>& reached_;
};
}  // namespace

std::vector<int> downstream_of(const ValueChainGraph& graph, int plant) {
    std::vector<int> reached;
    boost::breadth_first_search(graph, static_cast<std::size_t>(plant),
                                boost::visitor(ReachRecorder(reached)));
    if (!reached.empty()) reached.erase(reached.begin());  // the plant itself
    return reached;
}

}  // namespace eiisim
