"""The per-run outcomes at the milestones (core/outcomes.cpp; docs/output-format.md,
"Outcomes"): their distributions over runs, what the national change in net CO2 is made of,
and the gaps to the climate targets, for sweep files and run files alike (a run file is a
file with one run: its single values are drawn as points).

The outcomes are found by their declared attributes (observables.OUTCOMES: dimensions,
extra dimension), never by name, so an outcome added to core/outcomes.cpp appears here
without code; titles and units come from each variable's `long_name` and `units` in the
file. Each figure has a CSV beside it with the numbers drawn, in the file's own units and at
full precision: quantiles over runs by numpy's default ("linear") method, the same as the
sweep bands (docs/output-format.md, "Sweep files").
"""

import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .observables import OUTCOMES  # noqa: E402
from .plots_reduction import save_with_csv  # noqa: E402  (PNG and its CSV, one way)

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
_Q_HEADER = ["q05", "q25", "median", "q75", "q95"]

# The national outcomes with one value per run and milestone (net CO2, jobs, value added,
# leakage, ...), in declared order; the outcome split by reduction part; the target gaps.
MILESTONE_OUTCOMES = tuple(o["name"] for o in OUTCOMES if o["dims"] == ["run", "milestone"])
REDUCTION = next(o for o in OUTCOMES if o["dims"][:2] == ["run", "milestone"] and o["extra"] == "reduction_part")
TARGET_GAP = next(o for o in OUTCOMES if o["dims"][:2] == ["run", "milestone"] and o["extra"] == "target")

# How a unit of the file is shown on an axis: (factor, label). Others are shown as they are.
_DISPLAY = {"t/yr": (1e-6, "Mt/yr"), "EUR/yr": (1e-9, "bn EUR/yr"), "EUR": (1e-9, "bn EUR")}


def quantiles_over_runs(values):
    """[quantile, ...] of `values` [run, ...] at QUANTILES (one run: its value five times)."""
    return np.quantile(np.asarray(values, dtype=float), QUANTILES, axis=0)


def _display(units, values):
    """(factor, axis label) for values in `units`: Mt, bn EUR; large counts in thousands."""
    if units in _DISPLAY:
        return _DISPLAY[units]
    if units == "1":
        return (1e-3, "thousand") if np.nanmax(np.abs(values), initial=0.0) >= 1e4 else (1.0, "")
    return 1.0, units


def _title(var, width=42, note=""):
    """The variable's long_name (and a note), wrapped to `width` characters a line."""
    return textwrap.fill(str(var.attrs.get("long_name", var.name)) + note, width)


def _runs_note(runs):
    if runs == 1:
        return " — one run"
    return f" — {runs} runs: median, box 25–75 %, whiskers 5–95 %"


def _distribution(ax, q, positions, width, color, runs, label=None):
    """Boxes from precomputed quantiles q [5, n] at `positions` (5-95 % whiskers, no fliers);
    with one run, the single values as points."""
    if runs == 1:
        ax.plot(positions, q[2], "o", color=color, label=label)
        return
    stats = [{"whislo": q[0, i], "q1": q[1, i], "med": q[2, i], "q3": q[3, i], "whishi": q[4, i], "fliers": []}
             for i in range(q.shape[1])]
    parts = ax.bxp(stats, positions=positions, widths=width, showfliers=False, patch_artist=True,
                   manage_ticks=False, medianprops={"color": "black"})
    for box in parts["boxes"]:
        box.set_facecolor(color)
        box.set_alpha(0.6)
    if label:
        parts["boxes"][0].set_label(label)


def _milestone_axis(ax, milestones, ylabel):
    ax.set_xticks(np.arange(len(milestones)), [str(int(m)) for m in milestones])
    ax.set_xlim(-0.6, len(milestones) - 0.4)
    ax.set_xlabel("milestone year")
    ax.set_ylabel(ylabel)


def _q_row(prefix, q, i):
    """A CSV row: `prefix` and the five quantiles of column i, exact (repr round-trips)."""
    return prefix + [repr(float(q[k, i])) for k in range(len(QUANTILES))]


def plot_milestone_outcomes(ds, out_dir):
    """Every national milestone outcome (net CO2, jobs, value added, CO2 embodied in
    replacement imports, relocated CO2 outside and inside the EU, ...): per milestone, its
    distribution over runs as a box (5/25/50/75/95 %), one panel per outcome."""
    names = [n for n in MILESTONE_OUTCOMES if n in ds]
    milestones = ds["milestone"].values
    runs = ds.sizes["run"]
    ncols = min(3, len(names))
    nrows = (len(names) + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 3.9 * nrows), squeeze=False)
    colors = plt.get_cmap("tab10").colors
    rows = []
    for j, name in enumerate(names):
        var = ds[name].transpose("run", "milestone")
        units = str(var.attrs.get("units", ""))
        q = quantiles_over_runs(var.values)  # [quantile, milestone]
        factor, label = _display(units, q)
        ax = axes.flat[j]
        _distribution(ax, q * factor, np.arange(len(milestones)), 0.5, colors[j % len(colors)], runs)
        _milestone_axis(ax, milestones, label)
        if np.min(q) >= 0:
            ax.set_ylim(bottom=0)  # amounts: how much is left shows against zero
        ax.set_title(_title(var), fontsize=9)
        rows += [_q_row([name, units, int(m), runs], q, i) for i, m in enumerate(milestones)]
    for ax in list(axes.flat)[len(names):]:
        ax.axis("off")
    fig.suptitle("Outcomes at the milestones" + _runs_note(runs))
    return save_with_csv(fig, out_dir, "milestone_outcomes", ["outcome", "units", "milestone", "runs"] + _Q_HEADER,
                         rows)


