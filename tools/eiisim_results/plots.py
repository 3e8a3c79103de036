"""Standard plots of an eiisim result: net emissions per cluster, route mix, infrastructure
use against capacity, relocated emissions. Each function takes the Dataset from
reader.open_result and a directory, writes one PNG and returns its path.

With several runs (the ``run`` dimension) a series is drawn as its median with 25-75 %
and 5-95 % bands; with one run, as a plain line. A sweep file holds per-year quantiles
over its runs instead of (or besides) per-run series; those are drawn as the same bands.
"""

import os

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
import numpy as np  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from .circularity import NEEDS as FEED_MIX_NEEDS, plot_feed_mix_by_sector  # noqa: E402
from .observables import band_of  # noqa: E402  (the sweep band of a series, core/observables.cpp)
from .plots_milestones import (MILESTONE_OUTCOMES, REDUCTION, REDUCTION_PER_CLUSTER, TARGET_GAP,  # noqa: E402
                               plot_milestone_outcomes,
                               plot_reduction_by_cluster, plot_reduction_by_milestone, plot_target_gaps)
from .plots_outcomes import plot_jobs_and_value, plot_leakage, plot_targets  # noqa: E402
from .plots_reduction import plot_against_reference, plot_reduction_parts  # noqa: E402

_MT = 1e-6  # t -> Mt
_PJ = 1e-6  # GJ -> PJ


def _quantile_series(ax, years, quantiles, label, color=None, style="-"):
    """Draw precomputed [quantile, year] values (0.05, 0.25, 0.5, 0.75, 0.95) as bands."""
    q05, q25, q50, q75, q95 = np.asarray(quantiles, dtype=float)
    (line,) = ax.plot(years, q50, style, label=f"{label} (median)", color=color)
    ax.fill_between(years, q05, q95, color=line.get_color(), alpha=0.15, linewidth=0)
    ax.fill_between(years, q25, q75, color=line.get_color(), alpha=0.3, linewidth=0)
    return line


def _series(ax, years, runs_by_year, label, color=None, style="-"):
    """Draw [run, year] values: a line for one run, median + quantile bands for several."""
    values = np.asarray(runs_by_year, dtype=float)
    if values.shape[0] == 1:
        (line,) = ax.plot(years, values[0], style, label=label, color=color)
        return line
    quantiles = np.quantile(values, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
    return _quantile_series(ax, years, quantiles, label, color, style)


def _cluster_labels(ds):
    """Cluster names: the file's (run files), else the dataset's through the scenario the sweep
    recorded (cluster_names.py), else the ids made readable."""
    if "cluster_name" in ds:
        return [str(n) for n in ds["cluster_name"].values]
    from .cluster_names import names_from_dataset

    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return names_from_dataset([str(c) for c in ds["cluster"].values], str(ds.attrs.get("scenario_file", "")),
                              str(ds.attrs.get("scenario_text", "")), (".", repo))


def _save(fig, out_dir, name, rect=(0, 0, 1, 1)):
    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2020.25
    path = os.path.join(out_dir, name)
    fig.tight_layout(rect=rect)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _label_year_axes(ax, ylabel, legend_size="small"):
    """The finish every time-series panel shares: years along x, a unit up y from 0, a legend."""
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=legend_size)


def _band_note(ds):
    n = ds.sizes["run"]
    return f" — {n} runs: median, 25–75 % and 5–95 %" if n > 1 else ""


def plot_net_emissions(ds, out_dir):
    years = ds["year"].values
    fig, ax = plt.subplots(figsize=(8, 5))
    if "cluster_co2_net" in ds:
        net = ds["cluster_co2_net"].transpose("run", "year", "cluster").values * _MT
        for c, label in enumerate(_cluster_labels(ds)):
            _series(ax, years, net[:, :, c], label)
        _series(ax, years, net.sum(axis=2), "all clusters", color="black", style="--")
    else:
        # A sweep saved without trajectories: the quantiles it computed while running.
        cluster_q = ds[band_of("cluster_co2_net")].transpose("quantile", "year", "cluster").values * _MT
        for c, label in enumerate(_cluster_labels(ds)):
            _quantile_series(ax, years, cluster_q[:, :, c], label)
        _quantile_series(ax, years, ds[band_of("national_co2_net")].transpose("quantile", "year").values * _MT,
                         "all clusters", color="black", style="--")
    ax.set_title("Net CO2 emissions per cluster" + _band_note(ds))
    _label_year_axes(ax, "Mt CO2 / yr")
    return _save(fig, out_dir, "net_emissions_by_cluster.png")


