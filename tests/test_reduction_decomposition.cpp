// The reduction decomposition (docs/ODD.md §7.12, "Reduction decomposition"): the parts of
// the change in net CO2 since the base year add up exactly to it, per cluster and year and
// nationally, and each kind of change lands in its own part.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/reduction_decomposition.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;
using eiisim::testing::technology_index;

namespace {

using Parts = std::vector<double>;

double part_of(const Parts& parts, ReductionPart k) { return parts[static_cast<std::size_t>(k)]; }

double cluster_part(const RunResult& r, int yi, int c, ReductionPart k) {
    return r.cluster_reduction_t[r.at_cluster(yi, c) * kReductionPartCount + static_cast<std::size_t>(k)];
}

// Every part of cluster `c` in year index `yi` added up.
double cluster_parts_sum(const RunResult& r, int yi, int c) {
    double sum = 0;
    for (int k = 0; k < kReductionPartCount; ++k) sum += cluster_part(r, yi, c, static_cast<ReductionPart>(k));
    return sum;
}

// Checks the parts add up to each cluster's and the country's net CO2 change in every
// year (1e-6 of the base-year CO2), and returns the largest |part| seen (so a test can
// make sure there was something to split).
double check_parts_add_up(const RunResult& r) {
    double largest = 0;
    for (int yi = 0; yi < r.years; ++yi) {
        double national_change = 0, national_parts = 0, national_base = 0;
        for (int c = 0; c < r.clusters; ++c) {
            const double base = r.cluster_co2_net_t[r.at_cluster(0, c)];
            const double change = r.cluster_co2_net_t[r.at_cluster(yi, c)] - base;
            const double parts = cluster_parts_sum(r, yi, c);
            INFO("year " << r.base_year + yi << " cluster " << c);
            REQUIRE(std::abs(parts - change) <= 1e-6 * std::max(1.0, std::abs(base)));
            national_change += change;
            national_parts += parts;
            national_base += base;
            for (int k = 0; k < kReductionPartCount; ++k)
                largest = std::max(largest, std::abs(cluster_part(r, yi, c, static_cast<ReductionPart>(k))));
        }
        REQUIRE(std::abs(national_parts - national_change) <= 1e-6 * std::max(1.0, std::abs(national_base)));
    }
    return largest;
}

// Plant `p`'s parts in `year` of a full-panel result.
Parts plant_parts(const Model& model, const RunResult& r, int p, int year) {
    const auto plant = static_cast<std::size_t>(p);
    const ReductionBase base = reduction_base_of(model, r, plant, r.at(0, p));
    Parts parts(kReductionPartCount, 0.0);
    const std::size_t at = r.at(year - r.base_year, p);
    const double route = r.technology[at] >= 0 ? route_net_t_per_t(model, plant, r.technology[at], year) : 0.0;
    add_plant_reduction(model, r, base, plant, year, at, route, parts);
    return parts;
}

// All parts but `k` are zero (to 1e-9 of `scale`).
void check_only(const Parts& parts, ReductionPart k, double scale) {
    for (int j = 0; j < kReductionPartCount; ++j) {
        if (static_cast<ReductionPart>(j) == k) continue;
        INFO("part " << kReductionPartNames[static_cast<std::size_t>(j)]);
        CHECK(std::abs(parts[static_cast<std::size_t>(j)]) <= 1e-9 * scale);
    }
}

}  // namespace

TEST_CASE("the reduction parts add up to each cluster's and the national net CO2 change", "[reduction]") {
    SECTION("small fixture") { CHECK(check_parts_add_up(testing::run(testing::small_inputs(), 3)) > 0); }
    SECTION("fuel-gas fixture") { CHECK(check_parts_add_up(testing::run(testing::fuel_gas_inputs(), 3)) > 0); }
    SECTION("current policy (embedded Dutch dataset)") {
        const Model model = build_model(testing::dutch_inputs());
        const RunResult full = simulate(model, 42);
        CHECK(check_parts_add_up(full) > 1e6);
        // An aggregates-only run (sweeps) keeps the base year in the state: the same parts.
        RunWorkspace lean;
        simulate_into(model, 42, 0, RecordLevel::aggregates, lean);
        CHECK(lean.result.cluster_reduction_t == full.cluster_reduction_t);
        // The printout's sector table splits the same national parts.
        const std::vector<double> by_sector = sector_reduction(model, full, 2040);
        for (int k = 0; k < kReductionPartCount; ++k) {
            double sectors = 0, clusters = 0;
            for (std::size_t sector = 0; sector < model.inputs.sectors.size(); ++sector)
                sectors += by_sector[sector * kReductionPartCount + static_cast<std::size_t>(k)];
            for (int c = 0; c < full.clusters; ++c)
                clusters += cluster_part(full, 2040 - full.base_year, c, static_cast<ReductionPart>(k));
            CHECK(sectors == Approx(clusters).margin(1e-3));
        }
    }
}

