#!/usr/bin/python3
"""Calibrate eiisim's behavioural settings on the observed 2021-2025 emissions path.

    calibrate.py <eiisim-binary> [--scenario FILE] [--priors FILE] [--runs N]
                 [--accept FRACTION] [--seed S] [--threads T] [--fit-until YEAR]
                 [--json OUT] [--toml OUT]

Method: approximate Bayesian computation by rejection (Pritchard et al. 1999; Beaumont,
Zhang & Balding 2002, Genetics 162:2025). Each run of one `eiisim sweep` is one draw of
the behavioural settings from their priors (tools/calibration/priors.toml, Latin
hypercube) and one draw of the plants' decision noise. The scenario runs in the
hindcast's *free* mode (`scenario.history = "free"`: observed prices and exogenous outages
only; plant behaviour decides curtailment, closure and investment) from its base year to
the last observed year. A run's distance to the observations is the root mean square,
over the fitted years, of the error in the national change since the base year
(like-for-like scope, see below), in percentage points. The runs with the smallest
distances (the --accept fraction) are the posterior sample.

It reports, per setting, the prior range and the posterior median and 5-95 % range and
how much the range narrowed (posterior 90 % width / prior 90 % width); the distances of
all and of the accepted runs; and, out of sample, the error on the years after
--fit-until of the runs accepted on the years up to it (default: fit 2021-2023, test
2024-2025, next to the fit on all years). --toml writes the posterior ranges as
[[uncertain]] tables (uniform over the posterior 5-95 %) for the scenario.

Scope: as `eiisim hindcast`'s national series (clusters/nl/observed_emissions.csv,
`nea_industry`): the sum over the dataset's plants outside the power sector (NEa counts
Tata's gas power plants and utility CHPs as energy, not industry: docs/validation.md)
against NEa's "industrie" figures, both as changes since the base year, since the levels
differ by scope.

Reproducible: the same binary, inputs, --runs and --seed give the same posterior (the
sweep's runs are bit-identical for any thread count).
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SCENARIO = os.path.join(REPO, "scenarios", "current-policy.toml")
DEFAULT_PRIORS = os.path.join(REPO, "tools", "calibration", "priors.toml")
POWER_SECTOR = "power"


# ---------------------------------------------------------------- scenario text

def _tables(text):
    """The text split at table headers: [(header or None, lines)]."""
    chunks = [(None, [])]
    for line in text.splitlines(keepends=True):
        if line.strip().startswith("["):
            chunks.append((line.strip(), []))
        chunks[-1][1].append(line)
    return chunks


def strip_tables(text, keep):
    """The scenario text without the tables for which keep(header, body) is false (a
    table runs to the next table header or the end of the file)."""
    return "".join("".join(lines) for header, lines in _tables(text) if header is None or keep(header, "".join(lines)))


def drop_uncertain_and_later_events(text, last_year):
    """Without its [[uncertain]] tables and the [[events]] after `last_year`."""
    def keep(header, body):
        if header == "[[uncertain]]":
            return False
        if header == "[[events]]":
            year = re.search(r"^\s*year\s*=\s*(\d+)", body, re.MULTILINE)
            return year is None or int(year.group(1)) <= last_year
        return True
    return strip_tables(text, keep)


def set_scenario_key(text, key, value):
    """Sets `key = value` in the [scenario] table (replacing the line or adding it)."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.strip() == "[scenario]")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for i in range(start + 1, end):
        if pattern.match(lines[i]):
            lines[i] = "{} = {}\n".format(key, value)
            return "".join(lines)
    lines.insert(start + 1, "{} = {}\n".format(key, value))
    return "".join(lines)


def scenario_value(text, key):
    match = re.search(r"^\s*" + re.escape(key) + r"\s*=\s*\"?([^\"\n#]+)\"?", text, re.MULTILINE)
    return match.group(1).strip() if match else None


def calibration_scenario(scenario_path, priors_text, last_year):
    """The scenario in free hindcast mode, ending in `last_year`, with the priors as its
    uncertain settings and its dataset as an absolute path."""
    with open(scenario_path, encoding="utf-8") as f:
        text = f.read()
    dataset = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(scenario_path)),
                                            scenario_value(text, "dataset")))
    text = drop_uncertain_and_later_events(text, last_year)
    text = set_scenario_key(text, "end_year", str(last_year))
    text = set_scenario_key(text, "history", '"free"')
    text = set_scenario_key(text, "dataset", json.dumps(dataset))
    return text.rstrip("\n") + "\n\n" + priors_text, dataset


