// Targets tracked (issue 14; core/emission_targets.hpp, inputs/targets_table.cpp,
// output/targets_summary.cpp): targets.csv is checked row by row (file, line, field), each
// target maps onto the model's base-year net CO2 as its `mapping` says, and the printed gap
// is the run's national net CO2 less the target.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "fixtures.hpp"
#include "output/targets_summary.hpp"
#include "small_copy.hpp"

using namespace eiisim;
using testing::SmallCopy;

namespace {

const std::string kHeader = "target,year,mapping,reference_mt,reference_base_mt,source\n";
const std::string kRows =
    "coalition_20mt_2030,2030,reduction,30,50,test\n"
    "industry_residual_2030,2030,share,35.7,53.3,test\n"
    "klimaatwet_2030,2030,share,39.06,53.3,test\n"
    "climate_neutral_2050,2050,share,0,53.3,test\n";

// kRows with its last row (climate_neutral_2050, line 6 of the file) replaced by `row`.
std::string with_last_row(const std::string& row) { return kRows.substr(0, kRows.rfind("climate")) + row + "\n"; }

void write_targets(const SmallCopy& copy, const std::string& rows) {
    testing::write_text(copy.file("targets.csv"), "# targets\n" + kHeader + rows);
}

}  // namespace

TEST_CASE("targets.csv: a bad row names file, line and field", "[targets][loader]") {
    SECTION("unknown target") {
        SmallCopy copy;
        write_targets(copy, kRows + "paris_2050,2050,share,0,53.3,test\n");
        testing::expect_error(copy, "targets.csv", 7, "target", "unknown target 'paris_2050'");
    }
    SECTION("unknown mapping") {
        SmallCopy copy;
        write_targets(copy, "coalition_20mt_2030,2030,absolute,30,50,test\n" + kRows.substr(kRows.find('\n') + 1));
        testing::expect_error(copy, "targets.csv", 3, "mapping", "unknown mapping 'absolute'");
    }
    SECTION("a year before the base year") {
        SmallCopy copy;
        write_targets(copy, "coalition_20mt_2030,2019,reduction,30,50,test\n" + kRows.substr(kRows.find('\n') + 1));
        testing::expect_error(copy, "targets.csv", 3, "year");
    }
    SECTION("a target twice") {
        SmallCopy copy;
        write_targets(copy, kRows + "klimaatwet_2030,2030,share,39,53.3,test\n");
        testing::expect_error(copy, "targets.csv", 7, "target", "appears twice");
    }
    SECTION("a negative reference") {
        SmallCopy copy;
        write_targets(copy, with_last_row("climate_neutral_2050,2050,share,-1,53.3,test"));
        testing::expect_error(copy, "targets.csv", 6, "reference_mt");
    }
    SECTION("no base to measure from") {
        SmallCopy copy;
        write_targets(copy, with_last_row("climate_neutral_2050,2050,share,0,0,test"));
        testing::expect_error(copy, "targets.csv", 6, "reference_base_mt", "positive base");
    }
    SECTION("an empty source") {
        SmallCopy copy;
        write_targets(copy, with_last_row("climate_neutral_2050,2050,share,0,53.3,"));
        testing::expect_error(copy, "targets.csv", 6, "source");
    }
    SECTION("a missing target") {
        SmallCopy copy;
        write_targets(copy, kRows.substr(0, kRows.rfind("climate")));
        try {
            (void)load_inputs(copy.scenario());
            FAIL("expected an InputError for the missing target");
        } catch (const InputError& e) {
            CHECK(std::filesystem::path(e.where().file).filename() == "targets.csv");
            CHECK(e.field() == "target");
            CHECK(std::string(e.what()).find("missing a row for target 'climate_neutral_2050'") != std::string::npos);
        }
    }
}

