// Monte Carlo sweeps: samplers, inverse-CDF transforms, [[uncertain]] parsing, thread-
// count independence of sweep results, and that a sampled setting moves outcomes.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include <unistd.h>

#include "core/input_error.hpp"
#include "core/production_value.hpp"
#include "core/observables.hpp"
#include "core/random_stream.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"
#include "sweep/distributions.hpp"
#include "sim/kpis.hpp"
#include "sweep/samplers.hpp"
#include "sim/simulation.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_assemble.hpp"
#include "sweep/sweep_checkpoint.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

UncertainSetting setting(const std::string& name, const std::string& target, Distribution d, double low,
                         double mode, double high, UncertainScale scale = UncertainScale::factor) {
    UncertainSetting u;
    u.name = name;
    u.target = target;
    u.target_index = find_uncertain_target(target);
    REQUIRE(u.target_index >= 0);
    u.distribution = d;
    u.scale = scale;
    u.low = low;
    u.mode = mode;
    u.high = high;
    return u;
}

// `u` drawn jointly with `also`.
UncertainSetting joint(UncertainSetting u, const std::vector<std::string>& also) {
    for (const auto& key : also) {
        u.also.push_back(key);
        u.also_indices.push_back(find_uncertain_target(key));
        REQUIRE(u.also_indices.back() >= 0);
    }
    return u;
}

Inputs small_with_uncertainty() {
    Inputs in = testing::small_inputs();
    in.scenario.uncertain = {
        setting("ets_factor", "prices.ets_eur_per_t", Distribution::triangular, 0.5, 1.0, 2.0),
        joint(setting("gas_factor", "prices.gas_eur_per_mwh", Distribution::uniform, 0.7, 1.0, 1.3),
              {"neighbours.de_gas_eur_per_mwh", "neighbours.be_gas_eur_per_mwh"}),
        setting("logit_scale", "behaviour.logit_scale", Distribution::uniform, 0.05, 0.1, 0.2, UncertainScale::value),
        setting("storage_factor", "infrastructure.co2_storage_factor", Distribution::uniform, 0.5, 1.0, 1.5),
    };
    return in;
}

SweepResult sweep_on(const Model& model, std::size_t runs, SamplerKind sampler, int threads,
                     SaveLevel save = SaveLevel::none) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    SweepOptions options;
    options.sampler = sampler;
    options.runs = runs;
    options.seed = 11;
    options.save = save;
    const RecordLayout layout = record_layout(model, save);
    SweepCheckpoint records(runs, layout.width(), layout.columnar());
    SweepHooks hooks;
    bool complete = false;
    SweepResult result = run_sweep(model, options, records, hooks, complete);
    REQUIRE(complete);
    return result;
}

// Production value by kind of route in force [year][cluster][kind] from a run's plant
// panels: valued at reference prices, power left out, summed by cluster in plant order as
// the recorder does.
std::vector<double> production_value_by_cluster_kind(const Inputs& inputs, const RunResult& run) {
    const std::vector<SectorValuation> valuations = sector_valuations(inputs);
    const auto clusters = static_cast<std::size_t>(run.clusters);
    const std::size_t kinds = kOptionKindCount;
    std::vector<double> by_cluster(static_cast<std::size_t>(run.years) * clusters * kinds, 0.0);
    for (int y = 0; y < run.years; ++y)
        for (int p = 0; p < run.plants; ++p) {
            const std::size_t at = run.at(y, p);
            const PlantSpec& plant = inputs.plants[static_cast<std::size_t>(p)];
            const auto sector = static_cast<std::size_t>(plant.sector);
            if (run.production_t[at] <= 0) continue;
            const TechnologySpec& route = inputs.technologies[static_cast<std::size_t>(run.technology[at])];
            by_cluster[(static_cast<std::size_t>(y) * clusters + static_cast<std::size_t>(plant.cluster)) * kinds +
                       run.kind[at]] +=
                run.production_t[at] * domestic_value_eur_per_t(valuations[sector], inputs.sectors[sector], route);
        }
    return by_cluster;
}

