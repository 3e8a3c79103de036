#include "replay.hpp"

#include <bit>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "inputs/dataset_loader.hpp"
#include "core/input_error.hpp"
#include "core/revision.hpp"
#include "sim/kpis.hpp"
#include "output/hdf5_writer.hpp"
#include "output/summary.hpp"
#include "output/sweep_file_reader.hpp"
#include "sweep.hpp"

namespace eiisim {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += "\n  " + line;
    return text;
}

// The scenario and dataset as the sweep read them, or InputError naming what changed.
Inputs load_sweep_inputs(const ReplayOptions& o, const SweepRunRecord& sweep) {
    const std::string scenario = o.scenario.empty() ? sweep.scenario_file : o.scenario;
    if (!std::filesystem::is_regular_file(scenario))
        throw InputError({scenario, 0, 0}, "",
                         "the sweep's scenario file is not there (recorded in " + o.sweep + " as '" +
                             sweep.scenario_file +
                             "'); run from the folder the sweep ran in, or give its path with --scenario");
    Inputs inputs = load_inputs(scenario);
    std::vector<std::string> changes = input_changes(sweep.input_files, inputs.provenance.files);
    if (changes.empty() && inputs.scenario.text != sweep.scenario_text)
        changes.push_back(scenario + ": text differs from the sweep's scenario_text");
    if (!changes.empty())
        throw InputError({o.sweep, 0, 0}, "",
                         "the inputs changed since the sweep, so run " + std::to_string(o.run) +
                             " cannot be replayed exactly (paths relative to " + scenario + "'s folder):" +
                             join_lines(changes));
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
        if (!same_bits(a, b)) out.push_back(fmt::format("{}: sweep {}, replay {}", name, a, b));
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
        out.push_back(fmt::format("unmet_infrastructure_years: sweep {}, replay {}", sweep.unmet_infrastructure_years,
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
                             join_lines(differences));
    return 1;
}

}  // namespace eiisim
