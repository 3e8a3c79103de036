// Whole-run benchmarks on the embedded Dutch dataset (scenarios/current-policy.toml):
// one run on 1..N threads, an ensemble of independent runs spread over threads, writing
// one run's HDF5 file against a plain write of as many bytes, and loading the inputs.
// They report throughput (plant-years/s, runs/s, MB/s); tools/bench/summarise.py turns
// the JSON into ratios. See docs/benchmarks.md. Nothing here is asserted by a test.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include "inputs/dataset_loader.hpp"
#include "output/hdf5_writer.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace {

namespace fs = std::filesystem;
using benchmark::Counter;

const fs::path kScenario = fs::path(EIISIM_SOURCE_DIR) / "scenarios" / "current-policy.toml";
constexpr std::uint64_t kSeedBase = 1'000'003;  // any seed; each iteration takes the next one
constexpr int kEnsembleRuns = 16;               // runs per ensemble iteration

// Scratch files go under $TMPDIR (std::filesystem::temp_directory_path), one folder per
// process; point TMPDIR at the disk you care about (/tmp may be a RAM disk).
fs::path scratch_dir() {
    return fs::temp_directory_path() / ("eiisim-bench-" + std::to_string(static_cast<long long>(::getpid())));
}

// Read-only state shared by the benchmarks, built once on first use, outside any timing.
struct DutchFixture {
    eiisim::Model model;
    eiisim::RunResult result;     // one run with the scenario's seed, for the writers
    double plant_years = 0;       // plants x years of one run
    std::uintmax_t hdf5_bytes = 0;  // size of that run's HDF5 file
};

DutchFixture make_fixture() {
    DutchFixture f{eiisim::build_model(eiisim::load_inputs(kScenario)), {}, 0, 0};
    f.result = eiisim::simulate(f.model, f.model.inputs.scenario.seed);
    f.plant_years = static_cast<double>(f.result.plants) * static_cast<double>(f.result.years);
    fs::create_directories(scratch_dir());
    const fs::path probe = scratch_dir() / "probe.h5";
    eiisim::write_run_hdf5(probe, f.model.inputs, f.result);
    f.hdf5_bytes = fs::file_size(probe);
    fs::remove(probe);
    return f;
}

const DutchFixture& dutch() {
    static const DutchFixture fixture = make_fixture();
    return fixture;
}

// Bytes of the per-plant-year arrays of a result as held in memory (the payload the
// HDF5 writer compresses), to set the file size against.
double panel_bytes(const eiisim::RunResult& r) {
    auto bytes = [](const auto& v) { return static_cast<double>(v.size() * sizeof(v[0])); };
    return bytes(r.technology) + bytes(r.kind) + bytes(r.status) + bytes(r.production_t) +
           bytes(r.utilisation) + bytes(r.co2_gross_t) + bytes(r.co2_captured_t) + bytes(r.co2_net_t) +
           bytes(r.co2_relocated_t) + bytes(r.revenue_eur) + bytes(r.margin_eur) + bytes(r.energy_gj) +
           bytes(r.cost_eur);
}

// Thread counts: 1, 2, then powers of two up to TBB's default concurrency (which
// respects the process's CPU affinity), and that concurrency itself.
void thread_counts(benchmark::internal::Benchmark* b) {
    const int available = std::max(1, tbb::info::default_concurrency());
    b->Arg(1)->Arg(2);
    for (int n = 4; n < available; n *= 2) b->Arg(n);
    if (available > 2) b->Arg(available);
}

// One full run (all years, all plants); threads = argument, parallel over plants inside.
void BM_FullRun(benchmark::State& state) {
    const DutchFixture& f = dutch();
    const auto threads = static_cast<std::size_t>(state.range(0));
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    std::uint64_t seed = kSeedBase;
    for (auto _ : state) {
        eiisim::RunResult r = eiisim::simulate(f.model, seed++);
        benchmark::DoNotOptimize(r.co2_net_t.data());
    }
    const auto runs = static_cast<double>(state.iterations());
    state.counters["plant_years_per_s"] = Counter(runs * f.plant_years, Counter::kIsRate);
    state.counters["runs_per_s"] = Counter(runs, Counter::kIsRate);
    state.counters["threads"] = static_cast<double>(threads);
    state.counters["plant_years"] = f.plant_years;
}
BENCHMARK(BM_FullRun)->Apply(thread_counts)->UseRealTime()->Unit(benchmark::kMillisecond);