double discrepancy_proxy(const std::vector<double>& points, std::size_t n, std::size_t dims) {
    // Largest deviation, over a fixed set of anchored boxes, between the share of points
    // inside and the box volume (a star-discrepancy lower bound).
    double worst = 0;
    for (double a : {0.1, 0.25, 0.33, 0.5, 0.61, 0.75, 0.9}) {
        for (double b : {0.1, 0.25, 0.33, 0.5, 0.61, 0.75, 0.9}) {
            std::size_t inside = 0;
            for (std::size_t r = 0; r < n; ++r)
                if (points[r * dims] < a && points[r * dims + 1] < b) ++inside;
            worst = std::max(worst, std::abs(static_cast<double>(inside) / static_cast<double>(n) - a * b));
        }
    }
    return worst;
}

// Quantiles as numpy computes them by default ("linear"): sort, interpolate.
std::vector<double> sorted_quantiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::vector<double> q;
    for (double p : kSweepQuantiles) {
        const double h = static_cast<double>(v.size() - 1) * p;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const std::size_t hi = std::min(lo + 1, v.size() - 1);
        q.push_back(v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]));
    }
    return q;
}

// [quantile][column] of per-run series given as series(run) -> [column] values.
template <typename Series>
std::vector<double> quantiles_over_runs(std::size_t runs, std::size_t columns, const Series& series) {
    std::vector<double> q(kSweepQuantiles.size() * columns);
    for (std::size_t c = 0; c < columns; ++c) {
        std::vector<double> values;
        for (std::size_t r = 0; r < runs; ++r) values.push_back(series(r)[c]);
        const std::vector<double> at = sorted_quantiles(values);
        for (std::size_t k = 0; k < at.size(); ++k) q[k * columns + c] = at[k];
    }
    return q;
}

}  // namespace

TEST_CASE("Latin hypercube hits each of N strata once per dimension", "[sweep]") {
    const std::size_t n = 97, dims = 5;
    const auto points = latin_hypercube(n, dims, 3);
    for (std::size_t d = 0; d < dims; ++d) {
        std::set<std::size_t> strata;
        for (std::size_t r = 0; r < n; ++r) {
            const double u = points[r * dims + d];
            REQUIRE(u > 0.0);
            REQUIRE(u < 1.0);
            strata.insert(static_cast<std::size_t>(u * static_cast<double>(n)));
        }
        CHECK(strata.size() == n);
    }
    CHECK(latin_hypercube(n, dims, 3) == points);  // keyed by seed
    CHECK(latin_hypercube(n, dims, 4) != points);
}

TEST_CASE("Sobol points lie in (0,1) and are more even than random points", "[sweep]") {
    const std::size_t n = 512, dims = 3;
    const auto sobol = sobol_points(n, dims, 5, true);
    const auto plain = sobol_points(n, dims, 5, false);
    for (double u : sobol) REQUIRE((u > 0.0 && u < 1.0));
    // Unscrambled, the first point after the skipped origin is (0.5, 0.5, 0.5).
    CHECK(plain[0] == Approx(0.5).epsilon(1e-12));
    std::vector<double> random(n * dims);
    RandomStream stream(5, 0, 0, 0, Purpose::sampling);
    for (double& u : random) u = stream.uniform();
    CHECK(discrepancy_proxy(sobol, n, dims) < discrepancy_proxy(random, n, dims));
    CHECK(discrepancy_proxy(sobol, n, dims) < 0.02);
}

TEST_CASE("grid design: round(runs^(1/d)) levels at stratum midpoints", "[sweep]") {
    CHECK(grid_levels(100, 2) == 10);
    CHECK(grid_levels(1000, 3) == 10);
    CHECK(grid_levels(30, 2) == 5);
    const auto points = grid_points(9, 2);
    const std::vector<double> expected = {1. / 6, 1. / 6, 1. / 6, 0.5, 1. / 6, 5. / 6, 0.5, 1. / 6, 0.5,
                                          0.5,    0.5,    5. / 6, 5. / 6, 1. / 6, 5. / 6, 0.5, 5. / 6, 5. / 6};
    REQUIRE(points.size() == expected.size());
    for (std::size_t i = 0; i < points.size(); ++i) CHECK(points[i] == Approx(expected[i]));
}

