#!/usr/bin/python3
"""docs/analysis.md's worked examples run as written (on the small test scenario).

Usage: test_analysis_doc.py <path-to-eiisim-binary> <repo-root>

Every ```sh block after a `<!-- doc-test -->` line is run command by command, with the
shipped scenarios replaced by tests/data/small/scenario_sweep.toml, the design sizes and
run counts made small, results/ a scratch folder and the climate target (the small dataset
has none) replaced by the median of the sweep's 2030 national emissions. Then:
1. every command exits 0;
2. every PNG has a CSV of the same name beside it whose first line is the stamp;
3. sobol_indices.csv covers 2025-2050 for every setting; PRIM wrote its boxes;
4. compare of one scenario with itself at the same seed: the paired differences are 0;
5. the EMA archive and the SALib folder exist;
6. the scenario branch (here the small scenario branched from its own run) equals the
   variant's own run from the base year in every plant's net CO2, year by year.
Exits non-zero on any failure.
"""

import contextlib
import csv
import glob
import io
import os
import re
import shlex
import subprocess
import sys
import tempfile

import numpy as np

failures = []
SMALL = {"--n 2048": "--n 8", "--n 40": "--n 3", "--runs 10000": "--runs 120", "--runs 200": "--runs 20",
         "--out results/sobol": "--out results/sobol --resamples 20"}


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def doc_commands(root):
    text = open(os.path.join(root, "docs", "analysis.md")).read()
    blocks = re.findall(r"<!-- doc-test -->\n```sh\n(.*?)```", text, re.S)
    return [line for block in blocks for line in block.strip().splitlines() if line.strip()]


def median_2030(path):
    from eiisim_results.sweep_file import outcome_at, read_sweep

    return float(np.median(outcome_at(read_sweep(path), "co2_net_national", 2030)))


def adapt(line, binary, root, tmp):
    line = re.sub(r"scenarios/[a-z-]+\.toml", os.path.join(root, "tests/data/small/scenario_sweep.toml"), line)
    for big, small in SMALL.items():
        line = line.replace(big, small)
    line = line.replace("results/", tmp + "/")
    if "industry_residual_2030" in line:
        line = line.replace("industry_residual_2030", repr(median_2030(os.path.join(tmp, "cp-lhs.h5"))))
    args = shlex.split(line)
    if args[0] == "eiisim":
        return [binary] + args[1:] + (["--quiet"] if args[1] in ("run", "sweep") else [])
    if args[0] == "python3":
        return args[1:]  # ["-m", "eiisim_results", ...]: run in this process (one interpreter start)
    raise ValueError(f"docs/analysis.md: a doc-test line that is neither eiisim nor python3: {line}")


def run(args, root):
    """(exit status, stderr) of one command: eiisim as a process, the Python tool in-process."""
    if args[:2] != ["-m", "eiisim_results"]:
        proc = subprocess.run(args, cwd=root, capture_output=True, text=True)
        return proc.returncode, proc.stderr
    from eiisim_results.__main__ import main as tool

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        return tool(args[2:]), ""


def check_outputs(tmp):
    pngs = glob.glob(os.path.join(tmp, "**", "*.png"), recursive=True)
    check(len(pngs) >= 8, f"only {len(pngs)} figures")
    for png in pngs:
        table = png[:-4] + ".csv"
        ok = os.path.exists(table) and open(table).readline().startswith("# ")
        check(ok, f"{png}: no CSV with a stamp beside it")
    rows = list(csv.DictReader(line for line in open(os.path.join(tmp, "sobol", "sobol_indices.csv"))
                               if not line.startswith("#")))
    years = {int(r["year"]) for r in rows if r["outcome"] == "co2_net_national"}
    check(years == set(range(2025, 2051)), f"Sobol years {sorted(years)}")
    # Every declared milestone outcome (core/outcomes.cpp) is ranked at its milestones too.
    from eiisim_results.observables import OUTCOMES

    ranked = {r["outcome"] for r in rows}
    for o in OUTCOMES:
        if o["dims"] == ["run", "milestone"]:
            got = {int(r["year"]) for r in rows if r["outcome"] == o["name"]}
            check(o["name"] not in ("jobs_national", "value_added_national") or got == {2030, 2040, 2050},
                  f"Sobol of {o['name']}: years {sorted(got)}")
    check("reduction_national_closure" in ranked, "Sobol ranks the reduction parts")  # (small data: no targets)
    check(os.path.exists(os.path.join(tmp, "prim", "prim_box_1.csv")), "no PRIM boxes")
    paired = [r for r in csv.DictReader(line for line in open(os.path.join(tmp, "compare", "compare_co2_net.csv"))
                                        if not line.startswith("#")) if r["kind"] == "paired"]
    check(paired and all(float(r[k]) == 0 for r in paired for k in ("q05", "median", "q95")),
          f"compare: {len(paired)} paired rows, not all 0 for one scenario against itself")
    check(os.path.getsize(os.path.join(tmp, "cp-saltelli-ema.tar.gz")) > 1000, "no EMA archive")
    check(os.path.exists(os.path.join(tmp, "cp-saltelli-salib", "problem.json")), "no SALib problem")
    import h5py

    with h5py.File(os.path.join(tmp, "branches", "scenario_sweep.h5"), "r") as branch, \
            h5py.File(os.path.join(tmp, "high-ets-full.h5"), "r") as full:
        check(np.array_equal(branch["co2_net"][()], full["co2_net"][()]), "the branch is not the variant's own run")
        check(int(branch.attrs["branch_year"]) == 2030, "the branch file names its year")


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    commands = doc_commands(root)
    check(len(commands) >= 10, f"only {len(commands)} doc-test commands found")
    with tempfile.TemporaryDirectory() as tmp:
        for line in commands:
            args = adapt(line, binary, root, tmp)
            status, err = run(args, root)
            check(status == 0, f"{line}\n  exited {status}: {err[-600:]}")
            if status:
                return 1
        check_outputs(tmp)
    if failures:
        return 1
    print(f"analysis doc: {len(commands)} commands ran, all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
