#pragma once
// The accounting identities every run must hold, shared by the rule tests and the
// random-settings property test: per plant gross = net + captured and net >= 0; per
// cluster each aggregate equals the sum over its plants; the production value is
// conserved across the route-mix split.
#include <catch2/catch.hpp>

#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim::testing {

struct ClusterSums {
    std::vector<double> production, net, gross, captured, relocated;
};

inline ClusterSums sum_plants_by_cluster(const Inputs& in, const RunResult& r, int y) {
    const std::vector<double> zero(static_cast<std::size_t>(r.clusters), 0.0);
    ClusterSums s{zero, zero, zero, zero, zero};
    for (int p = 0; p < r.plants; ++p) {
        const std::size_t at = r.at(y, p);
        REQUIRE(r.co2_gross_t[at] == Approx(r.co2_net_t[at] + r.co2_captured_t[at]).margin(1e-6));
        REQUIRE(r.co2_net_t[at] >= 0.0);
        const auto c = static_cast<std::size_t>(in.plants[static_cast<std::size_t>(p)].cluster);
        s.production[c] += r.production_t[at];
        s.net[c] += r.co2_net_t[at];
        s.gross[c] += r.co2_gross_t[at];
        s.captured[c] += r.co2_captured_t[at];
        s.relocated[c] += r.co2_relocated_t[at];
    }
    return s;
}

inline void check_conservation(const Inputs& in, const RunResult& r) {
    for (int y = 0; y < r.years; ++y) {
        INFO("year " << r.base_year + y);
        const ClusterSums s = sum_plants_by_cluster(in, r, y);
        double by_kind_value = 0, value = 0;
        for (int c = 0; c < r.clusters; ++c) {
            const std::size_t at = r.at_cluster(y, c);
            const auto k = static_cast<std::size_t>(c);
            REQUIRE(r.cluster_production_t[at] == Approx(s.production[k]));
            REQUIRE(r.cluster_co2_net_t[at] == Approx(s.net[k]));
            REQUIRE(r.cluster_co2_gross_t[at] == Approx(s.gross[k]));
            REQUIRE(r.cluster_co2_captured_t[at] == Approx(s.captured[k]));
            REQUIRE(r.cluster_co2_relocated_t[at] == Approx(s.relocated[k]));
            REQUIRE(r.cluster_co2_gross_t[at] == Approx(r.cluster_co2_net_t[at] + r.cluster_co2_captured_t[at]));
            value += r.cluster_production_value_eur[at];
            for (int kind = 0; kind < kOptionKindCount; ++kind)
                by_kind_value +=
                    r.cluster_production_value_by_kind_eur[at * kOptionKindCount + static_cast<std::size_t>(kind)];
        }
        // the production value is conserved across the route-mix split
        REQUIRE(by_kind_value == Approx(value));
    }
}

}  // namespace eiisim::testing