// An ensemble: kEnsembleRuns independent runs (distinct seeds) per iteration, one TBB
// task per run. simulate's own parallel_for over plants nests in the same arena, so no
// extra OS threads appear; but a thread waiting for its inner loop may steal another
// whole run and start it on its stack. Argument 2 = 1 wraps each run in
// this_task_arena::isolate, which forbids that; peak_runs_in_flight shows the effect.
void BM_RunsInParallel(benchmark::State& state) {
    const DutchFixture& f = dutch();
    const auto threads = static_cast<std::size_t>(state.range(0));
    const bool isolate = state.range(1) != 0;
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    std::atomic<int> in_flight{0};
    std::atomic<int> peak{0};
    std::uint64_t seed = kSeedBase;
    for (auto _ : state) {
        tbb::parallel_for(
            tbb::blocked_range<int>(0, kEnsembleRuns, 1),
            [&](const tbb::blocked_range<int>& runs) {
                for (int i = runs.begin(); i != runs.end(); ++i) {
                    const int now = ++in_flight;
                    int seen = peak.load();
                    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
                    }
                    const auto run = static_cast<std::uint64_t>(i);
                    auto one = [&] { return eiisim::simulate(f.model, seed + run, run); };
                    eiisim::RunResult r = isolate ? tbb::this_task_arena::isolate(one) : one();
                    benchmark::DoNotOptimize(r.co2_net_t.data());
                    --in_flight;
                }
            },
            tbb::simple_partitioner());
        seed += kEnsembleRuns;
    }
    const auto runs = static_cast<double>(state.iterations()) * kEnsembleRuns;
    state.counters["runs_per_s"] = Counter(runs, Counter::kIsRate);
    state.counters["plant_years_per_s"] = Counter(runs * f.plant_years, Counter::kIsRate);
    state.counters["threads"] = static_cast<double>(threads);
    state.counters["isolate"] = isolate ? 1 : 0;
    state.counters["peak_runs_in_flight"] = peak.load();
}
BENCHMARK(BM_RunsInParallel)
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({2, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// write_run_hdf5 of one Dutch run (temporary file, then rename over the previous one).
void BM_WriteHdf5(benchmark::State& state) {
    const DutchFixture& f = dutch();
    fs::create_directories(scratch_dir());
    const fs::path path = scratch_dir() / "run.h5";
    for (auto _ : state) eiisim::write_run_hdf5(path, f.model.inputs, f.result);
    const auto bytes = static_cast<double>(fs::file_size(path));
    fs::remove(path);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.counters["file_bytes"] = bytes;
    state.counters["bytes_per_plant_year"] = bytes / f.plant_years;
    state.counters["memory_bytes_per_plant_year"] = panel_bytes(f.result) / f.plant_years;
}
BENCHMARK(BM_WriteHdf5)->UseRealTime()->Unit(benchmark::kMillisecond);

// The same number of bytes as that HDF5 file, written with std::ofstream the same way
// (temporary file, close, rename; no fsync): the floor the HDF5 writer is set against.
void BM_RawWrite(benchmark::State& state) {
    const DutchFixture& f = dutch();
    fs::create_directories(scratch_dir());
    const fs::path path = scratch_dir() / "raw.bin";
    const fs::path tmp = scratch_dir() / "raw.bin.tmp";
    const std::vector<char> buffer(f.hdf5_bytes, '\x5a');
    for (auto _ : state) {
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        }
        fs::rename(tmp, path);
    }
    fs::remove(path);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(buffer.size()));
    state.counters["file_bytes"] = static_cast<double>(buffer.size());
}
BENCHMARK(BM_RawWrite)->UseRealTime()->Unit(benchmark::kMillisecond);

// load_inputs of the Dutch scenario: TOML + CSV parsing and validation.
void BM_LoadInputs(benchmark::State& state) {
    std::size_t plants = 0;
    for (auto _ : state) {
        eiisim::Inputs inputs = eiisim::load_inputs(kScenario);
        plants = inputs.plants.size();
        benchmark::DoNotOptimize(plants);
    }
    state.counters["plants"] = static_cast<double>(plants);
}
BENCHMARK(BM_LoadInputs)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    int status = 0;
    try {
        const DutchFixture& f = dutch();
        benchmark::AddCustomContext("scenario", kScenario.string());
        benchmark::AddCustomContext("plants", std::to_string(f.result.plants));
        benchmark::AddCustomContext("years", std::to_string(f.result.years));
        benchmark::AddCustomContext("tbb_default_concurrency", std::to_string(tbb::info::default_concurrency()));
        benchmark::AddCustomContext("scratch_dir", scratch_dir().string());
        benchmark::RunSpecifiedBenchmarks();
    } catch (const std::exception& error) {
        std::cerr << "eiisim_bench: " << error.what() << "\n";
        status = 1;
    }
    benchmark::Shutdown();
    std::error_code ignored;
    fs::remove_all(scratch_dir(), ignored);
    return status;
}
