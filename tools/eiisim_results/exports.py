"""A sweep file in the formats of the EMA Workbench and SALib.

EMA Workbench (ema_workbench.util.utilities.save_results / load_results): a tar.gz holding
  experiments.csv            one row per run: the sampled settings, then scenario (the run
                             index), policy (the scenario's name) and model ("eiisim")
  experiments metadata.csv   "name,dtype" per column
  outcomes metadata.csv      "name,(shape)" per outcome
  <outcome>.csv              the outcome's array, no header: [run] or [run, year]
  TIME.csv                   the years of the yearly outcomes per run ([run, year]), as
                             the workbench's time-series outcomes carry
  eiisim metadata.json       stamp, units and each setting's target, scale, distribution
SALib: problem.json ({num_vars, names, bounds, dists}, as SALib's problem dict), X.txt and
X.npy (the experiments), Y.txt and Y.npy (one outcome in one year) and outcomes.npz (every
yearly outcome, [run, year], with `years`).
"""

import io
import json
import os
import re
import tarfile

import numpy as np

from .observables import OUTCOMES
from .sweep_file import outcome_at

# The yearly net CO2 and every declared outcome (core/outcomes.cpp), with its file units.
UNITS = {"co2_net": "t CO2/yr", **{o["name"]: o["units"] for o in OUTCOMES}}


def _add(archive, name, text):
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _array_csv(values):
    values = np.atleast_2d(values.T).T if values.ndim == 1 else values
    return "\n".join(",".join(repr(float(v)) for v in row) for row in values) + "\n"


def _metadata(sweep):
    return {"stamp": sweep.stamp(), "attrs": sweep.attrs, "settings": sweep.settings,
            "years": [int(y) for y in sweep.years], "clusters": dict(zip(sweep.clusters, sweep.cluster_names)),
            "units": UNITS}


def export_ema(sweep, out):
    """Write the EMA Workbench results archive `out` (.tar.gz)."""
    runs = sweep.runs
    columns = [(n, "float64", sweep.x[:, j]) for j, n in enumerate(sweep.names)]
    columns += [("scenario", "int64", np.arange(runs)), ("policy", "object", [sweep.attrs.get("scenario", "")] * runs),
                ("model", "object", ["eiisim"] * runs)]
    lines = [",".join(c[0] for c in columns)]
    for r in range(runs):
        lines.append(",".join(repr(float(c[2][r])) if c[1] == "float64" else str(c[2][r]) for c in columns))
    outcomes = dict(sweep.outcomes)
    # Milestone outcomes (jobs, value added, leakage, reduction parts, target gaps) as one
    # scalar outcome per milestone, `<name>_<year>`: the workbench's time axis is `years`.
    for name, values in sweep.milestone_outcomes.items():
        if name not in outcomes:
            for m, year in enumerate(sweep.milestones):
                outcomes[f"{name}_{int(year)}"] = values[:, m]
    outcomes["TIME"] = np.tile(sweep.years.astype(float), (runs, 1))
    with tarfile.open(out, "w:gz") as z:
        _add(z, "experiments.csv", "\n".join(lines) + "\n")
        _add(z, "experiments metadata.csv", "\n".join(f"{c[0]},{c[1]}" for c in columns) + "\n")
        _add(z, "outcomes metadata.csv", "\n".join(f"{k},{v.shape}" for k, v in outcomes.items()) + "\n")
        for k, v in outcomes.items():
            _add(z, f"{k}.csv", _array_csv(np.asarray(v, dtype=float)))
        _add(z, "eiisim metadata.json", json.dumps(_metadata(sweep), indent=1))
    return out


def salib_distribution(text):
    """(dist, bounds) for SALib from a sweep file's distribution attribute, e.g.
    "triangular(low=0.7, mode=1, high=1.5)" -> ("triang", [0.7, 1.5, 0.375])."""
    kind = text.split("(")[0]
    p = {k: float(v) for k, v in re.findall(r"(\w+)=([-+0-9.eE]+)", text)}
    if kind == "uniform":
        return "unif", [p["low"], p["high"]]
    if kind == "triangular":
        return "triang", [p["low"], p["high"], (p["mode"] - p["low"]) / (p["high"] - p["low"])]
    if kind == "normal":
        return "norm", [p["mean"], p["sd"]]
    if kind == "lognormal":
        return "lognorm", [p["mu"], p["sigma"]]
    values = [float(v) for v in re.findall(r"[-+0-9.eE]+", text.split("values=")[-1])] if "values=" in text else []
    return "unif", [min(values), max(values)] if values else [0.0, 1.0]


def export_salib(sweep, out_dir, outcome="co2_net_national", year=2030):
    """Write problem.json, X.txt/X.npy, Y.txt/Y.npy and outcomes.npz into `out_dir`."""
    os.makedirs(out_dir, exist_ok=True)
    dists = [salib_distribution(sweep.settings[n].get("distribution", "uniform(low=0, high=1)")) for n in sweep.names]
    problem = {"num_vars": len(sweep.names), "names": sweep.names, "bounds": [d[1] for d in dists],
               "dists": [d[0] for d in dists], "outcome": f"{outcome}[{year}]", "stamp": sweep.stamp()}
    with open(os.path.join(out_dir, "problem.json"), "w") as f:
        json.dump(problem, f, indent=1)
    y = outcome_at(sweep, outcome, year)
    for name, values in (("X", sweep.x), ("Y", y)):
        np.save(os.path.join(out_dir, name + ".npy"), values)
        np.savetxt(os.path.join(out_dir, name + ".txt"), values)
    np.savez(os.path.join(out_dir, "outcomes.npz"), years=sweep.years,
             **{k: v for k, v in sweep.outcomes.items() if np.ndim(v) == 2})
    return out_dir
