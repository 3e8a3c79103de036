"""A sweep file's experiments and per-run outcomes as numpy arrays (h5py only; layout in
docs/output-format.md, "Sweep files"). One reader for every analysis: Sobol, Morris, PRIM,
feature scoring, the EMA Workbench and SALib exports, tools/rank_uncertainties.py.

Outcomes per run:
  co2_net_national[run, year]   national net CO2 (t/yr), every year: from the per-run cluster
                                trajectories (``--save clusters``), else only at the milestones
  co2_net_<cluster>[run, year]  the same per cluster
KPIs (one number per run): every scalar outcome of the declared list
(observables.OUTCOMES, from core/outcomes.cpp): cumulative_subsidy, relocated_co2, ...
Milestone outcomes (sweep.milestone_outcomes, [run, milestone], years sweep.milestones):
every per-milestone outcome of the declared list, one entry per name, or per name and
position along its cluster or extra dimension (``national_reduction_closure``,
``target_gap_klimaatwet_2030``, ``cluster_net_co2_chemelot``), or both
(``reduction_per_cluster_chemelot_closure``). ``outcome_at`` reads either
kind; ``outcome_table`` is every outcome as one pandas DataFrame, a column per value.
Per-agreement outcomes (sweep.agreement_outcomes, [run, agreement], ids sweep.agreements;
layout 15, datasets with agreements): how each support agreement turned out in each run,
as codes (agreement_outcome; names in eiisim_results.agreement_outcomes) and years; kept
apart from the KPIs, which sensitivity analyses treat as continuous.
"""

import itertools
import os
from dataclasses import dataclass, field

import numpy as np

from .deps import require

from .observables import OUTCOMES

# The scalar outcomes, from the declared list.
KPIS = tuple(o["name"] for o in OUTCOMES if o["dims"] == ["run"])
# The outcomes along [run, agreement], from the declared list.
PER_AGREEMENT = tuple(o["name"] for o in OUTCOMES if o["dims"] == ["run", "agreement"])


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
    milestones: np.ndarray = None                # the years of the milestone outcomes
    milestone_outcomes: dict = field(default_factory=dict)  # name[_position] -> [run, milestone]
    agreements: list = field(default_factory=list)          # agreement ids (layout 15, with agreements)
    agreement_outcomes: dict = field(default_factory=dict)  # name -> [run, agreement] (codes, years)

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


def _net_co2_outcome(rule):
    """The declared outcome that samples cluster_co2_net by `rule` (net_co2, cluster_net_co2)."""
    return next(o["name"] for o in OUTCOMES if o["series"] == "cluster_co2_net" and o["rule"] == rule)


def _yearly_outcomes(f, clusters):
    """(years, {name: [run, year]}) from the cluster trajectories, else the milestones."""
    per_cluster, national = _net_co2_outcome("cluster_at_milestones"), _net_co2_outcome("national_at_milestones")
    if "cluster_co2_net" in f:
        years = np.asarray(f["year"][()], dtype=int)
        net = np.asarray(f["cluster_co2_net"][()], dtype=float)  # [run, year, cluster]
    elif per_cluster in f:
        years = np.asarray(f["milestone"][()], dtype=int)
        net = np.asarray(f[per_cluster][()], dtype=float)  # [run, milestone, cluster]
    else:  # the national KPI only
        return np.asarray(f["milestone"][()], dtype=int), {"co2_net_national": np.asarray(f[national][()], float)}
    out = {"co2_net_national": net.sum(axis=2)}
    for c, cluster in enumerate(clusters):
        out["co2_net_" + cluster] = net[:, :, c]
    return years, out


def _milestone_outcomes(f):
    """{name[_position]: [run, milestone]} of every declared per-milestone outcome in the file."""
    from .h5text import strings

    out = {}
    for o in OUTCOMES:
        if "milestone" not in o["dims"] or o["name"] not in f:
            continue
        values = np.asarray(f[o["name"]][()], dtype=float)
        if values.ndim == 2:
            out[o["name"]] = values
            continue
        # The cluster ids or the extra dimension's names, and both for a per-cluster row
        # with an extra dimension (reduction_per_cluster_<cluster>_<part>).
        labels = [strings(f[d]) for d in o["dims"][2:]]
        for index in itertools.product(*(range(len(names)) for names in labels)):
            label = "_".join(names[k] for names, k in zip(labels, index))
            out[f"{o['name']}_{label}"] = values[(slice(None), slice(None)) + index]
    return out


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
        if "parameter" not in f or "milestone" not in f:
            raise SystemExit(f"{path}: not an eiisim sweep file (no parameter, milestone); run `eiisim sweep` first")
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
        per_agreement = {k: np.asarray(f[k][()], dtype=np.int64) for k in PER_AGREEMENT if k in f}
        return Sweep(path=path, names=names, x=x, settings=_settings(f, names), years=years, outcomes=outcomes,
                     clusters=clusters, cluster_names=cluster_names, attrs=_attrs(f), targets=_targets(f),
                     target_years=np.asarray(f["year"][()] if "year" in f else [], dtype=int),
                     milestones=np.asarray(f["milestone"][()], dtype=int), milestone_outcomes=_milestone_outcomes(f),
                     agreements=strings(f["agreement"]) if per_agreement else [], agreement_outcomes=per_agreement)


def outcome_at(sweep, name, year):
    """Outcome `name` in `year` per run; SystemExit naming what exists when absent."""
    if name not in sweep.outcomes and name in sweep.milestone_outcomes:
        hits = np.flatnonzero(sweep.milestones == year)
        if not len(hits):
            raise SystemExit(f"{sweep.path}: {name} has no year {year} (milestones "
                             f"{', '.join(str(int(y)) for y in sweep.milestones)})")
        return sweep.milestone_outcomes[name][:, hits[0]]
    if name not in sweep.outcomes:
        raise SystemExit(f"{sweep.path}: no outcome {name!r}; have "
                         f"{', '.join(list(sweep.outcomes) + list(sweep.milestone_outcomes))}")
    values = sweep.outcomes[name]
    if np.ndim(values) == 1:
        return values
    hits = np.flatnonzero(sweep.years == year)
    if not len(hits):
        raise SystemExit(f"{sweep.path}: {name} has no year {year} (years {sweep.years[0]}-{sweep.years[-1]}"
                         f"{'' if len(sweep.years) > 3 else '; sweep with --save clusters for every year'})")
    return values[:, hits[0]]


def outcome_table(sweep):
    """Every per-run outcome as a pandas DataFrame indexed by run: the scalar outcomes under
    their names, each milestone outcome as ``name[year]`` (one column per milestone) and
    each per-agreement outcome as ``name[agreement id]``, in the declared order; new
    outcomes of core/outcomes.cpp appear without code here."""
    require("pandas")
    import pandas as pd

    columns = {k: v for k, v in sweep.outcomes.items() if np.ndim(v) == 1}
    for name, values in sweep.milestone_outcomes.items():
        for m, year in enumerate(sweep.milestones):
            columns[f"{name}[{int(year)}]"] = values[:, m]
    for name, values in sweep.agreement_outcomes.items():
        for a, agreement in enumerate(sweep.agreements):
            columns[f"{name}[{agreement}]"] = values[:, a]
    return pd.DataFrame(columns, index=pd.RangeIndex(sweep.runs, name="run"))
