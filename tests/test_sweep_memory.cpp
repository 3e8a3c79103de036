// Issue 16, "no limits on size": the sweep's memory estimate grows with the runs and the
// save level, and --max-memory sizes parse.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "fixtures.hpp"
#include "sweep/sweep_memory.hpp"

using namespace eiisim;
using namespace eiisim::testing;

TEST_CASE("the sweep memory estimate grows with runs and save level", "[sweep][memory]") {
    const Model model = build_model(small_inputs());
    RecordLayout layout;
    layout.milestones = 7;
    layout.years = 31;
    layout.clusters = 6;
    SweepOptions options;
    options.runs = 1000;
    const SweepMemoryEstimate small = estimate_sweep_memory(layout, options, 9, 2, plant_panel_bytes(model));
    options.runs = 2000;
    const SweepMemoryEstimate twice = estimate_sweep_memory(layout, options, 9, 2, plant_panel_bytes(model));
    CHECK(twice.total() - twice.working_bytes > small.total() - small.working_bytes);
    CHECK(twice.design_bytes == 2 * small.design_bytes);
    CHECK(twice.outcome_bytes == 2 * small.outcome_bytes);
    CHECK(small.panel_bytes == 0);  // KPIs only: no panels kept

    options.save = SaveLevel::plants;
    layout.cluster_trajectories = true;
    const SweepMemoryEstimate plants = estimate_sweep_memory(layout, options, 9, 2, plant_panel_bytes(model));
    CHECK(plant_panel_bytes(model) > 0);
    CHECK(plants.panel_bytes == 2 * options.runs * plant_panel_bytes(model));
    CHECK(plants.trajectory_bytes > 0);
    CHECK(plants.total() > twice.total());
}

TEST_CASE("sizes for --max-memory parse with binary units", "[sweep][memory]") {
    CHECK(parse_byte_size("1048576") == 1048576);
    CHECK(parse_byte_size("500M") == 500ull << 20);
    CHECK(parse_byte_size("8G") == 8ull << 30);
    CHECK(parse_byte_size("1.5GiB") == 3ull << 29);
    CHECK(parse_byte_size("2kb") == 2048);
    CHECK_THROWS_AS(parse_byte_size("12X"), std::invalid_argument);
    CHECK_THROWS_AS(parse_byte_size("-1G"), std::invalid_argument);
    CHECK_THROWS_AS(parse_byte_size("inf"), std::invalid_argument);
    CHECK_THROWS_AS(parse_byte_size(""), std::invalid_argument);
    CHECK(physical_memory_bytes() > 0);
    CHECK(default_max_memory_bytes() < physical_memory_bytes());
}
