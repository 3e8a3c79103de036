// Unit tests of the plant agent's economics: route profiles, unit costs, capacity
// ledgers and random streams.
#include <catch2/catch.hpp>

#include <set>

#include "agents/curtailment.hpp"
#include "agents/route_profile.hpp"
#include "agents/unit_cost.hpp"
#include "clusters/capacity_ledger.hpp"
#include "core/random_stream.hpp"

using namespace eiisim;

namespace {

PlantBaseline gas_fired_plant() {
    PlantBaseline b;
    b.utilisation = 0.8;
    b.gas_heat_gj_per_t = 10.0;
    b.gas_feedstock_gj_per_t = 5.0;
    b.electricity_gj_per_t = 1.0;
    b.co2_combustion_t_per_t = 0.566;
    b.co2_process_t_per_t = 0.3;
    b.co2_intensity_t_per_t = 0.866;
    b.heat_share = {0.5, 0.3, 0.2};
    b.benchmark_2021_t_per_t = 0.5;
    b.benchmark_2026_t_per_t = 0.5;
    return b;
}

TechnologySpec option(OptionKind kind) {
    TechnologySpec t;
    t.kind = kind;
    t.electrify_year = {2020, 2030, 2035};
    return t;
}

}  // namespace

TEST_CASE("electrification moves fuel heat band by band as bands become available", "[agents]") {
    const PlantBaseline base = gas_fired_plant();
    TechnologySpec t = option(OptionKind::electrify);
    t.electrify_share = {1.0, 1.0, 0.5};
    t.electric_efficiency = 2.0;
    const SectorSpec sector;
    const RouteProfile y2025 = route_profile(base, t, sector, 2025);
    CHECK(y2025.electrified_heat_share == Approx(0.5));
    CHECK(y2025.energy_gj_per_t[static_cast<int>(Carrier::gas)] == Approx(5.0 + 5.0));  // half the heat + feedstock
    CHECK(y2025.energy_gj_per_t[static_cast<int>(Carrier::electricity)] == Approx(1.0 + 5.0 / 2.0));
    CHECK(y2025.co2_gross_t_per_t == Approx(0.566 * 0.5 + 0.3));
    const RouteProfile y2040 = route_profile(base, t, sector, 2040);
    CHECK(y2040.electrified_heat_share == Approx(0.5 + 0.3 + 0.1));
    CHECK(y2040.co2_gross_t_per_t < y2025.co2_gross_t_per_t);
}

TEST_CASE("capture takes its share of gross CO2 and adds its energy", "[agents]") {
    const PlantBaseline base = gas_fired_plant();
    TechnologySpec t = option(OptionKind::ccs);
    t.capture_rate = 0.9;
    t.capture_electricity_gj_per_tco2 = 0.5;
    t.capture_heat_gj_per_tco2 = 2.0;
    const RouteProfile r = route_profile(base, t, SectorSpec{}, 2030);
    const double captured = 0.9 * 0.866;
    CHECK(r.co2_captured_t_per_t == Approx(captured));
    CHECK(r.co2_gross_t_per_t == Approx(0.866 + captured * 2.0 * kGasEmissionFactorTPerGj));
    CHECK(r.energy_gj_per_t[static_cast<int>(Carrier::electricity)] == Approx(1.0 + captured * 0.5));
    CHECK(r.co2_net_t_per_t() == Approx(r.co2_gross_t_per_t - r.co2_captured_t_per_t));
}

TEST_CASE("importing the intermediate removes that share of the upstream step", "[agents]") {
    const PlantBaseline base = gas_fired_plant();
    TechnologySpec t = option(OptionKind::import_intermediate);
    t.import_share = 0.75;
    SectorSpec sector;
    sector.intermediate_t_per_t = 0.6;
    const RouteProfile r = route_profile(base, t, sector, 2030);
    CHECK(r.co2_gross_t_per_t == Approx(0.866 * 0.25));
    CHECK(r.intermediate_t_per_t == Approx(0.45));
    CHECK(r.energy_gj_per_t[static_cast<int>(Carrier::gas)] == Approx(15.0 * 0.25));
}

