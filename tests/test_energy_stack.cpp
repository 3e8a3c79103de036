// The Dutch electricity and gas cost stack (docs/ODD.md §7.4, agents/energy_stack.hpp):
// energy-tax brackets by yearly volume, the grid connection level, IKC within its budget
// and only for eligible sectors, and the split of the energy cost that adds up to it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "agents/energy_stack.hpp"
#include "fixtures.hpp"
#include "small_copy.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

constexpr double kKwhRate = 1000.0 / 3.6;  // EUR/kWh -> EUR/GJ

// 2025 electricity tax (EUR/kWh, docs/scenario.md sources) in engine units.
std::array<double, kTaxBracketCount> electricity_2025() {
    return {0.10154 * kKwhRate, 0.06726 * kKwhRate, 0.03814 * kKwhRate, 0.00188 * kKwhRate};
}

// The small scenario with every part of the stack switched on: tariffs by level, taxes,
// IKC for the refining sector (its plants only; the fixture's ammonia plants relocate in
// 2025) with `budget_eur` a year.
Inputs stacked_small(double budget_eur) {
    Inputs in = small_inputs();
    auto& prices = in.scenario.prices;
    prices.network_tariff_eur_per_gj = {TimePath{3.0}, TimePath{4.0}, TimePath{6.0}};
    prices.gas_network_tariff_eur_per_gj = TimePath{0.7};
    auto& energy = in.scenario.policy.energy;
    energy.electricity_tax_eur_per_gj = {TimePath{28.0}, TimePath{19.0}, TimePath{10.6}, TimePath{0.5}};
    energy.gas_tax_eur_per_gj = {TimePath{18.0}, TimePath{10.0}, TimePath{6.4}, TimePath{1.7}};
    energy.ikc_budget_eur = TimePath{budget_eur};
    energy.ikc_aid_intensity = TimePath{0.75};
    energy.ikc_emission_factor_t_per_mwh = TimePath{0.45};
    energy.electricity_compensation_eur_per_gj = TimePath{0.5};
    for (SectorSpec& s : in.sectors) s.ikc_eligible_from = s.id == "refining" ? 2020 : 9999;
    return in;
}

double ikc_paid_in(const RunResult& r, int year) {
    double paid = 0;
    for (int p = 0; p < r.plants; ++p)
        paid -= r.energy_cost_eur[r.at(year - r.base_year, p) * kEnergyPartCount +
                                  static_cast<std::size_t>(EnergyPart::ikc)];
    return paid;
}

}  // namespace

TEST_CASE("energy tax brackets: each rate applies to its slice of the yearly volume", "[energy_stack]") {
    const auto rates = electricity_2025();
    // Inside the first bracket the whole volume pays the first rate.
    CHECK(bracket_tax_eur(20.0, rates, kElectricityBracketUpperGj) == Approx(20.0 * rates[0]));
    // 50 GWh = 180,000 GJ: 36 GJ at rate 1, 144 at rate 2, 35,820 at rate 3, 144,000 at rate 4.
    const double expected = 36 * rates[0] + 144 * rates[1] + 35820 * rates[2] + 144000 * rates[3];
    CHECK(bracket_tax_eur(180000.0, rates, kElectricityBracketUpperGj) == Approx(expected));
    // Gas: 1 million m3 = 170,000 m3 at rate 1 and 830,000 at rate 2.
    const std::array<double, kTaxBracketCount> gas{20.0, 10.0, 5.0, 1.0};
    CHECK(bracket_tax_eur(1e6 * kGjNcvPerTaxM3, gas, kGasBracketUpperGj) ==
          Approx((170e3 * 20.0 + 830e3 * 10.0) * kGjNcvPerTaxM3));
}

TEST_CASE("energy tax brackets: a plant's average rate falls with its volume", "[energy_stack]") {
    const auto rates = electricity_2025();
    double previous = average_bracket_rate(1.0, rates, kElectricityBracketUpperGj);
    CHECK(previous == Approx(rates[0]));
    for (const double gj : {100.0, 1e3, 36e3, 1e5, 1e6, 1e7}) {
        const double average = average_bracket_rate(gj, rates, kElectricityBracketUpperGj);
        CHECK(average < previous);
        CHECK(average > rates[3]);  // never below the last bracket's rate
        previous = average;
    }
    // A large user pays close to the last bracket's rate: 1 TWh = 3.6 million GJ.
    CHECK(average_bracket_rate(3.6e6, rates, kElectricityBracketUpperGj) < 1.1 * rates[3] + 0.4);
}