TEST_CASE("inverse CDFs: normal and triangular quantiles", "[sweep]") {
    CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-12));
    CHECK(normal_quantile(0.975) == Approx(1.959963985).epsilon(1e-8));
    CHECK(normal_quantile(0.025) == Approx(-1.959963985).epsilon(1e-8));
    CHECK(normal_quantile(0.001) == Approx(-3.090232306).epsilon(1e-8));
    CHECK(normal_quantile(0.84134474607) == Approx(1.0).epsilon(1e-7));
    // Triangular(0, 1, 2): F(1) = 0.5, F(0.5) = 0.125.
    CHECK(triangular_quantile(0.5, 0, 1, 2) == Approx(1.0));
    CHECK(triangular_quantile(0.125, 0, 1, 2) == Approx(0.5));
    CHECK(triangular_quantile(0.875, 0, 1, 2) == Approx(1.5));
    UncertainSetting d;
    d.distribution = Distribution::discrete;
    d.values = {1, 2, 3};
    CHECK(setting_quantile(d, 0.1) == 1);
    CHECK(setting_quantile(d, 0.5) == 2);
    CHECK(setting_quantile(d, 0.99) == 3);
    UncertainSetting ln;
    ln.distribution = Distribution::lognormal;
    ln.mu = 0.2;
    ln.sigma = 0.3;
    CHECK(setting_quantile(ln, 0.5) == Approx(std::exp(0.2)));
}

TEST_CASE("sweep results are bit-identical on 1 and 2 threads", "[sweep]") {
    const Model model = build_model(small_with_uncertainty());
    for (SamplerKind sampler : {SamplerKind::lhs, SamplerKind::sobol}) {
        const SweepResult one = sweep_on(model, 40, sampler, 1, SaveLevel::clusters);
        const SweepResult two = sweep_on(model, 40, sampler, 2, SaveLevel::clusters);
        CHECK(one.samples == two.samples);
        CHECK(one.outcomes == two.outcomes);
        CHECK(one.bands.size() == banded_observables().size());
        CHECK(one.bands == two.bands);
        CHECK(one.trajectories.size() == saved_observables().size());
        CHECK(one.trajectories == two.trajectories);
    }
}

TEST_CASE("a sweep run equals a plain run of the same inputs with the sample applied", "[sweep]") {
    const Model model = build_model(small_with_uncertainty());
    const SweepResult sweep = sweep_on(model, 8, SamplerKind::lhs, 2, SaveLevel::clusters);
    const std::size_t dims = model.inputs.scenario.uncertain.size();
    const std::size_t r = 5;
    Inputs changed = model.inputs;
    for (std::size_t d = 0; d < dims; ++d) {
        const auto& u = changed.scenario.uncertain[d];
        apply_uncertain_target(u.target_index, changed, sweep.samples[r * dims + d], u.scale);
        for (const int also : u.also_indices)  // a joint draw: the same sample on every target
            apply_uncertain_target(also, changed, sweep.samples[r * dims + d], u.scale);
    }
    const RunResult plain = simulate(build_model(std::move(changed)), 11, r);
    const std::size_t yc = plain.cluster_co2_net_t.size();
    for (const Observable* o : saved_observables()) {
        INFO(o->name);
        const std::vector<double>& saved = sweep.trajectories[saved_index(o->name)];
        const std::vector<double> from_sweep(saved.begin() + static_cast<std::ptrdiff_t>(r * yc),
                                             saved.begin() + static_cast<std::ptrdiff_t>((r + 1) * yc));
        CHECK(from_sweep == plain.*o->f64);
    }
}

