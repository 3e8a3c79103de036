// The EU neighbours (issue 13; docs/ODD.md §7.1, §7.5): product prices follow the energy
// costs of EU competitors (Belgium, Germany, France), not the Dutch ones, and a plant can
// relocate within the EU, where the EU ETS applies with its home free allocation and
// neither CBAM nor the Dutch levy does; its CO2 is counted apart from extra-EU leakage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "agents/eu_relocation_cost.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

constexpr int kYear = 2040;
constexpr double kRise = 10.0;  // EUR/GJ added from 2030 on

// `path` raised by `delta` from `from` on (flat before).
TimePath raised_from(const TimePath& path, int from, double delta) {
    std::vector<std::pair<int, double>> anchors{{from - 1, path.at(from - 1)}};
    for (const auto& [year, value] : path.anchors())
        if (year < from - 1) anchors.emplace_back(year, value);
    for (int year = from; year <= 2050; year += 5) anchors.emplace_back(year, path.at(year) + delta);
    std::sort(anchors.begin(), anchors.end());
    return TimePath(std::move(anchors));
}

// The Dutch plant whose sector uses the most electricity per t (aluminium), for which any
// electricity pass-through is largest.
int electricity_heavy_plant(const Model& model) {
    int best = -1;
    double most = 0;
    for (std::size_t p = 0; p < model.baselines.size(); ++p) {
        const double gj = model.baselines[p].sector_energy_gj_per_t[static_cast<int>(Carrier::electricity)];
        if (model.baselines[p].utilisation > 0 && gj > most) {
            most = gj;
            best = static_cast<int>(p);
        }
    }
    return best;
}

const TechnologySpec& keep_of(const Inputs& in, int plant) {
    const auto sector = static_cast<std::size_t>(in.plants[static_cast<std::size_t>(plant)].sector);
    return in.technologies[static_cast<std::size_t>(in.sector_keep_technology[sector])];
}

// The keep route's unit cost of `plant` at the actual prices of `year`.
UnitCost keep_cost(const Model& model, int plant, int year) {
    const Inputs& in = model.inputs;
    const auto p = static_cast<std::size_t>(plant);
    const PlantSpec& spec = in.plants[p];
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(spec.sector)];
    const TechnologySpec& keep = keep_of(in, plant);
    const RouteProfile profile = route_profile(model.baselines[p], keep, sector, year);
    const CostTerms terms = route_terms(keep, spec, 0.0, 25.0, model.baselines[p].utilisation);
    return domestic_unit_cost(model.baselines[p], sector, profile, model.actual[static_cast<std::size_t>(year - in.scenario.base_year)],
                              terms);
}

}  // namespace

TEST_CASE("a Dutch-only electricity price rise changes no product price", "[neighbours][pass_through]") {
    const Inputs base_inputs = testing::dutch_inputs();
    REQUIRE(base_inputs.scenario.behaviour.energy_cost_pass_through > 0);
    Inputs dutch_rise = base_inputs;
    // A Dutch tariff or tax: only the Dutch path moves; the neighbours' stay where they are.
    PricePaths& prices = dutch_rise.scenario.prices;
    prices.electricity_eur_per_gj = raised_from(prices.electricity_eur_per_gj, 2030, kRise);
    const Model before = build_model(base_inputs);
    const Model after = build_model(dutch_rise);
    const int plant = electricity_heavy_plant(before);
    REQUIRE(plant >= 0);
    const UnitCost a = keep_cost(before, plant, kYear);
    const UnitCost b = keep_cost(after, plant, kYear);
    // The plant pays it (the test is not vacuous) but cannot pass any of it on.
    CHECK(b[CostComponent::energy] > a[CostComponent::energy] + 1.0);
    CHECK(b.revenue_eur_per_t == a.revenue_eur_per_t);
}

TEST_CASE("a rise in the neighbours' electricity cost moves product prices by the pass-through", "[neighbours][pass_through]") {
    const Inputs base_inputs = testing::dutch_inputs();
    Inputs eu_rise = base_inputs;
    for (TimePath& path : eu_rise.scenario.neighbours.electricity_eur_per_gj) path = raised_from(path, 2030, kRise);
    const Model before = build_model(base_inputs);
    const Model after = build_model(eu_rise);
    const int plant = electricity_heavy_plant(before);
    const UnitCost a = keep_cost(before, plant, kYear);
    const UnitCost b = keep_cost(after, plant, kYear);
    const PlantBaseline& base = before.baselines[static_cast<std::size_t>(plant)];
    const double expected = base.energy_cost_pass_through * kRise *
                            base.sector_energy_gj_per_t[static_cast<int>(Carrier::electricity)];
    REQUIRE(expected > 1.0);
    CHECK(b.revenue_eur_per_t - a.revenue_eur_per_t == Approx(expected).epsilon(1e-9));
    // The Dutch plant's own energy bill does not move: only its market price does.
    CHECK(b[CostComponent::energy] == a[CostComponent::energy]);
}

