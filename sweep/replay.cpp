#include "replay.hpp"

#include <bit>
#include <filesystem>
#include <iostream>

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

// Every KPI whose bits differ from the sweep's, as "name: sweep X, replay Y".
std::vector<std::string> kpi_differences(const RunKpis& sweep, const RunKpis& replay, const std::vector<int>& years) {
    std::vector<std::string> out;
    auto compare = [&](const std::string& name, double a, double b) {
        if (!same_bits(a, b)) out.push_back(fmt::format("{}: recorded {}, replay {}", name, a, b));
    };
    if (sweep.net_co2_t.size() != replay.net_co2_t.size() ||
        sweep.cluster_net_co2_t.size() != replay.cluster_net_co2_t.size())
        return {"the milestones or clusters differ"};
    const std::size_t clusters = years.empty() ? 0 : sweep.cluster_net_co2_t.size() / years.size();
    for (std::size_t m = 0; m < sweep.net_co2_t.size(); ++m) {
        compare(fmt::format("net_co2[{}]", years.at(m)), sweep.net_co2_t[m], replay.net_co2_t[m]);
        for (std::size_t c = 0; c < clusters; ++c)
            compare(fmt::format("cluster_net_co2[{}][cluster {}]", years.at(m), c),
                    sweep.cluster_net_co2_t[m * clusters + c], replay.cluster_net_co2_t[m * clusters + c]);
    }
    compare("cumulative_subsidy", sweep.cumulative_subsidy_eur, replay.cumulative_subsidy_eur);
    compare("relocated_co2", sweep.relocated_co2_t, replay.relocated_co2_t);
    compare("production_retained", sweep.production_retained, replay.production_retained);
    if (sweep.unmet_infrastructure_years != replay.unmet_infrastructure_years)
        out.push_back(fmt::format("unmet_infrastructure_years: recorded {}, replay {}", sweep.unmet_infrastructure_years,
                                  replay.unmet_infrastructure_years));
    return out;
}

}  // namespace

std::string default_replay_output(const std::string& sweep, std::uint64_t run) {
    return "results/" + std::filesystem::path(sweep).stem().string() + "-run" + std::to_string(run) + ".h5";
}

int replay_command(const ReplayOptions& o) {
    const SweepRunRecord sweep = read_sweep_run(o.sweep, o.run);
    const Model base = build_model(load_sweep_inputs(o, sweep));
    Model work = sweep_worker_model(base);
    RunWorkspace workspace;
    const std::vector<int> milestones = kpi_milestones(base.inputs.scenario.base_year, base.inputs.scenario.end_year);
    const RunKpis kpis = simulate_sweep_run(work, base, sweep.samples.data(), sweep.seed, o.run, RecordLevel::full,
                                            milestones, workspace);
    write_run_hdf5(o.out, work.inputs, workspace.result, &kpis, milestones);

    std::vector<std::string> differences = kpi_differences(sweep.outcomes, kpis, milestones);
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
    const Model model = build_model(load_run_file_inputs(o.sweep, recorded, o.scenario));
    const RunResult result = simulate(model, recorded.seed, recorded.run);
    const std::vector<int> milestones = kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    const RunKpis kpis = compute_kpis(result, milestones);
    write_run_hdf5(o.out, model.inputs, result, &kpis, milestones);

    std::vector<std::string> differences = kpi_differences(recorded.outcomes, kpis, milestones);
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