TEST_CASE("aggregate-only runs in a reused workspace equal full runs", "[sweep]") {
    // Sweeps record aggregates only and reuse one workspace per thread; the cluster and
    // national series and every KPI must be exactly those of a fresh full run.
    const Model model = build_model(small_with_uncertainty());
    const std::vector<int> milestones =
        kpi_milestones(model.inputs.scenario.base_year, model.inputs.scenario.end_year);
    RunWorkspace reused;
    bool any_unmet = false;
    for (std::uint64_t run = 0; run < 12; ++run) {
        INFO("run " << run);
        const RunResult full = simulate(model, 11, run);
        simulate_into(model, 11, run, RecordLevel::aggregates, reused);
        const RunResult& lean = reused.result;
        CHECK(lean.events.empty());
        CHECK(lean.production_t.size() == static_cast<std::size_t>(full.plants));
        CHECK(lean.cluster_production_t == full.cluster_production_t);
        CHECK(lean.cluster_co2_gross_t == full.cluster_co2_gross_t);
        CHECK(lean.cluster_co2_captured_t == full.cluster_co2_captured_t);
        CHECK(lean.cluster_co2_net_t == full.cluster_co2_net_t);
        CHECK(lean.cluster_co2_relocated_t == full.cluster_co2_relocated_t);
        CHECK(lean.cluster_grid_used_mw == full.cluster_grid_used_mw);
        CHECK(lean.cluster_production_value_by_kind_eur == full.cluster_production_value_by_kind_eur);
        CHECK(lean.co2_storage_used_t == full.co2_storage_used_t);
        CHECK(lean.hydrogen_used_gj == full.hydrogen_used_gj);
        CHECK(lean.instrument_committed_eur == full.instrument_committed_eur);
        CHECK(lean.instrument_paid_eur == full.instrument_paid_eur);
        CHECK(lean.instrument_avoided_t == full.instrument_avoided_t);
        const RunKpis a = compute_kpis(full, milestones);
        const RunKpis b = compute_kpis(lean, reused.state.refused_in_year, milestones);
        CHECK(a.values == b.values);  // every outcome row
        any_unmet = any_unmet || a["unmet_infrastructure_years"].at(0) > 0;
    }
    INFO("the small dataset should refuse someone in some run, or the unmet check is idle");
    CHECK(any_unmet);
}

TEST_CASE("the ETS factor moves 2050 emissions", "[sweep]") {
    auto run_with = [](double factor) {
        Inputs in = testing::small_inputs();
        in.scenario.uncertain = {setting("ets", "prices.ets_eur_per_t", Distribution::discrete, 0, 0, 0)};
        in.scenario.uncertain[0].values = {factor};
        const Model model = build_model(std::move(in));
        const SweepResult s = sweep_on(model, 16, SamplerKind::lhs, 2);
        double total = 0;
        const std::size_t m = s.milestones.size();
        for (std::size_t r = 0; r < s.runs; ++r) total += s.outcome("net_co2")[r * m + (m - 1)];
        return total / static_cast<double>(s.runs);
    };
    const double low = run_with(0.3);
    const double high = run_with(3.0);
    INFO("mean 2050 net CO2, ETS x0.3: " << low << ", x3: " << high);
    CHECK(high < low);
}

TEST_CASE("uncertain targets reset and apply on the loaded inputs", "[sweep]") {
    const Inputs base = testing::small_inputs();
    Inputs work = base;
    const int storage = find_uncertain_target("infrastructure.co2_storage_factor");
    apply_uncertain_target(storage, work, 0.5, UncertainScale::factor);
    CHECK(work.national.co2_storage_t.at(2040) == Approx(0.5 * base.national.co2_storage_t.at(2040)));
    reset_uncertain_target(storage, work, base);
    CHECK(work.national.co2_storage_t.at(2040) == base.national.co2_storage_t.at(2040));
    const int share = find_uncertain_target("behaviour.relocation_hurdle");
    apply_uncertain_target(share, work, 1.7, UncertainScale::value);
    CHECK(work.scenario.behaviour.relocation_hurdle == 1.0);  // clamped into [0, 1]
    const int delay = find_uncertain_target("infrastructure.co2_delay_y");
    apply_uncertain_target(delay, work, 2.4, UncertainScale::value);
    for (std::size_t c = 0; c < work.clusters.size(); ++c) {
        const int year = base.clusters[c].co2_connection_year;
        CHECK(work.clusters[c].co2_connection_year == (year >= 9999 ? year : year + 2));
    }
    CHECK(find_uncertain_target("prices.nonsense") == -1);
}

