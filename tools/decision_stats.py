#!/usr/bin/python3
"""Reversals of low-carbon investments over many seeds, from the runs' decision event logs.

A plant that chose a low-carbon route (electrify, ccs, hydrogen, import, bio) and later
chooses another route again has reversed its investment; going back to the fossil `keep`
route is the reversal issue 11 is about. This runs the scenario with seeds 1..N (in
parallel processes), reads each run's event log (docs/output-format.md, "Decision event
log") and reports, summed over seeds:

  route changes            decisions whose chosen route differs from the route in force
  reversals to keep        a change to keep by a plant whose last change was low-carbon
                           (a change whose permit was refused, trigger permit_refused, never ran
                           and counts as none)
  any reversal             a change away from a low-carbon route to anything but close/relocate
  median years             from the low-carbon decision to its reversal (decision years)
  subsidy reversed         subsidy committed to low-carbon decisions later reversed to keep
  national 2030 net CO2    median and 5-95 % over seeds (the spread issue 11 aims at)
  largest decision drop    the largest fall of national net CO2 in one year attributable to
                           one decision (below), and the decisions over 3 Mt, over all seeds

A decision's drop is the fall of its plant's net CO2 from the year before its route starts
to the year it starts, plus the fall of the plants of its cluster closed that year because
their process gas ended (trigger fuel_gas_supply_ended: Tata's power plants follow the unit
that makes their gas). Observed and agreed events (triggers observed_history and
support_agreement) are counted apart ("model decisions" leaves them out).

Usage (from the repository root):
  tools/decision_stats.py build/eiisim --seeds 30 --json before.json
  tools/decision_stats.py --compare before.json after.json

Needs python3-h5py and python3-numpy.
"""

import argparse
import collections
import json
import os
import sys

import h5py
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tools"))
from seed_ensemble import ensemble, read_figures  # noqa: E402  (the same runs and national figures)

LOW_CARBON = {"electrify", "ccs", "hydrogen", "import", "bio"}
EXITS = {"close", "relocate", "relocate_eu"}
MT = 1e6
# Decisions that are observed or agreed events, not the model's choices: the observed history
# and binding support agreements (Tata's JLoI among them).
OBSERVED = {"observed_history", "support_agreement"}


def _kind_names(f):
    attrs = f["technology_kind"].attrs
    meanings = attrs["flag_meanings"]
    meanings = meanings.decode() if isinstance(meanings, bytes) else str(meanings)
    by_code = dict(zip((int(v) for v in attrs["flag_values"]), meanings.split()))
    return [by_code[int(k)] for k in f["technology_kind"][()]]


def _strings(dataset):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in dataset[()]]


def _flag_names(dataset):
    """{code: name} of a CF flag variable."""
    meanings = dataset.attrs["flag_meanings"]
    meanings = meanings.decode() if isinstance(meanings, bytes) else str(meanings)
    return dict(zip((int(v) for v in dataset.attrs["flag_values"]), meanings.split()))


def reversals(path):
    """Route changes and reversals of one run file's event log."""
    with h5py.File(path, "r") as f:
        kinds = _kind_names(f)
        plants = _strings(f["plant"])
        year = f["event_year"][()]
        plant = f["event_plant"][()]
        src = f["event_from_technology"][()]
        dst = f["event_to_technology"][()]
        subsidy = f["event_subsidy_committed"][()]
        trigger = f["event_trigger"][()]
        trigger_names = _flag_names(f["event_trigger"])
    changes, back_to_keep, any_reversal, years, reversed_subsidy, cases = 0, 0, 0, [], 0.0, []
    last_low_carbon = {}  # plant -> (decision year, subsidy) of its last low-carbon change
    for e in range(len(year)):
        if trigger_names[int(trigger[e])] == "permit_refused" and dst[e] == src[e]:
            last_low_carbon.pop(int(plant[e]), None)  # its permit was refused: the route never ran
        if dst[e] < 0 or dst[e] == src[e]:
            continue
        changes += 1
        p, to_kind = int(plant[e]), kinds[int(dst[e])]
        held = last_low_carbon.pop(p, None)
        if held is not None and to_kind not in EXITS:
            any_reversal += 1
            if to_kind == "keep":
                back_to_keep += 1
                years.append(int(year[e]) - held[0])
                reversed_subsidy += held[1]
                cases.append({"plant": plants[p], "invested": held[0], "reversed": int(year[e]),
                              "subsidy_eur": held[1], "trigger": trigger_names[int(trigger[e])]})
        if to_kind in LOW_CARBON:
            last_low_carbon[p] = (int(year[e]), float(subsidy[e]))
    return {"changes": changes, "back_to_keep": back_to_keep, "any_reversal": any_reversal,
            "years_to_reversal": years, "reversed_subsidy_eur": reversed_subsidy, "cases": cases}


def decision_drops(path):
    """[(drop Mt, plant, decision year, start year, trigger)] of every route change of one run file."""
    with h5py.File(path, "r") as f:
        plants = _strings(f["plant"])
        years = [int(y) for y in f["year"][()]]
        net = f["co2_net"][0]  # (year, plant), t
        cluster = f["plant_cluster"][()]
        year, plant = f["event_year"][()], f["event_plant"][()]
        src, dst = f["event_from_technology"][()], f["event_to_technology"][()]
        start, trigger = f["event_running_from_year"][()], f["event_trigger"][()]
        names = _flag_names(f["event_trigger"])
    index = {y: i for i, y in enumerate(years)}
    fuel_gas = collections.defaultdict(list)  # (year, cluster) -> plants whose gas ended
    for e in range(len(year)):
        if names[int(trigger[e])] == "fuel_gas_supply_ended":
            fuel_gas[(int(year[e]), int(cluster[int(plant[e])]))].append(int(plant[e]))

    def fall(p, y):
        i = index.get(y)
        return 0.0 if i is None or i == 0 else float(net[i - 1, p] - net[i, p]) / MT

    drops = []
    for e in range(len(year)):
        name = names[int(trigger[e])]
        if dst[e] < 0 or dst[e] == src[e] or name == "fuel_gas_supply_ended":
            continue
        p, y = int(plant[e]), int(start[e])
        drop = fall(p, y) + sum(fall(q, y) for q in fuel_gas.get((y, int(cluster[p])), []))
        drops.append((drop, plants[p], int(year[e]), y, name))
    return drops


