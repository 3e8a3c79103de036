// Jobs per plant-year by route (docs/ODD.md §7.12, "Jobs"; sim/plant_jobs.hpp): a closure
// or relocation takes the plant's jobs to zero, an import route keeps the downstream staff,
// a partial closure scales them by the open share, curtailment keeps them, and the
// cluster series is the sum of the plants' jobs in every year.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "sim/phases.hpp"
#include "sim/plant_jobs.hpp"
#include "sim/run_state.hpp"
#include "small_copy.hpp"

using namespace eiisim;
using eiisim::testing::plant_index;
using eiisim::testing::technology_index;

namespace {

// Small scenario with observed history `rows` applied (forced mode).
RunResult run_with_history(std::vector<HistoryEntry> rows) {
    Inputs in = testing::small_inputs();
    in.scenario.history = HistoryMode::forced;
    in.history = std::move(rows);
    return testing::run(std::move(in), 3);
}

HistoryEntry history_row(const Inputs& in, HistoryKind kind, int first, int last, double share) {
    return testing::history_row(in, "yara_sluiskil", kind, first, last, share);
}

}  // namespace

TEST_CASE("the labour factor: closed or relocated 0, import drops the upstream share, else 1", "[jobs]") {
    PlantJobsState s;
    CHECK(labour_factor(s, 0.3) == 1.0);
    s.kind = OptionKind::electrify;
    CHECK(labour_factor(s, 0.3) == 1.0);
    s.kind = OptionKind::import_intermediate;
    s.import_share = 1.0;
    CHECK(labour_factor(s, 0.3) == Approx(0.7));
    s.import_share = 0.5;
    CHECK(labour_factor(s, 0.3) == Approx(0.85));
    for (PlantStatus gone : {PlantStatus::closed, PlantStatus::relocated, PlantStatus::relocated_eu}) {
        s.status = gone;
        CHECK(labour_factor(s, 0.3) == 0.0);
    }
    PlantJobsState partial;
    partial.open_share = 0.4;
    CHECK(plant_jobs(1000, partial, 0.3) == Approx(400));
}

TEST_CASE("a closure takes the plant's jobs to zero; a partial one scales them by the open share", "[jobs]") {
    const Inputs in = testing::small_inputs();
    const int p = plant_index(in, "yara_sluiskil");
    const double staff = in.plants[static_cast<std::size_t>(p)].employees;
    REQUIRE(staff > 0);
    const RunResult closed = run_with_history({history_row(in, HistoryKind::closure, 2023, 2023, 1.0)});
    CHECK(closed.jobs[closed.at(2022 - closed.base_year, p)] == Approx(staff));
    CHECK(closed.jobs[closed.at(2023 - closed.base_year, p)] == 0.0);
    CHECK(closed.jobs[closed.at(2030 - closed.base_year, p)] == 0.0);
    const RunResult partial = run_with_history({history_row(in, HistoryKind::closure, 2023, 2023, 0.25)});
    CHECK(partial.jobs[partial.at(2024 - partial.base_year, p)] == Approx(0.75 * staff));
}

TEST_CASE("curtailment keeps the staff", "[jobs]") {
    const Inputs in = testing::small_inputs();
    const int p = plant_index(in, "yara_sluiskil");
    const RunResult r = run_with_history({history_row(in, HistoryKind::curtailment, 2022, 2022, 0.5)});
    const std::size_t at = r.at(2022 - r.base_year, p);
    REQUIRE(r.production_t[at] < r.production_t[r.at(0, p)]);
    CHECK(r.jobs[at] == Approx(in.plants[static_cast<std::size_t>(p)].employees));
}

TEST_CASE("an import route keeps the downstream jobs; a relocated plant has none", "[jobs]") {
    Inputs in = testing::small_inputs();
    const int p = plant_index(in, "yara_sluiskil");
    const auto sector = static_cast<std::size_t>(in.plants[static_cast<std::size_t>(p)].sector);
    in.sectors[sector].upstream_labour_share = 0.8;
    const Model model = build_model(in);
    const double staff = model.inputs.plants[static_cast<std::size_t>(p)].employees;
    const int year = 2030;
    RunResult r = simulate(model, 1);
    RunState state = make_initial_state(model, 1, 0);
    const int route = technology_index(model.inputs, "ammonia/import_ammonia");
    const double share = model.inputs.technologies[static_cast<std::size_t>(route)].import_share;
    REQUIRE(share > 0);
    state.technology[static_cast<std::size_t>(p)] = route;
    record_accounts(model, state, year, r);
    record_aggregates(model, state, year, r);
    const std::size_t at = r.at(year - r.base_year, p);
    REQUIRE(r.kind[at] == static_cast<std::uint8_t>(OptionKind::import_intermediate));
    CHECK(r.jobs[at] == Approx(staff * (1.0 - share * 0.8)));
    CHECK(r.jobs[at] > 0);
    state.status[static_cast<std::size_t>(p)] = PlantStatus::relocated;
    record_accounts(model, state, year, r);
    record_aggregates(model, state, year, r);
    CHECK(r.jobs[at] == 0.0);
}

TEST_CASE("cluster_jobs is the sum of the plants' jobs in every year", "[jobs]") {
    const Inputs in = testing::small_inputs();
    const RunResult r = run_with_history({history_row(in, HistoryKind::closure, 2025, 2025, 1.0)});
    double base = 0;
    for (int yi = 0; yi < r.years; ++yi) {
        std::vector<double> sum(static_cast<std::size_t>(r.clusters), 0.0);
        for (int p = 0; p < r.plants; ++p)
            sum[static_cast<std::size_t>(in.plants[static_cast<std::size_t>(p)].cluster)] += r.jobs[r.at(yi, p)];
        for (int c = 0; c < r.clusters; ++c) {
            INFO("year " << r.base_year + yi << " cluster " << c);
            CHECK(r.cluster_jobs[r.at_cluster(yi, c)] == Approx(sum[static_cast<std::size_t>(c)]));
            if (yi == 0) base += sum[static_cast<std::size_t>(c)];
        }
    }
    REQUIRE(base > 0);
}

TEST_CASE("sectors.csv upstream_labour_share outside [0, 1] is an error at its line and field", "[jobs][loader]") {
    testing::SmallCopy copy;
    // The column appended to every row: 1.5 for ammonia, empty (0) elsewhere.
    std::istringstream lines(testing::read_text(copy.file("sectors.csv")));
    std::string text, line;
    int ammonia = 0, number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (!line.empty() && line[0] != '#') {
            const bool header = line.rfind("id,", 0) == 0;
            if (line.rfind("ammonia,", 0) == 0) ammonia = number;
            line += header ? ",upstream_labour_share" : (number == ammonia ? ",1.5" : ",");
        }
        text += line + "\n";
    }
    testing::write_text(copy.file("sectors.csv"), text);
    REQUIRE(ammonia > 0);
    testing::expect_error(copy, "sectors.csv", ammonia, "upstream_labour_share");
}
