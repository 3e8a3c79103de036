#!/usr/bin/python3
"""Compare eiisim scenarios side by side.

Runs the scenarios in scenarios/ (with --eiisim) or reads results already written (one
<scenario>.h5 per scenario in --results DIR), and prints one column per scenario:

  net CO2 2030 and 2050 per cluster and national   Mt/yr emitted in the Netherlands
  relocated CO2 2050 (outside EU, within EU)      Mt/yr emitted abroad by relocated production:
                                                   outside the EU (leakage) and at EU neighbours
                                                   (layout 7+; nan before)
  subsidy paid / committed, cumulative             bn EUR2023 over all simulated years
  production retained 2050                         NL production value 2050 / base year
  jobs and value added 2030 and 2050               thousand FTE and bn EUR2023 at the plants in the
                                                   Netherlands, and as a share of the base year
                                                   (layout 8+; nan before; docs/ODD.md §7.12)
  embodied CO2 of replacement imports 2050         Mt/yr emitted abroad making the imports that
                                                   replace lost Dutch output (layout 8+)
  route mix 2050, by kind                          the run's `route_mix` series: share of base-year
                                                   production value whose plant's route in force in
                                                   2050 is of that kind (relocate and close included;
                                                   sums to 1; the run printout's figure; layout 11+)

Production is by value, not tonnes (docs/ODD.md §7.12): `cluster_production_value` and
`plant_base_value`, at fixed reference prices, the power sector (MWh) left out and an import
route's imported intermediate not counted. Files written before layout 3 lack them: nan.
With several runs along `run` in a file, every figure is the mean over the runs.

Usage (from the repository root):
  tools/compare_scenarios.py --eiisim build/eiisim                 # run all six into results/
  tools/compare_scenarios.py --results results                     # read results/*.h5
  tools/compare_scenarios.py --eiisim build/eiisim current-policy high-ets --csv table.csv

Needs h5py and numpy (Debian: python3-h5py, python3-numpy).
"""

import argparse
import statistics
import csv
import math
import os
import subprocess
import sys

import h5py
import numpy as np

from eiisim_results.h5text import strings as _strings, text as _text

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FIRST = "current-policy"
YEARS = (2030, 2050)
ROUTE_MIX_YEAR = 2050
MT = 1e6
BN = 1e9


def scenario_names(scenario_dir):
    """Scenario file stems in scenario_dir, the default (current-policy) first."""
    names = sorted(os.path.splitext(n)[0] for n in os.listdir(scenario_dir) if n.endswith(".toml"))
    if DEFAULT_FIRST in names:
        names.remove(DEFAULT_FIRST)
        names.insert(0, DEFAULT_FIRST)
    return names