def read_run(path):
    """Reversals, decision drops and national net CO2 per year of one run file."""
    stats = reversals(path)
    drops = decision_drops(path)
    model = [d for d in drops if d[4] not in OBSERVED]
    stats["largest_drop"] = max(drops, default=None)
    stats["largest_model_drop"] = max(model, default=None)
    stats["model_drops_over_3mt"] = sum(1 for d in model if d[0] > 3.0)
    stats["national"] = {str(y): row["national"] for y, row in read_figures(path).items()}
    return stats


def summarise(per_seed, year):
    years = [y for s in per_seed.values() for y in s["years_to_reversal"]]
    national = np.array([s["national"][str(year)] for s in per_seed.values()])
    median = float(np.median(national))
    p5, p95 = float(np.percentile(national, 5)), float(np.percentile(national, 95))
    return {
        "seeds": len(per_seed),
        "changes": sum(s["changes"] for s in per_seed.values()),
        "back_to_keep": sum(s["back_to_keep"] for s in per_seed.values()),
        "any_reversal": sum(s["any_reversal"] for s in per_seed.values()),
        "median_years_to_reversal": float(np.median(years)) if years else None,
        "back_to_keep_by_trigger": dict(collections.Counter(c["trigger"] for s in per_seed.values()
                                                            for c in s["cases"])),
        "reversed_subsidy_eur": sum(s["reversed_subsidy_eur"] for s in per_seed.values()),
        "largest_drop": max((s["largest_drop"] for s in per_seed.values() if s.get("largest_drop")), default=None),
        "largest_model_drop": max((s["largest_model_drop"] for s in per_seed.values()
                                   if s.get("largest_model_drop")), default=None),
        "median_largest_model_drop_mt": float(np.median([s["largest_model_drop"][0] for s in per_seed.values()
                                                         if s.get("largest_model_drop")] or [0.0])),
        "model_drops_over_3mt": sum(s.get("model_drops_over_3mt", 0) for s in per_seed.values()),
        "national_year": year,
        "national_mt": [p5, median, p95],
        "spread_pct_of_median": [100 * (p5 / median - 1), 100 * (p95 / median - 1)] if median else None,
    }


def print_summary(s, stream=sys.stdout):
    stream.write("{} seeds: {} route changes, {} back to keep after a low-carbon route, {} reversals of any kind\n"
                 .format(s["seeds"], s["changes"], s["back_to_keep"], s["any_reversal"]))
    stream.write("median years to reversal {}; subsidy committed to decisions later reversed EUR {:.2f} bn\n"
                 .format(s["median_years_to_reversal"], s["reversed_subsidy_eur"] / 1e9))
    stream.write("back to keep by the trigger of the reversing decision: {}\n".format(
        ", ".join("{} {}".format(k, v) for k, v in sorted(s["back_to_keep_by_trigger"].items()))))
    if s.get("largest_model_drop"):
        d = s["largest_model_drop"]
        stream.write("largest one-decision drop of national net CO2 (model decisions): {:.2f} Mt ({} decided {}, "
                     "running {}, {}); median over seeds of each seed's largest {:.2f} Mt; {} decisions over 3 Mt\n"
                     .format(d[0], d[1], d[2], d[3], d[4], s["median_largest_model_drop_mt"],
                             s["model_drops_over_3mt"]))
    if s.get("largest_drop"):
        d = s["largest_drop"]
        stream.write("largest one-decision drop, observed and agreed events included: {:.2f} Mt ({} {}, {})\n"
                     .format(d[0], d[1], d[3], d[4]))
    p5, med, p95 = s["national_mt"]
    lo, hi = s["spread_pct_of_median"] or (float("nan"), float("nan"))
    stream.write("national {} net CO2 median {:.2f} Mt, 5-95 % {:.2f} .. {:.2f} ({:+.1f} % .. {:+.1f} %)\n"
                 .format(s["national_year"], med, p5, p95, lo, hi))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("eiisim", nargs="?", help="the eiisim binary")
    parser.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=30, help="seeds 1..N (default 30)")
    parser.add_argument("--year", type=int, default=2030, help="year of the national spread (default 2030)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once")
    parser.add_argument("--json", help="write the summary and per-seed figures to this file")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="print two --json summaries")
    args = parser.parse_args(argv)
    if args.compare:
        for path in args.compare:
            with open(path, encoding="utf-8") as f:
                print(path)
                print_summary(json.load(f)["summary"])
        return 0
    if not args.eiisim:
        parser.error("the eiisim binary is required (or --compare)")
    try:
        per_seed = ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs, read=read_run)
    except (RuntimeError, OSError, KeyError) as error:
        print("decision_stats: error: {}".format(error), file=sys.stderr)
        return 1
    summary = summarise(per_seed, args.year)
    print_summary(summary)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"scenario": args.scenario, "summary": summary,
                       "per_seed": {str(k): v for k, v in per_seed.items()}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
