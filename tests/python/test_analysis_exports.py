#!/usr/bin/python3
"""`python3 -m eiisim_results export-ema` and `export-salib` round-trip a sweep.

Usage: test_analysis_exports.py <path-to-eiisim-binary> <repo-root>

A 30-run sweep of the small scenario with --save clusters is exported; then
1. EMA: the archive is read back as ema_workbench.util.utilities.load_results reads it
   (experiments.csv cast to the dtypes of "experiments metadata.csv"; each outcome
   "<name>.csv" reshaped to the shape "outcomes metadata.csv" gives, parsed the
   workbench's way) and every setting column and outcome array equals the sweep file's.
2. SALib: problem.json names the settings with their SALib distributions, X.npy and X.txt
   equal the experiments, Y.npy national net CO2 in 2030.
Exits non-zero on any failure.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

import h5py
import numpy as np

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def ema_load_results(path):
    """(experiments {column: array}, outcomes {name: array}) the way the workbench loads them."""
    with tarfile.open(path, "r:gz") as z:
        rows = list(csv.reader(io.TextIOWrapper(z.extractfile("experiments.csv"), "utf-8")))
        dtypes = dict(line.decode().strip().split(",") for line in z.extractfile("experiments metadata.csv"))
        columns = {name: [r[k] for r in rows[1:]] for k, name in enumerate(rows[0])}
        experiments = {n: np.asarray(v, dtype=object if dtypes[n] == "object" else dtypes[n])
                       for n, v in columns.items()}
        outcomes = {}
        for line in z.extractfile("outcomes metadata.csv").read().decode().strip().splitlines():
            entry = line.strip().split(",")
            shape = list(entry[1:])
            shape[0] = shape[0][1:]
            shape[-1] = shape[-1][0:-1]
            shape = tuple(int(s) for s in shape if s.strip())
            data = np.loadtxt(z.extractfile(f"{entry[0]}.csv"), delimiter=",", ndmin=2)
            outcomes[entry[0]] = np.reshape(data, shape)
    return experiments, outcomes


def main():
    binary, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        sweep = os.path.join(tmp, "s.h5")
        subprocess.run([binary, "sweep", "--scenario", os.path.join(root, "tests/data/small/scenario_sweep.toml"),
                        "--runs", "30", "--save", "clusters", "--threads", "1", "--quiet", "--out", sweep], check=True)
        tool = [sys.executable, "-m", "eiisim_results"]
        archive = os.path.join(tmp, "ema.tar.gz")
        subprocess.run(tool + ["export-ema", sweep, archive], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(tool + ["export-salib", sweep, os.path.join(tmp, "salib")], check=True,
                       stdout=subprocess.DEVNULL)
        experiments, outcomes = ema_load_results(archive)
        with h5py.File(sweep, "r") as f:
            names = [n.decode() if isinstance(n, bytes) else n for n in f["parameter"][()]]
            x = np.column_stack([f["param_" + n][()] for n in names])
            net = f["cluster_co2_net"][()]
            clusters = [c.decode() if isinstance(c, bytes) else c for c in f["cluster"][()]]
            years = f["year"][()]
            milestones = list(f["milestone"][()])
            subsidy = f["cumulative_subsidy"][()]
        for j, n in enumerate(names):
            check(np.array_equal(experiments[n], x[:, j]), f"EMA experiments column {n}")
        check(list(experiments["scenario"]) == list(range(30)), "EMA scenario column = run index")
        check(np.array_equal(outcomes["co2_net_national"], net.sum(axis=2)), "EMA national net CO2 [run, year]")
        check(np.array_equal(outcomes["co2_net_" + clusters[-1]], net[:, :, -1]), "EMA cluster outcome")
        check(np.array_equal(outcomes["cumulative_subsidy"].ravel(), subsidy), "EMA KPI cumulative_subsidy")
        check(np.array_equal(outcomes["TIME"][0], years), "EMA TIME")
        salib = os.path.join(tmp, "salib")
        with open(os.path.join(salib, "problem.json")) as f:
            problem = json.load(f)
        check(problem["names"] == names and problem["num_vars"] == len(names), "SALib problem names")
        check(len(problem["bounds"]) == len(names) and "triang" in problem["dists"], f"SALib dists {problem['dists']}")
        check(np.array_equal(np.load(os.path.join(salib, "X.npy")), x), "SALib X.npy")
        check(np.allclose(np.loadtxt(os.path.join(salib, "X.txt")), x, rtol=1e-15), "SALib X.txt")
        y2030 = net.sum(axis=2)[:, list(years).index(2030)]
        check(np.array_equal(np.load(os.path.join(salib, "Y.npy")), y2030), "SALib Y.npy = national net CO2 2030")
        check(2030 in milestones, "milestones")
    if failures:
        return 1
    print("analysis exports: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