def run_scenario(eiisim, scenario_path, out, seed=None, threads=None):
    cmd = [eiisim, "run", "--scenario", scenario_path, "--out", out, "--quiet"]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    if threads is not None:
        cmd += ["--threads", str(threads)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("{} exited {}: {}".format(" ".join(cmd), proc.returncode, proc.stderr.strip()))



def summarise(path):
    """Figures of one result file: {metric key: value}, plus cluster ids/names and kinds."""
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][()]]
        clusters = _strings(f["cluster"])
        cluster_names = _strings(f["cluster_name"])
        kinds = _strings(f["kind"])
        # Production by value (docs/ODD.md §7.12): tonnes of unlike products and MWh of
        # power do not add up. Files before layout 3 have tonnes only: nan, not a wrong figure.
        value = f["cluster_production_value"][()] if "cluster_production_value" in f else None  # [run, year, cluster]
        net = f["cluster_co2_net"][()]                   # [run, year, cluster]
        relocated = f["cluster_co2_relocated"][()]       # [run, year, cluster]
        relocated_eu = f["cluster_co2_relocated_eu"][()] if "cluster_co2_relocated_eu" in f else None
        # The route mix as the run computed it (layout 11+; nan before): the one definition,
        # which the run printout shows too (the `route_mix` observable, core/observables.cpp).
        route_mix = f["route_mix"][()] if "route_mix" in f else None  # [run, year, kind]
        # Support over all instruments (layout 6: [run, year, instrument]; before: national [run, year]).
        if "instrument_paid" in f:
            paid = f["instrument_paid"][()].sum(axis=2)
            committed = f["instrument_committed"][()].sum(axis=2)
        else:
            paid = f["subsidy_paid"][()]
            committed = f["subsidy_committed"][()]
        # The Dutch energy cost stack the plants paid (docs/ODD.md §7.4), summed over plants and
        # years: {part: [run]}; empty in files without `energy_cost`.
        stack = energy_stack_paid(f)
        # Jobs, value added and embodied imports (layout 8+): [run, year, cluster], or None.
        extra = {name: (f[name][()] if name in f else None)
                 for name in ("cluster_jobs", "cluster_value_added", "cluster_co2_embodied_imports")}
        scenario = _text(f.attrs.get("scenario", b""))

    def at(year):
        return years.index(year) if year in years else None

    values = {}
    for year in YEARS:
        y = at(year)
        for c, cluster in enumerate(clusters):
            values["net_co2_{}_mt.{}".format(year, cluster)] = (
                float(net[:, y, c].mean()) / MT if y is not None else math.nan)
        values["net_co2_{}_mt.national".format(year)] = (
            float(net[:, y, :].sum(axis=1).mean()) / MT if y is not None else math.nan)
    y = at(ROUTE_MIX_YEAR)
    values["relocated_co2_{}_mt".format(ROUTE_MIX_YEAR)] = (
        float(relocated[:, y, :].sum(axis=1).mean()) / MT if y is not None else math.nan)
    values["relocated_eu_co2_{}_mt".format(ROUTE_MIX_YEAR)] = (
        float(relocated_eu[:, y, :].sum(axis=1).mean()) / MT
        if y is not None and relocated_eu is not None else math.nan)
    values["subsidy_paid_bn_eur"] = float(paid.sum(axis=1).mean()) / BN
    # What the plants paid in network tariffs and energy tax, and received as IKC and other
    # compensation: the public side of the energy cost stack (a lower stack is revenue forgone).
    for key, parts, sign in (("network_paid_bn_eur", ("network",), 1.0), ("energy_tax_paid_bn_eur", ("energy_tax",), 1.0),
                             ("compensation_received_bn_eur", ("ikc", "other_compensation"), -1.0)):
        have = all(part in stack for part in parts)
        values[key] = (sign * float(sum(stack[part] for part in parts).mean()) / BN if have else math.nan)
    values["subsidy_committed_bn_eur"] = float(committed.sum(axis=1).mean()) / BN
    values["production_retained_{}".format(ROUTE_MIX_YEAR)] = (
        float((value[:, y, :].sum(axis=1) / value[:, 0, :].sum(axis=1)).mean())
        if y is not None and value is not None and value[:, 0, :].sum() > 0 else math.nan)
    add_jobs_and_value(values, extra, at)
    for k, kind in enumerate(kinds):
        values["route_mix_{}.{}".format(ROUTE_MIX_YEAR, kind)] = (
            float(route_mix[:, y, k].mean()) if y is not None and route_mix is not None else math.nan)
    return {"scenario": scenario, "values": values, "clusters": list(zip(clusters, cluster_names)),
            "kinds": kinds, "years": (years[0], years[-1]), "runs": int(net.shape[0])}


def energy_stack_paid(f):
    """{energy part: [run] total over years and plants, EUR} from `energy_cost` [run, year,
    plant, energy_part]; {} when the file has no plant series."""
    if "energy_cost" not in f or "energy_part" not in f:
        return {}
    cost = f["energy_cost"][()]
    return {part: cost[:, :, :, i].sum(axis=(1, 2)) for i, part in enumerate(_strings(f["energy_part"]))}