TEST_CASE("a closed plant moves exactly its base-year CO2 into closure", "[reduction]") {
    const Model model = build_model(testing::small_inputs());
    RunResult r = simulate(model, 3);
    const int p = 0;
    const int year = 2035;
    const std::size_t at = r.at(year - r.base_year, p);
    r.status[at] = static_cast<std::uint8_t>(PlantStatus::closed);
    r.production_t[at] = r.co2_net_t[at] = 0;
    const Parts parts = plant_parts(model, r, p, year);
    const double base = r.co2_net_t[r.at(0, p)];
    REQUIRE(base > 0);
    CHECK(part_of(parts, ReductionPart::closure) == -base);
    check_only(parts, ReductionPart::closure, base);
    // A relocated plant's goes to relocation instead.
    r.status[at] = static_cast<std::uint8_t>(PlantStatus::relocated);
    const Parts moved = plant_parts(model, r, p, year);
    CHECK(part_of(moved, ReductionPart::relocation) == -base);
    check_only(moved, ReductionPart::relocation, base);
    // One relocated to an EU neighbour goes to relocation_eu: still in the EU ETS, not leakage.
    r.status[at] = static_cast<std::uint8_t>(PlantStatus::relocated_eu);
    const Parts moved_eu = plant_parts(model, r, p, year);
    CHECK(part_of(moved_eu, ReductionPart::relocation_eu) == -base);
    check_only(moved_eu, ReductionPart::relocation_eu, base);
}

TEST_CASE("an import route books the imported share's CO2 under import", "[reduction]") {
    // tests/data/fuel_gas with the steelworks -> gas_power edge a material edge: the power
    // plant may run power/import_electricity (import share 1).
    Inputs in = testing::fuel_gas_inputs();
    for (EdgeSpec& edge : in.edges) edge.coupling = EdgeCoupling::product;
    const Model model = build_model(in);
    const int p = plant_index(model.inputs, "gas_power");
    const int year = 2030;
    RunResult r = simulate(model, 1);
    RunState state = make_initial_state(model, 1, 0);
    const int route = technology_index(model.inputs, "power/import_electricity");
    state.technology[static_cast<std::size_t>(p)] = route;
    record_accounts(model, state, year, r);
    const std::size_t at = r.at(year - r.base_year, p);
    const double share = model.inputs.technologies[static_cast<std::size_t>(route)].import_share;
    REQUIRE(share > 0);
    REQUIRE(r.production_t[at] > 0);
    const Parts parts = plant_parts(model, r, p, year);
    const std::size_t base_at = r.at(0, p);
    const double base_intensity = r.co2_net_t[base_at] / r.production_t[base_at];
    // The imported share of the step at the base route's intensity leaves the country.
    CHECK(part_of(parts, ReductionPart::import) == Approx(-share * base_intensity * r.production_t[at]));
    CHECK(part_of(parts, ReductionPart::import) < 0);
    CHECK(part_of(parts, ReductionPart::keep_intensity) == 0.0);
}

TEST_CASE("an observed curtailment books the drop in output under utilisation", "[reduction]") {
    int p = 0;
    const Model model =
        build_model(testing::with_observed_curtailment(testing::small_inputs(), "yara_sluiskil", 2022, 0.5, p));
    const RunResult r = simulate(model, 3);
    const Parts parts = plant_parts(model, r, p, 2022);
    const double base = r.co2_net_t[r.at(0, p)];
    const double now = r.co2_net_t[r.at(2022 - r.base_year, p)];
    REQUIRE(now < base);
    CHECK(part_of(parts, ReductionPart::utilisation) == Approx(now - base));
    check_only(parts, ReductionPart::utilisation, base);
}
