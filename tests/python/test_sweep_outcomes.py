#!/usr/bin/python3
"""The per-run outcomes as other tools see them: declared once (core/outcomes.cpp, the
"outcomes" list of tools/eiisim_results/observables.json), written as exactly that set by
run and sweep files, each milestone outcome equal to the run's national series in that
year, and exposed by eiisim_results without a hand-written list.

Usage: test_sweep_outcomes.py <path-to-eiisim-binary> <repo-root>

Runs the Dutch current-policy scenario once (`eiisim run`) and as an 8-run sweep with
--save clusters, and checks:
  the run and sweep files hold one variable per declared outcome (target_gap included:
      the Dutch dataset has targets.csv, and the per-agreement outcomes: it has agreements),
      with the declared dims, dtype, units, long_name and, for a coded outcome, CF
      flag_values/flag_meanings, and no other variable along `milestone`;
  in the run file, each `*_national` outcome and `reduction_national` equal the cluster
      series summed over clusters in the milestone year, `reduction_per_cluster` is
      `cluster_reduction` in the milestone year, and `target_gap` is `net_co2 -
      target_co2_net`; the outcomes against a reference run are absent (no --reference);
  in the sweep file, the same against each run's saved cluster trajectories;
  eiisim_results.read_sweep has every declared per-milestone outcome (split along its
      extra dimension), outcome_at reads them, and outcome_table has a column per value;
  no writer, reader or reader module names an outcome itself (the table is the only place).
Exits non-zero on any failure.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np

from eiisim_results import observables
from eiisim_results.sweep_file import outcome_at, outcome_table, read_sweep

RUNS = 8
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def dims(var):
    """The names of a variable's dimensions ([] for a dimension's own coordinate)."""
    if h5py.h5ds.is_scale(var.id):
        return []
    return [text(d[0].name).lstrip("/") for d in var.dims]


def check_declared(f, end_year, what):
    """The file's variables along `milestone`, only `run`, or `run` and `agreement` are exactly
    the declared outcomes (those against a reference run only in a file written with one)."""
    with_reference = "reference" in f.attrs
    declared = {o["name"]: o for o in observables.OUTCOMES if with_reference or not o.get("needs_reference")}
    present = {name for name, v in f.items() if isinstance(v, h5py.Dataset) and v.ndim >= 1
               and (dims(v) in (["run"], ["run", "agreement"]) or "milestone" in dims(v)[1:])}
    present -= {"run_stream"} | {n for n in present if n.startswith("param_")}  # experiments along run
    check(present == set(declared), f"{what}: outcome variables {sorted(present)} != declared {sorted(declared)}")
    for name, o in declared.items():
        if name not in f:
            continue
        v = f[name]
        check(dims(v) == o["dims"], f"{what}: {name} dims {dims(v)} != {o['dims']}")
        check(v.dtype == np.dtype(o["dtype"]), f"{what}: {name} dtype {v.dtype}")
        check(text(v.attrs["units"]) == o["units"], f"{what}: {name} units")
        long_name = o["long_name"].replace("{end_year}", str(end_year))
        check(text(v.attrs["long_name"]) == long_name, f"{what}: {name} long_name {text(v.attrs['long_name'])!r}")
        if o.get("flag_meanings"):  # a coded outcome decodes as CF says
            check(text(v.attrs["flag_meanings"]).split() == o["flag_meanings"], f"{what}: {name} flag_meanings")
            check(list(v.attrs["flag_values"]) == list(range(len(o["flag_meanings"]))), f"{what}: {name} flag_values")


def national_at(cluster_series, years, milestones):
    """[run, milestone, ...] sums over clusters of a [run, year, cluster, ...] series."""
    index = [list(years).index(m) for m in milestones]
    return cluster_series[:, index].sum(axis=2)


def check_national(f, series, milestones, what):
    """Each `*_national` outcome against the cluster series (run file or saved trajectories)."""
    years = f["year"][()]
    for o in observables.OUTCOMES:
        if o["rule"] != "national_at_milestones" or o["series"] not in series:
            continue
        expected = national_at(series[o["series"]], years, milestones)
        check(np.array_equal(f[o["name"]][()], expected), f"{what}: {o['name']} = {o['series']} summed at milestones")


def check_run_file(binary, root, tmp, env):
    out = os.path.join(tmp, "run.h5")
    subprocess.run([binary, "run", "--scenario", os.path.join(root, "scenarios/current-policy.toml"), "--seed", "42",
                    "--quiet", "--out", out], check=True, env=env, cwd=root)
    with h5py.File(out) as f:
        end_year = int(f.attrs["end_year"])
        check_declared(f, end_year, "run file")
        milestones = f["milestone"][()]
        series = {name: f[name][()] for name in ("cluster_jobs", "cluster_value_added", "cluster_co2_embodied_imports",
                                                  "cluster_co2_relocated", "cluster_co2_relocated_eu",
                                                  "cluster_reduction", "cluster_co2_net")}
        check_national(f, series, milestones, "run file")
        index = [list(f["year"][()]).index(m) for m in milestones]
        gap = f["net_co2"][()][:, :, None] - f["target_co2_net"][()][:, index]
        check(np.array_equal(f["target_gap"][()], gap), "run file: target_gap = net_co2 - target_co2_net")
        per_cluster = next(o["name"] for o in observables.OUTCOMES
                           if o["rule"] == "cluster_at_milestones" and o["series"] == "cluster_reduction")
        check(np.array_equal(f[per_cluster][()], f["cluster_reduction"][()][:, index]),
              "run file: the per-cluster reduction parts are cluster_reduction at the milestones")
        check(not any(o["name"] in f for o in observables.OUTCOMES if o.get("needs_reference")),
              "run file: no outcome against a reference run without --reference")
        parts = f["reduction_national"][()].sum(axis=2)
        base = f["cluster_co2_net"][()][:, 0].sum(axis=1)[:, None]
        check(np.allclose(parts, f["net_co2"][()] - base, rtol=1e-9), "run file: the reduction parts add up")


def check_sweep_file(binary, root, tmp, env):
    out = os.path.join(tmp, "sweep.h5")
    subprocess.run([binary, "sweep", "--scenario", os.path.join(root, "scenarios/current-policy.toml"), "--runs",
                    str(RUNS), "--seed", "3", "--save", "clusters", "--threads", "2", "--quiet", "--out", out],
                   check=True, env=env, cwd=root)
    with h5py.File(out) as f:
        check_declared(f, int(f.attrs["end_year"]), "sweep file")
        milestones = f["milestone"][()]
        series = {n: f[n][()] for n in observables.saved_series()}
        check_national(f, series, milestones, "sweep file")
        jobs = f["jobs_national"][()]
        parts = f["reduction_national"][()]
        closure = list(text(x) for x in f["reduction_part"][()]).index("closure")

    sweep = read_sweep(out)
    check(list(sweep.milestones) == list(milestones), "read_sweep: milestones")
    with h5py.File(out) as f:
        agreements = [text(a) for a in f["agreement"][()]]
        fates = f["agreement_outcome"][()]
    for o in observables.OUTCOMES:
        if o["dims"] == ["run", "agreement"]:
            check(sweep.agreement_outcomes[o["name"]].shape == (RUNS, len(agreements)),
                  f"read_sweep: per-agreement outcome {o['name']}")
        elif "milestone" not in o["dims"]:
            check(o["name"] in sweep.outcomes, f"read_sweep: scalar outcome {o['name']}")
        elif len(o["dims"]) == 2 and not o.get("needs_reference"):
            check(o["name"] in sweep.milestone_outcomes, f"read_sweep: milestone outcome {o['name']}")
    check(np.array_equal(sweep.milestone_outcomes["jobs_national"], jobs), "read_sweep: jobs_national values")
    check(np.array_equal(outcome_at(sweep, "reduction_national_closure", 2030), parts[:, 0, closure]),
          "outcome_at: a reduction part at 2030")
    check("target_gap_klimaatwet_2030" in sweep.milestone_outcomes, "read_sweep: target gaps by target")
    table = outcome_table(sweep)
    check(table.shape[0] == RUNS, f"outcome_table: {RUNS} rows")
    for column in ("cumulative_subsidy", "jobs_national[2030]", "value_added_national[2050]",
                   "co2_embodied_imports_national[2040]", "reduction_national_closure[2030]",
                   "target_gap_climate_neutral_2050[2050]"):
        check(column in table.columns, f"outcome_table: column {column}")
    check(np.array_equal(table["jobs_national[2040]"].values, jobs[:, 1]), "outcome_table: values")
    check(sweep.agreements == agreements, "read_sweep: agreement ids")
    tata = agreements.index("tata_2025")
    check(np.array_equal(table["agreement_outcome[tata_2025]"].values, fates[:, tata]),
          "outcome_table: an agreement's outcome codes per run")


def check_single_declaration(root):
    """No C++ writer/reader or Python reader names an outcome: the table is the only place."""
    names = [o["name"] for o in observables.OUTCOMES]
    files = [os.path.join(root, p) for p in (
        "output/hdf5_outcomes.cpp", "output/hdf5_writer.cpp", "output/hdf5_sweep_writer.cpp",
        "output/run_file_reader.cpp", "output/sweep_file_reader.cpp", "sweep/sweep_assemble.cpp",
        "sweep/sweep.cpp", "sweep/replay.cpp", "sweep/sweep_memory.cpp", "sim/kpis.cpp", "cli/sweep_command.cpp",
        "cli/observables_command.cpp", "tools/update_output_doc.py")]
    files += glob.glob(os.path.join(root, "tools/eiisim_results/*.py"))
    for path in files:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
        for name in names:
            hit = re.search(r"[\"']" + re.escape(name) + r"[\"'\[]", source)
            check(hit is None, f"{os.path.relpath(path, root)} names the outcome {name!r}; use the declared list")


def main():
    binary, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    with tempfile.TemporaryDirectory() as tmp:
        check_run_file(binary, root, tmp, env)
        check_sweep_file(binary, root, tmp, env)
    check_single_declaration(root)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("sweep outcomes: ok")


if __name__ == "__main__":
    main()