def add_jobs_and_value(values, extra, at):
    """Jobs (thousand FTE) and value added (bn EUR) in YEARS with their share of the base
    year, and the embodied CO2 of replacement imports in ROUTE_MIX_YEAR; nan where absent."""
    for name, key, scale in (("cluster_jobs", "jobs", 1e3), ("cluster_value_added", "value_added", BN)):
        series = extra[name]
        for year in YEARS:
            y = at(year)
            have = series is not None and y is not None
            national = series[:, y, :].sum(axis=1) if have else None
            base = series[:, 0, :].sum(axis=1) if have else None
            values["{}_{}".format(key, year)] = float(national.mean()) / scale if have else math.nan
            values["{}_retained_{}".format(key, year)] = (
                float((national / base).mean()) if have and np.all(base > 0) else math.nan)
    series = extra["cluster_co2_embodied_imports"]
    y = at(ROUTE_MIX_YEAR)
    values["embodied_imports_co2_{}_mt".format(ROUTE_MIX_YEAR)] = (
        float(series[:, y, :].sum(axis=1).mean()) / MT if series is not None and y is not None else math.nan)


def median_summary(per_seed):
    """One summary whose values are the medians over several seeds' summaries."""
    if len(per_seed) == 1:
        return per_seed[0]
    combined = dict(per_seed[0])
    keys = set().union(*(s["values"].keys() for s in per_seed))
    combined["values"] = {key: statistics.median(s["values"].get(key, math.nan) for s in per_seed)
                          for key in keys}
    combined["seeds"] = len(per_seed)
    return combined


def table_rows(summaries):
    """(key, label, unit) of every row, in display order, from the first result's dims."""
    first = summaries[0]
    rows = []
    for year in YEARS:
        for cluster, name in first["clusters"]:
            rows.append(("net_co2_{}_mt.{}".format(year, cluster), "net CO2 {}: {}".format(year, name), "Mt"))
        rows.append(("net_co2_{}_mt.national".format(year), "net CO2 {}: national".format(year), "Mt"))
    rows.append(("relocated_co2_{}_mt".format(ROUTE_MIX_YEAR),
                 "relocated CO2 {} (outside EU)".format(ROUTE_MIX_YEAR), "Mt"))
    rows.append(("relocated_eu_co2_{}_mt".format(ROUTE_MIX_YEAR),
                 "relocated CO2 {} (within EU)".format(ROUTE_MIX_YEAR), "Mt"))
    rows.append(("embodied_imports_co2_{}_mt".format(ROUTE_MIX_YEAR),
                 "embodied CO2 of replacement imports {}".format(ROUTE_MIX_YEAR), "Mt"))
    rows.append(("subsidy_paid_bn_eur", "subsidy paid, cumulative", "bn EUR"))
    rows.append(("subsidy_committed_bn_eur", "subsidy committed, cumulative", "bn EUR"))
    rows.append(("network_paid_bn_eur", "network tariffs paid by the plants, cumulative", "bn EUR"))
    rows.append(("energy_tax_paid_bn_eur", "energy tax paid by the plants, cumulative", "bn EUR"))
    rows.append(("compensation_received_bn_eur", "IKC and other compensation received, cumulative", "bn EUR"))
    rows.append(("production_retained_{}".format(ROUTE_MIX_YEAR),
                 "production retained {} (value, of base)".format(ROUTE_MIX_YEAR), "share"))
    for year in YEARS:
        rows.append(("jobs_{}".format(year), "jobs {}".format(year), "k FTE"))
        rows.append(("jobs_retained_{}".format(year), "jobs {} (of base)".format(year), "share"))
        rows.append(("value_added_{}".format(year), "value added {}".format(year), "bn EUR"))
        rows.append(("value_added_retained_{}".format(year), "value added {} (of base)".format(year), "share"))
    for kind in first["kinds"]:
        rows.append(("route_mix_{}.{}".format(ROUTE_MIX_YEAR, kind), "route mix {}: {}".format(ROUTE_MIX_YEAR, kind),
                     "share"))
    return rows


def format_value(value, unit):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return "{:.3f}".format(value) if unit == "share" else "{:.2f}".format(value)


