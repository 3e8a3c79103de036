#!/usr/bin/python3
"""Public cost of each support instrument, per scenario, over seeds (issue 12).

Runs each scenario for seeds 1..N (in parallel processes, as tools/seed_ensemble.py does),
or reads run files given with --runs, and from each run's instrument series
(instrument_committed, instrument_paid, instrument_avoided [run, year, instrument];
docs/output-format.md) takes, per instrument: EUR bn committed over whole contracts to
2030 and to 2050, EUR bn paid to 2050, Mt CO2 avoided to 2050 by the routes it supports
and EUR paid per t avoided (paid / avoided, per seed). Over the seeds of a scenario it
reports the median and the 5 % and 95 % quantiles (numpy's linear interpolation; EUR/t
over the seeds in which the instrument avoided anything).

Writes OUT/public_cost.csv (one row per scenario and instrument) and OUT/public_cost.png
(grouped bars per instrument and scenario: committed to 2050, 5-95 % whiskers, median EUR
per t avoided as labels), and prints a markdown table. `eiisim run` prints the same table
for one run (output/public_cost_summary.hpp).

Usage (from the repository root):
  tools/public_cost.py build/eiisim --scenarios scenarios/current-policy.toml scenarios/high-ets.toml \\
      --seeds 20 --out results/public_cost
  tools/public_cost.py --runs results/a.h5 results/b.h5 --out results/public_cost

Needs python3-h5py, python3-numpy and python3-matplotlib.
"""

import argparse
import csv
import os
import sys

import h5py
import numpy as np

from eiisim_results.h5text import strings as _strings, text as _text

from seed_ensemble import ensemble

MILLION, BILLION = 1e6, 1e9
# (column stem, heading, unit divisor)
METRICS = [("committed_2030_eur_bn", "committed to 2030, EUR bn", BILLION),
           ("committed_2050_eur_bn", "committed to 2050, EUR bn", BILLION),
           ("paid_2050_eur_bn", "paid to 2050, EUR bn", BILLION),
           ("avoided_2050_mt", "avoided to 2050, Mt CO2", MILLION),
           ("eur_per_t_avoided", "EUR per t avoided", 1.0)]




def read_instrument_costs(path):
    """(scenario, {instrument: {metric: value in EUR or t}}) of run 0 of a run file."""
    with h5py.File(path, "r") as f:
        years = np.array(f["year"][()], dtype=int)
        instruments = _strings(f["instrument"])
        committed = np.array(f["instrument_committed"][0], dtype=float)  # (year, instrument)
        paid = np.array(f["instrument_paid"][0], dtype=float)
        avoided = np.array(f["instrument_avoided"][0], dtype=float)
        scenario = _text(f.attrs["scenario"])
    to_2030, to_2050 = years <= 2030, years <= 2050
    costs = {}
    for i, name in enumerate(instruments):
        row = {"committed_2030_eur_bn": committed[to_2030, i].sum(), "committed_2050_eur_bn": committed[to_2050, i].sum(),
               "paid_2050_eur_bn": paid[to_2050, i].sum(), "avoided_2050_mt": avoided[to_2050, i].sum()}
        row["eur_per_t_avoided"] = row["paid_2050_eur_bn"] / row["avoided_2050_mt"] if row["avoided_2050_mt"] > 0 \
            else float("nan")
        costs[name] = {k: float(v) for k, v in row.items()}
    return scenario, costs


