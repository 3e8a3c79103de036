// The public cost table of `eiisim run` (output/public_cost_summary.hpp): its sums are the
// run's instrument series summed to 2030 and 2050, and it prints one row per instrument.
#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "output/public_cost_summary.hpp"
#include "output/summary.hpp"

using namespace eiisim;
using namespace eiisim::testing;

TEST_CASE("public cost per instrument sums the run's instrument series", "[summary][public_cost]") {
    const Inputs in = dutch_inputs();
    const RunResult r = run(in, 3);
    REQUIRE(r.instruments > 0);
    const std::vector<InstrumentCost> costs = instrument_costs(r);
    REQUIRE(costs.size() == static_cast<std::size_t>(r.instruments));
    double any_committed = 0;
    for (int i = 0; i < r.instruments; ++i) {
        double to_2030 = 0, to_2050 = 0, paid = 0, avoided = 0;
        for (int y = 0; r.base_year + y <= 2050 && y < r.years; ++y) {
            const std::size_t at = r.at_instrument(y, i);
            if (r.base_year + y <= 2030) to_2030 += r.instrument_committed_eur[at];
            to_2050 += r.instrument_committed_eur[at];
            paid += r.instrument_paid_eur[at];
            avoided += r.instrument_avoided_t[at];
        }
        const InstrumentCost& c = costs[static_cast<std::size_t>(i)];
        CHECK(c.committed_to_2030_eur == Approx(to_2030));
        CHECK(c.committed_to_2050_eur == Approx(to_2050));
        CHECK(c.paid_to_2050_eur == Approx(paid));
        CHECK(c.avoided_to_2050_t == Approx(avoided));
        if (avoided > 0) CHECK(c.eur_per_t() == Approx(paid / avoided));
        any_committed += to_2050;
    }
    CHECK(any_committed > 0);  // the scenario commits support, so the sums are not trivially zero

    std::ostringstream text;
    print_run_summary(text, in, r);
    CHECK_THAT(text.str(), Catch::Contains("Public cost per support instrument"));
    for (int i = 0; i < r.instruments; ++i) {
        const InstrumentCost& c = costs[static_cast<std::size_t>(i)];
        const std::string row = fmt::format("{:<20} {:>14.1f} {:>14.1f} {:>11.1f}",
                                            in.scenario.policy.instruments[static_cast<std::size_t>(i)].id,
                                            c.committed_to_2030_eur / 1e6, c.committed_to_2050_eur / 1e6,
                                            c.paid_to_2050_eur / 1e6);
        CHECK_THAT(text.str(), Catch::Contains(row));
    }
}
