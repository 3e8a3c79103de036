#!/usr/bin/python3
"""The figures of the per-run outcomes at the milestones (tools/eiisim_results/plots_milestones.py)
draw exactly the numbers in the file.

Usage: test_milestone_plots.py <path-to-eiisim-binary> <repo-root>

Runs the Dutch current-policy scenario once (a run file: one run, and targets.csv, so
target gaps), with seeds 1-3 (three run files, combined along `run` by
eiisim_results.run_files as tools/milestone_figures.py does; the checks stack the files
with h5py) and as a small --save none sweep, and the small test scenario as a sweep (no
targets.csv). For each file, calls the plot functions and checks with h5py and numpy alone:
  milestone_outcomes.png and .csv exist; the CSV has a row per declared [run, milestone]
      outcome and milestone whose units are the variable's and whose five numbers are
      numpy's default quantiles (5, 25, 50, 75, 95 %) of the variable over runs;
  reduction_by_milestone.png and .csv: each part's quantiles (so its median, the stacked
      bar) are those of reduction_national, and the total's are those of the parts summed
      per run; in the run file the parts add up to net CO2 less its base-year value;
  reduction_by_cluster.png and .csv (run files, and sweep files from reduction_per_cluster,
      layout 17): reduction_per_cluster is cluster_reduction in the milestone years (run
      files); in every run the parts of each cluster add up to its change
      in net CO2 since the base year (run files) and the clusters to reduction_national; the CSV's
      quantiles are those of each cluster's part and total, its means add up (parts to the
      total, clusters to the national row);
  target_gaps.png and .csv (files with targets): the quantiles of target_gap per target,
      each target only at the milestone of its year (the year in clusters/nl/targets.csv,
      read here independently of the plot's reading of the target paths); on altered
      target paths (target_year left out), a target due in a year that is not a milestone,
      or whose path is flat from the base year, is drawn nowhere; with target_year in the
      file (layout 17), its years are read from it, and moving one moves the figure;
  `python3 -m eiisim_results plot` writes them, and for the small dataset says why it skips
      the target gaps (no targets.csv); tools/milestone_figures.py writes all four.
Exits non-zero on any failure.
"""

import csv
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

from eiisim_results import plots_milestones
from eiisim_results.reader import open_result
from eiisim_results.run_files import combine_runs

QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def read_csv(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def numbers(row):
    return np.array([float(row[k]) for k in ("q05", "q25", "median", "q75", "q95")])


def same(got, values, what):
    """The CSV's five numbers against numpy's quantiles of `values` over runs."""
    want = np.quantile(np.asarray(values, dtype=float), QUANTILES)
    return check(np.allclose(got, want, rtol=1e-12, atol=0.0), f"{what}: {got} != quantiles {want}")


def png_and_csv(out, name, what):
    png, table = os.path.join(out, name + ".png"), os.path.join(out, name + ".csv")
    ok = os.path.isfile(png) and os.path.getsize(png) > 1000 and os.path.isfile(table)
    if check(ok, f"{what}: {name}.png and .csv written"):
        with open(png, "rb") as fh:
            check(fh.read(8) == b"\x89PNG\r\n\x1a\n", f"{what}: {name}.png is a PNG")
    return read_csv(table) if ok else []


def check_outcomes(f, out, what):
    rows = png_and_csv(out, "milestone_outcomes", what)
    milestones = [int(m) for m in f["milestone"][()]]
    names = ("net_co2", "jobs_national", "value_added_national", "co2_embodied_imports_national",
             "co2_relocated_national", "co2_relocated_eu_national", "production_index_national")
    check(set(plots_milestones.MILESTONE_OUTCOMES) == set(names), "the figure has the declared national outcomes")
    seen = {(r["outcome"], int(r["milestone"])): r for r in rows}
    check(len(rows) == len(names) * len(milestones), f"{what}: {len(rows)} outcome rows")
    for name in names:
        values = f[name][()]  # [run, milestone]
        for m, year in enumerate(milestones):
            row = seen.get((name, year))
            if check(row is not None, f"{what}: {name} {year} in the CSV"):
                check(row["units"] == text(f[name].attrs["units"]), f"{what}: {name} units from the file")
                check(int(row["runs"]) == values.shape[0], f"{what}: {name} runs")
                same(numbers(row), values[:, m], f"{what}: {name} {year}")


def check_reduction(f, out, what):
    rows = png_and_csv(out, "reduction_by_milestone", what)
    parts = [text(p) for p in f["reduction_part"][()]]
    values = f["reduction_national"][()]  # [run, milestone, part]
    seen = {(int(r["milestone"]), r["part"]): r for r in rows}
    for m, year in enumerate(int(y) for y in f["milestone"][()]):
        for k, part in enumerate(parts):
            row = seen.get((year, part))
            if check(row is not None, f"{what}: {part} {year} in the CSV"):
                same(numbers(row), values[:, m, k], f"{what}: {part} {year}")
                check(float(row["median"]) == np.median(values[:, m, k]), f"{what}: {part} {year} median")
        total = seen.get((year, "total"))
        if check(total is not None, f"{what}: total {year} in the CSV"):
            same(numbers(total), values[:, m].sum(axis=1), f"{what}: total {year}")
    if values.shape[0] == 1 and "cluster_co2_net" in f:
        base = f["cluster_co2_net"][()][:, 0].sum(axis=1)[:, None]
        check(np.allclose(values.sum(axis=2), f["net_co2"][()] - base, rtol=1e-9),
              f"{what}: the parts add up to the change in net CO2 since the base year")


def dataset_target_years(root):
    """{target: year} from the dataset's targets.csv (its comment lines skipped)."""
    with open(os.path.join(root, "clusters/nl/targets.csv"), newline="") as fh:
        return {r["target"]: int(r["year"]) for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


def check_targets(f, out, root, what):
    rows = png_and_csv(out, "target_gaps", what)
    targets = [text(t) for t in f["target"][()]]
    milestones = [int(y) for y in f["milestone"][()]]
    due = dataset_target_years(root)
    gaps = f["target_gap"][()]  # [run, milestone, target]
    seen = {(r["target"], int(r["milestone"])): r for r in rows}
    want = {(t, due[t]) for t in targets if due[t] in milestones}
    check(len(want) == 4, f"{what}: the four Dutch targets are due at milestones ({sorted(want)})")
    check(set(seen) == want and len(rows) == len(want),
          f"{what}: each target's gap only in the year it is due: {sorted(seen)} != {sorted(want)}")
    for k, target in enumerate(targets):
        m = milestones.index(due[target])
        row = seen.get((target, due[target]))
        if check(row is not None, f"{what}: {target} {due[target]} in the CSV"):
            same(numbers(row), gaps[:, m, k], f"{what}: gap to {target} {due[target]}")


def check_cluster_reduction(f, out, what):
    """The per-cluster decomposition at the milestones: exact sums per run, the CSV's numbers."""
    rows = png_and_csv(out, "reduction_by_cluster", what)
    clusters, parts = [text(c) for c in f["cluster"][()]], [text(p) for p in f["reduction_part"][()]]
    years = [int(y) for y in f["year"][()]]
    milestones = [int(y) for y in f["milestone"][()]]
    at = [years.index(m) for m in milestones]
    values = f["reduction_per_cluster"][()]  # [run, milestone, cluster, part]
    if "cluster_reduction" in f:  # run files: the outcome is the series in the milestone years
        check(np.array_equal(values, f["cluster_reduction"][()][:, at]),
              f"{what}: reduction_per_cluster is cluster_reduction in the milestone years")
        net = f["cluster_co2_net"][()]  # [run, year, cluster]
        change = net[:, at] - net[:, :1]  # [run, milestone, cluster]
        check(np.allclose(values.sum(axis=3), change, rtol=1e-9, atol=1e-3),
              f"{what}: every run's parts per cluster add up to its change in net CO2 since the base year")
    check(np.allclose(values.sum(axis=2), f["reduction_national"][()], rtol=1e-12, atol=1e-6),
          f"{what}: every run's clusters add up to reduction_national")
    seen = {(int(r["milestone"]), r["row"], r["part"]): r for r in rows}
    check(len(rows) == len(milestones) * (len(clusters) + 1) * (len(parts) + 1), f"{what}: {len(rows)} rows")
    for m, year in enumerate(milestones):
        national = values[:, m].sum(axis=1)  # [run, part]
        for c, name in enumerate(clusters + ["national"]):
            per_run = values[:, m, c] if c < len(clusters) else national
            for k, part in enumerate(parts + ["total"]):
                v = per_run[:, k] if k < len(parts) else per_run.sum(axis=1)
                row = seen.get((year, name, part))
                if check(row is not None, f"{what}: {year} {name} {part} in the CSV"):
                    same(numbers(row), v, f"{what}: {year} {name} {part}")
                    check(np.isclose(float(row["mean"]), v.mean(), rtol=1e-12, atol=1e-9), f"{what}: mean")
            means = [float(seen[(year, name, p)]["mean"]) for p in parts]
            check(np.isclose(sum(means), float(seen[(year, name, "total")]["mean"]), rtol=1e-12, atol=1e-6),
                  f"{what}: {year} {name}: the part means add up to the total's")
        cluster_totals = sum(float(seen[(year, name, "total")]["mean"]) for name in clusters)
        check(np.isclose(cluster_totals, float(seen[(year, "national", "total")]["mean"]), rtol=1e-12, atol=1e-6),
              f"{what}: {year}: the clusters' mean totals add up to the national")


class Stacked:
    """Run files read with h5py as one file: the variables of RUN_VARIABLES stacked along
    their first axis (`run`, of length 1 in a run file), the others from the first file."""

    class Variable:
        def __init__(self, values, attrs):
            self.values, self.attrs = values, attrs

        def __getitem__(self, key):
            return self.values[key]

    def __init__(self, paths):
        self.files = [h5py.File(p) for p in paths]

    def __contains__(self, name):
        return name in self.files[0]

    def __getitem__(self, name):
        first = self.files[0][name]
        per_run = name in RUN_VARIABLES
        values = np.concatenate([f[name][()] for f in self.files]) if per_run else first[()]
        return Stacked.Variable(values, first.attrs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for f in self.files:
            f.close()


# The [run, ...] variables the checks read (run files: the run axis has length 1).
RUN_VARIABLES = {"cluster_reduction", "reduction_per_cluster", "cluster_co2_net", "reduction_national", "target_gap",
                 "net_co2", "jobs_national", "value_added_national", "co2_embodied_imports_national", "co2_relocated_national",
                 "co2_relocated_eu_national", "production_index_national",
                 "strategic_import_dependence_national"}


def check_file(path, out, root, what):
    os.makedirs(out)
    paths = path if isinstance(path, list) else [path]
    ds = combine_runs(paths) if len(paths) > 1 else open_result(path)
    plots_milestones.plot_milestone_outcomes(ds, out)
    plots_milestones.plot_reduction_by_milestone(ds, out)
    with (Stacked(paths) if len(paths) > 1 else h5py.File(path)) as f:
        check_outcomes(f, out, what)
        check_reduction(f, out, what)
        if check("reduction_per_cluster" in f, f"{what}: reduction_per_cluster in the file"):
            plots_milestones.plot_reduction_by_cluster(ds, out)
            check_cluster_reduction(f, out, what)
        if check(("target_gap" in f) == ("target_gap" in ds), f"{what}: target_gap read"):
            if "target_gap" in f:
                plots_milestones.plot_target_gaps(ds, out)
                check_targets(f, out, root, what)


def check_cli(path, out, root, has_targets, has_clusters, what):
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "tools"))
    done = subprocess.run([sys.executable, "-m", "eiisim_results", "plot", path, "--out", out], env=env,
                          capture_output=True, text=True)
    check(done.returncode == 0, f"{what}: plot exits 0 ({done.stderr.strip()[-300:]})")
    written = {os.path.basename(p) for p in done.stdout.split()}
    for name in (("milestone_outcomes.png", "reduction_by_milestone.png") + (("target_gaps.png",) if has_targets
                                                                           else ()) +
                 (("reduction_by_cluster.png",) if has_clusters else ())):
        check(name in written, f"{what}: plot writes {name}")
    if not has_targets:
        check("plot_target_gaps skipped" in done.stderr and "targets.csv" in done.stderr,
              f"{what}: plot says why it skips the target gaps: {done.stderr.strip()[-300:]}")


def check_target_years(path, out):
    """plots_milestones.target_years on altered paths: a target due in 2035 (not a milestone)
    is drawn at no milestone, one whose path is flat from the base year neither; the others
    keep their years. With the file's target_year, the years are its."""
    ds = open_result(path)
    want = {str(t): int(y) for t, y in zip(ds["target"].values, ds["target_year"].values)}
    check(plots_milestones.target_years(ds) == want, f"target_years reads target_year: {want}")
    moved = ds.copy()
    moved["target_year"] = moved["target_year"].copy(data=np.where(np.arange(moved.sizes["target"]) == 0, 2035,
                                                                   moved["target_year"].values))
    check(plots_milestones.target_years(moved)[str(ds["target"].values[0])] == 2035, "a moved target_year is read")
    ds = ds.drop_vars("target_year")  # older files: the years from the paths
    years = ds["year"].values
    paths = ds["target_co2_net"].values.copy()  # [run, year, target]
    base = paths[:, :1, 0]
    level = 0.5 * base
    f = np.clip((years - years[0]) / (2035 - years[0]), 0.0, 1.0)[None, :]
    paths[:, :, 0] = base + f * (level - base)  # due 2035
    paths[:, :, 1] = base  # flat: no year to read
    ds["target_co2_net"] = (ds["target_co2_net"].dims, paths)
    due = plots_milestones.target_years(ds)
    names = [str(t) for t in ds["target"].values]
    check(due[names[0]] == 2035 and due[names[1]] is None and due[names[2]] == 2030 and due[names[3]] == 2050,
          f"target_years on altered paths: {due}")
    os.makedirs(out)
    plots_milestones.plot_target_gaps(ds, out)
    shown = {r["target"] for r in read_csv(os.path.join(out, "target_gaps.csv"))}
    check(shown == set(names[2:]), f"targets due at no milestone are not drawn: {sorted(shown)}")


def check_seed_figures(binary, root, out):
    """tools/milestone_figures.py over seeds 1-2 writes the four figures and their CSVs."""
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "tools"))
    done = subprocess.run([sys.executable, os.path.join(root, "tools/milestone_figures.py"), binary, "--seeds", "2",
                           "--out", out], env=env, capture_output=True, text=True, cwd=root)
    check(done.returncode == 0, f"milestone_figures.py exits 0 ({done.stderr.strip()[-300:]})")
    for name in ("milestone_outcomes", "reduction_by_milestone", "reduction_by_cluster", "target_gaps"):
        rows = png_and_csv(out, name, "milestone_figures.py") if done.returncode == 0 else []
        check(rows and all(int(r["runs"]) == 2 for r in rows), f"milestone_figures.py: {name} over 2 runs")


