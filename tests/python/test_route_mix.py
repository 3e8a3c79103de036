#!/usr/bin/python3
"""One definition of route-mix shares: the run printout and tools/compare_scenarios.py agree.

Usage: test_route_mix.py <path-to-eiisim-binary> <repo-root>

Runs scenarios/current-policy.toml (seed 1) and checks, for every route kind in the end
year, that the printout's route-mix share (%, one decimal) is compare_scenarios.py's share
of the same run file (its CSV), to the printout's rounding; that both come from the run
file's `route_mix` series; and that this series is what its definition says: per kind, the
base-year production value (`plant_base_value`) of the built plants whose route in force is
of that kind, over that of all built plants (relocate and close included, adding up to 1).
The closed share was 0 % in the printout and 5.8 % in compare_scenarios.py before
(issue 18): a run with closures must show them in both.
"""

import csv
import os
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np

failures = []
NOT_BUILT = 5  # PlantStatus::not_built (the file's `status` flag_meanings say so; checked below)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def printout_mix(stdout):
    """{kind: percent} from the "Route mix in YEAR" block."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Route mix in "))
    mix = {}
    for line in lines[start + 1:]:
        m = re.match(r"^  (\w+)\s+(\d+) plants\s+([\d.]+) %$", line)
        if not m:
            break
        mix[m.group(1)] = float(m.group(3))
    return mix


def definition(f, year_index):
    """The route mix recomputed from the plant panels, as core/observables.cpp defines it."""
    meanings = f["status"].attrs["flag_meanings"]
    meanings = (meanings.decode() if isinstance(meanings, bytes) else str(meanings)).split()
    check(meanings[NOT_BUILT] == "not_built", "status code {} is not_built: {}".format(NOT_BUILT, meanings))
    base = f["plant_base_value"][()]
    kind = f["route_kind"][0, year_index, :]
    built = f["status"][0, year_index, :] != NOT_BUILT
    total = base[built].sum()
    return np.array([base[built & (kind == k)].sum() / total for k in range(len(f["kind"]))])


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "current-policy.h5")
        result = subprocess.run([binary, "run", "--scenario", os.path.join(root, "scenarios/current-policy.toml"),
                                 "--seed", "1", "--out", out], capture_output=True, text=True, cwd=root)
        if not check(result.returncode == 0, "run: " + result.stderr):
            sys.exit(1)
        printed = printout_mix(result.stdout)
        table = os.path.join(tmp, "table.csv")
        compare = subprocess.run(["/usr/bin/python3", os.path.join(root, "tools/compare_scenarios.py"), "--results",
                                  tmp, "current-policy", "--csv", table], capture_output=True, text=True, cwd=root)
        if not check(compare.returncode == 0, "compare_scenarios: " + compare.stderr):
            sys.exit(1)
        with open(table, newline="") as f:
            rows = {row["metric"]: float(row["current-policy"]) for row in csv.DictReader(f)}
        with h5py.File(out, "r") as f:
            kinds = [k.decode() if isinstance(k, bytes) else str(k) for k in f["kind"][()]]
            years = list(f["year"][()])
            stored = f["route_mix"][0, years.index(2050), :]
            check(np.allclose(stored, definition(f, years.index(2050)), rtol=0, atol=1e-12),
                  "route_mix is not its definition: {} vs {}".format(stored, definition(f, years.index(2050))))
        check(abs(stored.sum() - 1.0) <= 1e-12, "route-mix shares add up to {}".format(stored.sum()))
        check(sorted(printed) == sorted(kinds), "printout kinds {} vs file {}".format(sorted(printed), kinds))
        for k, kind in enumerate(kinds):
            shared = rows["route_mix_2050.{}".format(kind)]
            check(shared == float(stored[k]), "{}: compare_scenarios {} vs file {}".format(kind, shared, stored[k]))
            check(abs(printed.get(kind, -1) - 100 * shared) <= 0.05 + 1e-9,
                  "{}: printout {} % vs compare_scenarios {:.3f} %".format(kind, printed.get(kind), 100 * shared))
        check(stored[kinds.index("close")] > 0, "current policy closes plants by 2050 (seed 1): the test needs one")
    if failures:
        print("{} failure(s)".format(len(failures)))
        sys.exit(1)
    print("route mix: ok")


if __name__ == "__main__":
    main()