def _stack(ax, x, medians, parts):
    """Stacked bars of the parts' medians [milestone, part]: reductions below zero, increases above."""
    colors = plt.get_cmap("tab20").colors  # the same colour per part as reduction_parts.png
    below = np.zeros(len(x))
    above = np.zeros(len(x))
    for k, part in enumerate(parts):
        v = medians[:, k]
        if not np.any(np.abs(v) > 1e-12):
            continue
        ax.bar(x, v, bottom=np.where(v < 0, below, above), color=colors[k % len(colors)], label=part, width=0.6)
        below += np.minimum(v, 0)
        above += np.maximum(v, 0)


def plot_reduction_by_milestone(ds, out_dir):
    """The national change in net CO2 since the base year by part at each milestone: each
    part's median over runs stacked, and the total (the parts summed per run) as its median
    with a 5-95 % whisker. With several runs the medians of the parts need not add up to the
    median total; in one run they add up exactly."""
    name, extra = REDUCTION["name"], REDUCTION["extra"]
    var = ds[name].transpose("run", "milestone", extra)
    units = str(var.attrs.get("units", ""))
    parts = [str(p) for p in ds[extra].values]
    milestones = ds["milestone"].values
    runs = ds.sizes["run"]
    q_parts = quantiles_over_runs(var.values)  # [quantile, milestone, part]
    q_total = quantiles_over_runs(var.values.sum(axis=2))  # [quantile, milestone]
    factor, label = _display(units, q_total)
    x = np.arange(len(milestones))
    fig, ax = plt.subplots(figsize=(10, 5.5))
    _stack(ax, x, q_parts[2] * factor, parts)
    total = q_total * factor
    if runs > 1:
        ax.vlines(x, total[0], total[4], color="black", linewidth=1.5, label="total: 5–95 % over runs")
    ax.hlines(total[2], x - 0.33, x + 0.33, color="black", linewidth=3, label="total: median" if runs > 1 else "total")
    ax.axhline(0, color="grey", linewidth=0.8)
    _milestone_axis(ax, milestones, f"{label}, change since {ds.attrs.get('base_year', 'the base year')}")
    note = f" — {runs} runs: medians of the parts, the total's median and 5–95 %" if runs > 1 else " — one run"
    ax.set_title(_title(var, 80, note), fontsize=10)
    ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside: bars may reach any corner
    rows = []
    for i, m in enumerate(milestones):
        rows += [_q_row([int(m), part, units, runs], q_parts[:, i], k) for k, part in enumerate(parts)]
        rows.append(_q_row([int(m), "total", units, runs], q_total, i))
    return save_with_csv(fig, out_dir, "reduction_by_milestone", ["milestone", "part", "units", "runs"] + _Q_HEADER,
                         rows)


def plot_target_gaps(ds, out_dir):
    """National net CO2 less each climate target's path at each milestone (above zero: not
    yet met), as its distribution over runs, side by side per target; a zero line."""
    name, extra = TARGET_GAP["name"], TARGET_GAP["extra"]
    var = ds[name].transpose("run", "milestone", extra)
    units = str(var.attrs.get("units", ""))
    targets = [str(t) for t in ds[extra].values]
    milestones = ds["milestone"].values
    runs = ds.sizes["run"]
    q = quantiles_over_runs(var.values)  # [quantile, milestone, target]
    factor, label = _display(units, q)
    fig, ax = plt.subplots(figsize=(8.5, 5))
    colors = plt.get_cmap("tab10").colors
    width = 0.8 / max(1, len(targets))
    rows = []
    for k, target in enumerate(targets):
        x = np.arange(len(milestones)) + (k - (len(targets) - 1) / 2) * width
        _distribution(ax, q[:, :, k] * factor, x, width * 0.85, colors[k % len(colors)], runs, label=target)
        rows += [_q_row([target, int(m), units, runs], q[:, :, k], i) for i, m in enumerate(milestones)]
    ax.axhline(0, color="black", linewidth=0.8)
    _milestone_axis(ax, milestones, f"{label} above (+) or below (−) the target path")
    ax.set_title(_title(var, 80, _runs_note(runs)), fontsize=10)
    ax.legend(fontsize="x-small")
    return save_with_csv(fig, out_dir, "target_gaps", ["target", "milestone", "units", "runs"] + _Q_HEADER, rows)
