"""`compare A.h5 B.h5 ...`: pathways of several scenarios side by side, one figure per
indicator with a panel for the country and one per cluster, each with its CSV.

A run file gives its runs' lines (one run: one line; several: the median and 5-95 % band),
a sweep file its runs (with --save clusters) or its stored quantiles. When two files hold
per-run values of the same runs with the same seed (run files of one seed, or sweeps of the
same seed and size), their runs share random numbers (common random numbers), so the
run-by-run difference is the policy's effect, not noise: it is reported per year as the
median and 5-95 % of the paired difference against the first file.
"""

import os

import numpy as np

from . import figures
from .h5text import strings, text

# indicator -> (per-run cluster variable, national band, cluster band, scale, unit)
TITLES = {"co2_net": "Net CO2", "jobs": "Jobs at the plants", "value_added": "Value added"}
INDICATORS = {
    "co2_net": ("cluster_co2_net", "co2_net_quantiles", "cluster_co2_net_quantiles", 1e-6, "Mt CO2/yr"),
    "jobs": ("cluster_jobs", "national_jobs_quantiles", "cluster_jobs_quantiles", 1e-3, "thousand FTE"),
    "value_added": ("cluster_value_added", "national_value_added_quantiles", "cluster_value_added_quantiles", 1e-9,
                    "bn EUR2023/yr"),
}
QUANTILES = (0.05, 0.5, 0.95)


def _read(path):
    """{name, seed, runs, years, regions, series: {indicator: {region: ("runs"|"bands", array)}}}."""
    import h5py

    from .sweep_file import _names

    with h5py.File(path, "r") as f:
        clusters = strings(f["cluster"])
        names = strings(f["cluster_name"]) if "cluster_name" in f else _names(f, path, clusters)
        out = {"name": text(f.attrs.get("scenario", os.path.basename(path))), "seed": int(f.attrs.get("seed", -1)),
               "runs": int(f["run"].shape[0]), "years": np.asarray(f["year"][()], dtype=int),
               "regions": ["national"] + names, "version": text(f.attrs.get("source_revision", "?")),
               "created": text(f.attrs.get("created", "?"))[:10], "series": {}}
        q = list(np.asarray(f["quantile"][()], dtype=float)) if "quantile" in f else []
        for ind, (per_run, national, per_cluster, scale, _) in INDICATORS.items():
            if per_run in f:
                v = np.asarray(f[per_run][()], dtype=float) * scale  # [run, year, cluster]
                series = {"national": ("runs", v.sum(axis=2))}
                series.update({n: ("runs", v[:, :, c]) for c, n in enumerate(names)})
            elif national in f and per_cluster in f:
                pick = [q.index(p) for p in QUANTILES]
                nat = np.asarray(f[national][()], dtype=float)[pick] * scale
                clu = np.asarray(f[per_cluster][()], dtype=float)[pick] * scale
                series = {"national": ("bands", nat)}
                series.update({n: ("bands", clu[:, :, c]) for c, n in enumerate(names)})
            else:
                continue
            out["series"][ind] = series
    return out


def _band(kind, values):
    if kind == "bands":
        return values
    return np.quantile(values, QUANTILES, axis=0) if values.shape[0] > 1 else np.repeat(values, 3, axis=0)


def _paired(a, b, ind, region):
    """B - A per run as (q05, q50, q95) per year when the two hold the same runs and seed."""
    ka, va = a["series"][ind][region]
    kb, vb = b["series"][ind][region]
    if ka != "runs" or kb != "runs" or a["seed"] != b["seed"] or va.shape != vb.shape:
        return None
    return np.quantile(vb - va, QUANTILES, axis=0)


def _stamp(files):
    parts = [f"{f['name']} ({f['runs']} run{'s' if f['runs'] > 1 else ''}, seed {f['seed']})" for f in files]
    return "; ".join(parts) + f"; eiisim {files[0]['version']}, {files[0]['created']}"


def _draw(files, ind, path):
    plt = figures.pyplot()
    regions = files[0]["regions"]
    cols = 4
    rows_n = (len(regions) + cols - 1) // cols
    fig, axes = plt.subplots(rows_n, cols, figsize=(4.2 * cols, 3.4 * rows_n), squeeze=False)
    rows = []
    for ax, region in zip(axes.flat, regions):
        for k, f in enumerate(files):
            if region not in f["series"].get(ind, {}):
                continue
            band = _band(*f["series"][ind][region])
            (line,) = ax.plot(f["years"], band[1], label=f["name"], color=f"C{k}")
            ax.fill_between(f["years"], band[0], band[2], color=line.get_color(), alpha=0.15)
            rows += [(ind, region, f["name"], int(y), band[0][i], band[1][i], band[2][i], "")
                     for i, y in enumerate(f["years"])]
            if k > 0:
                diff = _paired(files[0], f, ind, region)
                if diff is not None:
                    rows += [(ind, region, f"{f['name']} - {files[0]['name']}", int(y), diff[0][i], diff[1][i],
                              diff[2][i], "paired") for i, y in enumerate(f["years"])]
        ax.set_title(region, fontsize=10)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(regions):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=8)
    single = all(f["runs"] == 1 and f["series"][ind]["national"][0] == "runs" for f in files if ind in f["series"])
    fig.suptitle(f"{TITLES[ind]} ({INDICATORS[ind][4]}): " +
                 ("single runs, one draw each (compare sweeps for bands)" if single else
                  "median and 5-95 % over runs"))
    fig.tight_layout(rect=(0, 0.03, 1, 0.96))
    return figures.save(fig, path, ["indicator", "region", "scenario", "year", "q05", "median", "q95", "kind"], rows,
                        _stamp(files))


def compare(args):
    files = [_read(p) for p in args.files]
    for ind in INDICATORS:
        if any(ind in f["series"] for f in files):
            png, _ = _draw(files, ind, os.path.join(args.out, f"compare_{ind}.png"))
            print(png)
    _print_paired(files)
    return 0


def _print_paired(files):
    for f in files[1:]:
        diff = _paired(files[0], f, "co2_net", "national")
        if diff is None:
            continue
        for year in (2030, 2050):
            i = np.flatnonzero(f["years"] == year)
            if len(i):
                i = i[0]
                spread = (f"(5-95 % of the {f['runs']} paired runs {diff[0][i]:+.2f} to {diff[2][i]:+.2f})"
                          if f["runs"] > 1 else "(one pair of runs: one draw)")
                print(f"{f['name']} - {files[0]['name']}, national net CO2 {year}: median {diff[1][i]:+.2f} Mt/yr "
                      f"{spread}")
