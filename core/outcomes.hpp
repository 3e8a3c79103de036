#pragma once
// Every per-run outcome (KPI), declared once: its variable name, units, long_name, comment,
// dimensions ([run], [run, milestone], [run, milestone, cluster], [run, milestone, <extra>]
// with the extra dimension of the series it samples, or [run, agreement]), type, code
// meanings, and how it is computed from one run's cluster and national series (or, per
// agreement, from the run's agreement outcomes) (RecordLevel::aggregates keeps them, so KPI-only sweeps
// compute every outcome without plant panels). This one table drives the computation
// (sim/kpis.cpp), the sweep record (sweep/sweep_assemble.cpp), the outcome variables of run
// and sweep files (output/hdf5_outcomes.cpp), their readers (output/sweep_file_reader.cpp),
// the replay's bit-for-bit comparison (sweep/replay.cpp), `eiisim observables` (its
// "outcomes" list, tools/eiisim_results/observables.json, so the Python reader's outcome
// table), and the outcome table of docs/output-format.md.
//
// To add an outcome: add one row to kOutcomes in core/outcomes.cpp. A row that samples a
// cluster series at the milestone years (summed over clusters, or per cluster) needs
// nothing else; any other rule is a function of the run's series next to the table. Bump
// kSchemaVersion (core/observables.hpp), note it in docs/output-format.md ("Layout
// versions") and in docs/ODD.md (§7.12, "Outcomes"), then regenerate:
//     build/eiisim observables --format json > tools/eiisim_results/observables.json
//     /usr/bin/python3 tools/update_output_doc.py build/eiisim
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "observables.hpp"
#include "run_result.hpp"

namespace eiisim {

enum class OutcomeType : std::uint8_t { float64, int32, uint8 };
inline constexpr std::array<const char*, 3> kOutcomeTypeNames = {"float64", "int32", "uint8"};

// How an outcome is computed from one run's series.
enum class OutcomeRule : std::uint8_t {
    national_at_milestones,  // cluster series `series` summed over clusters, at each milestone year
    cluster_at_milestones,   // cluster series `series` per cluster, at each milestone year
    function,                // `compute`, over the whole run
};

// What one run's outcomes are computed from.
struct OutcomeSource {
    const RunResult& result;
    std::span<const int> milestones;               // the milestone years, inside the run
    std::span<const std::uint8_t> refused_in_year;  // [year]: 1 if some option was refused that year
    // The run's reference run of the same seed and draws (`--reference KIND`, docs/ODD.md
    // §7.17); null without one (rows needs_reference are then not present).
    const RunResult* reference = nullptr;
};

// The extents an outcome's dimensions take in one model.
struct OutcomeExtents {
    std::size_t milestones = 0;
    std::size_t clusters = 0;
    bool targets = false;  // the dataset has targets.csv (rows with needs_targets exist only then)
    std::size_t agreements = 0;  // the dataset's support agreements (rows per_agreement exist only with some)
    bool reference = false;  // the runs have a reference run (rows needs_reference exist only then)
};

struct Outcome {
    std::string_view name;       // the variable in run and sweep files
    std::string_view units = "";  // UDUNITS-style; empty: the units of `series`
    std::string_view long_name = "";  // "{end_year}" is replaced by the run's end year
    std::string_view comment = "";  // the `comment` attribute, if any
    OutcomeRule rule = OutcomeRule::function;
    std::string_view series = "";   // the observable it samples (for functions: is computed from, if one)
    // For functions: the dimensions after `run` (rules take them from `series`).
    bool per_milestone = false;
    bool per_agreement = false;     // one value per support agreement (dimension `agreement`)
    bool by_cluster = false;        // one value per cluster (dimension `cluster`)
    Extra extra = Extra::none;
    OutcomeType type = OutcomeType::float64;
    bool needs_targets = false;     // present only where the dataset has targets.csv
    bool needs_reference = false;   // present only in runs with a reference run (--reference)
    // A coded outcome: the meaning of each code 0, 1, ... (CF flag_values/flag_meanings).
    std::span<const char* const> flag_meanings = {};
    // Fills the row's values ([milestone][cluster|extra] or one), for rule `function`.
    void (*compute)(const OutcomeSource&, double* out) = nullptr;
    std::string_view doc = "";      // the definition, markdown, for docs/output-format.md

    [[nodiscard]] bool milestones() const { return rule != OutcomeRule::function || per_milestone; }
    [[nodiscard]] bool per_cluster() const { return rule == OutcomeRule::cluster_at_milestones || by_cluster; }
    [[nodiscard]] Extra extra_dimension() const;
    [[nodiscard]] std::string_view units_text() const;
    // The long_name with "{end_year}" replaced by `end_year` ("2050", or "the end year" in docs).
    [[nodiscard]] std::string long_name_for(std::string_view end_year) const;
    [[nodiscard]] bool present(const OutcomeExtents& e) const {
        return (!needs_targets || e.targets) && (!per_agreement || e.agreements > 0) &&
               (!needs_reference || e.reference);
    }
    // Values per run (0 when not present).
    [[nodiscard]] std::size_t size(const OutcomeExtents& e) const;
    [[nodiscard]] std::vector<std::string> dimensions() const;
};

// Every row, in file (and record) order.
[[nodiscard]] std::span<const Outcome> outcomes();
// Position in outcomes(); std::out_of_range if no row has that name.
[[nodiscard]] std::size_t outcome_index(std::string_view name);
// Values per run of all rows together (the record's outcome columns).
[[nodiscard]] std::size_t outcome_columns(const OutcomeExtents& e);

// One run's outcomes, one vector per row of outcomes() (empty where a row is not present
// or, read from an older file, absent). Integers are held as doubles (exact).
struct RunKpis {
    std::vector<std::vector<double>> values;
    [[nodiscard]] const std::vector<double>& operator[](std::string_view name) const {
        return values.at(outcome_index(name));
    }
};

// Computes every present row.
[[nodiscard]] RunKpis compute_outcomes(const OutcomeSource& source);

}  // namespace eiisim