def print_table(names, summaries, stream):
    rows = table_rows(summaries)
    label_width = max(len("{} [{}]".format(label, unit)) for _, label, unit in rows)
    widths = [max(len(n), 8) for n in names]
    header = "{:<{w}}".format("metric", w=label_width) + "".join(
        "  {:>{w}}".format(n, w=w) for n, w in zip(names, widths))
    stream.write(header + "\n")
    stream.write("-" * len(header) + "\n")
    previous_group = None
    for key, label, unit in rows:
        group = key.split(".")[0].rsplit("_", 1)[0] if "." in key else key
        if previous_group is not None and group != previous_group and (
                key.startswith("net_co2") or key.startswith("relocated") or key.startswith("route_mix")):
            stream.write("\n")
        previous_group = group
        cells = [format_value(s["values"].get(key, math.nan), unit) for s in summaries]
        stream.write("{:<{w}}".format("{} [{}]".format(label, unit), w=label_width) + "".join(
            "  {:>{w}}".format(c, w=w) for c, w in zip(cells, widths)) + "\n")


def write_csv(path, names, summaries):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["metric", "label", "unit"] + names)
        for key, label, unit in table_rows(summaries):
            writer.writerow([key, label, unit] + [repr(s["values"].get(key, math.nan)) for s in summaries])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("scenarios", nargs="*",
                        help="scenario names (file stems in --scenario-dir); default: all of them")
    parser.add_argument("--eiisim", help="eiisim binary: run the scenarios (into --results) before comparing")
    parser.add_argument("--results", default="results",
                        help="folder of <scenario>.h5 results, read and (with --eiisim) written (default: results)")
    parser.add_argument("--scenario-dir", default=os.path.join(REPO, "scenarios"),
                        help="folder of the scenario files (default: the repository's scenarios/)")
    parser.add_argument("--seed", type=int, help="--seed for every run (default: each scenario's own)")
    parser.add_argument("--threads", type=int, help="--threads for every run")
    parser.add_argument("--seeds", type=int, default=1,
                        help="run every scenario with seeds 1..N and show the median over them: one run's "
                             "logit draws make single-run differences noisy (default: 1, the scenario's seed)")
    parser.add_argument("--csv", help="also write the table as CSV (full precision) to this file")
    args = parser.parse_args(argv)

    names = args.scenarios or scenario_names(args.scenario_dir)
    if not names:
        parser.error("no scenarios found in " + args.scenario_dir)
    summaries = []
    try:
        if args.eiisim:
            os.makedirs(args.results, exist_ok=True)
        if args.seeds > 1 and not args.eiisim:
            raise RuntimeError("--seeds needs --eiisim to run the scenarios")
        for name in names:
            per_seed = []
            for k in range(1, args.seeds + 1):
                suffix = "" if args.seeds == 1 else "-seed{}".format(k)
                out = os.path.join(args.results, name + suffix + ".h5")
                if args.eiisim:
                    scenario_path = os.path.join(args.scenario_dir, name + ".toml")
                    if not os.path.isfile(scenario_path):
                        raise RuntimeError("no scenario file " + scenario_path)
                    seed = args.seed if args.seeds == 1 else k
                    run_scenario(args.eiisim, scenario_path, out, seed, args.threads)
                elif not os.path.isfile(out):
                    raise RuntimeError("no result {} (run with --eiisim PATH to produce it)".format(out))
                per_seed.append(summarise(out))
            summaries.append(median_summary(per_seed))
    except (RuntimeError, OSError, KeyError) as error:
        print("compare_scenarios: error: {}".format(error), file=sys.stderr)
        return 1

    firsts = summaries[0]
    for name, s in zip(names, summaries):
        if [c for c, _ in s["clusters"]] != [c for c, _ in firsts["clusters"]] or s["kinds"] != firsts["kinds"]:
            print("compare_scenarios: warning: {} has other clusters or kinds than {}; rows follow {}".format(
                name, names[0], names[0]), file=sys.stderr)
    runs = sorted({s["runs"] for s in summaries})
    print("eiisim scenarios compared ({}; {}):".format(
        ", ".join("{} {}-{}".format(n, *s["years"]) for n, s in zip(names, summaries)),
        ("median over {} seeds".format(args.seeds) if args.seeds > 1 else "one run each")
        if runs == [1] else "mean over runs"))
    print()
    print_table(names, summaries, sys.stdout)
    if args.csv:
        write_csv(args.csv, names, summaries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
