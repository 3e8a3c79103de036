#pragma once
// Shared test helpers: load the small six-plant scenario (tests/data/small), the
// fuel-gas fixture or the embedded Dutch scenario, optionally change it, and run it.
#include <functional>
#include <stdexcept>
#include <string>

#include "agents/appraisal.hpp"
#include "inputs/dataset_loader.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace eiisim::testing {

inline std::string source_path(const std::string& relative) {
    return std::string(EIISIM_SOURCE_DIR) + "/" + relative;
}

inline Inputs small_inputs() { return load_inputs(source_path("tests/data/small/scenario.toml")); }
inline Inputs dutch_inputs() { return load_inputs(source_path("scenarios/current-policy.toml")); }
// A steelworks, a power plant on its process gas and a slag-cement mill (tests/data/fuel_gas).
inline Inputs fuel_gas_inputs() { return load_inputs(source_path("tests/data/fuel_gas/scenario.toml")); }

// Index of the plant with `id` in `inputs.plants`; an unknown id throws, which fails the test.
inline int plant_index(const Inputs& inputs, const std::string& id) {
    for (std::size_t p = 0; p < inputs.plants.size(); ++p)
        if (inputs.plants[p].id == id) return static_cast<int>(p);
    throw std::invalid_argument("no plant " + id);
}

// Index of the technology with `id` (e.g. "steel/import_hbi"); an unknown id throws.
inline int technology_index(const Inputs& inputs, const std::string& id) {
    for (std::size_t t = 0; t < inputs.technologies.size(); ++t)
        if (inputs.technologies[t].id == id) return static_cast<int>(t);
    throw std::invalid_argument("no technology " + id);
}

// Index of the sector with `id` in `inputs.sectors`; an unknown id throws.
inline std::size_t sector_named(const Inputs& inputs, const std::string& id) {
    for (std::size_t s = 0; s < inputs.sectors.size(); ++s)
        if (inputs.sectors[s].id == id) return s;
    throw std::invalid_argument("no sector " + id);
}

// Index of the alternative feedstock with `id` in `inputs.feedstocks`; an unknown id throws.
inline std::size_t feedstock_named(const Inputs& inputs, const std::string& id) {
    for (std::size_t f = 0; f < inputs.feedstocks.size(); ++f)
        if (inputs.feedstocks[f].id == id) return f;
    throw std::invalid_argument("no feedstock " + id);
}

// A row of observed history for the plant with `id` (docs/ODD.md §7.13), sourced "test".
inline HistoryEntry history_row(const Inputs& inputs, const std::string& id, HistoryKind kind, int first, int last,
                                double share, bool exogenous = false) {
    HistoryEntry e;
    e.plant = plant_index(inputs, id);
    e.kind = kind;
    e.first_year = first;
    e.last_year = last;
    e.share = share;
    e.exogenous = exogenous;
    e.source = "test";
    return e;
}

// `in` with one observed curtailment of `plant` to `share` of its output in `year`, its
// history forced (docs/ODD.md §7.13); the plant's index in `plant_at`.
inline Inputs with_observed_curtailment(Inputs in, const std::string& plant, int year, double share, int& plant_at) {
    in.scenario.history = HistoryMode::forced;
    plant_at = plant_index(in, plant);
    in.history = {history_row(in, plant, HistoryKind::curtailment, year, year, share)};
    return in;
}

inline RunResult run(Inputs inputs, std::uint64_t seed = 7) {
    const Model model = build_model(std::move(inputs));
    return simulate(model, seed);
}

inline double total_net_in_year(const RunResult& r, int year) {
    double sum = 0;
    for (int p = 0; p < r.plants; ++p) sum += r.co2_net_t[r.at(year - r.base_year, p)];
    return sum;
}

// Net CO2 at home plus the CO2 relocated plants emit abroad (leakage) in a year.
inline double net_with_leakage_in_year(const RunResult& r, int year) {
    double sum = total_net_in_year(r, year);
    for (int p = 0; p < r.plants; ++p) sum += r.co2_relocated_t[r.at(year - r.base_year, p)];
    return sum;
}

// Every setting a scenario file or a sweep sample can change, compared exactly.
// A model and the shared context a plant's appraisal in `year` reads (no learning, no
// peers, no event log), for tests that call appraise_option(s) directly. Not copyable:
// the context points into it.
struct AppraisalBench {
    Model model;
    std::vector<double> learning;
    std::array<double, kOptionKindCount> peers{};
    AppraisalContext context;

    AppraisalBench(Inputs inputs, int year) : model(build_model(std::move(inputs))) {
        learning.assign(model.inputs.technologies.size(), 1.0);
        context.inputs = &model.inputs;
        context.year = year;
        context.expected = &model.expected[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
        context.learning_multiplier = &learning;
        context.cluster_peer_share = &peers;
        context.record_appraisals = false;
    }
    AppraisalBench(const AppraisalBench&) = delete;
    AppraisalBench& operator=(const AppraisalBench&) = delete;
};

inline bool same_scenario_settings(const Scenario& a, const Scenario& b) { return a == b; }
// The parts of the loaded dataset that infrastructure settings and sweep hooks change.
inline bool same_dataset_timelines(const Inputs& a, const Inputs& b) {
    return a.clusters == b.clusters && a.national == b.national && a.technologies == b.technologies;
}

}  // namespace eiisim::testing