TEST_CASE("connection level: base-year average load against the declared thresholds", "[energy_stack]") {
    const double gj_per_mw_year = 3.6 * 8760;
    CHECK(connection_level(150 * gj_per_mw_year, 100, 10) == ConnectionLevel::ehv);
    CHECK(connection_level(100 * gj_per_mw_year, 100, 10) == ConnectionLevel::ehv);  // at the threshold: the higher level
    CHECK(connection_level(99 * gj_per_mw_year, 100, 10) == ConnectionLevel::hv);
    CHECK(connection_level(10 * gj_per_mw_year, 100, 10) == ConnectionLevel::hv);
    CHECK(connection_level(9.9 * gj_per_mw_year, 100, 10) == ConnectionLevel::regional);
    CHECK(connection_level(0, 100, 10) == ConnectionLevel::regional);

    // The model assigns each plant from the scenario's thresholds (tests/data/small:
    // Dow Terneuzen draws ~285 MW, Yara Sluiskil ~79 MW, Zeeland Refinery ~48 MW).
    Inputs in = small_inputs();
    in.scenario.policy.energy.ehv_min_mw = 100;
    in.scenario.policy.energy.hv_min_mw = 60;
    const Model model = build_model(in);
    const auto level = [&](const char* id) { return model.baselines[static_cast<std::size_t>(plant_index(in, id))].connection_level; };
    CHECK(level("dow_terneuzen") == ConnectionLevel::ehv);
    CHECK(level("yara_sluiskil") == ConnectionLevel::hv);
    CHECK(level("zeeland_refinery") == ConnectionLevel::regional);
}

TEST_CASE("the loader refuses a 110/150 kV threshold above the 220/380 kV one", "[energy_stack][loader]") {
    SmallCopy copy;
    const int line = copy.replace("scenario.toml", "green_premium_eur_per_t = 0",
                                  "green_premium_eur_per_t = 0\nehv_connection_min_mw = 50\nhv_connection_min_mw = 80") +
                     2;
    expect_error(copy, "scenario.toml", line, "policy.hv_connection_min_mw", "ehv_connection_min_mw");
}

TEST_CASE("sectors.csv: an IKC or tax rule needs its source", "[energy_stack][loader]") {
    SmallCopy copy;
    copy.replace("sectors.csv", "transport_eur_per_t,source", "transport_eur_per_t,ikc_eligible_from,source");
    copy.replace("sectors.csv", "0.9,25,ESTIMATE: test fixture", "0.9,25,2021,ESTIMATE: test fixture");
    copy.replace("sectors.csv", "0.95,15,ESTIMATE", "0.95,15,9999,ESTIMATE");
    copy.replace("sectors.csv", "0.9,40,ESTIMATE", "0.9,40,9999,ESTIMATE");
    expect_error(copy, "sectors.csv", copy.line_of("sectors.csv", "ammonia,"), "energy_cost_source", "source");
}

TEST_CASE("feedstock gas and exempt processes pay no energy tax", "[energy_stack]") {
    PlantBaseline base;
    base.gas_feedstock_gj_per_t = 20;
    PriceView prices;
    prices.gas_tax_eur_per_gj = {2.0, 2.0, 2.0, 2.0};  // flat, so the volume does not matter
    EnergyGj gj{};
    gj[static_cast<std::size_t>(Carrier::gas)] = 30;
    const auto tax = [&] {
        return dutch_energy_bill(base, gj, prices, 1e6, 1.0).part_eur_per_t[static_cast<std::size_t>(EnergyPart::energy_tax)];
    };
    CHECK(tax() == Approx(10 * 2.0));  // only the 10 GJ burnt
    base.gas_tax_exempt = true;
    CHECK(tax() == 0.0);
}

TEST_CASE("IKC: pro rata never pays more than the budget, and only eligible sectors", "[energy_stack][engine]") {
    // Unconstrained: every eligible plant's full claim; the year's total is the claims.
    const RunResult full = run(stacked_small(1e12), 7);
    const double claims_2030 = ikc_paid_in(full, 2030);
    REQUIRE(claims_2030 > 0);
    const double budget = 0.4 * claims_2030;
    const Inputs tight_inputs = stacked_small(budget);
    const RunResult tight = run(tight_inputs, 7);
    const auto eligible = static_cast<int>(std::find_if(tight_inputs.sectors.begin(), tight_inputs.sectors.end(),
                                                        [](const SectorSpec& s) { return s.id == "refining"; }) -
                                           tight_inputs.sectors.begin());
    for (int year = tight.base_year; year < tight.base_year + tight.years; ++year) {
        INFO("year " << year);
        const double paid = ikc_paid_in(tight, year);
        CHECK(paid <= budget * (1 + 1e-12));
        for (int p = 0; p < tight.plants; ++p) {
            const double ikc = tight.energy_cost_eur[tight.at(year - tight.base_year, p) * kEnergyPartCount +
                                                     static_cast<std::size_t>(EnergyPart::ikc)];
            if (tight_inputs.plants[static_cast<std::size_t>(p)].sector != eligible) CHECK(ikc == 0.0);
        }
    }
    // Claims above the budget are paid at the budget exactly (cut, not dropped).
    CHECK(ikc_paid_in(tight, 2030) == Approx(budget));
}