TEST_CASE("an import takes the replaced step's share of the plant's other cost along", "[agents]") {
    PlantBaseline base = gas_fired_plant();
    base.other_cost_eur_per_t = 200;
    TechnologySpec t = option(OptionKind::import_intermediate);
    t.import_share = 0.75;
    SectorSpec sector;
    sector.intermediate_t_per_t = 1.0;
    sector.import_other_cost_share = 0.4;
    const PriceView prices;
    const RouteProfile imported = route_profile(base, t, sector, 2030);
    CHECK(domestic_unit_cost(base, sector, imported, prices, CostTerms{})[CostComponent::other_cost] ==
          Approx(200 * (1 - 0.75 * 0.4)));
    // Other routes, and sectors without the share, keep the whole calibrated other cost.
    const RouteProfile keep = route_profile(base, option(OptionKind::keep), sector, 2030);
    CHECK(domestic_unit_cost(base, sector, keep, prices, CostTerms{})[CostComponent::other_cost] == Approx(200));
    sector.import_other_cost_share = 0;
    CHECK(domestic_unit_cost(base, sector, imported, prices, CostTerms{})[CostComponent::other_cost] == Approx(200));
}

TEST_CASE("carbon costs: ETS net of free allocation, levy above dispensation minus ETS", "[agents]") {
    const PlantBaseline base = gas_fired_plant();
    const RouteProfile keep = route_profile(base, option(OptionKind::keep), SectorSpec{}, 2030);
    PriceView prices;
    prices.ets_eur_per_t = 100;
    prices.free_allocation_factor_non_cbam = 0.5;  // the default sector is outside CBAM
    prices.co2_levy_eur_per_t = 150;
    prices.dispensation_factor = 0.5;
    const UnitCost cost = domestic_unit_cost(base, SectorSpec{}, keep, prices, CostTerms{});
    CHECK(cost[CostComponent::ets] == Approx((0.866 - 0.5 * 0.5) * 100));
    CHECK(cost[CostComponent::co2_levy] == Approx((150 - 100) * (0.866 - 0.5 * 0.866)));
    // Abolishing the levy, or an ETS price above the levy rate, removes the levy.
    // CBAM sectors lose free allocation on the CBAM schedule instead.
    SectorSpec covered;
    covered.cbam_covered = true;
    prices.free_allocation_factor = 0.0;
    CHECK(domestic_unit_cost(base, covered, keep, prices, CostTerms{})[CostComponent::ets] == Approx(0.866 * 100));
    prices.ets_eur_per_t = 160;
    CHECK(domestic_unit_cost(base, SectorSpec{}, keep, prices, CostTerms{})[CostComponent::co2_levy] == 0.0);
}

TEST_CASE("free allocation follows the domestic activity of the benchmarked step", "[agents][allocation]") {
    const PlantBaseline base = gas_fired_plant();
    SectorSpec sector;
    sector.intermediate_t_per_t = 1.0;
    PriceView prices;
    prices.ets_eur_per_t = 100;
    prices.free_allocation_factor_non_cbam = 0.8;
    const auto allocation = [&](double import_share) {
        TechnologySpec t = option(OptionKind::import_intermediate);
        t.import_share = import_share;
        const RouteProfile r = route_profile(base, t, sector, 2030);
        return domestic_unit_cost(base, sector, r, prices, CostTerms{}).free_allocation_t_per_t;
    };
    CHECK(allocation(0.0) == Approx(0.5 * 0.8));
    CHECK(allocation(0.75) == Approx(0.5 * 0.8 * 0.25));
    CHECK(allocation(1.0) == Approx(0.0).margin(1e-12));
    // A fully imported step emits nothing here and receives nothing: no ETS income.
    TechnologySpec all = option(OptionKind::import_intermediate);
    all.import_share = 1.0;
    const RouteProfile r = route_profile(base, all, sector, 2030);
    CHECK(domestic_unit_cost(base, sector, r, prices, CostTerms{})[CostComponent::ets] == Approx(0.0).margin(1e-9));
}

