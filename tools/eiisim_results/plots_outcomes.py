"""Jobs, value added, leakage and the climate targets (docs/ODD.md §7.12): figures for run
files (lines, or median and bands over their runs) and sweep files (their quantile bands),
each with the numbers behind it as a CSV beside the PNG (medians where there are bands)."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .observables import band_of  # noqa: E402
from .plots_reduction import save_with_csv  # noqa: E402  (PNG and its CSV, one way)

_MT = 1e-6


def _national(ds, name, dims=()):
    """("runs", [run, year, *dims]) or ("quantiles", [quantile, year, *dims]) of the national
    sum of cluster series `name` (or a national series when it has no cluster dimension)."""
    if name in ds:
        var = ds[name]
        if "cluster" in var.dims:
            var = var.sum("cluster")
        return "runs", var.transpose("run", "year", *dims).values
    band = ds[band_of(name)]
    if "cluster" in band.dims:
        raise KeyError(name)  # cluster bands do not add up to a national band
    return "quantiles", band.transpose("quantile", "year", *dims).values


def _median(kind_values):
    kind, values = kind_values
    if kind == "runs":
        return np.median(values, axis=0)
    return values[2]  # quantiles 0.05, 0.25, 0.5, 0.75, 0.95


def _draw(ax, years, kind_values, label, scale=1.0, style="-", color=None):
    from .plots import _quantile_series, _series  # the shared band drawing (plots imports this module)
    kind, values = kind_values
    if kind == "runs":
        return _series(ax, years, values * scale, label, color, style)
    return _quantile_series(ax, years, values * scale, label, color, style)


def plot_jobs_and_value(ds, out_dir):
    """National jobs (FTE) and value added (bn EUR2023) at the plants in the Netherlands."""
    years = ds["year"].values
    jobs = _national(ds, "cluster_jobs" if "cluster_jobs" in ds else "national_jobs")
    value = _national(ds, "cluster_value_added" if "cluster_value_added" in ds else "national_value_added")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    _draw(left, years, jobs, "jobs", 1e-3)
    left.set_ylabel("thousand FTE")
    left.set_title("Jobs at the plants in the Netherlands")
    _draw(right, years, value, "value added", 1e-9)
    right.set_ylabel("bn EUR2023 / yr")
    right.set_title("Value added at factor cost")
    for ax in (left, right):
        ax.set_xlabel("year")
        ax.set_ylim(bottom=0)
        ax.legend(fontsize="small")
    rows = [[int(y), f"{j:.1f}", f"{v:.0f}"] for y, j, v in zip(years, _median(jobs), _median(value))]
    return save_with_csv(fig, out_dir, "jobs_and_value_added", ["year", "jobs_fte", "value_added_eur"], rows)


def plot_leakage(ds, out_dir):
    """CO2 emitted abroad: relocated production outside and inside the EU and the imports that
    replace lost Dutch output; and the import dependence of each strategic product."""
    years = ds["year"].values
    embodied = "cluster_co2_embodied_imports" if "cluster_co2_embodied_imports" in ds else "national_co2_embodied_imports"
    series = [("relocated outside the EU", "cluster_co2_relocated"),
              ("relocated within the EU", "cluster_co2_relocated_eu"),
              ("embodied in replacement imports", embodied)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    medians = []
    for label, name in series:
        try:
            values = _national(ds, name)
        except KeyError:
            medians.append(np.full(len(years), np.nan))
            continue
        _draw(left, years, values, label, _MT)
        medians.append(_median(values) * _MT)
    left.set_ylabel("Mt CO2 / yr")
    left.set_title("CO2 emitted abroad")
    tags = [str(t) for t in ds["strategic_product"].values]
    dependence = _national(ds, "strategic_import_dependence", ("strategic_product",))
    for k, tag in enumerate(tags):
        _draw(right, years, (dependence[0], dependence[1][..., k]), tag, 100.0)
    right.set_ylabel("% of Dutch demand imported")
    right.set_title("Import dependence of strategic products")
    for ax in (left, right):
        ax.set_xlabel("year")
        ax.set_ylim(bottom=0)
        ax.legend(fontsize="x-small")
    dep = _median(dependence)
    rows = [[int(y)] + [f"{m[i]:.4f}" for m in medians] + [f"{dep[i, k]:.4f}" for k in range(len(tags))]
            for i, y in enumerate(years)]
    header = ["year", "relocated_mt", "relocated_eu_mt", "embodied_imports_mt"] + [f"import_dependence_{t}"
                                                                                   for t in tags]
    return save_with_csv(fig, out_dir, "leakage", header, rows)


def plot_targets(ds, out_dir):
    """National net CO2 (and its reference run, if the file has one) against the climate
    targets' paths on the model's scope (the dataset's targets.csv)."""
    years = ds["year"].values
    net = _national(ds, "cluster_co2_net") if "cluster_co2_net" in ds else _national(ds, "national_co2_net")
    targets = _national(ds, "target_co2_net", ("target",))
    names = [str(t) for t in ds["target"].values]
    fig, ax = plt.subplots(figsize=(8, 5))
    _draw(ax, years, net, "national net CO2", _MT, color="black")
    target_paths = _median(targets) * _MT
    tracked = bool(np.any(target_paths > 0))  # all 0: the dataset has no targets.csv
    for k, name in enumerate(names):
        if tracked:
            ax.plot(years, target_paths[:, k], ":", label=f"target: {name}")
    reference = None
    if "reference_cluster_co2_net" in ds:
        reference = ds["reference_cluster_co2_net"].sum("cluster").median("run").values * _MT
        ax.plot(years, reference, "--", color="grey", label=f"reference: {ds.attrs.get('reference', '')}")
    ax.set_xlabel("year")
    ax.set_ylabel("Mt CO2 / yr")
    ax.set_ylim(bottom=0)
    ax.set_title("National net CO2 against the climate targets (model scope)")
    ax.legend(fontsize="x-small")
    med = _median(net) * _MT
    rows = [[int(y), f"{med[i]:.4f}"] + [f"{target_paths[i, k]:.4f}" for k in range(len(names))] +
            ([f"{reference[i]:.4f}"] if reference is not None else []) for i, y in enumerate(years)]
    header = ["year", "net_co2_mt"] + [f"target_{n}_mt" for n in names] + (["reference_mt"] if reference is not None
                                                                              else [])
    return save_with_csv(fig, out_dir, "targets", header, rows)
