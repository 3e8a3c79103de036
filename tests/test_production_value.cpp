// Production by value (issue 21, error 8; core/production_value.hpp, docs/ODD.md §7.12):
// `production_retained` used to add MWh of power to tonnes of steel and cement, and to count
// an import route's imported intermediate as production at home. It is now the national
// domestic production value at fixed reference prices, the power sector left out (and
// reported as `power_output`), in the end year over the base year.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/production_value.hpp"
#include "fixtures.hpp"
#include "sim/kpis.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

std::size_t plant_of(const Inputs& in, const std::string& id) {
    for (std::size_t p = 0; p < in.plants.size(); ++p)
        if (in.plants[p].id == id) return p;
    FAIL("no plant " << id);
    return 0;
}

int technology_of(const Inputs& in, const std::string& id) {
    for (std::size_t t = 0; t < in.technologies.size(); ++t)
        if (in.technologies[t].id == id) return static_cast<int>(t);
    FAIL("no technology " << id);
    return -1;
}

// A full run's buffers with every panel and aggregate cleared, to book chosen years into
// (a closed plant's accounts write nothing).
RunResult cleared_result(const Model& model) {
    RunResult r = simulate(model, 1);
    for (auto* v : {&r.production_t, &r.utilisation, &r.co2_gross_t, &r.co2_captured_t, &r.co2_net_t,
                    &r.co2_relocated_t, &r.free_allocation_t, &r.revenue_eur, &r.margin_eur, &r.energy_gj, &r.cost_eur,
                    &r.cluster_production_t, &r.cluster_production_value_eur, &r.cluster_co2_gross_t,
                    &r.cluster_co2_captured_t, &r.cluster_co2_net_t, &r.cluster_co2_relocated_t,
                    &r.cluster_grid_used_mw, &r.cluster_production_value_by_kind_eur})
        std::fill(v->begin(), v->end(), 0.0);
    return r;
}

void book_year(const Model& model, RunState& state, int year, RunResult& r) {
    record_accounts(model, state, year, r);
    record_aggregates(model, state, year, r);
}

double national(const RunResult& r, const std::vector<double>& series, int year) {
    double sum = 0;
    for (int c = 0; c < r.clusters; ++c) sum += series[r.at_cluster(year - r.base_year, c)];
    return sum;
}

// production_retained of a run whose base year is booked with every plant operating and
// whose end year with `closed` closed.
double retained_when_closed(const Model& model, std::size_t closed, double* tonnes_ratio) {
    RunResult r = cleared_result(model);
    const Scenario& s = model.inputs.scenario;
    RunState state = make_initial_state(model, 1, 0);
    book_year(model, state, s.base_year, r);
    state.status[closed] = PlantStatus::closed;
    book_year(model, state, s.end_year, r);
    *tonnes_ratio = national(r, r.cluster_production_t, s.end_year) / national(r, r.cluster_production_t, s.base_year);
    return compute_kpis(r, kpi_milestones(s.base_year, s.end_year))["production_retained"].at(0);
}

}  // namespace

TEST_CASE("a power plant that closes changes production retained by its value share, not its MWh",
          "[production][kpis]") {
    Inputs in = testing::fuel_gas_inputs();
    for (EdgeSpec& edge : in.edges) edge.coupling = EdgeCoupling::product;  // no fuel-gas closures
    const Model model = build_model(in);
    const std::size_t power = plant_of(model.inputs, "gas_power");
    const std::size_t steel = plant_of(model.inputs, "steelworks");
    const std::size_t cement = plant_of(model.inputs, "slag_cement");
    REQUIRE(is_power_sector(model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[power].sector)]));

    double tonnes_ratio = 0;
    // The power plant's MWh are no production value: closing it keeps production retained at 1.
    CHECK(retained_when_closed(model, power, &tonnes_ratio) == Approx(1.0));
    CHECK(tonnes_ratio < 0.99);  // the old, mixed-unit measure lost its MWh

    // Closing the steelworks loses its share of base-year value: t x price over the total.
    const auto base_value = [&](std::size_t p) {
        const PlantSpec& plant = model.inputs.plants[p];
        return plant.capacity_t * model.baselines[p].utilisation *
               model.inputs.sectors[static_cast<std::size_t>(plant.sector)].product_price_eur_per_t;
    };
    const double steel_share = base_value(steel) / (base_value(steel) + base_value(cement));
    CHECK(retained_when_closed(model, steel, &tonnes_ratio) == Approx(1.0 - steel_share));
}

TEST_CASE("an import route's domestic production value leaves out the imported intermediate",
          "[production][kpis]") {
    const Model model = build_model(testing::dutch_inputs());
    const Inputs& in = model.inputs;
    const std::size_t tata = plant_of(in, "M006");
    const SectorSpec& steel = in.sectors[static_cast<std::size_t>(in.plants[tata].sector)];
    const TechnologySpec& import_hbi = in.technologies[static_cast<std::size_t>(technology_of(in, "steel/import_hbi"))];
    const int year = 2026;  // a year in which neither route curtails (the value is compared at equal tonnes)
    const auto booked = [&](const std::string& technology) {
        RunResult r = cleared_result(model);
        RunState state = make_initial_state(model, 1, 0);
        state.technology[tata] = technology_of(in, technology);
        book_year(model, state, year, r);
        const std::size_t c = r.at_cluster(year - r.base_year, in.plants[tata].cluster);
        return std::make_tuple(r.production_t[r.at(year - r.base_year, static_cast<int>(tata))],
                               r.cluster_production_t[c], r.cluster_production_value_eur[c]);
    };
    const auto [keep_t, keep_cluster_t, keep_value] = booked("steel/keep");
    const auto [import_t, import_cluster_t, import_value] = booked("steel/import_hbi");
    REQUIRE(import_t == Approx(keep_t));
    CHECK(import_cluster_t == Approx(keep_cluster_t));  // tonnes still count the imported HBI
    // The value of the imported HBI (0.85 t/t at its 2025 import price) is not made here.
    const PricePaths& prices = in.scenario.prices;
    const auto dri = std::find(prices.import_names.begin(), prices.import_names.end(), steel.import_price);
    REQUIRE(dri != prices.import_names.end());
    const double hbi_eur_per_t =
        import_hbi.import_share * steel.intermediate_t_per_t *
        prices.import_eur_per_t[static_cast<std::size_t>(dri - prices.import_names.begin())].at(in.scenario.calibration_year);
    REQUIRE(hbi_eur_per_t > 0);
    CHECK(keep_value - import_value == Approx(hbi_eur_per_t * import_t).epsilon(1e-6));
    // So Tata's domestic production value is below its tonnes at the steel price.
    CHECK(import_value < keep_value);
}