TEST_CASE("capital recovery factor", "[agents]") {
    CHECK(capital_recovery_factor(0.0, 20) == Approx(0.05));
    CHECK(capital_recovery_factor(0.1, 20) == Approx(0.117459625));
    CHECK(capital_recovery_factor(0.1, 0) == 1.0);
}

TEST_CASE("abroad production pays CBAM only for covered products", "[agents][cbam]") {
    const PlantBaseline base = gas_fired_plant();
    const RouteProfile keep = route_profile(base, option(OptionKind::keep), SectorSpec{}, 2030);
    PriceView prices;
    prices.ets_eur_per_t = 100;
    prices.cbam_factor = 0.5;
    prices.free_allocation_factor = 0.5;
    SectorSpec covered;
    covered.cbam_covered = true;
    // Regulation (EU) 2023/956 Art. 31: embedded emissions less the benchmark allocation
    // EU producers still receive (benchmark 0.5 times the free-allocation factor 0.5).
    CHECK(abroad_unit_cost(base, covered, keep, prices, CostTerms{})[CostComponent::ets] ==
          Approx((0.866 - 0.5 * 0.5) * 100));
    CHECK(abroad_unit_cost(base, SectorSpec{}, keep, prices, CostTerms{})[CostComponent::ets] == 0.0);
    // Before CBAM applies nothing is due; a producer below the adjustment pays nothing.
    prices.cbam_factor = 0.0;
    CHECK(abroad_unit_cost(base, covered, keep, prices, CostTerms{})[CostComponent::ets] == 0.0);
    prices.cbam_factor = 0.1;
    prices.free_allocation_factor = 1.0;
    PlantBaseline efficient = base;
    efficient.benchmark_2021_t_per_t = 1.0;
    efficient.benchmark_2026_t_per_t = 1.0;
    CHECK(abroad_unit_cost(efficient, covered, keep, prices, CostTerms{})[CostComponent::ets] == 0.0);
}

TEST_CASE("site-bound income stays home: a negative other cost gains nothing abroad", "[agents][abroad]") {
    // Issue 21, error 4: O x abroad_cost_factor turned site-bound income (co-products,
    // heat sales) into a larger income abroad, so the most subsidised-by-its-site plant
    // gained most from leaving.
    PlantBaseline base = gas_fired_plant();
    const RouteProfile keep = route_profile(base, option(OptionKind::keep), SectorSpec{}, 2030);
    PriceView prices;
    SectorSpec sector;
    sector.product_price_eur_per_t = 500;
    sector.abroad_cost_factor = 1.3;
    base.other_cost_eur_per_t = 0;
    const UnitCost without = abroad_unit_cost(base, sector, keep, prices, CostTerms{});
    base.other_cost_eur_per_t = -800;
    const UnitCost with_income = abroad_unit_cost(base, sector, keep, prices, CostTerms{});
    CHECK(with_income[CostComponent::other_cost] == 0.0);
    CHECK(with_income.total() == Approx(without.total()));
    CHECK(with_income.revenue_eur_per_t - with_income.total() <= with_income.revenue_eur_per_t);
    // At home the income counts; a positive other cost moves at the foreign cost level.
    CHECK(domestic_unit_cost(base, sector, keep, prices, CostTerms{})[CostComponent::other_cost] == -800.0);
    base.other_cost_eur_per_t = 200;
    CHECK(abroad_unit_cost(base, sector, keep, prices, CostTerms{})[CostComponent::other_cost] == Approx(260.0));
    CHECK(site_independent_other_cost_eur_per_t(base) - site_bound_income_eur_per_t(base) == 200.0);
}

