#include "replay.hpp"

#include <bit>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "core/revision.hpp"
#include "sim/kpis.hpp"
#include "output/hdf5_writer.hpp"
#include "output/summary.hpp"
#include "output/sweep_file_reader.hpp"
#include "output/run_file_reader.hpp"
#include "recorded_inputs.hpp"
#include "sweep.hpp"

namespace eiisim {
namespace {

// The scenario and dataset as the sweep read them, or InputError naming what changed.
Inputs load_sweep_inputs(const ReplayOptions& o, const SweepRunRecord& sweep) {
    Inputs inputs =
        load_recorded_inputs({o.sweep, sweep.scenario_file, sweep.scenario_text, sweep.input_files}, o.scenario);
    std::vector<std::string> names;
    for (const UncertainSetting& u : inputs.scenario.uncertain) names.push_back(u.name);
    if (names != sweep.parameters || sweep.samples.size() != names.size())
        throw InputError({o.sweep, 0, 0}, "",
                         "the sweep's sampled settings (" + fmt::format("{}", fmt::join(sweep.parameters, ", ")) +
                             ") are not the scenario's [[uncertain]] settings (" +
                             fmt::format("{}", fmt::join(names, ", ")) + ")");
    inputs.scenario.seed = sweep.seed;
    inputs.provenance.replay_of = o.sweep;
    std::vector<std::string> samples;
    for (std::size_t i = 0; i < names.size(); ++i) samples.push_back(fmt::format("{}={}", names[i], sweep.samples[i]));
    inputs.provenance.replay_samples = fmt::format("{}", fmt::join(samples, ", "));
    return inputs;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

std::vector<std::string> cluster_ids(const Inputs& inputs) {
    std::vector<std::string> ids;
    for (const auto& c : inputs.clusters) ids.push_back(c.id);
    return ids;
}

// Position `i` of an outcome row's values, as "[2030, chemelot]", "[2030, closure]",
// "[agreement 5]" or "".
std::string outcome_position(const Outcome& row, std::size_t i, const std::vector<int>& years, std::size_t per_year,
                             const std::vector<std::string>& clusters) {
    if (row.per_agreement) return "[agreement " + std::to_string(i) + "]";  // index into the file's `agreement`
    if (!row.milestones()) return "";
    std::string where = std::to_string(years.at(i / per_year));
    const std::size_t j = i % per_year;
    if (row.per_cluster()) where += ", " + (j < clusters.size() ? clusters[j] : "cluster " + std::to_string(j));
    if (const Extra x = row.extra_dimension(); x != Extra::none) where += ", " + extra_label(x, j);
    return "[" + where + "]";
}

// Every KPI whose bits differ from the sweep's, as "name[...]: recorded X, replay Y". Rows
// the recorded file does not hold (an older layout) are not compared.
std::vector<std::string> kpi_differences(const RunKpis& recorded, const RunKpis& replay, const std::vector<int>& years,
                                         const std::vector<std::string>& clusters) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < outcomes().size(); ++k) {
        const Outcome& row = outcomes()[k];
        const std::vector<double>& a = k < recorded.values.size() ? recorded.values[k] : std::vector<double>{};
        const std::vector<double>& b = replay.values.at(k);
        if (a.empty() && !b.empty()) continue;
        if (a.size() != b.size()) return {"the milestones or clusters differ (" + std::string(row.name) + ")"};
        const std::size_t per_year = row.milestones() && !years.empty() ? a.size() / years.size() : 1;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same_bits(a[i], b[i]))
                out.push_back(fmt::format("{}{}: recorded {}, replay {}", row.name,
                                          outcome_position(row, i, years, per_year, clusters), a[i], b[i]));
    }
    return out;
}

// The reference kind a file records (its `reference` attribute); none when empty.
std::optional<ReferenceKind> recorded_reference(const std::string& file, const std::string& name) {
    if (name.empty()) return std::nullopt;
    const std::optional<ReferenceKind> kind = reference_kind(name);
    if (!kind) throw InputError({file, 0, 0}, "", "unknown reference run '" + name + "' (attribute reference)");
    return kind;
}

}  // namespace

std::string default_replay_output(const std::string& sweep, std::uint64_t run) {
    return "results/" + std::filesystem::path(sweep).stem().string() + "-run" + std::to_string(run) + ".h5";
}

