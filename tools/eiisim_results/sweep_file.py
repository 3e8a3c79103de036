"""A sweep file's experiments and per-run outcomes as numpy arrays (h5py only; layout in
docs/output-format.md, "Sweep files"). One reader for every analysis: Sobol, Morris, PRIM,
feature scoring, the EMA Workbench and SALib exports, tools/rank_uncertainties.py.

Outcomes per run:
  co2_net_national[run, year]   national net CO2 (t/yr), every year: from the per-run cluster
                                trajectories (``--save clusters``), else only at the milestones
  co2_net_<cluster>[run, year]  the same per cluster
KPIs (one number per run): cumulative_subsidy, relocated_co2, production_retained,
unmet_infrastructure_years.
"""

import os
from dataclasses import dataclass, field

import numpy as np

from .deps import require

KPIS = ("cumulative_subsidy", "relocated_co2", "production_retained", "unmet_infrastructure_years")


@dataclass
class Sweep:
    path: str
    names: list                  # the sampled settings, in the file's parameter order
    x: np.ndarray                # [run, setting] sampled values
    settings: dict               # name -> {target, scale, distribution, units, long_name}
    years: np.ndarray            # the years of the yearly outcomes
    outcomes: dict               # name -> [run, year] (yearly) or [run] (KPIs)
    clusters: list               # cluster ids
    cluster_names: list          # readable names (ids when the file has none)
    attrs: dict = field(default_factory=dict)   # scenario, seed, runs, sampler, model_version, ...
    targets: dict = field(default_factory=dict)  # target id -> [year of target_years] median path (t/yr)
    target_years: np.ndarray = None

    @property
    def runs(self):
        return self.x.shape[0]

    def yearly(self):
        """The yearly outcome names (national first, then the clusters)."""
        return [k for k, v in self.outcomes.items() if np.ndim(v) == 2]

    def stamp(self):
        """One line naming what a figure shows: scenario, runs, seed, design, version, date."""
        a = self.attrs
        return (f"{a.get('scenario', '?')}: {self.runs} runs ({a.get('sampler', '?')}), seed {a.get('seed', '?')}, "
                f"eiisim {a.get('model_version', '?')} ({a.get('source_revision', '?')}), {a.get('created', '?')[:10]}")


def _attrs(f):
    from .h5text import text

    keep = ("scenario", "seed", "runs", "sampler", "model_version", "source_revision", "created", "scenario_file",
            "design_file")
    return {k: (text(f.attrs[k]) if isinstance(f.attrs[k], (bytes, str)) else int(f.attrs[k]))
            for k in keep if k in f.attrs}


def _settings(f, names):
    from .h5text import text

    out = {}
    for n in names:
        a = f["param_" + n].attrs
        out[n] = {k: text(a[k]) for k in ("target", "scale", "distribution", "units", "long_name") if k in a}
    return out


def _yearly_outcomes(f, clusters):
    """(years, {name: [run, year]}) from the cluster trajectories, else the milestones."""
    if "cluster_co2_net" in f:
        years = np.asarray(f["year"][()], dtype=int)
        net = np.asarray(f["cluster_co2_net"][()], dtype=float)  # [run, year, cluster]
    elif "cluster_net_co2" in f:
        years = np.asarray(f["milestone"][()], dtype=int)
        net = np.asarray(f["cluster_net_co2"][()], dtype=float)  # [run, milestone, cluster]
    else:  # the national KPI only
        return np.asarray(f["milestone"][()], dtype=int), {"co2_net_national": np.asarray(f["net_co2"][()], float)}
    out = {"co2_net_national": net.sum(axis=2)}
    for c, cluster in enumerate(clusters):
        out["co2_net_" + cluster] = net[:, :, c]
    return years, out


def _targets(f):
    from .h5text import strings

    if "target_co2_net_quantiles" not in f:
        return {}
    q = list(np.asarray(f["quantile"][()], dtype=float))
    median = np.asarray(f["target_co2_net_quantiles"][q.index(0.5)], dtype=float)  # [year, target]
    return {t: median[:, k] for k, t in enumerate(strings(f["target"]))}


def _names(f, path, clusters):
    from .cluster_names import names_from_dataset
    from .h5text import text

    scenario_file = text(f.attrs.get("scenario_file", ""))
    scenario_text = text(f.attrs.get("scenario_text", ""))
    here = os.path.dirname(os.path.abspath(path))
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/.. in a checkout
    return names_from_dataset(clusters, scenario_file, scenario_text, (".", here, os.path.dirname(here), repo))


def read_sweep(path):
    """The Sweep of an `eiisim sweep` file; SystemExit naming the file when it is not one."""
    require("numpy", "h5py")
    import h5py

    from .h5text import strings

    with h5py.File(path, "r") as f:
        if "parameter" not in f or "net_co2" not in f:
            raise SystemExit(f"{path}: not an eiisim sweep file (no parameter, net_co2); run `eiisim sweep` first")
        names = strings(f["parameter"])
        if not names:
            raise SystemExit(f"{path}: no sampled settings (the scenario has no [[uncertain]] tables)")
        x = np.column_stack([np.asarray(f["param_" + n][()], dtype=float) for n in names])
        clusters = strings(f["cluster"]) if "cluster" in f else []
        cluster_names = strings(f["cluster_name"]) if "cluster_name" in f else _names(f, path, clusters)
        years, outcomes = _yearly_outcomes(f, clusters)
        for k in KPIS:
            if k in f:
                outcomes[k] = np.asarray(f[k][()], dtype=float)
        return Sweep(path=path, names=names, x=x, settings=_settings(f, names), years=years, outcomes=outcomes,
                     clusters=clusters, cluster_names=cluster_names, attrs=_attrs(f), targets=_targets(f),
                     target_years=np.asarray(f["year"][()] if "year" in f else [], dtype=int))


def outcome_at(sweep, name, year):
    """Outcome `name` in `year` per run; SystemExit naming what exists when absent."""
    if name not in sweep.outcomes:
        raise SystemExit(f"{sweep.path}: no outcome {name!r}; have {', '.join(sweep.outcomes)}")
    values = sweep.outcomes[name]
    if np.ndim(values) == 1:
        return values
    hits = np.flatnonzero(sweep.years == year)
    if not len(hits):
        raise SystemExit(f"{sweep.path}: {name} has no year {year} (years {sweep.years[0]}-{sweep.years[-1]}"
                         f"{'' if len(sweep.years) > 3 else '; sweep with --save clusters for every year'})")
    return values[:, hits[0]]
