#!/usr/bin/python3
"""eiisim_results/target_years.py and tools/seed_ensemble.py's target gaps.

Usage: test_target_years.py <path-to-eiisim-binary> <repo-root>

due_years() reads each target's year from its path (linear to its level, flat after);
a flat path has no year. seed_ensemble.read_outcomes() reports a target's gap in the
year it is due only (before, it printed every target in every year). Then a seed-42
current-policy run file: each gap appears once, in the year of the dataset's targets.csv;
the run file and a sweep file hold target_year [target] (layout 17) with those years, and
seed_ensemble reads it (a moved target_year moves the gap).
"""

import csv
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL: " + what)
    return ok


def synthetic_paths(years):
    """[1, year, target]: 'a' due 2030 (from 40 to 20), 'b' due 2050 (to 0), 'flat' at 40."""
    y = np.asarray(years, dtype=float)
    a = np.where(y <= 2030, 40 + (20 - 40) * (y - 2020) / 10, 20)
    b = 40 * (2050 - y) / 30
    flat = np.full_like(y, 40.0)
    return np.stack([a, b, flat], axis=1)[None]


def dataset_years(root):
    with open(os.path.join(root, "clusters/nl/targets.csv"), newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["target"]: int(r["year"]) for r in rows}


def main():
    binary, root = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.join(root, "tools"))
    from eiisim_results.target_years import due_years
    import seed_ensemble

    years = list(range(2020, 2051))
    due = due_years(np.asarray(years), synthetic_paths(years), ["a", "b", "flat"])
    check(due == {"a": 2030, "b": 2050, "flat": None}, f"due years from the paths: {due}")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "run.h5")
        subprocess.run([binary, "run", "--seed", "42", "--quiet", "--out", path], check=True, cwd=root)
        sweep = os.path.join(tmp, "sweep.h5")
        subprocess.run([binary, "sweep", "--runs", "2", "--seed", "1", "--quiet", "--out", sweep], check=True,
                       cwd=root)
        want = dataset_years(root)
        for name in (path, sweep):
            with h5py.File(name, "r") as f:
                got = dict(zip((t.decode() if isinstance(t, bytes) else str(t) for t in f["target"][()]),
                               (int(y) for y in f["target_year"][()])))
                check(got == want, f"{os.path.basename(name)}: target_year {got} against targets.csv {want}")
        with h5py.File(path, "r") as f:
            file_years = [int(y) for y in f["year"][()]]
            outcomes = seed_ensemble.read_outcomes(f, file_years)
        with h5py.File(path, "r+") as f:  # target 0 due in 2040 instead: its gap moves there
            f["target_year"][0] = 2040
            first = f["target"][0].decode() if isinstance(f["target"][0], bytes) else str(f["target"][0])
        with h5py.File(path, "r") as f:
            moved = seed_ensemble.read_outcomes(f, file_years)
        check(("gap:" + first) in moved[2040] and ("gap:" + first) not in moved[want[first]],
              f"seed_ensemble reads target_year: {first} moved to 2040")
    seen = {}
    for year, metrics in outcomes.items():
        for name in metrics:
            if name.startswith("gap:"):
                seen.setdefault(name[4:], []).append(year)
    check(set(seen) == set(want), f"every target has a gap: {sorted(seen)} against {sorted(want)}")
    for target, year in want.items():
        check(seen.get(target) == [year], f"{target}: gap in {seen.get(target)} only, expected [{year}]")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("target years: ok")


if __name__ == "__main__":
    main()
