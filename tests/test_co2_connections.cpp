// Plant-level CO2 connections (co2_connections.csv) and ship-based CCS (docs/ODD.md §7.7):
// a plant's own connection year decides when its capture is feasible; a ship-connected
// plant claims the co2_shipping ledger instead of national storage and pays the ship
// chain's fee instead of the pipeline fee.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;

namespace {

constexpr int kYear = 2024;  // ccs_process_co2 (lead time 3) would run from 2027
constexpr double kPipelineFee = 45.0;
constexpr double kShipFee = 123.0;

// The small scenario with distinct pipeline and ship fees; Yara Sluiskil's cluster
// (Zeeland) is connected from 2030.
Inputs inputs_with_fees() {
    Inputs in = testing::small_inputs();
    in.scenario.prices.co2_transport_storage_eur_per_t = TimePath(kPipelineFee);
    in.scenario.prices.co2_ship_transport_storage_eur_per_t = TimePath(kShipFee);
    return in;
}

void connect(Inputs& in, const char* plant, Co2Transport transport, int first_year) {
    PlantSpec& p = in.plants[static_cast<std::size_t>(testing::plant_index(in, plant))];
    p.co2_connection_year = first_year;
    p.co2_transport = transport;
}

// Yara Sluiskil's CCS option as it appraises it in kYear, on its keep route.
OptionBreakdown appraise_ccs(Inputs in, const char* plant = "yara_sluiskil") {
    const int p = testing::plant_index(in, plant);
    const testing::AppraisalBench bench(std::move(in), kYear);
    const auto& inputs = bench.model.inputs;
    PlantSnapshot snapshot;
    snapshot.technology = inputs.sector_keep_technology[static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector)];
    snapshot.utilisation = bench.model.baselines[static_cast<std::size_t>(p)].utilisation;
    const AppraisalBasis basis =
        appraisal_basis(bench.context, bench.model.baselines[static_cast<std::size_t>(p)], p, snapshot, Trigger::event);
    return appraise_option(basis, testing::technology_index(inputs, "ammonia/ccs_process_co2"));
}

}  // namespace

TEST_CASE("a plant's own CO2 connection makes capture feasible before its cluster's", "[co2_connection]") {
    SECTION("without an override the cluster's 2030 blocks a start in 2027") {
        const OptionBreakdown a = appraise_ccs(inputs_with_fees());
        REQUIRE(a.start_year == 2027);
        CHECK(a.infeasible_for(Infeasible::no_co2_connection));
    }
    SECTION("a pipeline connection from 2026 opens it") {
        Inputs in = inputs_with_fees();
        connect(in, "yara_sluiskil", Co2Transport::pipeline, 2026);
        CHECK_FALSE(appraise_ccs(std::move(in)).infeasible_for(Infeasible::no_co2_connection));
    }
    SECTION("a connection later than the start still blocks it") {
        Inputs in = inputs_with_fees();
        connect(in, "yara_sluiskil", Co2Transport::ship, 2028);
        CHECK(appraise_ccs(std::move(in)).infeasible_for(Infeasible::no_co2_connection));
    }
    SECTION("another plant of the cluster keeps the cluster's year") {
        Inputs in = inputs_with_fees();
        connect(in, "oci_geleen", Co2Transport::pipeline, 2026);  // Chemelot, not Zeeland
        CHECK(appraise_ccs(std::move(in)).infeasible_for(Infeasible::no_co2_connection));
    }
}

