// Graph metrics and first-order exit effects of the value chain (eiisim validate).
#include <sstream>

#include <catch2/catch.hpp>

#include "clusters/value_chain_metrics.hpp"
#include "fixtures.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

TEST_CASE("value-chain metrics count components, pairs and linked emissions", "[value_chain][metrics]") {
    // tests/data/small: Zeeland Refinery -> Dow -> Yara; Pernis <-> Moerdijk (two edges,
    // one pair); OCI alone.
    const Inputs in = testing::small_inputs();
    const ValueChainMetrics m = value_chain_metrics(in);
    CHECK(m.plants == 6);
    CHECK(m.edges == 4);
    CHECK(m.linked_pairs == 3);
    CHECK(m.components == 3);
    CHECK(m.largest_component == 3);
    CHECK(m.isolated == 1);
    CHECK(m.max_degree == 2);
    int edges_by_type = 0;
    for (const int count : m.edges_by_coupling) edges_by_type += count;
    CHECK(edges_by_type == m.edges);

    // Every plant is in one cluster; linked emissions never exceed the cluster's.
    int plants = 0;
    for (const ClusterLinkage& c : m.clusters) {
        plants += c.plants;
        CHECK(c.linked <= c.plants);
        CHECK(c.linked_co2_t <= c.base_co2_t);
    }
    CHECK(plants == m.plants);
    const auto chemelot = static_cast<std::size_t>(in.plants[static_cast<std::size_t>(plant_index(in, "oci_geleen"))].cluster);
    CHECK(m.clusters[chemelot].linked == 0);
    CHECK(m.clusters[chemelot].linked_co2_t == 0.0);

    std::ostringstream text;
    print_value_chain_metrics(text, in, m);
    CHECK(text.str().find("3 components") != std::string::npos);
}

TEST_CASE("exit effects follow the exit rules of each link type", "[value_chain][metrics]") {
    const Inputs in = testing::small_inputs();
    const auto effects = exit_effects(in);
    REQUIRE(effects.size() == in.plants.size());
    const auto& plant = [&](const char* id) { return in.plants[static_cast<std::size_t>(plant_index(in, id))]; };
    const ExitEffect& dow = effects[static_cast<std::size_t>(plant_index(in, "dow_terneuzen"))];
    // Dow supplies Yara (benefit 3 EUR/t) and takes 15 % of Zeeland Refinery's output.
    CHECK(dow.customers_hit == 1);
    CHECK(dow.customer_cost_eur == Approx(3.0 * plant("yara_sluiskil").production_t));
    CHECK(dow.suppliers_hit == 1);
    CHECK(dow.supplier_output_lost_t == Approx(0.15 * plant("zeeland_refinery").production_t));
    CHECK(dow.reach == 2);
    const ExitEffect& oci = effects[static_cast<std::size_t>(plant_index(in, "oci_geleen"))];
    CHECK(oci.customers_hit + oci.suppliers_hit + oci.reach == 0);

    // As a by-product link, Yara's exit costs Dow the by-product's value, not output.
    Inputs by_product = in;
    for (EdgeSpec& e : by_product.edges) {
        if (e.customer != plant_index(in, "yara_sluiskil")) continue;
        e.coupling = EdgeCoupling::by_product;
        e.offtake_share = 0;
        e.supplier_loss_eur_per_t = 2.0;
    }
    const ExitEffect yara = exit_effects(by_product)[static_cast<std::size_t>(plant_index(in, "yara_sluiskil"))];
    CHECK(yara.supplier_output_lost_t == 0.0);
    CHECK(yara.supplier_loss_eur == Approx(2.0 * plant("dow_terneuzen").production_t));

    std::ostringstream table;
    print_exit_effects(table, in, effects);
    CHECK(table.str().find("| dow_terneuzen |") != std::string::npos);
    CHECK(table.str().find("| oci_geleen |") == std::string::npos);  // no neighbour: left out
}

TEST_CASE("a plant on a network counts as connected in the metrics", "[value_chain][metrics][networks]") {
    Inputs in = testing::small_inputs();
    const int oci = plant_index(in, "oci_geleen");
    const int yara = plant_index(in, "yara_sluiskil");
    // OCI, isolated by edges, joins Yara on an ammonia network.
    NetworkSpec n;
    n.id = "ammonia";
    n.product = "ammonia";
    n.members = {{oci, NetworkRole::producer, 100, 0.1, 0, "", {}}, {yara, NetworkRole::consumer, 100, 0, 5, "", {}}};
    in.networks = {n};
    const ValueChainMetrics m = value_chain_metrics(in);
    CHECK(m.isolated == 0);
    CHECK(m.components == 2);
    CHECK(m.memberships == 2);
    const auto chemelot = static_cast<std::size_t>(in.plants[static_cast<std::size_t>(oci)].cluster);
    CHECK(m.clusters[chemelot].linked == 1);
    // OCI's exit leaves Yara short of all it drew: it pays its full replacement cost.
    const ExitEffect x = exit_effects(in)[static_cast<std::size_t>(oci)];
    CHECK(x.customers_hit == 1);
    CHECK(x.customer_cost_eur == Approx(5.0 * in.plants[static_cast<std::size_t>(yara)].production_t));
    CHECK(x.reach == 3);
}
