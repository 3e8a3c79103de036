#!/usr/bin/python3
"""Where the spread of national net CO2 over seeds comes from: plants, operators, agreements.

One run is one draw; the 5-95 % range of national net CO2 over seeds is what a modeller
reads as the model's own uncertainty. This runs a scenario with seeds 1..N and splits the
variance of national net CO2 in one year into its sources:

  by plant     share_i = cov(x_i, X) / var(X), x_i a plant's net CO2 and X = sum_i x_i.
               The shares add up to 1 exactly (sum_i cov(x_i, X) = var(X)); a plant whose
               emissions move against the total has a negative share.
  by operator  the same over each operator's plants (plant_operator).
  by agreement for each support agreement that is not binding in the data (an EoP or JLoI,
               drawn per run; docs/ODD.md §7.15), the runs grouped by its outcome in the run
               (agreement_outcome: on_time, late, failed): per group the count, median and
               5-95 %, and the share of var(X) between the groups (the correlation ratio
               eta^2 = sum_g n_g (mean_g - mean)^2 / sum (X - mean)^2). With k groups among
               n runs, eta^2 averages (k-1)/(n-1) by chance alone (printed beside it): only
               a share well above that says the agreement matters. Agreements are drawn
               independently, so their eta^2 overlap little, but they are not exact parts.

A large eta^2 says the spread is mostly which way that agreement went, a policy
uncertainty a scenario can fix ([agreements.fixed]), rather than the plants' decision
noise. Quantiles are numpy's default (linear interpolation).

With --sweep FILE nothing is run: the runs are those of an `eiisim sweep` file (over seeds
or uncertainties), national net CO2 its outcome `net_co2` in the milestone --year and each
agreement's outcome its per-run `agreement_outcome [run, agreement]` (layout 15). A sweep
keeps no plant panels without --save plants, so only the national spread and the split by
agreement are reported.

Usage (from the repository root):
  tools/spread_sources.py build/eiisim                          # current-policy, seeds 1-30, 2030
  tools/spread_sources.py build/eiisim --seeds 40 --year 2040 --top 15 --json spread.json
  tools/spread_sources.py --sweep results/cp-sweep.h5 --year 2030

Needs python3-h5py and python3-numpy; run files of layout 13 or later (agreement_outcome),
sweep files of layout 15 or later.
"""

import argparse
import json
import os
import sys

import h5py
import numpy as np

from eiisim_results.agreement_outcomes import read_agreement_outcomes
from eiisim_results.h5text import strings as _strings, text as _text
from seed_ensemble import REPO, ensemble

MT = 1e6


def read_run(year):
    """A reader for seed_ensemble.ensemble: the plants' net CO2 in `year` (Mt) and each
    agreement's outcome name in the run."""
    def read(path):
        with h5py.File(path, "r") as f:
            years = [int(y) for y in f["year"][()]]
            if year not in years:
                raise KeyError("year {} not simulated (years {}..{})".format(year, years[0], years[-1]))
            if "agreement_outcome" not in f:
                raise KeyError("{} has no agreement_outcome (layout 13 or later needed)".format(path))
            fates = _text(f["agreement_outcome"].attrs["flag_meanings"]).split()
            return {
                "plants": _strings(f["plant"]),
                "names": _strings(f["plant_name"]),
                "operators": _strings(f["plant_operator"]),
                "net": (f["co2_net"][0, years.index(year), :] / MT).tolist(),
                "agreements": _strings(f["agreement"]),
                "outcomes": [fates[int(k)] for k in f["agreement_outcome"][0]],
            }
    return read


def read_sweep_runs(path, year):
    """(national net CO2 [run] in Mt, runs) of a sweep file: `runs` holds, per run, its
    agreements and each one's outcome name, as read_run's readers do."""
    agreements = read_agreement_outcomes(path)
    with h5py.File(path, "r") as f:
        milestones = [int(y) for y in f["milestone"][()]]
        if year not in milestones:
            raise KeyError("{}: year {} is not a milestone (milestones {})".format(
                path, year, ", ".join(str(y) for y in milestones)))
        total = np.asarray(f["net_co2"][:, milestones.index(year)], dtype=float) / MT
    by_run = list(zip(*[agreements.names(a) for a in range(len(agreements.agreements))]))
    runs = [{"agreements": agreements.agreements, "outcomes": list(names)} for names in by_run]
    return total, runs


def variance_shares(net):
    """net [seed, plant] -> (total [seed], share [plant]) with sum(share) == 1."""
    total = net.sum(axis=1)
    centred = net - net.mean(axis=0)
    dev = total - total.mean()
    var = float(dev @ dev)
    if var == 0.0:
        return total, np.zeros(net.shape[1])
    return total, (centred.T @ dev) / var


def quantiles(values):
    return [float(np.percentile(values, 5)), float(np.median(values)), float(np.percentile(values, 95))]


# Outcomes that follow from the data (binding, or stopped talks); the others are drawn per run.
NOT_DRAWN = ("as_agreed", "stopped")


def by_agreement(runs, total):
    """Per agreement drawn in the runs (an EoP or JLoI: on_time, late or failed in some run):
    its outcome groups and eta^2 of the national total."""
    mean, dev = total.mean(), total - total.mean()
    out = []
    for a, agreement in enumerate(runs[0]["agreements"]):
        outcomes = np.array([run["outcomes"][a] for run in runs])
        if set(outcomes) <= set(NOT_DRAWN):
            continue
        groups = {}
        between = 0.0
        for fate in sorted(set(outcomes)):
            values = total[outcomes == fate]
            groups[fate] = {"runs": int(values.size), "quantiles": quantiles(values)}
            between += values.size * (values.mean() - mean) ** 2
        eta2 = between / float(dev @ dev) if dev.any() else 0.0
        # With k groups among n runs and no effect at all, eta^2 is (k-1)/(n-1) on average.
        chance = (len(groups) - 1) / (len(runs) - 1)
        out.append({"agreement": agreement, "eta2": eta2, "chance": chance, "groups": groups})
    return sorted(out, key=lambda row: -row["eta2"])


