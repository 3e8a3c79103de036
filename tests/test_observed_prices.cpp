// Observed prices before projected ones (core/observed_prices.hpp, docs/ODD.md §7.1).
#include <catch2/catch.hpp>

#include "core/observed_prices.hpp"
#include "core/settings_schema.hpp"
#include "fixtures.hpp"
#include "inputs/scenario_loader.hpp"
#include "sim/model.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

double gas_to_engine() { return settings_schema()[static_cast<std::size_t>(find_setting("prices.gas_eur_per_mwh"))].to_engine; }

// Small inputs with observed gas 2020-2022 and an observed ammonia index 2020-2022.
Inputs with_observations(HistoryMode mode) {
    Inputs in = small_inputs();
    in.scenario.history = mode;
    in.observed_prices = {{"gas_eur_per_mwh", {{2020, 10}, {2021, 50}, {2022, 130}}, "test", 1},
                          {"product_price_index.ammonia", {{2020, 0.5}, {2021, 1.3}, {2022, 2.2}}, "test", 4}};
    apply_observed_prices(in);
    return in;
}

int sector_index(const Inputs& in, const std::string& id) {
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        if (in.sectors[s].id == id) return static_cast<int>(s);
    FAIL("no sector " << id);
    return -1;
}

}  // namespace

TEST_CASE("observed prices replace the scenario path in observed years and not after", "[observed_prices]") {
    const Inputs plain = small_inputs();
    for (HistoryMode mode : {HistoryMode::forced, HistoryMode::free}) {
        const Inputs in = with_observations(mode);
        const TimePath& gas = in.scenario.prices.gas_eur_per_gj;
        CHECK(gas.at(2021) == Approx(50 * gas_to_engine()));
        CHECK(gas.at(2022) == Approx(130 * gas_to_engine()));
        CHECK(plain.scenario.prices.gas_eur_per_gj.at(2022) != Approx(gas.at(2022)));
        // After the last observation the scenario's anchors apply again.
        CHECK(gas.at(2030) == Approx(plain.scenario.prices.gas_eur_per_gj.at(2030)));
        CHECK(gas.at(2050) == Approx(plain.scenario.prices.gas_eur_per_gj.at(2050)));
    }
}

TEST_CASE("history off keeps the scenario's own paths", "[observed_prices]") {
    const Inputs plain = small_inputs();
    const Inputs in = with_observations(HistoryMode::off);
    CHECK(in.scenario.prices.gas_eur_per_gj == plain.scenario.prices.gas_eur_per_gj);
    CHECK(in.scenario.prices.sector_product_price_index.empty());
}

TEST_CASE("applying observed prices twice changes nothing (sweeps re-apply them)", "[observed_prices]") {
    Inputs in = with_observations(HistoryMode::forced);
    const PricePaths once = in.scenario.prices;
    apply_observed_prices(in);
    CHECK(in.scenario.prices == once);
}

TEST_CASE("the product price index differs by sector in observed years", "[observed_prices]") {
    Inputs in = small_inputs();
    in.scenario.behaviour.energy_cost_pass_through = 0;
    in.observed_prices = {{"product_price_index.ammonia", {{2020, 0.5}, {2021, 1.3}, {2022, 2.2}}, "test", 1}};
    apply_observed_prices(in);
    const auto& paths = in.scenario.prices.sector_product_price_index;
    REQUIRE(paths.size() == in.sectors.size());
    const TimePath& ammonia = paths[static_cast<std::size_t>(sector_index(in, "ammonia"))];
    const TimePath& refining = paths[static_cast<std::size_t>(sector_index(in, "refining"))];
    CHECK(ammonia.at(2022) == Approx(2.2));
    CHECK(refining.at(2022) == Approx(in.scenario.prices.product_price_index.at(2022)));
    CHECK(ammonia.at(2040) == Approx(refining.at(2040)));  // the national path after the observations
    // The price views carry it per sector.
    const Model model = build_model(in);
    const PriceView& y2022 = model.actual[2022 - in.scenario.base_year];
    CHECK(y2022.product_index(sector_index(in, "ammonia")) == Approx(2.2));
    CHECK(y2022.product_index(sector_index(in, "refining")) != Approx(2.2));
}