def prior_bounds(priors_text):
    """{name: (low, high)} of the priors (uniform, or discrete: its smallest and largest value)."""
    bounds, current = {}, {}
    for line in priors_text.splitlines() + ["[[uncertain]]"]:
        line = line.split("#", 1)[0].strip()
        if line == "[[uncertain]]":
            if current:
                if current.get("distribution") == "uniform":
                    bounds[current["name"]] = (float(current["low"]), float(current["high"]))
                elif current.get("distribution") == "discrete":
                    values = [float(v) for v in current["values"].strip("[]").split(",")]
                    bounds[current["name"]] = (min(values), max(values))
                else:
                    raise SystemExit("priors: only uniform and discrete priors ({})".format(current.get("name")))
            current = {}
        elif "=" in line:
            key, value = (s.strip() for s in line.split("=", 1))
            current[key] = value.strip('"')
    return bounds


# ---------------------------------------------------------------- observations

def observed_changes(path, series="nea_industry"):
    """(first year, {year: change since the first observed year}) of one national series
    of the dataset's observed_emissions.csv (the table `eiisim hindcast` reads)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["id"] == series]
    if not rows or any(r["plants"] != "non-power" for r in rows):
        raise SystemExit("{}: series '{}' must exist and compare with the non-power plants".format(path, series))
    level = {int(r["year"]): float(r["co2_mt"]) for r in rows}
    base = min(level)
    return base, {y: level[y] / level[base] - 1.0 for y in sorted(level) if y != base}


def non_power_mask(dataset, plant_ids):
    with open(os.path.join(dataset, "plants.csv"), newline="", encoding="utf-8") as f:
        sector = {r["id"]: r["sector"] for r in csv.DictReader(line for line in f if not line.startswith("#"))}
    # New entrants (entrants.csv, docs/ODD.md §7.20) are not in plants.csv; none is a power plant.
    return np.array([sector.get(p, "") != POWER_SECTOR for p in plant_ids])


# ---------------------------------------------------------------- the sweep

def _strings(dataset):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in dataset[()]]


def run_sweep(binary, scenario_text, runs, seed, threads, workdir):
    scenario = os.path.join(workdir, "calibration.toml")
    out = os.path.join(workdir, "calibration.h5")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(scenario_text)
    cmd = [binary, "sweep", "--scenario", scenario, "--runs", str(runs), "--seed", str(seed), "--sampler", "lhs",
           "--save", "plants", "--threads", str(threads), "--out", out, "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("{} exited {}:\n{}".format(" ".join(cmd), proc.returncode, proc.stderr.strip()))
    return out


def read_sweep(path, names, dataset):
    """(years, params [runs, settings], national non-power net CO2 [runs, years] in t)."""
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][()]]
        mask = non_power_mask(dataset, _strings(f["plant"]))
        net = f["co2_net"][()][:, :, mask].sum(axis=2)
        params = np.column_stack([f["param_" + n][()] for n in names])
    return years, params, net


# ---------------------------------------------------------------- ABC

def simulated_changes(net, years, base_year, fit_years):
    base = net[:, years.index(base_year)]
    return np.column_stack([net[:, years.index(y)] / base - 1.0 for y in fit_years])


def distances(sim_changes, obs_changes):
    """Root mean square error of the change since the base year, in percentage points."""
    return 100.0 * np.sqrt(np.mean((sim_changes - obs_changes[None, :]) ** 2, axis=1))


def accept(dist, fraction):
    """Indices of the `fraction` of runs closest to the observations (at least one)."""
    count = max(1, int(round(fraction * len(dist))))
    return np.argsort(dist, kind="stable")[:count]


def posterior_summary(names, bounds, params, accepted):
    summary = {}
    for j, name in enumerate(names):
        low, high = bounds[name]
        post = params[accepted, j]
        q05, q50, q95 = np.quantile(post, [0.05, 0.5, 0.95])
        prior_width = 0.9 * (high - low)
        summary[name] = {"prior": [low, high], "posterior_median": float(q50),
                         "posterior_5_95": [float(q05), float(q95)],
                         "narrowing": float((q95 - q05) / prior_width) if prior_width > 0 else 1.0}
    return summary


def calibrate(years, params, net, names, bounds, base_year, observed, fit_years, fraction):
    fit = [y for y in fit_years if y in observed and y in years]
    obs = np.array([observed[y] for y in fit])
    dist = distances(simulated_changes(net, years, base_year, fit), obs)
    chosen = accept(dist, fraction)
    return {"fit_years": fit, "accepted_runs": [int(r) for r in chosen],
            "distance_all_pp": {"median": float(np.median(dist)), "min": float(dist.min())},
            "distance_accepted_pp": {"median": float(np.median(dist[chosen])), "max": float(dist[chosen].max())},
            "settings": posterior_summary(names, bounds, params, chosen)}


def error_on(years, net, base_year, observed, test_years, runs):
    """Mean absolute error (pp) of the change since the base year over `test_years`,
    per run of `runs`: its median and 5-95 %."""
    test = [y for y in test_years if y in observed and y in years]
    sim = simulated_changes(net[runs], years, base_year, test)
    err = 100.0 * np.mean(np.abs(sim - np.array([observed[y] for y in test])[None, :]), axis=1)
    q05, q50, q95 = np.quantile(err, [0.05, 0.5, 0.95])
    return {"years": test, "mae_pp_median": float(q50), "mae_pp_5_95": [float(q05), float(q95)]}


# ---------------------------------------------------------------- report

def posterior_toml(summary):
    out = ["# Posterior of the hindcast calibration (tools/calibrate.py): uniform over the 5-95 % of the accepted runs"]
    for name, s in summary.items():
        low, high = s["posterior_5_95"]
        out += ["", "[[uncertain]]", 'name = "{}"'.format(name), 'scale = "value"', 'distribution = "uniform"',
                "low = {:.4g}".format(low), "high = {:.4g}".format(high)]
    return "\n".join(out) + "\n"


def print_report(result, stream=sys.stdout):
    for label in ("all_years", "fit_until"):
        fit = result[label]
        print("Fit on {}: {} of {} runs accepted; distance (RMS, pp) all runs median {:.2f}, accepted median {:.2f} "
              "(max {:.2f})".format("-".join(str(y) for y in (fit["fit_years"][0], fit["fit_years"][-1])),
                                   len(fit["accepted_runs"]), result["runs"], fit["distance_all_pp"]["median"],
                                   fit["distance_accepted_pp"]["median"], fit["distance_accepted_pp"]["max"]),
              file=stream)
        print("  {:<22} {:>17} {:>10} {:>19} {:>10}".format("setting", "prior", "post. med", "post. 5-95 %",
                                                            "narrowing"), file=stream)
        for name, s in fit["settings"].items():
            print("  {:<22} {:>8.3g} .. {:<6.3g} {:>10.3g} {:>8.3g} .. {:<8.3g} {:>10.2f}".format(
                name, s["prior"][0], s["prior"][1], s["posterior_median"], s["posterior_5_95"][0],
                s["posterior_5_95"][1], s["narrowing"]), file=stream)
    oos = result["out_of_sample"]
    print("Out of sample ({}): MAE of the change since {} — prior runs median {:.2f} pp [{:.2f}-{:.2f}], "
          "runs accepted on the fit years median {:.2f} pp [{:.2f}-{:.2f}]".format(
              "-".join(str(y) for y in (oos["prior"]["years"][0], oos["prior"]["years"][-1])), result["base_year"],
              oos["prior"]["mae_pp_median"], *oos["prior"]["mae_pp_5_95"], oos["posterior"]["mae_pp_median"],
              *oos["posterior"]["mae_pp_5_95"]), file=stream)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eiisim")
    ap.add_argument("--scenario", default=DEFAULT_SCENARIO)
    ap.add_argument("--priors", default=DEFAULT_PRIORS)
    ap.add_argument("--runs", type=int, default=2000)
    ap.add_argument("--accept", type=float, default=0.05, help="fraction of runs accepted (default 0.05)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--fit-until", type=int, default=2023, help="last year of the out-of-sample fit (default 2023)")
    ap.add_argument("--observed", help="observed emissions table (default: the dataset's observed_emissions.csv)")
    ap.add_argument("--json")
    ap.add_argument("--toml")
    args = ap.parse_args(argv)
    if not 0 < args.accept <= 1:
        raise SystemExit("--accept must be in (0, 1]")

    with open(args.priors, encoding="utf-8") as f:
        priors_text = f.read()
    bounds = prior_bounds(priors_text)
    names = list(bounds)
    with open(args.scenario, encoding="utf-8") as f:
        base_year = int(scenario_value(f.read(), "base_year"))
    dataset = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(args.scenario)),
                                            scenario_value(open(args.scenario, encoding="utf-8").read(), "dataset")))
    obs_base, observed = observed_changes(args.observed or os.path.join(dataset, "observed_emissions.csv"))
    if obs_base != base_year:
        raise SystemExit("observations start in {}, the scenario in {}".format(obs_base, base_year))
    last_year = max(observed)
    text, dataset = calibration_scenario(args.scenario, priors_text, last_year)
    with tempfile.TemporaryDirectory() as tmp:
        years, params, net = read_sweep(run_sweep(args.eiisim, text, args.runs, args.seed, args.threads, tmp),
                                        names, dataset)

    all_years = sorted(observed)
    early = [y for y in all_years if y <= args.fit_until]
    late = [y for y in all_years if y > args.fit_until]
    result = {"runs": args.runs, "seed": args.seed, "accept": args.accept, "base_year": base_year,
              "observed_change": {str(y): observed[y] for y in all_years},
              "all_years": calibrate(years, params, net, names, bounds, base_year, observed, all_years, args.accept),
              "fit_until": calibrate(years, params, net, names, bounds, base_year, observed, early, args.accept)}
    result["out_of_sample"] = {
        "prior": error_on(years, net, base_year, observed, late, np.arange(args.runs)),
        "posterior": error_on(years, net, base_year, observed, late, np.array(result["fit_until"]["accepted_runs"]))}
    print_report(result)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
    if args.toml:
        with open(args.toml, "w", encoding="utf-8") as f:
            f.write(posterior_toml(result["all_years"]["settings"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