def analyse_sweep(total, runs):
    """The national spread and the split by agreement of a sweep's runs (no plant panels)."""
    return {"national": {"quantiles": quantiles(total), "sd": float(total.std())}, "plants": [], "operators": [],
            "agreements": by_agreement(runs, total), "share_sum": None}


def analyse(runs, top):
    net = np.array([run["net"] for run in runs])
    total, share = variance_shares(net)
    first = runs[0]
    operators = {}
    for i, operator in enumerate(first["operators"]):
        operators[operator] = operators.get(operator, 0.0) + float(share[i])
    order = np.argsort(-np.abs(share))[:top]
    return {
        "national": {"quantiles": quantiles(total), "sd": float(total.std())},
        "plants": [{"plant": first["plants"][i], "name": first["names"][i], "share": float(share[i]),
                    "quantiles": quantiles(net[:, i])} for i in order],
        "operators": [{"operator": k, "share": v}
                      for k, v in sorted(operators.items(), key=lambda kv: -abs(kv[1]))[:top]],
        "agreements": by_agreement(runs, total),
        "share_sum": float(share.sum()),
    }


def print_report(report, year, runs_text, stream=sys.stdout):
    p5, med, p95 = report["national"]["quantiles"]
    stream.write("National net CO2 {}, {}: median {:.2f} Mt, 5-95 % {:.2f} .. {:.2f} "
                 "({:+.1f} / {:+.1f} %), sd {:.2f}\n".format(year, runs_text, med, p5, p95, 100 * (p5 / med - 1),
                                                            100 * (p95 / med - 1), report["national"]["sd"]))
    if report["share_sum"] is not None:
        print_plant_shares(report, stream)
    print_agreements(report, stream)


def print_plant_shares(report, stream):
    stream.write("\nShare of the variance by plant (shares of all plants add up to {:.3f}):\n".format(report["share_sum"]))
    for row in report["plants"]:
        q = row["quantiles"]
        stream.write("  {:>6.1f} %  {:<10} {:<44} median {:6.2f} Mt, 5-95 % {:.2f} .. {:.2f}\n".format(
            100 * row["share"], row["plant"], row["name"][:44], q[1], q[0], q[2]))
    stream.write("\nShare of the variance by operator:\n")
    for row in report["operators"]:
        stream.write("  {:>6.1f} %  {}\n".format(100 * row["share"], row["operator"]))


def print_agreements(report, stream):
    stream.write("\nAgreements drawn per run (EoP, JLoI), by share of the variance between their outcomes (eta^2):\n")
    for row in report["agreements"]:
        stream.write("  {:>6.1f} %  {} (by chance alone {:.1f} % on average)\n".format(
            100 * row["eta2"], row["agreement"], 100 * row["chance"]))
        for fate, group in row["groups"].items():
            q = group["quantiles"]
            stream.write("             {:<8} {:>3} runs  national median {:6.2f} Mt, 5-95 % {:.2f} .. {:.2f}\n".format(
                fate, group["runs"], q[1], q[0], q[2]))


def report_of_seeds(args):
    """(report, what the runs were, the JSON head) of seeds 1..N run now."""
    per_seed = ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs, read=read_run(args.year))
    report = analyse([per_seed[s] for s in sorted(per_seed)], args.top)
    print("{} of {}".format(os.path.relpath(args.scenario, REPO), os.path.basename(args.eiisim)))
    return report, "seeds 1-{}".format(args.seeds), {"scenario": args.scenario, "seeds": args.seeds}


def report_of_sweep(args):
    """(report, what the runs were, the JSON head) of the runs of a sweep file."""
    total, runs = read_sweep_runs(args.sweep, args.year)
    if len(runs) < 2:
        raise KeyError("{} has {} run(s); a spread needs two".format(args.sweep, len(runs)))
    with h5py.File(args.sweep, "r") as f:
        scenario, seed = _text(f.attrs.get("scenario", "?")), int(f.attrs.get("seed", 0))
    print("sweep {} ({}, seed {})".format(args.sweep, scenario, seed))
    return analyse_sweep(total, runs), "{} runs of the sweep".format(len(runs)), {"sweep": args.sweep,
                                                                                   "runs": len(runs)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("eiisim", nargs="?", help="the eiisim binary (not with --sweep)")
    parser.add_argument("--sweep", help="read the runs of this sweep file instead of running seeds")
    parser.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=30, help="seeds 1..N (default 30)")
    parser.add_argument("--year", type=int, default=2030)
    parser.add_argument("--top", type=int, default=10, help="plants and operators listed")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once")
    parser.add_argument("--json", help="write the report to this file")
    args = parser.parse_args(argv)
    if (args.eiisim is None) == (args.sweep is None):
        parser.error("give either the eiisim binary (to run seeds) or --sweep FILE")
    if args.sweep is None and args.seeds < 2:
        parser.error("--seeds must be at least 2 (a spread needs two runs)")
    try:
        report, runs_text, head = report_of_sweep(args) if args.sweep else report_of_seeds(args)
    except (RuntimeError, OSError, KeyError) as error:
        # A KeyError's str() quotes its message; the message alone reads better.
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print("spread_sources: error: {}".format(message), file=sys.stderr)
        return 1
    print_report(report, args.year, runs_text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({**head, "year": args.year, **report}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
