#include "branch_command.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "core/input_error.hpp"
#include "inputs/dataset_loader.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_file_reader.hpp"
#include "output_guard.hpp"
#include "sim/branch.hpp"
#include "sim/kpis.hpp"
#include "sweep/recorded_inputs.hpp"

namespace eiisim {
namespace {

// The variant's model, refused (naming the file and what differs) unless it runs on the
// state's dataset and has the shape a continuation needs.
Model variant_model(const std::string& file, const BranchCliOptions& o, const Model& base) {
    Inputs inputs = load_inputs(file);
    const std::vector<std::string> data = dataset_differences(base.inputs.provenance, inputs.provenance);
    if (!data.empty())
        throw InputError({file, 0, 0}, "",
                         "the variant reads another dataset than the state " + o.state +
                             " (a branch continues that dataset's plants; input files in the order read, the "
                             "state's against the variant's):" + indented_lines(data));
    inputs.provenance.branch_of = o.state;
    inputs.provenance.branch_year = o.year;
    Model model = build_model(std::move(inputs));
    const std::vector<std::string> shape = branch_incompatibilities(base, model);
    if (!shape.empty())
        throw InputError({file, 0, 0}, "", "the variant cannot continue the run of " + o.state + ":" + indented_lines(shape));
    return model;
}

// <out>/<variant stem>.h5, one per variant (two variants of one name are refused).
std::vector<std::filesystem::path> output_files(const BranchCliOptions& o) {
    std::vector<std::filesystem::path> files;
    std::set<std::string> stems;
    for (const std::string& v : o.variants) {
        const std::string stem = std::filesystem::path(v).stem().string();
        if (!stems.insert(stem).second)
            throw InputError({v, 0, 0}, "", "two variants are named '" + stem + "': the outputs would collide");
        files.push_back(std::filesystem::path(o.out) / (stem + ".h5"));
    }
    return files;
}

Inputs state_inputs(const BranchCliOptions& o, const RunFileRecord& state) {
    if (o.year < state.base_year || o.year > state.end_year)
        throw InputError({o.state, 0, 0}, "--year",
                         fmt::format("year {} is outside the run's years {}-{}: branch at a year it simulates",
                                     o.year, state.base_year, state.end_year));
    return load_run_file_inputs(o.state, state, "");
}

}  // namespace

int branch_command(const BranchCliOptions& o) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const RunFileRecord state = read_run_file(o.state);
    const Model base = build_model(state_inputs(o, state));
    const std::vector<std::filesystem::path> files = output_files(o);
    InputProvenance read = base.inputs.provenance;  // no output may replace an input, the state included
    read.files.push_back({o.state, "", 0});
    std::vector<std::unique_ptr<cli::OutputLock>> locks;
    for (const auto& file : files) locks.push_back(cli::claim_output(file, read, std::cerr));
    std::vector<Model> variants;
    variants.reserve(o.variants.size());
    for (const std::string& v : o.variants) variants.push_back(variant_model(v, o, base));
    std::vector<const Model*> pointers;
    for (const Model& m : variants) pointers.push_back(&m);

    const int threads = o.threads > 0 ? o.threads : static_cast<int>(tbb::this_task_arena::max_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const std::uint64_t seed = o.seed_given ? o.seed : state.seed;
    const auto loaded = Clock::now();
    const std::vector<int> milestones = kpi_milestones(base.inputs.scenario.base_year, base.inputs.scenario.end_year);
    simulate_branches(base, pointers, o.year, seed, state.run, [&](std::size_t i, const RunResult& result) {
        const RunKpis kpis = compute_kpis(result, milestones);
        write_run_hdf5(files[i], variants[i].inputs, result, &kpis, milestones);
        if (!o.quiet)
            std::cout << fmt::format("{}: net CO2 {} {:.2f} Mt/yr -> {}\n", o.variants[i], milestones.back(),
                                     kpis["net_co2"].back() / 1e6, files[i].string());
    });
    if (!o.quiet) {
        const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
        std::cout << fmt::format("Branched {} variant(s) from {} in {} (seed {}, run {}): {}-{} simulated once under "
                                 "its scenario, {}-{} per variant; load {:.2f} s, simulate and write {:.2f} s\n",
                                 variants.size(), o.state, o.year, seed, state.run, state.base_year, o.year - 1,
                                 o.year, state.end_year, seconds(start, loaded), seconds(loaded, Clock::now()));
    }
    return 0;
}

}  // namespace eiisim