TEST_CASE("an intra-EU relocated plant pays the EU ETS with its home free allocation, no levy", "[neighbours][abroad]") {
    Inputs in = testing::dutch_inputs();
    in.scenario.policy.co2_levy_eur_per_t = TimePath(1000.0);  // a levy far above the ETS price
    const Model model = build_model(std::move(in));
    const Inputs& inputs = model.inputs;
    const int year = 2032;  // CBAM in force, free allocation partly phased out
    int checked = 0, non_cbam = 0;
    for (std::size_t p = 0; p < inputs.plants.size(); ++p) {
        const PlantSpec& spec = inputs.plants[p];
        const SectorSpec& sector = inputs.sectors[static_cast<std::size_t>(spec.sector)];
        const PlantBaseline& base = model.baselines[p];
        if (base.utilisation <= 0 || base.co2_intensity_t_per_t <= 0) continue;
        INFO("plant " << spec.id);
        const TechnologySpec& keep = keep_of(inputs, static_cast<int>(p));
        const RouteProfile profile = route_profile(base, keep, sector, year);
        const CostTerms terms = route_terms(keep, spec, 0.0, 25.0, base.utilisation);
        const PriceView& prices = model.actual[static_cast<std::size_t>(year - inputs.scenario.base_year)];
        const UnitCost home = domestic_unit_cost(base, sector, profile, prices, terms);
        const UnitCost eu = eu_abroad_unit_cost(base, sector, inputs.scenario.neighbours, profile, prices, terms);
        const UnitCost extra_eu = abroad_unit_cost(base, sector, profile, prices, terms);
        // EU ETS with the home allocation, not CBAM.
        CHECK(eu.free_allocation_t_per_t == home.free_allocation_t_per_t);
        CHECK(eu[CostComponent::ets] == Approx(home[CostComponent::ets]));
        CHECK(eu[CostComponent::ets] ==
              Approx((profile.co2_priced_t_per_t() - home.free_allocation_t_per_t) * prices.ets_eur_per_t));
        // Outside CBAM, producing outside the EU pays no carbon price; inside the EU it does.
        if (!sector.cbam_covered) {
            CHECK(extra_eu[CostComponent::ets] == 0.0);
            if (profile.co2_priced_t_per_t() > home.free_allocation_t_per_t + 1e-6) {
                CHECK(eu[CostComponent::ets] > 0.0);
                ++non_cbam;
            }
        }
        // No Dutch levy, though it costs at home.
        CHECK(eu[CostComponent::co2_levy] == 0.0);
        if (home.levy_liable_t_per_t > 0) CHECK(home[CostComponent::co2_levy] > 0.0);
        // The neighbour's energy prices, and the same EU market price as at home.
        REQUIRE(eu.neighbour >= 0);
        const EnergyGj there = neighbour_energy_eur_per_gj(prices, eu.neighbour);
        double energy = 0;
        for (std::size_t c = 0; c < kCarrierCount; ++c) energy += profile.energy_gj_per_t[c] * there[c];
        CHECK(eu[CostComponent::energy] == Approx(energy));
        CHECK(eu.revenue_eur_per_t == Approx(home.revenue_eur_per_t - home.green_premium_eur_per_t));
        // A shorter way to the market than from outside the EU.
        CHECK(eu[CostComponent::variable_opex] < extra_eu[CostComponent::variable_opex] + 1e-9);
        ++checked;
    }
    CHECK(checked > 3);
    CHECK(non_cbam > 0);
}

TEST_CASE("an intra-EU relocation goes to the neighbour cheapest for the plant's energy mix, or the one declared", "[neighbours][abroad]") {
    RouteProfile power_heavy;
    power_heavy.energy_gj_per_t[static_cast<int>(Carrier::electricity)] = 50;
    power_heavy.energy_gj_per_t[static_cast<int>(Carrier::gas)] = 1;
    RouteProfile gas_heavy;
    gas_heavy.energy_gj_per_t[static_cast<int>(Carrier::gas)] = 30;
    PriceView prices;
    prices.neighbour_electricity_eur_per_gj = {20, 10, 30};  // be, de, fr: power cheapest in Germany
    prices.neighbour_gas_eur_per_gj = {9, 12, 10};           // gas cheapest in Belgium
    Neighbours neighbours;
    CHECK(eu_destination(neighbours, power_heavy, prices) == 1);
    CHECK(eu_destination(neighbours, gas_heavy, prices) == 0);
    neighbours.destination = NeighbourChoice::fr;
    CHECK(eu_destination(neighbours, power_heavy, prices) == 2);
}

TEST_CASE("intra- and extra-EU relocation are counted apart", "[neighbours][accounts]") {
    const Model model = build_model(testing::small_inputs());
    RunResult result = simulate(model, 3);
    const int year = 2035;
    const std::size_t plant = 0;
    const std::size_t at = result.at(year - result.base_year, static_cast<int>(plant));
    const auto book = [&](const char* row, PlantStatus status) {
        RunState state = make_initial_state(model, 1, 0);
        const std::string sector = model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[plant].sector)].id;
        state.technology[plant] = testing::technology_index(model.inputs, sector + "/" + row);
        state.status[plant] = status;
        // A fresh row, as each year of a run starts (the buffer comes from a full run).
        result.co2_relocated_t[at] = result.co2_relocated_eu_t[at] = 0.0;
        record_accounts(model, state, year, result);
    };
    book("relocate_eu", PlantStatus::relocated_eu);
    CHECK(result.status[at] == static_cast<std::uint8_t>(PlantStatus::relocated_eu));
    CHECK(result.co2_net_t[at] == 0.0);
    CHECK(result.co2_relocated_eu_t[at] > 0.0);
    CHECK(result.co2_relocated_t[at] == 0.0);
    const double eu_abroad = result.co2_relocated_eu_t[at];
    book("relocate", PlantStatus::relocated);
    CHECK(result.co2_relocated_t[at] == Approx(eu_abroad));  // the same keep route abroad
    CHECK(result.co2_relocated_eu_t[at] == 0.0);
}
