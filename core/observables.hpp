#pragma once
// Every output series, declared once: its variable name, dimensions (level plant,
// cluster or national, plus an optional carrier, cost_component, kind, reduction_part,
// energy_part, strategic_product or target dimension), type, units, long_name, comment, CF flags, the RunResult member it comes from, and how a sweep
// reduces it (quantile band, per-run trajectory under --save clusters; plant-level series
// are the panels of --save plants). This one table drives the run file's plant panels and
// cluster/national series, check_result_shape, the sweep file's bands, trajectories and
// stacked panels, the sweep record (sweep/sweep_assemble.cpp), `eiisim observables`, the
// Python reader's list (tools/eiisim_results/observables.json) and the variable tables of
// docs/output-format.md. The per-run outcomes (KPIs) have their own table, core/outcomes.cpp;
// the static tables and event log (output/hdf5_layout_tables.cpp) are not series and are
// written by hand.
//
// To add a series: add its vector to RunResult (core/run_result.hpp), size it in
// sim/simulation.cpp's reset_result and fill it in the engine, add one row to
// kObservables in core/observables.cpp (in the place its variable goes in the file; a new
// band takes the next `band` number), bump kSchemaVersion and note it in
// docs/output-format.md ("Layout versions"), then regenerate:
//     build/eiisim observables --format json > tools/eiisim_results/observables.json
//     /usr/bin/python3 tools/update_output_doc.py build/eiisim
// (tests/cli/observables.sh fails while either is stale.)
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "run_result.hpp"

namespace eiisim {

// The `schema_version` global attribute of run and sweep files. Bump it on any change to
// the layout and note the change in docs/output-format.md, "Layout versions".
inline constexpr std::int32_t kSchemaVersion = 19;

// The dimension after [run, year]: one value per plant, per cluster, per support
// instrument, or none (national).
enum class Level : std::uint8_t { plant, cluster, national, instrument };
inline constexpr std::array<const char*, 4> kLevelNames = {"plant", "cluster", "national", "instrument"};
// An optional last dimension.
enum class Extra : std::uint8_t { none, carrier, cost_component, kind, reduction_part, energy_part, strategic_product,
                                  target, feed_origin };
inline constexpr std::array<const char*, 9> kExtraNames = {"", "carrier", "cost_component", "kind", "reduction_part",
                                                           "energy_part", "strategic_product", "target",
                                                           "feed_origin"};
// Values along an extra dimension (1 for none).
[[nodiscard]] std::size_t extra_count(Extra extra);
// The name of position i along an extra dimension ("closure", "klimaatwet_2030", ...).
[[nodiscard]] std::string extra_label(Extra extra, std::size_t i);
enum class DType : std::uint8_t { int16, uint8, float64 };
inline constexpr std::array<const char*, 3> kDTypeNames = {"int16", "uint8", "float64"};
// The code list behind a coded variable's CF flag_values/flag_meanings.
enum class FlagSet : std::uint8_t { none, technology, kind, status };
inline constexpr std::array<const char*, 4> kFlagSetNames = {"", "technology", "kind", "status"};
// How a series that only sweeps keep is computed from a run-file series (`from`).
enum class Derive : std::uint8_t {
    none,                   // a run-file series
    sum_over_clusters,      // national = sum of the cluster series
    share_of_base_production,  // national sum over clusters / the run's base-year national production value
    share_of_cluster_base_production,  // per cluster / the cluster's own base-year production value
};

// Comment attribute of every quantile band.
inline constexpr std::string_view kBandComment = "exact quantiles, linear interpolation between order statistics";

struct Observable {
    std::string_view name;               // the variable in run files (and sweep files)
    Level level = Level::national;
    Extra extra = Extra::none;
    std::string_view units;              // UDUNITS-style, as written
    std::string_view long_name;
    std::string_view comment = "";       // the `comment` attribute, if any
    FlagSet flags = FlagSet::none;
    // The RunResult member, exactly one, of the variable's type (none for derived rows).
    std::vector<double> RunResult::*f64 = nullptr;
    std::vector<std::int16_t> RunResult::*i16 = nullptr;
    std::vector<std::uint8_t> RunResult::*u8 = nullptr;
    // Derived rows exist in sweep files only (as bands), computed from run-file row `from`.
    Derive derive = Derive::none;
    std::string_view from = "";
    // Sweep reductions.
    int band = -1;                    // position among the quantile bands (file and record order); -1: none
    std::string_view band_var = "";   // the band's variable name (default: <name>_quantiles)
    std::string_view band_of = "";    // band long_name "quantile over runs of <band_of>" (default: long_name)
    bool saved = false;               // a per-run trajectory with --save clusters (and plants)
    std::string_view doc = "";        // extra markdown for docs/output-format.md

    [[nodiscard]] DType dtype() const;
    [[nodiscard]] bool in_run_file() const { return derive == Derive::none; }
    [[nodiscard]] bool banded() const { return band >= 0; }
    // With --save plants, sweep files hold every plant-level series along run.
    [[nodiscard]] bool in_sweep_panels() const { return level == Level::plant && in_run_file(); }
    [[nodiscard]] std::string band_name() const {
        return band_var.empty() ? std::string(name) + "_quantiles" : std::string(band_var);
    }
    [[nodiscard]] std::string_view band_long_name_of() const { return band_of.empty() ? long_name : band_of; }
    // The variable's dimensions after `leading` ("run" in run files, "quantile" for bands).
    [[nodiscard]] std::vector<std::string> dimensions(std::string_view leading = "run") const;
    // Values per year: plants, clusters or instruments (or 1), times the carriers,
    // components or kinds.
    [[nodiscard]] std::size_t per_year(std::size_t plants, std::size_t clusters, std::size_t instruments = 0) const;
};

// Every row, in file order.
[[nodiscard]] std::span<const Observable> observables();
// The banded rows, in band order (the order of the sweep file's bands and of the record).
[[nodiscard]] std::span<const Observable* const> banded_observables();
// The rows saved per run with --save clusters, in file order.
[[nodiscard]] std::span<const Observable* const> saved_observables();
// nullptr if no row has that name.
[[nodiscard]] const Observable* find_observable(std::string_view name);
// Positions in banded_observables() / saved_observables(); std::out_of_range if absent.
[[nodiscard]] std::size_t band_index(std::string_view name);
[[nodiscard]] std::size_t saved_index(std::string_view name);

// Calls f with the row's RunResult member (const or not, as `r`), as its own vector type.
// Derived rows have no member: std::logic_error.
template <typename Result, typename F>
decltype(auto) with_member(const Observable& o, Result& r, F&& f) {
    if (!o.in_run_file()) throw std::logic_error("observable " + std::string(o.name) + " has no RunResult member");
    if (o.i16 != nullptr) return f(r.*o.i16);
    if (o.u8 != nullptr) return f(r.*o.u8);
    return f(r.*o.f64);
}

}  // namespace eiisim
