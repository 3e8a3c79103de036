#!/usr/bin/python3
"""The figures of the per-run outcomes at the milestones (tools/eiisim_results/plots_milestones.py)
draw exactly the numbers in the file.

Usage: test_milestone_plots.py <path-to-eiisim-binary> <repo-root>

Runs the Dutch current-policy scenario once (a run file: one run, and targets.csv, so
target gaps) and as a small --save none sweep, and the small test scenario as a sweep (no
targets.csv). For each file, calls the plot functions and checks with h5py and numpy alone:
  milestone_outcomes.png and .csv exist; the CSV has a row per declared [run, milestone]
      outcome and milestone whose units are the variable's and whose five numbers are
      numpy's default quantiles (5, 25, 50, 75, 95 %) of the variable over runs;
  reduction_by_milestone.png and .csv: each part's quantiles (so its median, the stacked
      bar) are those of reduction_national, and the total's are those of the parts summed
      per run; in the run file the parts add up to net CO2 less its base-year value;
  target_gaps.png and .csv (files with targets): the quantiles of target_gap per target;
  `python3 -m eiisim_results plot` writes them, and for the small dataset says why it skips
      the target gaps (no targets.csv).
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
             "co2_relocated_national", "co2_relocated_eu_national")
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


def check_targets(f, out, what):
    rows = png_and_csv(out, "target_gaps", what)
    targets = [text(t) for t in f["target"][()]]
    gaps = f["target_gap"][()]  # [run, milestone, target]
    seen = {(r["target"], int(r["milestone"])): r for r in rows}
    check(len(rows) == gaps.shape[1] * gaps.shape[2], f"{what}: {len(rows)} target rows")
    for k, target in enumerate(targets):
        for m, year in enumerate(int(y) for y in f["milestone"][()]):
            row = seen.get((target, year))
            if check(row is not None, f"{what}: {target} {year} in the CSV"):
                same(numbers(row), gaps[:, m, k], f"{what}: gap to {target} {year}")


def check_file(path, out, what):
    os.makedirs(out)
    ds = open_result(path)
    plots_milestones.plot_milestone_outcomes(ds, out)
    plots_milestones.plot_reduction_by_milestone(ds, out)
    with h5py.File(path) as f:
        check_outcomes(f, out, what)
        check_reduction(f, out, what)
        if check(("target_gap" in f) == ("target_gap" in ds), f"{what}: target_gap read"):
            if "target_gap" in f:
                plots_milestones.plot_target_gaps(ds, out)
                check_targets(f, out, what)


def check_cli(path, out, root, has_targets, what):
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "tools"))
    done = subprocess.run([sys.executable, "-m", "eiisim_results", "plot", path, "--out", out], env=env,
                          capture_output=True, text=True)
    check(done.returncode == 0, f"{what}: plot exits 0 ({done.stderr.strip()[-300:]})")
    written = {os.path.basename(p) for p in done.stdout.split()}
    for name in ("milestone_outcomes.png", "reduction_by_milestone.png") + (("target_gaps.png",) if has_targets
                                                                          else ()):
        check(name in written, f"{what}: plot writes {name}")
    if not has_targets:
        check("plot_target_gaps skipped" in done.stderr and "targets.csv" in done.stderr,
              f"{what}: plot says why it skips the target gaps: {done.stderr.strip()[-300:]}")


def main():
    binary, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    current_policy = os.path.join(root, "scenarios/current-policy.toml")
    small = os.path.join(root, "tests/data/small/scenario_sweep.toml")
    with tempfile.TemporaryDirectory() as tmp:
        files = {"run file": (os.path.join(tmp, "run.h5"), True), "sweep": (os.path.join(tmp, "sweep.h5"), True),
                 "small sweep": (os.path.join(tmp, "small.h5"), False)}
        subprocess.run([binary, "run", "--scenario", current_policy, "--seed", "42", "--quiet", "--out",
                        files["run file"][0]], check=True, env=env, cwd=root)
        for (scenario, runs), key in (((current_policy, 6), "sweep"), ((small, 30), "small sweep")):
            subprocess.run([binary, "sweep", "--scenario", scenario, "--runs", str(runs), "--seed", "5", "--save",
                            "none", "--threads", "2", "--quiet", "--out", files[key][0]], check=True, env=env, cwd=root)
        for what, (path, has_targets) in files.items():
            out = os.path.join(tmp, what.replace(" ", "_"))
            check_file(path, out, what)
            check_cli(path, out + "_cli", root, has_targets, what)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("milestone plots: ok")


if __name__ == "__main__":
    main()