def plot_route_mix(ds, out_dir):
    """Production value by route kind: stacked per cluster from per-run series (run files), or,
    from a sweep file's quantiles, bands of each kind's national share."""
    if "cluster_production_value_by_kind" not in ds:
        return plot_route_mix_bands(ds, out_dir)
    years = ds["year"].values
    # Mean over runs: a stacked area of quantiles would not add up.
    mix = ds["cluster_production_value_by_kind"].mean("run").transpose("year", "cluster", "kind").values * 1e-9
    kinds = [str(k) for k in ds["kind"].values]
    labels = _cluster_labels(ds)
    ncols = min(3, len(labels))
    nrows = int(np.ceil(len(labels) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.5 * ncols, 3.5 * nrows), squeeze=False, sharex=True)
    colors = plt.get_cmap("tab10").colors
    for c, label in enumerate(labels):
        ax = axes[c // ncols][c % ncols]
        ax.stackplot(years, mix[:, c, :].T, labels=kinds, colors=colors[: len(kinds)])
        ax.set_title(label, fontsize="medium")
        ax.set_ylabel("EUR2023 bn / yr (production value)")
    for extra in range(len(labels), nrows * ncols):
        axes[extra // ncols][extra % ncols].axis("off")
    handles, names = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=len(kinds), fontsize="small")
    fig.suptitle("Production by route kind per cluster" + (" (mean over runs)" if ds.sizes["run"] > 1 else ""))
    return _save(fig, out_dir, "route_mix_by_cluster.png", rect=(0, 0.06, 1, 1))


def plot_route_mix_bands(ds, out_dir):
    """A sweep's national production value share per route kind (of the run's base-year
    production value, power left out): median with 25-75 % and 5-95 % bands over runs. Bands do not stack,
    so each kind has its own line; kinds with no production in any run are left out
    (relocated and closed plants produce nothing in the Netherlands)."""
    years = ds["year"].values
    share = ds[band_of("production_share_by_kind")].transpose("quantile", "year", "kind").values * 100.0
    kinds = [str(k) for k in ds["kind"].values]
    colors = plt.get_cmap("tab10").colors  # the same colour per kind as the stacked figure
    fig, ax = plt.subplots(figsize=(8, 5))
    for k, kind in enumerate(kinds):
        if np.any(share[:, :, k] > 0):
            _quantile_series(ax, years, share[:, :, k], kind, color=colors[k % len(colors)])
    ax.set_title("National production value by route kind" + _band_note(ds))
    _label_year_axes(ax, "% of base-year national production value")
    return _save(fig, out_dir, "route_mix_national.png")


def _runs_or_quantiles(ds, name, dims):
    """The series `name` as ("runs", [run, year, ...]) when the file has it per run, else
    its sweep quantiles as ("quantiles", [quantile, year, ...])."""
    if name in ds:
        return "runs", ds[name].transpose("run", "year", *dims).values
    return "quantiles", ds[band_of(name)].transpose("quantile", "year", *dims).values


def _draw(ax, years, kind_values, label, color=None, style="-"):
    kind, values = kind_values
    if kind == "runs":
        return _series(ax, years, values, label, color, style)
    return _quantile_series(ax, years, values, label, color, style)


def _has(ds, name):
    return name in ds or band_of(name) in ds


def plot_infrastructure(ds, out_dir):
    """CO2 storage, hydrogen and biomethane (files that have it) used against capacity,
    nationally: lines or bands over the runs of a run file, or bands from a sweep file's
    quantiles. The grid, per cluster, is plot_grid_by_cluster."""
    years = ds["year"].values
    # (used, capacity, capacity label, scale, title, unit) of the national supplies
    supplies = [("co2_storage_used", "co2_storage_capacity", "capacity", _MT, "CO2 transport and storage",
                 "Mt CO2 / yr"),
                ("hydrogen_used", "hydrogen_supply", "supply", _PJ, "Hydrogen for industry", "PJ / yr")]
    if _has(ds, "biomethane_used") and _has(ds, "biomethane_supply"):
        supplies.append(("biomethane_used", "biomethane_supply", "supply", _PJ,
                         "Biomethane for industry (beyond base-year use)", "PJ / yr"))
    fig, axes = plt.subplots(1, len(supplies), figsize=(5 * len(supplies), 4.5))

    def national(name, scale):
        kind, values = _runs_or_quantiles(ds, name, ())
        return kind, values * scale

    for ax, (used, capacity, capacity_label, scale, title, unit) in zip(axes, supplies):
        _draw(ax, years, national(used, scale), "used")
        _draw(ax, years, national(capacity, scale), capacity_label, color="black", style="--")
        ax.set_title(title)
        _label_year_axes(ax, unit, "x-small")
    fig.suptitle("Infrastructure use against capacity" + _band_note(ds))
    return _save(fig, out_dir, "infrastructure_use.png")


def plot_grid_by_cluster(ds, out_dir):
    """New industrial grid load against the headroom, one panel per cluster (the grid is
    cluster by cluster; in one panel twelve lines were unreadable)."""
    years = ds["year"].values
    labels = _cluster_labels(ds)
    kind_used, used = _runs_or_quantiles(ds, "cluster_grid_used", ("cluster",))
    kind_room, headroom = _runs_or_quantiles(ds, "cluster_grid_headroom", ("cluster",))
    cols = min(3, len(labels))
    rows = (len(labels) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.5 * cols, 3.3 * rows), squeeze=False)
    for c, label in enumerate(labels):
        ax = axes.flat[c]
        _draw(ax, years, (kind_used, used[:, :, c]), "used")
        _draw(ax, years, (kind_room, headroom[:, :, c]), "headroom", color="black", style=":")
        ax.set_title(label, fontsize=10)
        _label_year_axes(ax, "MW", "x-small")
    for ax in list(axes.flat)[len(labels):]:
        ax.axis("off")
    fig.suptitle("Grid: new industrial load against headroom per cluster" + _band_note(ds))
    return _save(fig, out_dir, "grid_use_by_cluster.png")


