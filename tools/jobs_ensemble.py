#!/usr/bin/python3
"""National and per-cluster jobs (FTE) of one scenario over many seeds: median and 5-95 %.

Runs the scenario with seeds 1..N (tools/seed_ensemble.py's runner) and reads
`cluster_jobs` (docs/ODD.md §7.12 "Jobs") of each run file.

Usage (from the repository root):
  tools/jobs_ensemble.py build/eiisim --seeds 40 --years 2020 2030 2050 [--clusters] [--json FILE]

Quantiles are numpy's default (linear interpolation). Needs python3-h5py and python3-numpy.
"""
import argparse
import json
import os
import sys

import h5py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_ensemble  # noqa: E402


def read_jobs(path):
    """{year: {"national": FTE, "cluster:<id>": FTE}} of run 0."""
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][()]]
        clusters = seed_ensemble._strings(f["cluster"])
        jobs = f["cluster_jobs"][0]              # (year, cluster)
    return {year: {"national": float(jobs[i].sum()),
                   **{"cluster:" + c: float(jobs[i, k]) for k, c in enumerate(clusters)}}
            for i, year in enumerate(years)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eiisim")
    parser.add_argument("--scenario", default=os.path.join(seed_ensemble.REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--years", type=int, nargs="+", default=[2020, 2030, 2050])
    parser.add_argument("--clusters", action="store_true", help="also per cluster")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once")
    parser.add_argument("--json", help="write the summary to this file")
    args = parser.parse_args(argv)
    per_seed = seed_ensemble.ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs, read_jobs)
    summary = seed_ensemble.summarise(per_seed, args.years)
    print("jobs (FTE), {} seeds of {}".format(args.seeds, os.path.relpath(args.scenario, seed_ensemble.REPO)))
    for year, metrics in summary.items():
        for name, (p5, med, p95) in metrics.items():
            if name == "national" or args.clusters:
                print("{} {:<32} median {:8.0f}  5-95 % {:8.0f} .. {:8.0f}".format(year, name, med, p5, p95))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"scenario": args.scenario, "seeds": args.seeds,
                       "summary": {str(y): v for y, v in summary.items()}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
