// The value chain: a supplier's exit raises its customers' input cost and makes them
// re-evaluate; a customer's exit cuts its suppliers' utilisation.
#include <catch2/catch.hpp>

#include "clusters/value_chain.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;

namespace {

const PlantDecision* decision_of(const std::vector<PlantDecision>& decisions, int plant) {
    for (const PlantDecision& d : decisions)
        if (d.plant == plant) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("the value-chain graph and its CSR form agree", "[value_chain]") {
    const Inputs in = testing::small_inputs();
    const ValueChainGraph graph = build_value_chain_graph(in);
    REQUIRE(boost::num_edges(graph) == in.edges.size());
    const ValueChainCsr csr = flatten(graph, static_cast<int>(in.plants.size()));
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        for (int k = csr.customer_begin[p]; k < csr.customer_begin[p + 1]; ++k)
            REQUIRE(in.edges[static_cast<std::size_t>(csr.customer_edges[static_cast<std::size_t>(k)])].supplier == static_cast<int>(p));
        for (int k = csr.supplier_begin[p]; k < csr.supplier_begin[p + 1]; ++k)
            REQUIRE(in.edges[static_cast<std::size_t>(csr.supplier_edges[static_cast<std::size_t>(k)])].customer == static_cast<int>(p));
    }
    // Zeeland Refinery -> Dow -> Yara: a closure at the refinery can reach Yara.
    const auto reach = downstream_of(graph, plant_index(in, "zeeland_refinery"));
    CHECK(std::find(reach.begin(), reach.end(), plant_index(in, "yara_sluiskil")) != reach.end());
}

TEST_CASE("when a supplier closes its customers' input cost rises and they re-evaluate", "[value_chain][rules]") {
    Inputs in = testing::small_inputs();
    in.scenario.behaviour.deterministic = true;
    const Model model = build_model(in);
    const int supplier = plant_index(model.inputs, "zeeland_refinery");
    const int customer = plant_index(model.inputs, "dow_terneuzen");
    const int year = 2025;

    RunState state = make_initial_state(model, 1, 0);
    RunResult accounts = simulate(model, 1);  // a full run only to get a sized result buffer
    // Appraise the customer without the shock, as if it had a decision window.
    state.shocked[static_cast<std::size_t>(customer)] = 1;
    const auto unshocked = appraise_triggered(model, state, year, 1, 0);
    const PlantDecision* plain = decision_of(unshocked, customer);
    REQUIRE(plain != nullptr);
    state.shocked[static_cast<std::size_t>(customer)] = 0;

    // The supplier's closure takes effect this year.
    state.target_technology[static_cast<std::size_t>(supplier)] =
        model.close_technology[static_cast<std::size_t>(model.inputs.plants[static_cast<std::size_t>(supplier)].sector)];
    state.target_year[static_cast<std::size_t>(supplier)] = year;
    apply_transitions(model, state, year);
    REQUIRE(state.status[static_cast<std::size_t>(supplier)] == PlantStatus::closed);

    const double benefit = 10.0;  // tests/data/small/dataset/edges.csv
    CHECK(state.value_chain_eur_per_t[static_cast<std::size_t>(customer)] == Approx(benefit));
    CHECK(state.shocked[static_cast<std::size_t>(customer)] == 1);

    // The customer re-evaluates, with the value-chain trigger, at a higher cost per option.
    const auto shocked = appraise_triggered(model, state, year, 1, 0);
    const PlantDecision* d = decision_of(shocked, customer);
    REQUIRE(d != nullptr);
    CHECK(d->trigger == Trigger::value_chain);
    for (const OptionAppraisal& after : d->appraisals) {
        for (const OptionAppraisal& earlier : plain->appraisals) {
            const auto kind = model.inputs.technologies[static_cast<std::size_t>(after.technology)].kind;
            INFO(model.inputs.technologies[static_cast<std::size_t>(after.technology)].id);
            if (after.technology == earlier.technology && after.subsidised == earlier.subsidised &&
                !is_relocation(kind) && kind != OptionKind::close)
                CHECK(after.cost_eur_per_t > earlier.cost_eur_per_t);
        }
    }

    // The accounts show the extra input cost.
    record_accounts(model, state, year, accounts);
    const std::size_t at = accounts.at(year - accounts.base_year, customer);
    const double production = accounts.production_t[at];
    CHECK(accounts.cost_eur[at * kCostComponentCount + static_cast<int>(CostComponent::value_chain)] ==
          Approx(benefit * production));
}

TEST_CASE("when a customer leaves its supplier's utilisation falls", "[value_chain][rules]") {
    const Model model = build_model(testing::small_inputs());
    const int supplier = plant_index(model.inputs, "zeeland_refinery");
    const int customer = plant_index(model.inputs, "dow_terneuzen");
    RunState state = make_initial_state(model, 1, 0);
    const double before = utilisation_of(model, state, supplier);
    state.target_technology[static_cast<std::size_t>(customer)] =
        model.close_technology[static_cast<std::size_t>(model.inputs.plants[static_cast<std::size_t>(customer)].sector)];
    state.target_year[static_cast<std::size_t>(customer)] = 2030;
    apply_transitions(model, state, 2030);
    const double after = utilisation_of(model, state, supplier);
    // offtake share 0.15, half of it exported: utilisation falls by 7.5 %
    CHECK(after == Approx(before * (1.0 - 0.15 * 0.5)));
    CHECK(state.shocked[static_cast<std::size_t>(supplier)] == 1);
    CHECK(export_share_of(model, state, supplier) > 0.0);
}

namespace {

// Closes `plant` in `year` through the transition phase, as a decision to close would.
void force_exit(const Model& model, RunState& state, int plant, int year) {
    const auto p = static_cast<std::size_t>(plant);
    state.target_technology[p] = model.close_technology[static_cast<std::size_t>(model.inputs.plants[p].sector)];
    state.target_year[p] = year;
    apply_transitions(model, state, year);
}

}  // namespace

TEST_CASE("a by-product customer's exit leaves its supplier's output unchanged and costs it the by-product's value",
          "[value_chain][rules]") {
    Inputs in = testing::small_inputs();
    const int supplier = plant_index(in, "dow_terneuzen");
    const int customer = plant_index(in, "yara_sluiskil");
    for (EdgeSpec& edge : in.edges) {
        if (edge.supplier != supplier || edge.customer != customer) continue;
        edge.coupling = EdgeCoupling::by_product;
        edge.offtake_share = 0;
        edge.supplier_loss_eur_per_t = 2.5;
    }
    const Model model = build_model(in);
    RunState state = make_initial_state(model, 1, 0);
    const double before = utilisation_of(model, state, supplier);
    force_exit(model, state, customer, 2030);
    CHECK(utilisation_of(model, state, supplier) == before);
    CHECK(state.value_chain_eur_per_t[static_cast<std::size_t>(supplier)] == Approx(2.5));
    CHECK(state.shocked[static_cast<std::size_t>(supplier)] == 1);

    // The same edge as a product link cuts the supplier's output instead: the test can fail.
    Inputs as_product = testing::small_inputs();
    for (EdgeSpec& edge : as_product.edges)
        if (edge.supplier == supplier && edge.customer == customer) edge.offtake_share = 0.2;
    const Model product_model = build_model(as_product);
    RunState product_state = make_initial_state(product_model, 1, 0);
    force_exit(product_model, product_state, customer, 2030);
    CHECK(utilisation_of(product_model, product_state, supplier) < before);
}

TEST_CASE("forced exits in the Dutch dataset move by-product suppliers' costs, not their output",
          "[value_chain][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    struct Case {
        const char* customer;
        const char* supplier;
    };
    // ENCI IJmuiden grinds Tata's slag; BioMethanol Chemie takes Nobian Delfzijl's
    // by-product hydrogen; Yara takes Dow cracker 1's by-product hydrogen.
    for (const Case c : {Case{"M135", "M006"}, Case{"M070", "M124"}, Case{"M017", "M192"}}) {
        RunState state = make_initial_state(model, 1, 0);
        const int supplier = plant_index(model.inputs, c.supplier);
        const double before = utilisation_of(model, state, supplier);
        force_exit(model, state, plant_index(model.inputs, c.customer), 2028);
        INFO(c.customer << " leaves; supplier " << c.supplier);
        CHECK(utilisation_of(model, state, supplier) == before);
        CHECK(state.value_chain_eur_per_t[static_cast<std::size_t>(supplier)] > 0.0);
    }
}

TEST_CASE("a 2.5 kt polyethylene plant's exit does not trim Dow's cracker", "[value_chain][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    const int cracker = plant_index(model.inputs, "M192");
    const double before = utilisation_of(model, state, cracker);
    force_exit(model, state, plant_index(model.inputs, "M196"), 2028);
    CHECK(utilisation_of(model, state, cracker) == before);
}

TEST_CASE("Tata pays for replacing the power of Velsen and IJmond when they leave", "[value_chain][dutch]") {
    const Model model = build_model(testing::dutch_inputs());
    RunState state = make_initial_state(model, 1, 0);
    const int tata = plant_index(model.inputs, "M006");
    force_exit(model, state, plant_index(model.inputs, "M007"), 2028);
    force_exit(model, state, plant_index(model.inputs, "M008"), 2028);
    // 2 TWh at 60-90 EUR/MWh over ~6.8 Mt of steel: 15-25 EUR/t (reference_edges.csv).
    const double v = state.value_chain_eur_per_t[static_cast<std::size_t>(tata)];
    CHECK(v >= 15.0);
    CHECK(v <= 25.0);
}
