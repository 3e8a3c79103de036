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

from .observables import OUTCOMES, band_of  # noqa: E402
from .plots_reduction import save_with_csv  # noqa: E402  (PNG and its CSV, one way)
from .target_years import due_years  # noqa: E402

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
_Q_HEADER = ["q05", "q25", "median", "q75", "q95"]

# The national outcomes with one value per run and milestone (net CO2, jobs, value added,
# leakage, ...), in declared order; the outcome split by reduction part; the target gaps.
MILESTONE_OUTCOMES = tuple(o["name"] for o in OUTCOMES
                           if o["dims"] == ["run", "milestone"] and not o.get("needs_reference"))
# Drawn beside them where the file has them (written with --reference KIND).
REFERENCE_OUTCOMES = tuple(o["name"] for o in OUTCOMES
                           if o["dims"] == ["run", "milestone"] and o.get("needs_reference"))
REDUCTION = next(o for o in OUTCOMES if o["dims"] == ["run", "milestone", "reduction_part"])
# The same per cluster (layout 17: sweep files too; run files also have `cluster_reduction`).
REDUCTION_PER_CLUSTER = next(o for o in OUTCOMES if o["dims"] == ["run", "milestone", "cluster", "reduction_part"])
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
    names = [n for n in MILESTONE_OUTCOMES + REFERENCE_OUTCOMES if n in ds]
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


def cluster_parts_var(ds):
    """The per-cluster parts [run, milestone, cluster, reduction_part]: the outcome
    `reduction_per_cluster` (run and sweep files of layout 17 on), else a run file's
    `cluster_reduction` in the milestone years (the same numbers)."""
    name = REDUCTION_PER_CLUSTER["name"]
    if name in ds:
        return ds[name].transpose("run", "milestone", "cluster", "reduction_part")
    var = ds["cluster_reduction"].sel(year=ds["milestone"].values)
    return var.rename({"year": "milestone"}).transpose("run", "milestone", "cluster", "reduction_part")


def cluster_parts_at_milestones(ds):
    """(rows, values [run, milestone, row, part]) of the change in net CO2 since the base
    year by part in each milestone year (cluster_parts_var), per cluster (its id) and, as
    the last row "national", summed over clusters (so equal to `reduction_national`)."""
    values = cluster_parts_var(ds).values
    national = values.sum(axis=2, keepdims=True)
    return [str(c) for c in ds["cluster"].values] + ["national"], np.concatenate([values, national], axis=2)


def _cluster_rows(milestones, rows, parts, units, values):
    """CSV rows: per milestone, row (cluster, national) and part (then "total", the parts
    summed per run): the mean over runs (means add up: a row's part means sum to its total's
    mean, the clusters' to the national's) and the five quantiles."""
    runs = values.shape[0]
    out = []
    for m, year in enumerate(milestones):
        for c, row in enumerate(rows):
            per_run = np.concatenate([values[:, m, c, :], values[:, m, c, :].sum(axis=1, keepdims=True)], axis=1)
            q = quantiles_over_runs(per_run)  # [quantile, part + total]
            mean = per_run.mean(axis=0)
            out += [[year, row, part, units, runs, repr(float(mean[k]))] + _q_row([], q, k)
                    for k, part in enumerate(parts + ["total"])]
    return out


def plot_reduction_by_cluster(ds, out_dir):
    """The change in net CO2 since the base year by part at each milestone, per cluster and
    nationally (one panel each, each on its own scale): each part's median over runs stacked, the
    total (the parts summed per run) as its median with a 5-95 % whisker. In one run the
    parts add up exactly to the total, and the clusters to the national panel; over runs the
    medians need not, the means in the CSV do."""
    rows, values = cluster_parts_at_milestones(ds)
    units = str(cluster_parts_var(ds).attrs.get("units", ""))
    parts = [str(p) for p in ds["reduction_part"].values]
    milestones = [int(m) for m in ds["milestone"].values]
    runs = values.shape[0]
    labels = [str(n) for n in ds["cluster_name"].values] if "cluster_name" in ds else rows[:-1]
    totals = values.sum(axis=3)  # [run, milestone, row]
    factor, label = _display(units, totals)
    ncols = min(4, len(rows))
    nrows = (len(rows) + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.6 * ncols, 3.6 * nrows), squeeze=False)
    x = np.arange(len(milestones))
    for c, title in enumerate(labels + ["national"]):
        ax = axes.flat[c]
        _stack(ax, x, quantiles_over_runs(values[:, :, c, :])[2] * factor, parts)
        total = quantiles_over_runs(totals[:, :, c]) * factor
        if runs > 1:
            ax.vlines(x, total[0], total[4], color="black", linewidth=1.5, label="total: 5–95 % over runs")
        ax.hlines(total[2], x - 0.33, x + 0.33, color="black", linewidth=3, label="total: median" if runs > 1
                  else "total")
        ax.axhline(0, color="grey", linewidth=0.8)
        _milestone_axis(ax, milestones, label)
        ax.set_title(title, fontsize=9)
    for ax in list(axes.flat)[len(rows):]:
        ax.axis("off")
    handles = {h.get_label(): h for ax in axes.flat for h in ax.get_legend_handles_labels()[0]}
    order = [n for n in parts if n in handles] + [n for n in handles if n not in parts]  # parts in declared order
    fig.legend([handles[n] for n in order], order, fontsize="x-small", loc="lower right")
    note = f" — {runs} runs: medians of the parts, the total's median and 5–95 %" if runs > 1 else " — one run"
    fig.suptitle(f"Change in net CO2 since {ds.attrs.get('base_year', 'the base year')} by part, per cluster"
                 + note, fontsize=10)
    return save_with_csv(fig, out_dir, "reduction_by_cluster", ["milestone", "row", "part", "units", "runs",
                                                                "mean"] + _Q_HEADER,
                         _cluster_rows(milestones, rows, parts, units, values))


