#!/usr/bin/python3
"""tools/public_cost.py and the public cost table of `eiisim run` agree with the run files.

Usage: test_public_cost.py <path-to-eiisim-binary> <repo-root>

Runs current-policy and high-ets for seeds 1 and 2 (`eiisim run`, the first one printing
its summary), then:
  - the summary's public cost rows equal the run file's instrument series summed to 2030
    and 2050 (committed, paid, avoided) and paid / avoided;
  - tools/public_cost.py --runs on the four files writes public_cost.csv with one row per
    scenario and instrument whose medians and 5-95 % equal those computed here from the
    files with h5py, and a non-empty public_cost.png, and prints a markdown table;
  - tools/public_cost.py with the binary and --seeds 2 writes the same CSV.
Exits non-zero on any failure.
"""

import csv
import math
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

SCENARIOS = ["current-policy", "high-ets"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def close(a, b):
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-9)


def sums(path):
    """{instrument: (committed 2030, committed 2050, paid 2050, avoided 2050)} of run 0, EUR and t."""
    with h5py.File(path, "r") as f:
        years = f["year"][()]
        names = [n.decode() if isinstance(n, bytes) else str(n) for n in f["instrument"][()]]
        c, p, a = (f[v][0] for v in ("instrument_committed", "instrument_paid", "instrument_avoided"))
        return {n: (c[years <= 2030, i].sum(), c[years <= 2050, i].sum(), p[years <= 2050, i].sum(),
                    a[years <= 2050, i].sum()) for i, n in enumerate(names)}


def check_summary(text, path):
    """The run printout's public cost rows against the file."""
    check("Public cost per support instrument" in text, "run summary lacks the public cost table")
    for name, (c30, c50, paid, avoided) in sums(path).items():
        row = next((line.split() for line in text.splitlines() if line.split()[:1] == [name]), None)
        if not check(row is not None and len(row) == 6, "summary row for {}: {}".format(name, row)):
            continue
        for got, want in zip(row[1:5], (c30 / 1e6, c50 / 1e6, paid / 1e6, avoided / 1e6)):
            check(abs(float(got) - want) <= 0.051 + 1e-9 * abs(want), "{}: printed {} != {}".format(name, got, want))
        check(row[5] == "-" if avoided <= 0 else abs(float(row[5]) - paid / avoided) <= 0.51,
              "{}: EUR/t {} vs {}".format(name, row[5], paid / avoided if avoided > 0 else None))


def expected_rows(files):
    """{(scenario, instrument): {column: value}} from the files, as the tool should compute it."""
    out = {}
    for scenario, paths in files.items():
        per_seed = [sums(p) for p in paths]
        for name in per_seed[0]:
            values = np.array([s[name] for s in per_seed], dtype=float)  # (seed, 4)
            columns = {"committed_2030_eur_bn": values[:, 0] / 1e9, "committed_2050_eur_bn": values[:, 1] / 1e9,
                       "paid_2050_eur_bn": values[:, 2] / 1e9, "avoided_2050_mt": values[:, 3] / 1e6}
            ratio = values[:, 2][values[:, 3] > 0] / values[:, 3][values[:, 3] > 0]
            columns["eur_per_t_avoided"] = ratio
            row = {}
            for stem, v in columns.items():
                for q, tag in ((50, "median"), (5, "p05"), (95, "p95")):
                    row["{}_{}".format(stem, tag)] = float(np.percentile(v, q)) if v.size else float("nan")
            out[(scenario, name)] = row
    return out


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["scenario"], r["instrument"]): r for r in csv.DictReader(f)}


def compare_csv(got, want, label):
    check(set(got) == set(want), "{}: rows {} != {}".format(label, sorted(got), sorted(want)))
    for key, row in want.items():
        for column, value in row.items():
            cell = got.get(key, {}).get(column, "")
            check(cell != "" and close(float(cell), value), "{} {} {}: {} != {}".format(label, key, column, cell, value))


def main():
    eiisim, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    tool = os.path.join(root, "tools", "public_cost.py")
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for scenario in SCENARIOS:
            for seed in (1, 2):
                out = os.path.join(tmp, "{}-{}.h5".format(scenario, seed))
                cmd = [eiisim, "run", "--scenario", "scenarios/{}.toml".format(scenario), "--seed", str(seed),
                       "--out", out, "--threads", "1"] + ([] if not files and seed == 1 else ["--quiet"])
                proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=True)
                if not files and seed == 1:
                    check_summary(proc.stdout, out)
                files.setdefault(scenario, []).append(out)
        want = expected_rows(files)
        check(len(want) > len(SCENARIOS), "expected several instruments per scenario")
        check(any(r["committed_2050_eur_bn_median"] > 0 for r in want.values()), "nothing committed at all")

        from_files = os.path.join(tmp, "from_files")
        proc = subprocess.run(["/usr/bin/python3", tool, "--runs"] + [p for s in SCENARIOS for p in files[s]] +
                              ["--out", from_files], cwd=root, capture_output=True, text=True)
        check(proc.returncode == 0, "public_cost.py --runs failed: " + proc.stderr)
        check("| scenario | instrument |" in proc.stdout, "no markdown table printed")
        compare_csv(read_csv(os.path.join(from_files, "public_cost.csv")), want, "--runs")
        png = os.path.join(from_files, "public_cost.png")
        check(os.path.isfile(png) and os.path.getsize(png) > 1000, "public_cost.png missing or empty")

        from_runs = os.path.join(tmp, "from_runs")
        proc = subprocess.run(["/usr/bin/python3", tool, eiisim, "--scenarios"] +
                              ["scenarios/{}.toml".format(s) for s in SCENARIOS] +
                              ["--seeds", "2", "--jobs", "2", "--out", from_runs], cwd=root, capture_output=True,
                              text=True)
        check(proc.returncode == 0, "public_cost.py with the binary failed: " + proc.stderr)
        compare_csv(read_csv(os.path.join(from_runs, "public_cost.csv")), want, "--seeds")
    if failures:
        print("{} failure(s)".format(len(failures)))
        return 1
    print("public_cost: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
