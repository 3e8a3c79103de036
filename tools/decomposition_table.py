#!/usr/bin/python3
"""What the change in net CO2 since the base year is made of, per cluster and nationally,
over seeds: a Markdown table per year (docs/ODD.md §7.12, "Reduction decomposition").

Each cell is the mean over seeds 1..N of that part of the change (Mt/yr): means add up
exactly, so every row's parts sum to its total (medians would not). The last columns give
the total's median and 5-95 % over the seeds. With --reference KIND, a second table per
year gives the reduction additional to that reference run (reference's part less the
scenario's, same seed; docs/ODD.md §7.17).

Usage (from the repository root):
  tools/decomposition_table.py build/eiisim --seeds 20 --years 2030 2050
  tools/decomposition_table.py build/eiisim --scenario scenarios/high-ets.toml --reference no-policy --csv out.csv

Needs python3-h5py and python3-numpy.
"""

import argparse
import csv
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed_ensemble import REPO, ensemble, _strings  # noqa: E402

MT = 1e6


def read_parts(path):
    """{"years", "clusters", "parts", "scenario": [year, cluster, part] t, "reference": same or None}."""
    with h5py.File(path, "r") as f:
        ref = f["reference_cluster_reduction"][0] if "reference_cluster_reduction" in f else None
        return {"years": [int(y) for y in f["year"][()]], "clusters": _strings(f["cluster"]),
                "parts": _strings(f["reduction_part"]), "scenario": f["cluster_reduction"][0], "reference": ref}


def table(per_seed, year, what):
    """[(row name, [mean part Mt...], mean total, (p5, median, p95) of total)] for clusters and national."""
    first = next(iter(per_seed.values()))
    yi = first["years"].index(year)
    stack = []
    for figures in per_seed.values():
        values = figures[what][yi] if what == "scenario" else figures["reference"][yi] - figures["scenario"][yi]
        stack.append(np.asarray(values, dtype=float) / MT)
    stack = np.array(stack)  # [seed, cluster, part]
    rows = []
    names = first["clusters"] + ["national"]
    for c, name in enumerate(names):
        per = stack[:, c, :] if c < len(first["clusters"]) else stack.sum(axis=1)
        totals = per.sum(axis=1)
        rows.append((name, per.mean(axis=0), totals.mean(),
                     (np.percentile(totals, 5), np.median(totals), np.percentile(totals, 95))))
    return rows


def print_markdown(title, parts, rows, stream=sys.stdout):
    print(f"\n{title}\n", file=stream)
    print("| | " + " | ".join(parts) + " | total (mean) | total median [5–95 %] |", file=stream)
    print("|---" * (len(parts) + 3) + "|", file=stream)
    for name, means, total, (p5, p50, p95) in rows:
        cells = " | ".join(f"{v:.2f}" for v in means)
        print(f"| {name} | {cells} | {total:.2f} | {p50:.2f} [{p5:.2f} – {p95:.2f}] |", file=stream)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("eiisim")
    parser.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--years", type=int, nargs="+", default=[2030, 2050])
    parser.add_argument("--reference", choices=("frozen-technology", "no-policy"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--csv", help="also write every table's rows to this CSV file")
    args = parser.parse_args(argv)
    try:
        per_seed = ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs, read_parts,
                            args.reference)
    except (RuntimeError, OSError, KeyError) as error:
        print(f"decomposition_table: error: {error}", file=sys.stderr)
        return 1
    first = next(iter(per_seed.values()))
    missing = [y for y in args.years if y not in first["years"]]
    if missing:
        print(f"decomposition_table: error: years {missing} not simulated", file=sys.stderr)
        return 1
    scenario = os.path.relpath(args.scenario, REPO)
    out_rows = []
    for year in args.years:
        kinds = [("scenario", f"Change in net CO2 {first['years'][0]}–{year}, Mt/yr ({scenario}, mean of seeds "
                              f"1–{args.seeds})")]
        if args.reference:
            kinds.append(("additional", f"Reduction in {year} additional to the reference '{args.reference}', "
                                        f"Mt/yr (mean of seeds 1–{args.seeds}; positive: the scenario emits less)"))
        for what, title in kinds:
            rows = table(per_seed, year, what)
            print_markdown(title, first["parts"], rows)
            out_rows += [[year, what, name] + [f"{v:.4f}" for v in means] + [f"{total:.4f}"] + [f"{q:.4f}" for q in qs]
                         for name, means, total, qs in rows]
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["year", "table", "row"] + [p + "_mt" for p in first["parts"]] +
                            ["total_mean_mt", "total_p05_mt", "total_median_mt", "total_p95_mt"])
            writer.writerows(out_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