TEST_CASE("the shipping factor scales shipping; the CO2 delay moves pipeline plants, not ship plants",
          "[sweep][co2_connection]") {
    Inputs base = testing::small_inputs();
    base.national.co2_shipping_t = TimePath(0.8e6);
    base.plants[0].co2_connection_year = 2026;
    base.plants[0].co2_transport = Co2Transport::ship;
    base.plants[1].co2_connection_year = 2031;
    base.plants[1].co2_transport = Co2Transport::pipeline;
    Inputs work = base;
    const int shipping = find_uncertain_target("infrastructure.co2_shipping_factor");
    REQUIRE(shipping >= 0);
    apply_uncertain_target(shipping, work, 0.5, UncertainScale::factor);
    CHECK(work.national.co2_shipping_t.at(2040) == Approx(0.4e6));
    reset_uncertain_target(shipping, work, base);
    CHECK(work.national.co2_shipping_t.at(2040) == Approx(0.8e6));
    const int delay = find_uncertain_target("infrastructure.co2_delay_y");
    apply_uncertain_target(delay, work, 2.0, UncertainScale::value);
    CHECK(work.plants[0].co2_connection_year == 2026);
    CHECK(work.plants[1].co2_connection_year == 2033);
    CHECK(work.plants[2].co2_connection_year == kNoPlantConnection);
    CHECK(work.national.co2_shipping_t.at(2026) == Approx(0.8e6));
    reset_uncertain_target(delay, work, base);
    CHECK(work.plants[1].co2_connection_year == 2031);
}

TEST_CASE("a joint draw moves every target by the same sample and resets them all", "[sweep]") {
    const Inputs base = small_with_uncertainty();
    const UncertainSetting& gas = base.scenario.uncertain[1];
    REQUIRE(gas.also.size() == 2);
    Inputs work = base;
    apply_uncertain_setting(gas, work, 1.25);
    const auto& n = work.scenario.neighbours.gas_eur_per_gj;
    const auto& n0 = base.scenario.neighbours.gas_eur_per_gj;
    for (const int year : {2020, 2030, 2050}) {
        CHECK(work.scenario.prices.gas_eur_per_gj.at(year) == Approx(1.25 * base.scenario.prices.gas_eur_per_gj.at(year)));
        CHECK(n[1].at(year) == Approx(1.25 * n0[1].at(year)));  // de
        CHECK(n[0].at(year) == Approx(1.25 * n0[0].at(year)));  // be
        CHECK(n[2].at(year) == n0[2].at(year));                 // fr: not in the draw
    }
    reset_uncertain_setting(gas, work, base);
    CHECK(work.scenario.prices.gas_eur_per_gj == base.scenario.prices.gas_eur_per_gj);
    CHECK(work.scenario.neighbours.gas_eur_per_gj == n0);
}