def target_years(ds):
    """{target: the year it is due}: the file's `target_year [target]` (layout 17 on: the
    year of targets.csv), else read from its path in the file (`target_co2_net`, or a
    sweep's band of it): the path runs linearly from the base year's net CO2 to the target's
    level in its year and stays at that level after it (core/emission_targets.hpp), so the
    year is the first from which the path stays at its last value in every run (every
    quantile). None for a target whose path is flat from the base year (its level is the
    base year's: no year to read). A target due after the file's last year reads as due in
    it (the path is cut off there): the file does not say more."""
    if "target_year" in ds:
        return {str(t): int(y) for t, y in zip(ds["target"].values, ds["target_year"].values)}
    years = ds["year"].values
    if "target_co2_net" in ds:
        paths = ds["target_co2_net"].transpose("run", "year", "target").values
    else:
        paths = ds[band_of("target_co2_net")].transpose("quantile", "year", "target").values
    return due_years(years, paths, [str(t) for t in ds["target"].values])


def _target_label(target, year, milestones):
    if year is None:
        return f"{target} (year not readable from its path: not shown)"
    return target if year in milestones else f"{target} (due {year}, not a milestone: not shown)"


def plot_target_gaps(ds, out_dir):
    """National net CO2 less each climate target's path, at the milestone of the year the
    target is due only (above zero: not yet met), as its distribution over runs.

    The rule: a target speaks for its year (targets.csv `year`, which `eiisim run` prints each
    target at). Before it the path is only a straight line from the base year, not a target;
    after it the level stays as a ceiling (core/emission_targets.hpp), but a later target
    (climate neutrality in 2050) speaks for the later milestones, so a 2030 target's gap in
    2040 or 2050 is not drawn. A target due in a year that is not a milestone is not drawn
    (its legend entry says so); `target_years` reads the years from the file's `target_year`
    (older files: from the target paths)."""
    name, extra = TARGET_GAP["name"], TARGET_GAP["extra"]
    var = ds[name].transpose("run", "milestone", extra)
    units = str(var.attrs.get("units", ""))
    targets = [str(t) for t in ds[extra].values]
    milestones = [int(m) for m in ds["milestone"].values]
    due = target_years(ds)
    runs = ds.sizes["run"]
    q = quantiles_over_runs(var.values)  # [quantile, milestone, target]
    factor, label = _display(units, q)
    fig, ax = plt.subplots(figsize=(8.5, 5))
    colors = plt.get_cmap("tab10").colors
    rows = []
    drawn = [year for year in milestones if year in due.values()]  # milestones with a target due
    for i, year in enumerate(drawn):
        m = milestones.index(year)
        shown = [k for k, t in enumerate(targets) if due[t] == year]
        width = 0.8 / max(1, len(shown))
        for j, k in enumerate(shown):
            x = np.array([i + (j - (len(shown) - 1) / 2) * width])
            _distribution(ax, q[:, m:m + 1, k] * factor, x, width * 0.85, colors[k % len(colors)], runs,
                          label=targets[k])
            rows.append(_q_row([targets[k], year, units, runs], q[:, :, k], m))
    for k, target in enumerate(targets):
        if due[target] not in milestones:
            ax.plot([], [], "s", color=colors[k % len(colors)], label=_target_label(target, due[target], milestones))
    ax.axhline(0, color="black", linewidth=0.8)
    _milestone_axis(ax, drawn, f"{label} above (+) or below (−) the target")
    ax.set_title(_title(var, 80, " — each target in the year it is due" + _runs_note(runs)), fontsize=10)
    ax.legend(fontsize="x-small")
    return save_with_csv(fig, out_dir, "target_gaps", ["target", "milestone", "units", "runs"] + _Q_HEADER, rows)
