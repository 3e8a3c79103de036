// Value added per plant-year (issue 14; core/value_added.hpp, docs/ODD.md §7.12): revenue
// less intermediate consumption, taxes on production and plus operating subsidies, at
// factor cost. Recomputed here from the plant panels, summed to the cluster series, and 0
// for plants that have closed or relocated, in full runs and in aggregate-only runs (whose
// one-year plant panel is reused every year).
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/value_added.hpp"
#include "fixtures.hpp"
#include "sim/simulation.hpp"

using namespace eiisim;

namespace {

// The small dataset with every sector's materials share set to `share`.
Inputs inputs_with_share(double share) {
    Inputs in = testing::small_inputs();
    for (SectorSpec& s : in.sectors) s.other_cost_intermediate_share = share;
    return in;
}

double cost_of(const RunResult& r, std::size_t at, CostComponent k) {
    return r.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(k)];
}

// The definition, term by term, from the panels.
double expected_value_added(const RunResult& r, std::size_t at, double m) {
    using K = CostComponent;
    const double other = cost_of(r, at, K::other_cost);
    return r.revenue_eur[at] - cost_of(r, at, K::energy) - cost_of(r, at, K::import_purchase) -
           cost_of(r, at, K::value_chain) - cost_of(r, at, K::transport_storage) - cost_of(r, at, K::variable_opex) -
           cost_of(r, at, K::ets) - cost_of(r, at, K::co2_levy) - cost_of(r, at, K::subsidy) -
           m * (cost_of(r, at, K::fixed_opex) + std::max(other, 0.0)) - std::min(other, 0.0);
}

}  // namespace

TEST_CASE("value added is revenue less the listed components, 0 once a plant has left", "[value_added]") {
    for (const double m : {0.0, 0.6, 1.0}) {
        const Inputs in = inputs_with_share(m);
        const RunResult r = testing::run(in, 11);
        int operating = 0, gone = 0;
        for (int y = 0; y < r.years; ++y)
            for (int p = 0; p < r.plants; ++p) {
                const std::size_t at = r.at(y, p);
                if (has_left(static_cast<PlantStatus>(r.status[at]))) {
                    CHECK(r.value_added_eur[at] == 0.0);
                    ++gone;
                    continue;
                }
                if (r.production_t[at] > 0) ++operating;
                CHECK(r.value_added_eur[at] == Approx(expected_value_added(r, at, m)).epsilon(1e-12).margin(1e-3));
            }
        CHECK(operating > 0);
        INFO("closed or relocated plant-years: " << gone);
    }
}

TEST_CASE("the materials share moves value added by m x the running costs", "[value_added]") {
    const RunResult labour = testing::run(inputs_with_share(0.0), 5);
    const RunResult bought = testing::run(inputs_with_share(1.0), 5);
    const std::size_t at = labour.at(0, 0);
    const double running = cost_of(labour, at, CostComponent::fixed_opex) +
                           std::max(cost_of(labour, at, CostComponent::other_cost), 0.0);
    REQUIRE(running > 0);
    CHECK(labour.value_added_eur[at] - bought.value_added_eur[at] == Approx(running));
    // The share is an output convention only: the runs' CO2 is the same.
    CHECK(labour.co2_net_t == bought.co2_net_t);
}

TEST_CASE("cluster value added is the sum of its plants', also in aggregate-only runs", "[value_added]") {
    Inputs in = inputs_with_share(0.7);
    const Model model = build_model(std::move(in));
    RunWorkspace full_ws, agg_ws;
    simulate_into(model, 13, 0, RecordLevel::full, full_ws);
    simulate_into(model, 13, 0, RecordLevel::aggregates, agg_ws);
    const RunResult& full = full_ws.result;
    bool someone_left = false;
    for (int y = 0; y < full.years; ++y)
        for (int c = 0; c < full.clusters; ++c) {
            double sum = 0;
            for (int p = 0; p < full.plants; ++p) {
                if (model.inputs.plants[static_cast<std::size_t>(p)].cluster != c) continue;
                sum += full.value_added_eur[full.at(y, p)];
                someone_left = someone_left || has_left(static_cast<PlantStatus>(full.status[full.at(y, p)]));
            }
            const std::size_t at = full.at_cluster(y, c);
            CHECK(full.cluster_value_added_eur[at] == Approx(sum).epsilon(1e-12));
            // The reused one-year panel is cleared each year: a plant that left adds nothing.
            CHECK(agg_ws.result.cluster_value_added_eur[at] == full.cluster_value_added_eur[at]);
        }
    CHECK(someone_left);
}

TEST_CASE("value added holds its identity in the Dutch run, also in years the IKC budget is cut",
          "[value_added]") {
    const Inputs in = testing::dutch_inputs();
    const RunResult r = testing::run(in, 42);
    int checked = 0;
    for (int y = 0; y < r.years; ++y)
        for (int p = 0; p < r.plants; ++p) {
            const std::size_t at = r.at(y, p);
            if (has_left(static_cast<PlantStatus>(r.status[at]))) continue;
            const double m =
                in.sectors[static_cast<std::size_t>(in.plants[static_cast<std::size_t>(p)].sector)]
                    .other_cost_intermediate_share;
            INFO("year " << r.base_year + y << " plant " << in.plants[static_cast<std::size_t>(p)].id);
            REQUIRE(r.value_added_eur[at] == Approx(expected_value_added(r, at, m)).epsilon(1e-9).margin(1e-2));
            ++checked;
        }
    CHECK(checked > 1000);
}