TEST_CASE("[[uncertain]] errors name file, line and column", "[sweep]") {
    const fs::path dir = fs::temp_directory_path() / ("eiisim-uncertain-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path small = fs::path(EIISIM_SOURCE_DIR) / "tests" / "data" / "small";
    std::ifstream in(small / "scenario.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string base = text.str();
    const std::string key = "dataset = \"dataset\"";
    base.replace(base.find(key), key.size(), "dataset = \"" + (small / "dataset").string() + "\"");
    const auto lines = static_cast<int>(std::count(base.begin(), base.end(), '\n'));
    auto expect = [&](const std::string& table, int line, const std::string& field, const std::string& problem) {
        const fs::path file = dir / "scenario.toml";
        std::ofstream(file) << base << table;
        try {
            (void)load_inputs(file);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            INFO(e.what());
            CHECK(e.where().line == line);
            CHECK(e.where().column > 0);
            CHECK(e.field() == field);
            CHECK(std::string(e.what()).find(problem) != std::string::npos);
        }
    };
    expect("[[uncertain]]\nname = \"x\"\ntarget = \"prices.nope\"\ndistribution = \"uniform\"\nlow = 0\nhigh = 1\n",
           lines + 3, "uncertain[1].target", "unknown target");
    expect("[[uncertain]]\nname = \"x\"\ntarget = \"prices.ets_eur_per_t\"\ndistribution = \"beta\"\n", lines + 4,
           "uncertain[1].distribution", "expected one of uniform");
    expect("[[uncertain]]\nname = \"x\"\ntarget = \"prices.ets_eur_per_t\"\ndistribution = \"uniform\"\nlow = 1\nmode = 1\nhigh = 2\n",
           lines + 6, "uncertain[1].mode", "does not apply");
    expect("[[uncertain]]\nname = \"x\"\ntarget = \"prices.ets_eur_per_t\"\ndistribution = \"triangular\"\nlow = 1\nmode = 3\nhigh = 2\n",
           lines + 6, "uncertain[1].mode", "expected a number in [low, high]");
    expect("[[uncertain]]\nname = \"x\"\ntarget = \"prices.ets_eur_per_t\"\nscale = \"value\"\ndistribution = \"uniform\"\nlow = 1\nhigh = 2\n",
           lines + 4, "uncertain[1].scale", "takes scale");
    const std::string gas = "[[uncertain]]\nname = \"g\"\ntarget = \"prices.gas_eur_per_mwh\"\n";
    const std::string draw = "distribution = \"uniform\"\nlow = 0.5\nhigh = 2\n";
    expect(gas + "also = [\"neighbours.de_gas_eur_per_mwh\", \"prices.nope\"]\n" + draw, lines + 4,
           "uncertain[1].also[1]", "unknown or unsweepable target");
    expect(gas + "also = [\"prices.gas_eur_per_mwh\"]\n" + draw, lines + 4, "uncertain[1].also[0]", "named twice");
    expect(gas + "also = \"neighbours.de_gas_eur_per_mwh\"\n" + draw, lines + 4, "uncertain[1].also",
           "non-empty list");
    expect(gas + "also = [\"neighbours.de_gas_eur_per_mwh\"]\n" + draw +
               "[[uncertain]]\nname = \"d\"\ntarget = \"neighbours.de_gas_eur_per_mwh\"\n" + draw,
           lines + 10, "uncertain[2].target", "already sampled by \"g\"");
    expect("[[uncertain]]\nname = \"v\"\ntarget = \"behaviour.logit_scale\"\n"
           "also = [\"behaviour.relocation_hurdle\"]\nscale = \"value\"\ndistribution = \"uniform\"\nlow = 0.1\n"
           "high = 0.2\n",
           lines + 4, "uncertain[1].also[0]", "one unit and range");
    fs::remove_all(dir);
}

TEST_CASE("a plain run ignores [[uncertain]] settings", "[sweep]") {
    Inputs with = small_with_uncertainty();
    const RunResult a = testing::run(with);
    const RunResult b = testing::run(testing::small_inputs());
    CHECK(a.co2_net_t == b.co2_net_t);
}

TEST_CASE("the capex position samples MIDDEN's ranges of every option", "[sweep]") {
    const Inputs base = testing::small_inputs();
    Inputs work = base;
    const int capex = find_uncertain_target("technologies.capex_position");
    REQUIRE(capex >= 0);
    for (const auto& [position, expect] :
         std::vector<std::pair<double, int>>{{0.0, -1}, {0.5, 0}, {1.0, 1}}) {
        reset_uncertain_target(capex, work, base);
        apply_uncertain_target(capex, work, position, UncertainScale::value);
        for (std::size_t t = 0; t < base.technologies.size(); ++t) {
            const TechnologySpec& b = base.technologies[t];
            const double want = expect < 0 ? b.capex_low_eur_per_t_yr
                                : expect == 0 ? b.capex_eur_per_t_yr
                                              : b.capex_high_eur_per_t_yr;
            REQUIRE(work.technologies[t].capex_eur_per_t_yr == Approx(want));
        }
    }
    reset_uncertain_target(capex, work, base);
    apply_uncertain_target(capex, work, 0.75, UncertainScale::value);
    const TechnologySpec& b = base.technologies[2];
    CHECK(work.technologies[2].capex_eur_per_t_yr ==
          Approx(b.capex_eur_per_t_yr + 0.5 * (b.capex_high_eur_per_t_yr - b.capex_eur_per_t_yr)));
}

TEST_CASE("quantiles by selection equal quantiles by sorting", "[sweep]") {
    RandomStream stream(3, 0, 0, 0, Purpose::sampling);
    for (std::size_t n = 1; n < 120; ++n) {
        for (int ties = 0; ties < 2; ++ties) {
            std::vector<double> v(n);
            for (double& x : v) x = ties != 0 ? std::floor(4 * stream.uniform()) : stream.uniform() - 0.5;
            std::array<double, kSweepQuantiles.size()> q{};
            std::vector<double> copy = v;
            quantiles_of(copy, q);
            const std::vector<double> expected = sorted_quantiles(v);
            INFO("n " << n << " ties " << ties);
            for (std::size_t k = 0; k < q.size(); ++k) REQUIRE(q[k] == expected[k]);
        }
    }
}

TEST_CASE("sweep quantile bands equal the quantiles of the per-run series", "[sweep]") {
    // --save plants keeps every run's full result: the bands must be exactly the
    // quantiles over those runs (numpy's "linear" method), whatever the thread count.
    const Model model = build_model(small_with_uncertainty());
    const std::size_t runs = 37;
    const SweepResult s = sweep_on(model, runs, SamplerKind::lhs, 2, SaveLevel::plants);
    REQUIRE(s.plant_results.size() == runs);
    const auto years = static_cast<std::size_t>(s.years);
    const auto clusters = static_cast<std::size_t>(s.clusters);
    const std::size_t instruments = model.inputs.scenario.policy.instruments.size();
    const auto& all = s.plant_results;
    for (const Observable* o : banded_observables()) {
        if (!o->in_run_file()) continue;
        INFO(o->name);
        const std::size_t columns = years * o->per_year(0, clusters, instruments);
        CHECK(s.bands[band_index(o->name)] ==
              quantiles_over_runs(runs, columns, [&](std::size_t r) { return all[r].*o->f64; }));
    }
    // National net CO2: the cluster series summed over clusters, in cluster order.
    CHECK(s.bands[band_index("national_co2_net")] == quantiles_over_runs(runs, years, [&](std::size_t r) {
              std::vector<double> national(years, 0.0);
              for (std::size_t y = 0; y < years; ++y)
                  for (std::size_t c = 0; c < clusters; ++c) national[y] += all[r].cluster_co2_net_t[y * clusters + c];
              return national;
          }));
    // National production value share by kind, from the plant panels (valued at reference
    // prices, power left out, summed by cluster in plant order as the recorder does, then
    // over clusters), over the run's base-year production value.
    const std::size_t kinds = kOptionKindCount;
    auto shares = [&](std::size_t r) {
        const RunResult& run = all[r];
        const std::vector<double> by_cluster = production_value_by_cluster_kind(model.inputs, run);
        double base = 0;
        for (std::size_t c = 0; c < clusters; ++c) base += run.cluster_production_value_eur[c];
        std::vector<double> share(years * kinds, 0.0);
        for (std::size_t y = 0; y < years; ++y)
            for (std::size_t k = 0; k < kinds; ++k) {
                double national = 0;
                for (std::size_t c = 0; c < clusters; ++c) national += by_cluster[(y * clusters + c) * kinds + k];
                share[y * kinds + k] = national / base;
            }
        return share;
    };
    const std::vector<double> expected = quantiles_over_runs(runs, years * kinds, shares);
    const std::vector<double>& share_band = s.bands[band_index("production_share_by_kind")];
    CHECK(share_band == expected);
    // Relocated and closed plants produce nothing in the Netherlands.
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const std::size_t k = i % kinds;
        if (k == static_cast<std::size_t>(OptionKind::relocate) || k == static_cast<std::size_t>(OptionKind::close))
            CHECK(share_band[i] == 0.0);
    }
    // The median band of the keep route starts at the whole base-year production.
    CHECK(share_band[2 * years * kinds + static_cast<std::size_t>(OptionKind::keep)] ==
          Approx(1.0));
}

TEST_CASE("sweep route mix per cluster and support by instrument are quantiles of the runs' own", "[sweep]") {
    // The bands the viewer's route-mix and subsidy views draw for sweeps (layout 11): each
    // cluster's production value by kind over its own base-year value, recomputed from the
    // plant panels, and instrument_paid per instrument.
    const Model model = build_model(small_with_uncertainty());
    const std::size_t runs = 23;
    const SweepResult s = sweep_on(model, runs, SamplerKind::lhs, 2, SaveLevel::plants);
    const auto years = static_cast<std::size_t>(s.years);
    const auto clusters = static_cast<std::size_t>(s.clusters);
    const std::size_t kinds = kOptionKindCount;
    const std::size_t instruments = model.inputs.scenario.policy.instruments.size();
    REQUIRE(instruments > 0);
    const auto& all = s.plant_results;
    auto cluster_shares = [&](std::size_t r) {
        std::vector<double> share = production_value_by_cluster_kind(model.inputs, all[r]);
        for (std::size_t i = 0; i < share.size(); ++i) {
            const double base = all[r].cluster_production_value_eur[(i / kinds) % clusters];
            share[i] = base > 0 ? share[i] / base : 0.0;
        }
        return share;
    };
    const std::vector<double>& mix = s.bands[band_index("cluster_production_share_by_kind")];
    CHECK(mix == quantiles_over_runs(runs, years * clusters * kinds, cluster_shares));
    // Each cluster starts all on its keep routes, and the mix moves across runs.
    const std::size_t median = 2 * years * clusters * kinds, last = (years - 1) * clusters * kinds;
    for (std::size_t c = 0; c < clusters; ++c)
        CHECK(mix[median + c * kinds + static_cast<std::size_t>(OptionKind::keep)] == Approx(1.0));
    const std::size_t q95 = 4 * years * clusters * kinds;
    bool varies = false;
    for (std::size_t j = 0; j < clusters * kinds; ++j) varies = varies || mix[last + j] != mix[q95 + last + j];
    CHECK(varies);
    const std::vector<double>& paid = s.bands[band_index("instrument_paid")];
    CHECK(paid == quantiles_over_runs(runs, years * instruments, [&](std::size_t r) { return all[r].instrument_paid_eur; }));
    CHECK(std::any_of(paid.begin(), paid.end(), [](double v) { return v > 0; }));
}

TEST_CASE("the sweep's record store returns records in run order and resumes after a torn block", "[sweep]") {
    const fs::path path = fs::temp_directory_path() / ("eiisim-store-" + std::to_string(::getpid()));
    const std::size_t runs = 10, width = 5, columnar = 3;
    auto record = [](std::size_t run, std::size_t c) { return static_cast<double>(100 * run + c) + 0.25; };
    auto rows_of = [&](const std::vector<std::size_t>& ids) {
        std::vector<double> rows;
        for (std::size_t r : ids)
            for (std::size_t c = 0; c < width; ++c) rows.push_back(record(r, c));
        return rows;
    };
    const std::vector<std::size_t> first = {7, 2, 9}, second = {0, 1, 3, 4}, third = {5, 6, 8};
    {
        SweepCheckpoint store(path, "test", runs, width, columnar, false, true);
        store.append(first, rows_of(first));
        store.append(second, rows_of(second));
        store.append(third, rows_of(third));
        CHECK(store.done_count() == runs);
        std::vector<double> columns;
        store.read_columns(1, 2, columns);
        for (std::size_t r = 0; r < runs; ++r) {
            CHECK(columns[0 * runs + r] == record(r, 1));
            CHECK(columns[1 * runs + r] == record(r, 2));
        }
        std::vector<double> a, b;
        std::vector<double>* outs[] = {&a, &b};
        store.read_rows(columnar, 1, outs);
        for (std::size_t r = 0; r < runs; ++r) {
            CHECK(a[r] == record(r, 3));
            CHECK(b[r] == record(r, 4));
        }
    }
    // A kill while the last block was written: it is cut off and its runs are missing.
    fs::resize_file(path, fs::file_size(path) - 5);
    {
        SweepCheckpoint store(path, "test", runs, width, columnar, true, true);
        CHECK(store.done_count() == first.size() + second.size());
        CHECK(store.done()[5] == 0);
        store.append(third, rows_of(third));
        std::vector<double> columns;
        store.read_columns(0, columnar, columns);
        for (std::size_t c = 0; c < columnar; ++c)
            for (std::size_t r = 0; r < runs; ++r) CHECK(columns[c * runs + r] == record(r, c));
    }
    {
        SweepCheckpoint store(path, "test", runs, width, columnar, true, false);  // removed when done
        CHECK(store.done_count() == runs);
    }
    CHECK_FALSE(fs::exists(path));
    {
        SweepCheckpoint store(path, "test", runs, width, columnar, false, true);
    }
    CHECK_THROWS_WITH(SweepCheckpoint(path, "other", runs, width, columnar, true, false),
                      Catch::Contains("belongs to another sweep"));
    fs::remove(path);
}