def summarise(runs):
    """[(scenario, instrument, seeds, {metric: (p05, median, p95)})] over the runs of each scenario, in order."""
    by_scenario = {}
    for scenario, costs in runs:
        by_scenario.setdefault(scenario, []).append(costs)
    rows = []
    for scenario, per_seed in by_scenario.items():
        for instrument in per_seed[0]:
            bands = {}
            for stem, _, unit in METRICS:
                values = np.array([c[instrument][stem] for c in per_seed], dtype=float) / unit
                values = values[~np.isnan(values)]
                bands[stem] = tuple(float(np.percentile(values, q)) for q in (5, 50, 95)) if values.size else \
                    (float("nan"),) * 3
            rows.append((scenario, instrument, len(per_seed), bands))
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["scenario", "instrument", "seeds"] +
                   ["{}_{}".format(stem, q) for stem, _, _ in METRICS for q in ("median", "p05", "p95")])
        for scenario, instrument, seeds, bands in rows:
            w.writerow([scenario, instrument, seeds] +
                       ["{:.6g}".format(v) for stem, _, _ in METRICS for v in (bands[stem][1], bands[stem][0],
                                                                              bands[stem][2])])


def _cell(band, digits):
    if np.isnan(band[1]):
        return "-"
    return "{:.{d}f} [{:.{d}f}-{:.{d}f}]".format(band[1], band[0], band[2], d=digits)


def print_markdown(rows, stream=sys.stdout):
    stream.write("| scenario | instrument | " + " | ".join(h for _, h, _ in METRICS) + " |\n")
    stream.write("|---|---|" + "---:|" * len(METRICS) + "\n")
    for scenario, instrument, _, bands in rows:
        cells = [_cell(bands[stem], 0 if stem == "eur_per_t_avoided" else 2) for stem, _, _ in METRICS]
        stream.write("| {} | {} | {} |\n".format(scenario, instrument, " | ".join(cells)))
    stream.write("\nMedian [5-95 %] over seeds; committed over whole contracts, paid as the run's prices set it.\n")


def plot(path, rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    scenarios = list(dict.fromkeys(r[0] for r in rows))
    instruments = list(dict.fromkeys(r[1] for r in rows))
    width = 0.8 / max(len(scenarios), 1)
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(instruments) * max(1, len(scenarios) / 2)), 4.5))
    for s, scenario in enumerate(scenarios):
        x, height, low, high, labels = [], [], [], [], []
        for i, instrument in enumerate(instruments):
            band = next((r[3] for r in rows if r[0] == scenario and r[1] == instrument), None)
            if band is None:
                continue
            b = band["committed_2050_eur_bn"]
            x.append(i - 0.4 + width * (s + 0.5))
            height.append(b[1])
            low.append(b[1] - b[0])
            high.append(b[2] - b[1])
            e = band["eur_per_t_avoided"][1]
            labels.append("" if np.isnan(e) else "{:.0f}".format(e))
        bars = ax.bar(x, height, width, yerr=[low, high], capsize=2, label=scenario)
        ax.bar_label(bars, labels=labels, fontsize=7, padding=2)
    ax.set_xticks(range(len(instruments)), instruments, rotation=20, ha="right")
    ax.set_ylabel("committed to 2050, EUR bn (median, 5-95 %)")
    ax.set_title("Public cost per support instrument (labels: EUR paid per t CO2 avoided)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eiisim", nargs="?", help="path to the eiisim binary (not needed with --runs)")
    parser.add_argument("--scenarios", nargs="+", default=["scenarios/current-policy.toml"])
    parser.add_argument("--seeds", type=int, default=20, help="seeds 1..N per scenario")
    parser.add_argument("--runs", nargs="+", help="read these run files instead of running (grouped by scenario)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once")
    parser.add_argument("--out", required=True, help="folder for public_cost.csv and public_cost.png")
    args = parser.parse_args(argv)
    if args.runs:
        runs = [read_instrument_costs(p) for p in args.runs]
    elif args.eiisim:
        if args.seeds < 1:
            parser.error("--seeds must be at least 1")
        runs = []
        for scenario in args.scenarios:
            per_seed = ensemble(args.eiisim, scenario, range(1, args.seeds + 1), args.jobs, read_instrument_costs)
            runs += [per_seed[s] for s in sorted(per_seed)]
    else:
        parser.error("give the eiisim binary or --runs")
    rows = summarise(runs)
    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "public_cost.csv"), rows)
    plot(os.path.join(args.out, "public_cost.png"), rows)
    print_markdown(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