TEST_CASE("curtailment saves the other cost the accounts charge per tonne", "[agents][curtailment]") {
    // The accounts charge the calibrated other cost per tonne (raw materials the catalogue
    // does not itemise sit in it); the cash margin used to leave a positive one out, so a
    // plant losing money on every tonne it made kept running at full output.
    UnitCost unit;
    unit.revenue_eur_per_t = 600;
    unit[CostComponent::energy] = 250;
    unit[CostComponent::capex_annuity] = 80;  // sunk for the year either way
    unit[CostComponent::other_cost] = 400;
    CHECK(cash_margin_eur_per_t(unit) == Approx(600 - 250 - 400));
    CHECK(curtails(unit, 0.6));
    CHECK_FALSE(curtails(unit, 1.0));
    // A negative other cost is income with each tonne: it keeps the plant running.
    unit[CostComponent::other_cost] = -100;
    CHECK(cash_margin_eur_per_t(unit) == Approx(600 - 250 + 100));
    CHECK_FALSE(curtails(unit, 0.6));
}

TEST_CASE("a curtailed plant needs the restart margin to run normally again", "[agents][curtailment]") {
    // Restart hysteresis: a positive cash margin below the restart share keeps a plant the rule
    // curtailed last year curtailed; a plant that ran normally needs only a positive margin.
    UnitCost unit;
    unit.revenue_eur_per_t = 600;
    unit[CostComponent::energy] = 250;
    unit[CostComponent::other_cost] = 300;  // cash margin 50, 8.3 % of revenue
    CHECK_FALSE(curtails(unit, 0.6));
    CHECK_FALSE(curtails(unit, 0.6, 0.0));
    CHECK(curtails(unit, 0.6, 0.1));        // curtailed last year: 50 < 60 needed
    CHECK_FALSE(curtails(unit, 0.6, 0.08));  // 50 >= 48: it restarts
    CHECK_FALSE(curtails(unit, 1.0, 0.1));  // curtailed_utilisation 1: never curtails
}

TEST_CASE("capacity ledgers reserve from the start year on and refuse what does not fit", "[clusters]") {
    CapacityLedger storage(TimePath({{2026, 2.5}, {2029, 2.5}, {2030, 24.5}}), 2020, 31);
    CHECK(storage.fits(2.0, 2026));
    CHECK_FALSE(storage.fits(3.0, 2026));  // Porthos alone is too small
    CHECK(storage.fits(3.0, 2030));        // with Aramis it fits
    storage.reserve(2.0, 2026);
    CHECK(storage.used(2025) == 0.0);
    CHECK(storage.used(2040) == 2.0);
    CHECK_FALSE(storage.fits(1.0, 2027));
    CHECK(storage.fits(1.0, 2027, 0.5));   // fits once the requester's own 0.5 is released
    storage.release(2.0, 2035);
    CHECK(storage.used(2034) == 2.0);
    CHECK(storage.used(2035) == 0.0);
    // A route starting after the simulated period is judged against the path then.
    CapacityLedger empty(TimePath(0.0), 2020, 31);
    CHECK_FALSE(empty.fits(1.0, 2053));
    CHECK(storage.fits(20.0, 2053));
    storage.reserve(20.0, 2053);
    CHECK_FALSE(storage.fits(20.0, 2054));  // the same room is not granted twice
    CapacityLedger budget(TimePath(10.0), 2020, 5);
    budget.reserve_in_year(8.0, 2021);
    CHECK_FALSE(budget.fits_in_year(3.0, 2021));
    CHECK(budget.fits_in_year(3.0, 2022));
}

TEST_CASE("random streams are reproducible, independent per purpose, and in (0,1)", "[core]") {
    RandomStream a(1, 0, 5, 2030, Purpose::taste), b(1, 0, 5, 2030, Purpose::taste);
    RandomStream c(1, 0, 5, 2030, Purpose::tie_break), d(2, 0, 5, 2030, Purpose::taste);
    std::set<double> seen;
    double sum = 0;
    for (int i = 0; i < 1000; ++i) {
        const double u = a.uniform();
        REQUIRE(u == b.uniform());
        REQUIRE(u > 0.0);
        REQUIRE(u < 1.0);
        seen.insert(u);
        sum += u;
    }
    CHECK(seen.size() == 1000);
    CHECK(sum / 1000 == Approx(0.5).margin(0.05));
    CHECK(c.uniform() != RandomStream(1, 0, 5, 2030, Purpose::taste).uniform());
    CHECK(d.uniform() != RandomStream(1, 0, 5, 2030, Purpose::taste).uniform());
}