TEST_CASE("an observed sector index is net of the engine's energy pass-through", "[observed_prices]") {
    // The observed index already holds the gas spike; the engine adds k x energy change on
    // top, so the stored index is lower by that term and the engine's price is the observed.
    Inputs in = with_observations(HistoryMode::forced);
    const double k = in.scenario.behaviour.energy_cost_pass_through;
    REQUIRE(k > 0);
    const int s = sector_index(in, "ammonia");
    const TimePath& stored = in.scenario.prices.sector_product_price_index[static_cast<std::size_t>(s)];
    CHECK(stored.at(2022) < 2.2 - 0.05);
    const Model model = build_model(in);
    const int plant = [&] {
        for (std::size_t p = 0; p < in.plants.size(); ++p)
            if (in.plants[p].sector == s) return static_cast<int>(p);
        return -1;
    }();
    REQUIRE(plant >= 0);
    const PlantBaseline& base = model.baselines[static_cast<std::size_t>(plant)];
    const PriceView& view = model.actual[2022 - in.scenario.base_year];
    // The pass-through follows the EU competitors' energy prices (docs/ODD.md §7.1).
    const EnergyGj competitors = eu_competitor_energy_eur_per_gj(view);
    double energy_change = 0;
    for (std::size_t c = 0; c < kCarrierCount; ++c)
        energy_change +=
            (competitors[c] - base.base_competitor_energy_eur_per_gj[c]) * base.sector_energy_gj_per_t[c];
    const double price = in.sectors[static_cast<std::size_t>(s)].product_price_eur_per_t * view.product_index(s) +
                         k * energy_change;
    CHECK(price == Approx(in.sectors[static_cast<std::size_t>(s)].product_price_eur_per_t * 2.2).epsilon(0.02));
}

TEST_CASE("the shipped scenarios' anchors equal the observed prices in observed years", "[observed_prices]") {
    // The scenario files keep their 2020-2025 anchors (they apply with history = "off" and
    // with datasets without observations); they must not contradict the observations.
    for (const char* name : {"current-policy", "delayed-infrastructure", "green-market", "high-ets",
                             "import-intermediates", "no-co2-levy", "maatwerk-succeeds", "no-maatwerk",
                             "fossil-demand-decline", "circular-chemistry"}) {
        INFO(name);
        const std::string file = source_path(std::string("scenarios/") + name + ".toml");
        const Inputs in = load_inputs(file);
        REQUIRE(!in.observed_prices.empty());
        const PricePaths own = load_scenario_file(file).scenario.prices;
        const PricePaths& merged = in.scenario.prices;
        const std::vector<std::pair<const TimePath*, const TimePath*>> pairs = {
            {&own.ets_eur_per_t, &merged.ets_eur_per_t},
            {&own.gas_eur_per_gj, &merged.gas_eur_per_gj},
            {&own.electricity_eur_per_gj, &merged.electricity_eur_per_gj},
            {&own.other_fuel_eur_per_gj, &merged.other_fuel_eur_per_gj},
            {&own.biomethane_eur_per_gj, &merged.biomethane_eur_per_gj},
            {&own.foreign_gas_eur_per_gj, &merged.foreign_gas_eur_per_gj},
            {&own.foreign_electricity_eur_per_gj, &merged.foreign_electricity_eur_per_gj}};
        for (int year = 2020; year <= 2025; ++year) {
            INFO(year);
            for (const auto& [a, b] : pairs) CHECK(a->at(year) == Approx(b->at(year)).epsilon(1e-3));
            for (std::size_t i = 0; i < own.import_eur_per_t.size(); ++i)
                CHECK(own.import_eur_per_t[i].at(year) == Approx(merged.import_eur_per_t[i].at(year)).epsilon(1e-3));
        }
    }
}
