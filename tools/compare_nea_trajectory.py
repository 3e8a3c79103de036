#!/usr/bin/python3
"""Simulated 2020-2025 industrial emissions next to NEa's reported trajectory.

    compare_nea_trajectory.py <eiisim-binary> [--scenario FILE] [--seed N] [--result FILE.h5]
                              [--check TOLERANCE]

Runs the scenario (default scenarios/current-policy.toml) or reads an existing result
file, and prints per year the national net CO2 of all installations, of those outside
the power sector, and the year-on-year change of the latter next to NEa's industry
figures in clusters/nl/nea_industry_trajectory.csv. NEa's industry category covers more
installations than MIDDEN (and classes utility CHPs as energy), so levels differ by
construction; the year-on-year changes are what the model should reproduce.

With --check T the tool exits 1 if the simulated 2021->2022 change (the sourced year:
the gas-price shock) differs from NEa's by more than T (a fraction, e.g. 0.05 = 5
percentage points). The 2023 and 2024 NEa figures are estimates and are printed only.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKED_YEAR = 2022   # the one year whose NEa change is sourced, not estimated


def read_nea(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return {int(r["year"]): r for r in rows}


def simulated_totals(result_path):
    """Per year: (all installations, outside the power sector), in Mt, from run 0."""
    with h5py.File(result_path, "r") as f:
        years = f["year"][:].astype(int)
        net = f["co2_net"][0]                      # (year, plant), t
        sectors = f["plant_sector"][:].astype(str)
    outside_power = sectors != "power"
    return {int(y): (net[i].sum() / 1e6, net[i][outside_power].sum() / 1e6) for i, y in enumerate(years)}, len(sectors)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eiisim", help="path to the eiisim binary")
    ap.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--result", help="read this result file instead of running the scenario")
    ap.add_argument("--check", type=float, metavar="T",
                    help=f"fail if the simulated {CHECKED_YEAR - 1}->{CHECKED_YEAR} change is more than T from NEa's")
    args = ap.parse_args()

    nea = read_nea(os.path.join(REPO, "clusters", "nl", "nea_industry_trajectory.csv"))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.result
        if path is None:
            path = os.path.join(tmp, "run.h5")
            run = subprocess.run([args.eiisim, "run", "--scenario", args.scenario, "--seed", str(args.seed),
                                  "--out", path, "--quiet"], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"eiisim run failed ({run.returncode}): {run.stderr.strip()}")
        sim, plant_count = simulated_totals(path)

    print("National net CO2, Mt: simulated (all {} plants in the dataset) vs NEa industry".format(plant_count))
    print(f"{'year':>4} {'all':>8} {'no power':>9} {'change':>8} {'NEa':>6} {'NEa chg':>8}  NEa source")
    failed = False
    for year in range(2020, 2026):
        if year not in sim:
            continue
        total, industry = sim[year]
        change = industry / sim[year - 1][1] - 1 if year - 1 in sim and sim[year - 1][1] > 0 else None
        ref = nea.get(year)
        ref_change = float(ref["change_vs_previous_year"]) if ref and ref["change_vs_previous_year"] else None
        estimate = ref is not None and ref["source"].startswith("ESTIMATE")
        print(f"{year:>4} {total:8.2f} {industry:9.2f} "
              + (f"{100 * change:+7.1f}%" if change is not None else f"{'':>8}") + " "
              + (f"{float(ref['co2_mt']):6.1f}" if ref else f"{'':>6}") + " "
              + (f"{100 * ref_change:+7.1f}%" if ref_change is not None else f"{'':>8}")
              + ("  (estimate)" if estimate else ("  (reported)" if ref else "")))
        if args.check is not None and year == CHECKED_YEAR:
            if change is None or ref_change is None or not np.isfinite(change):
                print(f"FAIL: no {CHECKED_YEAR} change to compare")
                failed = True
            elif abs(change - ref_change) > args.check:
                print(f"FAIL: simulated {CHECKED_YEAR - 1}->{CHECKED_YEAR} change {100 * change:+.1f}% is more than "
                      f"{100 * args.check:.0f} points from NEa's {100 * ref_change:+.1f}%")
                failed = True
    if args.check is not None:
        print("trajectory check:", "FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