def plot_relocated_emissions(ds, out_dir):
    years = ds["year"].values
    reloc = ds["cluster_co2_relocated"].transpose("run", "year", "cluster").values * _MT
    fig, ax = plt.subplots(figsize=(8, 5))
    for c, label in enumerate(_cluster_labels(ds)):
        _series(ax, years, reloc[:, :, c], label)
    _series(ax, years, reloc.sum(axis=2), "all clusters", color="black", style="--")
    ax.set_title("CO2 emitted abroad by relocated production (leakage)" + _band_note(ds))
    _label_year_axes(ax, "Mt CO2 / yr")
    return _save(fig, out_dir, "relocated_emissions.png")


# Each plot with the variables it needs: per-run series (run files, or a sweep saved with
# them) or a sweep file's quantiles; either group suffices.
_INFRASTRUCTURE = ("co2_storage_used", "co2_storage_capacity", "hydrogen_used", "hydrogen_supply")
_GRID = ("cluster_grid_used", "cluster_grid_headroom")
ALL_PLOTS = (
    (plot_net_emissions, (("cluster_co2_net",), (band_of("cluster_co2_net"), band_of("national_co2_net")))),
    (plot_route_mix, (("cluster_production_value_by_kind",), (band_of("production_share_by_kind"),))),
    (plot_infrastructure, (_INFRASTRUCTURE, tuple(band_of(name) for name in _INFRASTRUCTURE))),
    (plot_grid_by_cluster, (_GRID, tuple(band_of(name) for name in _GRID))),
    (plot_relocated_emissions, (("cluster_co2_relocated",),)),
    (plot_reduction_parts, (("cluster_reduction",), (band_of("national_reduction"),))),
    (plot_against_reference, (("cluster_co2_net", "reference_cluster_co2_net"),)),
    (plot_jobs_and_value, (("cluster_jobs", "cluster_value_added"),
                           (band_of("national_jobs"), band_of("national_value_added")))),
    (plot_leakage, (("cluster_co2_relocated", "cluster_co2_embodied_imports", "strategic_import_dependence"),
                    (band_of("national_co2_embodied_imports"), band_of("strategic_import_dependence")))),
    (plot_targets, (("cluster_co2_net", "target_co2_net"), (band_of("national_co2_net"), band_of("target_co2_net")))),
    # The per-run outcomes at the milestones (run and sweep files alike, layout 14 on).
    (plot_milestone_outcomes, (MILESTONE_OUTCOMES,)),
    (plot_reduction_by_milestone, ((REDUCTION["name"],),)),
    (plot_reduction_by_cluster, (("cluster_reduction", "milestone"), (REDUCTION_PER_CLUSTER["name"],))),
    (plot_target_gaps, ((TARGET_GAP["name"],),)),
    # Per-plant panels: run files, and sweeps saved with --save plants.
    (plot_feed_mix_by_sector, (FEED_MIX_NEEDS,)),
)


def plot_all(ds, out_dir, skipped=None):
    """Write every standard plot the file has data for into out_dir (created if missing);
    return the paths. A sweep file holds fewer variables (per --save): plots it cannot
    draw are listed in `skipped` (if a list is given) with the variables they lack."""
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for plot, alternatives in ALL_PLOTS:
        if any(all(name in ds for name in names) for names in alternatives):
            paths.append(plot(ds, out_dir))
        elif skipped is not None:
            skipped.append((plot.__name__, alternatives[0]))
    return paths