TEST_CASE("the energy cost parts add up to the energy cost, every plant-year", "[energy_stack][engine]") {
    const RunResult r = run(stacked_small(2e6), 7);
    std::set<int> nonzero_parts;
    for (std::size_t at = 0; at < r.production_t.size(); ++at) {
        double parts = 0;
        for (std::size_t k = 0; k < kEnergyPartCount; ++k) {
            parts += r.energy_cost_eur[at * kEnergyPartCount + k];
            if (r.energy_cost_eur[at * kEnergyPartCount + k] != 0) nonzero_parts.insert(static_cast<int>(k));
        }
        const double energy = r.cost_eur[at * kCostComponentCount + static_cast<std::size_t>(CostComponent::energy)];
        CHECK(parts == Approx(energy).margin(1e-6 * std::abs(energy) + 1e-6));
    }
    CHECK(nonzero_parts.size() == static_cast<std::size_t>(kEnergyPartCount));  // every part shows up somewhere
}

TEST_CASE("a route whose load outgrows the base-year connection pays the tariff of the level it needs",
          "[energy_stack]") {
    PlantBaseline base;
    base.connection_level = ConnectionLevel::regional;  // a gas-fired plant with little electricity
    PriceView prices;
    prices.network_tariff_eur_per_gj = {3.0, 4.0, 6.0};  // ehv, hv, regional
    prices.ehv_min_mw = 100;
    prices.hv_min_mw = 10;
    const double gj_per_mw_year = 8760 * 3.6;
    EnergyGj gj{};
    const auto network_per_gj = [&](double electricity_gj_per_t, double production_t) {
        gj[static_cast<std::size_t>(Carrier::electricity)] = electricity_gj_per_t;
        return dutch_energy_bill(base, gj, prices, production_t, 1.0)
                   .part_eur_per_t[static_cast<std::size_t>(EnergyPart::network)] /
               electricity_gj_per_t;
    };
    CHECK(network_per_gj(1.0, 5 * gj_per_mw_year) == Approx(6.0));    // 5 MW: stays regional
    CHECK(network_per_gj(1.0, 50 * gj_per_mw_year) == Approx(4.0));   // electrified, 50 MW: 110/150 kV
    CHECK(network_per_gj(1.0, 500 * gj_per_mw_year) == Approx(3.0));  // 500 MW: 220/380 kV
    base.connection_level = ConnectionLevel::ehv;  // never below the connection it has
    CHECK(network_per_gj(1.0, 5 * gj_per_mw_year) == Approx(3.0));
}

TEST_CASE("IKC: the curtailment decision expects the budget's cut, not the full claim", "[energy_stack][engine]") {
    // Refining lives on its IKC here: a network tariff no refinery margin covers, and a
    // full claim (a large emission factor) that covers it. With an ample budget the claims
    // are paid and nobody curtails; with a budget of 1 EUR every claim after the first
    // booked year is cut to nearly nothing, and a plant that expects that cut curtails.
    const auto refinery_inputs = [](double budget_eur) {
        Inputs in = stacked_small(budget_eur);
        in.scenario.prices.network_tariff_eur_per_gj = {TimePath{400.0}, TimePath{400.0}, TimePath{400.0}};
        in.scenario.policy.energy.ikc_emission_factor_t_per_mwh = TimePath{200.0};
        in.scenario.behaviour.curtailed_utilisation = 0.5;
        return in;
    };
    const Inputs ample_inputs = refinery_inputs(1e15);
    const RunResult ample = run(ample_inputs, 7);
    const RunResult cut = run(refinery_inputs(1.0), 7);
    int refineries = 0;
    for (int p = 0; p < cut.plants; ++p) {
        const PlantSpec& plant = ample_inputs.plants[static_cast<std::size_t>(p)];
        if (ample_inputs.sectors[static_cast<std::size_t>(plant.sector)].id != "refining") continue;
        ++refineries;
        const std::size_t at = ample.at(2022 - ample.base_year, p);
        INFO(plant.id);
        REQUIRE(ample.utilisation[at] > 0);
        CHECK(cut.utilisation[at] == Approx(0.5 * ample.utilisation[at]));
    }
    CHECK(refineries > 0);
}