TEST_CASE("target paths map onto the model's base and the gap is net less target", "[targets]") {
    SmallCopy copy;
    write_targets(copy, kRows);
    const Inputs in = load_inputs(copy.scenario());
    REQUIRE(in.targets.size() == static_cast<std::size_t>(kEmissionTargetCount));
    const RunResult r = testing::run(in, 3);
    const double base = national_net_t(r, 0);
    REQUIRE(base > 0);
    const auto path = [&](EmissionTarget t, int year) {
        return r.target_co2_net_t[static_cast<std::size_t>(year - r.base_year) * kEmissionTargetCount +
                                  static_cast<std::size_t>(t)];
    };
    // reduction: the same absolute cut (50 - 30 = 20 Mt), floored at 0 (the small copy's base
    // is below 20 Mt); share: the same percentage.
    CHECK(path(EmissionTarget::coalition_20mt_2030, 2030) == Approx(std::max(0.0, base - 20e6)));
    CHECK(path(EmissionTarget::klimaatwet_2030, 2030) == Approx(base * 39.06 / 53.3));
    CHECK(path(EmissionTarget::climate_neutral_2050, 2050) == Approx(0.0).margin(1e-6));
    // The path starts at the base year's net CO2, runs linearly to the target year, stays after.
    CHECK(path(EmissionTarget::klimaatwet_2030, r.base_year) == Approx(base));
    const double mid = r.base_year + 0.5 * (2030 - r.base_year);
    if (mid == static_cast<int>(mid))
        CHECK(path(EmissionTarget::klimaatwet_2030, static_cast<int>(mid)) ==
              Approx(0.5 * (base + base * 39.06 / 53.3)));
    CHECK(path(EmissionTarget::klimaatwet_2030, 2040) == path(EmissionTarget::klimaatwet_2030, 2030));
    for (int k = 0; k < kEmissionTargetCount; ++k) {
        const auto t = static_cast<EmissionTarget>(k);
        const int year = in.targets[static_cast<std::size_t>(k)].year;
        double net = 0;
        for (int p = 0; p < r.plants; ++p) net += r.co2_net_t[r.at(year - r.base_year, p)];
        CHECK(target_gap_t(in, r, t) == Approx(net - path(t, year)).margin(1e-3));
    }
    // The printout shows each target's gap in Mt.
    std::ostringstream out;
    print_targets(out, in, r);
    const double gap = target_gap_t(in, r, EmissionTarget::klimaatwet_2030) / 1e6;
    char expected[32];
    std::snprintf(expected, sizeof expected, "%8.2f\n", gap);
    CHECK(out.str().find(std::string("klimaatwet_2030")) != std::string::npos);
    CHECK(out.str().find(expected) != std::string::npos);
}

TEST_CASE("without targets.csv no target is tracked", "[targets]") {
    const Inputs in = testing::small_inputs();
    CHECK(in.targets.empty());
    const RunResult r = testing::run(in, 3);
    CHECK(std::all_of(r.target_co2_net_t.begin(), r.target_co2_net_t.end(), [](double v) { return v == 0.0; }));
    std::ostringstream out;
    print_targets(out, in, r);
    CHECK(out.str().empty());
}

TEST_CASE("a cut larger than the model's base maps to a zero target, never a negative one", "[targets]") {
    TargetSpec cut;
    cut.year = 2030;
    cut.mapping = TargetMapping::reduction;
    cut.reference_mt = 30;
    cut.reference_base_mt = 50;  // a 20 Mt cut
    CHECK(target_level_t(cut, 46e6) == Approx(26e6));
    CHECK(target_level_t(cut, 12e6) == 0.0);  // a 12 Mt dataset: the cut asks for everything
    CHECK(target_path_t(cut, 12e6, 2020, 2025) == Approx(6e6));  // linear from the base towards 0
    TargetSpec share = cut;
    share.mapping = TargetMapping::share;
    share.reference_mt = -5;  // a net-negative reference maps to zero as well
    CHECK(target_level_t(share, 46e6) == 0.0);
}