int replay_command(const ReplayOptions& o) {
    const SweepRunRecord sweep = read_sweep_run(o.sweep, o.run);
    const std::optional<ReferenceKind> kind = recorded_reference(o.sweep, sweep.reference);
    const Model base = build_model(load_sweep_inputs(o, sweep));
    Model work = sweep_worker_model(base);
    RunWorkspace workspace;
    // A sweep whose runs have a reference run: this run's too, as the sweep made it.
    std::optional<ReferenceWork> reference;
    if (kind) reference = reference_work(base, *kind);
    const std::vector<int> milestones = kpi_milestones(base.inputs.scenario.base_year, base.inputs.scenario.end_year);
    const RunKpis kpis = simulate_sweep_run(work, base, sweep.samples.data(), sweep.seed, o.run, RecordLevel::full,
                                            milestones, workspace, reference ? &*reference : nullptr);
    const ReferenceRun written{sweep.reference, kind ? first_reference_year(base.inputs) : 0,
                               reference ? &reference->workspace.result : nullptr};
    write_run_hdf5(o.out, work.inputs, workspace.result, &kpis, milestones, kind ? &written : nullptr);

    std::vector<std::string> differences = kpi_differences(sweep.outcomes, kpis, milestones, cluster_ids(work.inputs));
    if (milestones != sweep.milestones) differences.insert(differences.begin(), "the milestone years differ");
    if (!o.quiet) {
        print_run_summary(std::cout, work.inputs, workspace.result);
        std::cout << fmt::format("\nReplayed run {} of {} ({} sampler, seed {}){}{}\n", o.run, o.sweep, sweep.sampler,
                                 sweep.seed, sweep.samples.empty() ? "" : ": ", work.inputs.provenance.replay_samples);
        if (differences.empty()) std::cout << "KPIs equal the sweep's outcomes for this run, bit for bit\n";
        std::cout << "Wrote " << o.out << "\n";
    }
    if (differences.empty()) return 0;
    std::cerr << fmt::format("error: the replayed KPIs differ from the sweep's outcomes for run {} (sweep written by "
                             "eiisim {} ({}), this is eiisim {} ({})):{}\n",
                             o.run, sweep.model_version, sweep.source_revision, kModelVersion, source_revision(),
                             indented_lines(differences));
    return 1;
}

int replay_run_file_command(const ReplayOptions& o) {
    const RunFileRecord recorded = read_run_file(o.sweep);
    const std::optional<ReferenceKind> kind = recorded_reference(o.sweep, recorded.reference);
    Inputs inputs = load_run_file_inputs(o.sweep, recorded, o.scenario);
    // A run file written with --reference: its reference run again, as `eiisim run` made it.
    const std::optional<RunResult> reference =
        kind ? std::optional<RunResult>(simulate_reference(inputs, *kind, recorded.seed, recorded.run)) : std::nullopt;
    const ReferenceRun written{recorded.reference, kind ? first_reference_year(inputs) : 0,
                               reference ? &*reference : nullptr};
    const Model model = build_model(std::move(inputs));
    const RunResult result = simulate(model, recorded.seed, recorded.run);
    const std::vector<int> milestones = kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const RunKpis kpis = compute_kpis(result, milestones, reference ? &*reference : nullptr);
    write_run_hdf5(o.out, model.inputs, result, &kpis, milestones, kind ? &written : nullptr);

    std::vector<std::string> differences = kpi_differences(recorded.outcomes, kpis, milestones, cluster_ids(model.inputs));
    if (milestones != recorded.milestones) differences.insert(differences.begin(), "the milestone years differ");
    if (!o.quiet) {
        print_run_summary(std::cout, model.inputs, result);
        std::cout << fmt::format("\nMade run {} again (seed {}, run {}{}{})\n", o.sweep, recorded.seed, recorded.run,
                                 recorded.set_values.empty() ? "" : ", --set ",
                                 fmt::format("{}", fmt::join(recorded.set_values, " --set ")));
        if (differences.empty()) std::cout << "KPIs equal the run file's, bit for bit\n";
        std::cout << "Wrote " << o.out << "\n";
    }
    if (differences.empty()) return 0;
    std::cerr << fmt::format("error: the KPIs made again differ from {}'s (written by eiisim {} ({}), this is eiisim "
                             "{} ({})):{}\n",
                             o.sweep, recorded.model_version, recorded.source_revision, kModelVersion,
                             source_revision(), indented_lines(differences));
    return 1;
}

}  // namespace eiisim