def main():
    binary, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    current_policy = os.path.join(root, "scenarios/current-policy.toml")
    small = os.path.join(root, "tests/data/small/scenario_sweep.toml")
    with tempfile.TemporaryDirectory() as tmp:
        # name: (path, has targets, has per-cluster reduction parts)
        files = {"run file": (os.path.join(tmp, "run.h5"), True, True),
                 "sweep": (os.path.join(tmp, "sweep.h5"), True, True),
                 "small sweep": (os.path.join(tmp, "small.h5"), False, True)}
        seeds = [os.path.join(tmp, f"seed{s}.h5") for s in (1, 2, 3)]
        for seed, path in [(42, files["run file"][0])] + list(zip((1, 2, 3), seeds)):
            subprocess.run([binary, "run", "--scenario", current_policy, "--seed", str(seed), "--quiet", "--out",
                            path], check=True, env=env, cwd=root)
        for (scenario, runs), key in (((current_policy, 6), "sweep"), ((small, 30), "small sweep")):
            subprocess.run([binary, "sweep", "--scenario", scenario, "--runs", str(runs), "--seed", "5", "--save",
                            "none", "--threads", "2", "--quiet", "--out", files[key][0]], check=True, env=env, cwd=root)
        for what, (path, has_targets, has_clusters) in files.items():
            out = os.path.join(tmp, what.replace(" ", "_"))
            check_file(path, out, root, what)
            check_cli(path, out + "_cli", root, has_targets, has_clusters, what)
        check_file(seeds, os.path.join(tmp, "seeds"), root, "seeds 1-3")
        check_target_years(files["run file"][0], os.path.join(tmp, "altered_targets"))
        check_seed_figures(binary, root, os.path.join(tmp, "seed_figures"))
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("milestone plots: ok")


if __name__ == "__main__":
    main()