TEST_CASE("a ship-connected plant claims shipping, not storage, and pays the ship fee", "[co2_connection]") {
    Inputs pipeline = inputs_with_fees();
    connect(pipeline, "yara_sluiskil", Co2Transport::pipeline, 2026);
    Inputs ship = inputs_with_fees();
    connect(ship, "yara_sluiskil", Co2Transport::ship, 2026);
    const OptionBreakdown by_pipe = appraise_ccs(std::move(pipeline));
    const OptionBreakdown by_ship = appraise_ccs(std::move(ship));
    const double captured = by_ship.profile.co2_captured_t_per_t;
    REQUIRE(captured > 0);
    CHECK(amount_of(by_ship.claim, Resource::co2_storage) == 0.0);
    CHECK(amount_of(by_ship.claim, Resource::co2_shipping) > 0.0);
    CHECK(amount_of(by_ship.claim, Resource::co2_shipping) == Approx(amount_of(by_pipe.claim, Resource::co2_storage)));
    CHECK(amount_of(by_pipe.claim, Resource::co2_shipping) == 0.0);
    CHECK(by_ship.cost[CostComponent::transport_storage] == Approx(captured * kShipFee));
    CHECK(by_pipe.cost[CostComponent::transport_storage] == Approx(captured * kPipelineFee));
}

TEST_CASE("the shipping ledger refuses a second ship plant when it is full", "[co2_connection]") {
    Inputs in = inputs_with_fees();
    connect(in, "yara_sluiskil", Co2Transport::ship, 2026);
    connect(in, "oci_geleen", Co2Transport::ship, 2026);
    const OptionBreakdown yara = appraise_ccs(in, "yara_sluiskil");
    const OptionBreakdown oci = appraise_ccs(in, "oci_geleen");
    const double yara_t = amount_of(yara.claim, Resource::co2_shipping);
    REQUIRE(yara_t > 0);
    REQUIRE(amount_of(oci.claim, Resource::co2_shipping) > 0);
    // Room for Yara and half of OCI's; national storage has room for both.
    in.national.co2_shipping_t = TimePath(yara_t + 0.5 * amount_of(oci.claim, Resource::co2_shipping));
    in.national.co2_storage_t = TimePath(1e12);
    const Model model = build_model(std::move(in));
    RunState state = make_initial_state(model, 1, 0);
    const auto candidate = [](const OptionBreakdown& a) {
        Candidate c;
        c.technology = a.technology;
        c.start_year = a.start_year;
        c.claim = a.claim;
        return c;
    };
    const auto yara_p = static_cast<std::size_t>(testing::plant_index(model.inputs, "yara_sluiskil"));
    const auto oci_p = static_cast<std::size_t>(testing::plant_index(model.inputs, "oci_geleen"));
    REQUIRE(ledger_misfit(model, state, oci_p, candidate(oci), kYear) == RefusedBy::none);  // alone it fits
    REQUIRE(ledger_misfit(model, state, yara_p, candidate(yara), kYear) == RefusedBy::none);
    grant_conversion(model, state, yara_p, candidate(yara), kYear, nullptr);
    CHECK(ledger_of(state, Resource::co2_shipping, 0).used(2030) == Approx(yara_t));
    CHECK(ledger_of(state, Resource::co2_storage, 0).used(2030) == 0.0);
    CHECK(ledger_misfit(model, state, oci_p, candidate(oci), kYear) == RefusedBy::co2_shipping);
}

TEST_CASE("Yara Sluiskil ships its captured CO2 from 2026 in current-policy", "[co2_connection][dutch]") {
    const Inputs in = testing::dutch_inputs();
    const int yara = testing::plant_index(in, "M019");
    REQUIRE(in.plants[static_cast<std::size_t>(yara)].co2_transport == Co2Transport::ship);
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const RunResult r = testing::run(in, seed);
        for (int year = 2026; year <= 2030; ++year) {
            INFO("seed " << seed << " year " << year);
            const auto y = static_cast<std::size_t>(year - r.base_year);
            const double captured = r.co2_captured_t[r.at(year - r.base_year, yara)];
            CHECK(captured > 0.0);
            // Its CO2 is the shipping series and none of the national storage's.
            CHECK(r.co2_shipping_used_t[y] == Approx(captured));
            CHECK(r.co2_shipping_used_t[y] <= r.co2_shipping_capacity_t[y] * (1 + 1e-9));
        }
    }
}
