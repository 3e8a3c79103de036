#!/usr/bin/python3
"""National and per-cluster net CO2 of one scenario over many seeds: median and 5-95 %.

One run is one draw of the plants' decision noise; a change to the model is judged on the
distribution over seeds. This runs the scenario with seeds 1..N (in parallel processes)
and prints, per reported year, the median and the 5 % and 95 % quantiles of national net
CO2, of relocated CO2, and of the number of plants closed or relocated; with --clusters
also per cluster. --json writes every figure (for before/after tables).

Usage (from the repository root):
  tools/seed_ensemble.py build/eiisim                              # current-policy, seeds 1-30
  tools/seed_ensemble.py build/eiisim --seeds 40 --years 2025 2030 2040 2050 --clusters
  tools/seed_ensemble.py build/eiisim --json before.json
  tools/seed_ensemble.py --compare before.json after.json          # differences of medians
  tools/seed_ensemble.py build/eiisim --reference no-policy        # + the reference run, paired by seed
  tools/seed_ensemble.py build/eiisim --outcomes                   # + jobs, value added, leakage, targets

With --reference KIND each seed also runs the reference (eiisim run --reference KIND, docs/ODD.md
§7.17) and the summary adds "reference" (its national net CO2) and "additional" (reference less
scenario, Mt): the additional reduction's median and spread over the seeds.

Quantiles are numpy's default (linear interpolation). Needs python3-h5py and python3-numpy.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

from eiisim_results.h5text import strings as _strings, text as _text
from eiisim_results.target_years import due_years

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MT = 1e6
# Statuses of plants whose production has left the Netherlands (relocated_eu: to an EU
# neighbour, in files of layout version 7 and later).
EXIT_STATUSES = ("closed", "relocated", "relocated_eu")


def run_one(eiisim, scenario, seed, out, read=None, reference=None):
    cmd = [eiisim, "run", "--scenario", scenario, "--seed", str(seed), "--out", out, "--quiet", "--threads", "1"]
    if reference:
        cmd += ["--reference", reference]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("{} exited {}: {}".format(" ".join(cmd), proc.returncode, proc.stderr.strip()))
    return (read or read_figures)(out)



def _status_codes(f):
    """Status codes by name, from the CF flag attributes the file declares on `status`."""
    attrs = f["status"].attrs
    meanings = _text(attrs["flag_meanings"])
    return dict(zip(meanings.split(), (int(v) for v in attrs["flag_values"])))


def read_outcomes(f, years):
    """{year: {metric: value}} of the issue-14 outcomes a file of layout 8+ holds (none before):
    "jobs" (thousand FTE), "value_added" (bn EUR2023), "embodied" (Mt CO2 embodied in
    replacement imports), "dep:<strategic product>" (% import dependence) and
    "gap:<target>" (national net CO2 above the target's level, Mt, in the year the target is
    due only, as the target_gaps figure: eiisim_results/target_years.py; docs/ODD.md §7.12); and
    "jobs:<cluster id>" (thousand FTE, printed with --clusters)."""
    out = {year: {} for year in years}
    net = f["cluster_co2_net"][0].sum(axis=1)
    if "cluster_jobs" in f:  # jobs per cluster too ("jobs:<cluster id>", thousand FTE)
        jobs, clusters = f["cluster_jobs"][0], _strings(f["cluster"])
        for i, year in enumerate(years):
            for c, cluster in enumerate(clusters):
                out[year]["jobs:" + cluster] = float(jobs[i, c]) / 1e3
    for name, key, scale in (("cluster_jobs", "jobs", 1e3), ("cluster_value_added", "value_added", 1e9),
                             ("cluster_co2_embodied_imports", "embodied", MT)):
        if name in f:
            values = f[name][0].sum(axis=1)
            for i, year in enumerate(years):
                out[year][key] = float(values[i]) / scale
    for name, prefix, dim in (("strategic_import_dependence", "dep:", "strategic_product"),
                              ("target_co2_net", "gap:", "target")):
        if name not in f:
            continue
        values, labels = f[name][0], _strings(f[dim])
        if prefix == "gap:" and not values.any():
            continue  # every path 0: the dataset has no targets.csv, nothing is tracked
        due = {}
        if prefix == "gap:":  # the file's target_year (layout 17 on), else read from the paths
            due = (dict(zip(labels, (int(y) for y in f["target_year"][()]))) if "target_year" in f
                   else due_years(np.asarray(years), values[None], labels))
        for i, year in enumerate(years):
            for k, label in enumerate(labels):
                if prefix == "gap:" and due[label] != year:
                    continue  # before its year the path is a line, after it the later targets speak
                v = 100.0 * float(values[i, k]) if prefix == "dep:" else float(net[i] - values[i, k]) / MT
                out[year][prefix + label] = v
    return out


def read_figures(path):
    """{year: {"national": Mt, "relocated": Mt, "exits": n, "cluster:<id>": Mt}} of run 0, with
    "relocated_eu" (Mt emitted at EU neighbours) and "exits_eu" (plants relocated there) when
    the file declares them; "relocated" is the CO2 relocated outside the EU."""
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][()]]
        clusters = _strings(f["cluster"])
        net = f["cluster_co2_net"][0]            # (year, cluster), t
        relocated = f["cluster_co2_relocated"][0]
        relocated_eu = f["cluster_co2_relocated_eu"][0] if "cluster_co2_relocated_eu" in f else None
        status = f["status"][0]                  # (year, plant)
        codes = _status_codes(f)
        reference = f["reference_cluster_co2_net"][0] if "reference_cluster_co2_net" in f else None
        outcomes = read_outcomes(f, years)
    left = [codes[name] for name in EXIT_STATUSES if name in codes]
    figures = {}
    for i, year in enumerate(years):
        row = {"national": float(net[i].sum()) / MT, "relocated": float(relocated[i].sum()) / MT,
               "exits": int(np.isin(status[i], left).sum())}
        if relocated_eu is not None:
            row["relocated_eu"] = float(relocated_eu[i].sum()) / MT
        if "relocated_eu" in codes:
            row["exits_eu"] = int((status[i] == codes["relocated_eu"]).sum())
        if reference is not None:
            row["reference"] = float(reference[i].sum()) / MT
            row["additional"] = row["reference"] - row["national"]
        for c, cluster in enumerate(clusters):
            row["cluster:" + cluster] = float(net[i, c]) / MT
        row.update(outcomes[year])
        figures[year] = row
    return figures


def ensemble(eiisim, scenario, seeds, jobs, read=None, reference=None):
    """{seed: read(run file)} over seeds, `read` defaulting to read_figures."""
    with tempfile.TemporaryDirectory() as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {seed: pool.submit(run_one, eiisim, scenario, seed, os.path.join(tmp, "s{}.h5".format(seed)), read,
                                         reference)
                       for seed in seeds}
            return {seed: future.result() for seed, future in futures.items()}


def summarise(per_seed, years):
    """{year: {metric: [p5, median, p95]}} over seeds."""
    out = {}
    for year in years:
        metrics = sorted(next(iter(per_seed.values()))[year].keys())
        out[year] = {}
        for metric in metrics:
            values = np.array([per_seed[s][year][metric] for s in per_seed], dtype=float)
            out[year][metric] = [float(np.percentile(values, 5)), float(np.median(values)),
                                 float(np.percentile(values, 95))]
    return out


UNITS = {"exits": "plants", "exits_eu": "plants", "jobs": "thousand FTE", "value_added": "bn EUR2023"}


def print_summary(summary, show_clusters, stream=sys.stdout, show_outcomes=False):
    for year, metrics in summary.items():
        names = [m for m in ("national", "reference", "additional", "relocated", "relocated_eu", "exits", "exits_eu")
                 if m in metrics] + (
            [m for m in metrics if m.startswith("cluster:")] if show_clusters else [])
        if show_outcomes:
            names += [m for m in ("jobs", "value_added", "embodied") if m in metrics]
            names += [m for m in metrics if m.startswith("dep:") or m.startswith("gap:") or
                      (show_clusters and m.startswith("jobs:"))]
        for name in names:
            p5, med, p95 = metrics[name]
            unit = UNITS.get(name.split(":")[0] if name.startswith("jobs:") else name,
                             "%" if name.startswith("dep:") else "Mt")
            stream.write("{} {:<22} median {:8.2f}  5-95 % {:8.2f} .. {:8.2f} {}\n".format(
                year, name, med, p5, p95, unit))


def compare(before_path, after_path):
    with open(before_path, encoding="utf-8") as f:
        before = json.load(f)
    with open(after_path, encoding="utf-8") as f:
        after = json.load(f)
    for year in before["summary"]:
        if year not in after["summary"]:
            continue
        for metric, (b5, bm, b95) in before["summary"][year].items():
            if metric not in after["summary"][year]:
                continue
            a5, am, a95 = after["summary"][year][metric]
            print("{} {:<22} median {:8.2f} -> {:8.2f} ({:+.2f})   5-95 % {:.2f}..{:.2f} -> {:.2f}..{:.2f}".format(
                year, metric, bm, am, am - bm, b5, b95, a5, a95))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("eiisim", nargs="?", help="the eiisim binary")
    parser.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=30, help="seeds 1..N (default 30)")
    parser.add_argument("--years", type=int, nargs="+", default=[2030, 2040, 2050])
    parser.add_argument("--clusters", action="store_true", help="also per cluster")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once")
    parser.add_argument("--json", help="write seeds, per-seed figures and the summary to this file")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --json files")
    parser.add_argument("--outcomes", action="store_true",
                        help="also print jobs, value added, embodied imports, import dependence and target gaps")
    parser.add_argument("--reference", choices=("frozen-technology", "no-policy"),
                        help="also run this reference per seed and report the additional reduction")
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return 0
    if not args.eiisim:
        parser.error("the eiisim binary is required (or --compare)")
    try:
        per_seed = ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs,
                            reference=args.reference)
    except (RuntimeError, OSError, KeyError) as error:
        print("seed_ensemble: error: {}".format(error), file=sys.stderr)
        return 1
    missing = [y for y in args.years if y not in per_seed[1]]
    if missing:
        print("seed_ensemble: error: years {} not simulated".format(missing), file=sys.stderr)
        return 1
    summary = summarise(per_seed, args.years)
    print("{} seeds 1-{} of {}".format(args.seeds, args.seeds, os.path.relpath(args.scenario, REPO)))
    print_summary(summary, args.clusters, show_outcomes=args.outcomes)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"scenario": args.scenario, "seeds": args.seeds,
                       "summary": {str(y): v for y, v in summary.items()},
                       "per_seed": {str(s): {str(y): v for y, v in fig.items()} for s, fig in per_seed.items()}},
                      f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
