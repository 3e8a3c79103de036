"""What the reductions are made of (docs/ODD.md §7.12, "Reduction decomposition") and
what they add against a reference run (§7.17): figures for run files, each with the
numbers behind it as a CSV beside the PNG."""

import csv
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

_MT = 1e-6


def _decade_years(years):
    """2030, 2040, 2050 as far as the run goes (else its last year)."""
    chosen = [y for y in (2030, 2040, 2050) if years[0] < y <= years[-1]]
    return chosen or [int(years[-1])]


def _write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def save_with_csv(fig, out_dir, name, header, rows):
    png = os.path.join(out_dir, name + ".png")
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)
    _write_csv(os.path.join(out_dir, name + ".csv"), header, rows)
    return png


def national_parts(ds, name="cluster_reduction"):
    """[year, part] national parts (t/yr), mean over the file's runs."""
    return ds[name].mean("run").sum("cluster").transpose("year", "reduction_part").values


def plot_reduction_parts(ds, out_dir):
    """National change in net CO2 since the base year by part, as stacked bars per decade
    (reductions below zero, increases above): the parts add up to the black marker. A sweep
    file without per-run series: the parts' bands instead (plot_reduction_part_bands)."""
    if "cluster_reduction" not in ds:
        return plot_reduction_part_bands(ds, out_dir)
    years = ds["year"].values
    parts = [str(p) for p in ds["reduction_part"].values]
    values = national_parts(ds) * _MT
    chosen = _decade_years(years)
    rows_at = [int(np.where(years == y)[0][0]) for y in chosen]
    fig, ax = plt.subplots(figsize=(8, 5))
    colors = plt.get_cmap("tab20").colors
    x = np.arange(len(chosen))
    below = np.zeros(len(chosen))
    above = np.zeros(len(chosen))
    for k, part in enumerate(parts):
        v = values[rows_at, k]
        if not np.any(np.abs(v) > 1e-9):
            continue
        bottom = np.where(v < 0, below, above)
        ax.bar(x, v, bottom=bottom, color=colors[k % len(colors)], label=part, width=0.6)
        below += np.minimum(v, 0)
        above += np.maximum(v, 0)
    total = values[rows_at].sum(axis=1)
    ax.plot(x, total, "k_", markersize=30, markeredgewidth=3, label="total change")
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(x, [str(y) for y in chosen])
    ax.set_ylabel(f"Mt CO2 / yr, change since {int(years[0])}")
    runs = ds.sizes["run"]
    ax.set_title("What the change in national net CO2 is made of" + (f" (mean of {runs} runs)" if runs > 1 else ""))
    ax.legend(fontsize="small", ncol=2)
    rows = [[int(y)] + [f"{values[i, k]:.6f}" for k in range(len(parts))] + [f"{values[i].sum():.6f}"]
            for i, y in zip(rows_at, chosen)]
    return save_with_csv(fig, out_dir, "reduction_parts", ["year"] + [p + "_mt" for p in parts] + ["total_mt"],
                          rows)


def plot_reduction_part_bands(ds, out_dir):
    """A sweep's national reduction parts (band `national_reduction`): per decade, each
    part's median over runs as a bar with its 5-95 % range. Medians of parts do not add up
    to the median change (docs/output-format.md), so the bars stand side by side."""
    from .observables import band_of
    years = ds["year"].values
    parts = [str(p) for p in ds["reduction_part"].values]
    q = ds[band_of("national_reduction")].transpose("quantile", "year", "reduction_part").values * _MT
    chosen = _decade_years(years)
    rows_at = [int(np.where(years == y)[0][0]) for y in chosen]
    shown = [k for k in range(len(parts)) if np.any(np.abs(q[:, rows_at, k]) > 1e-9)]
    fig, ax = plt.subplots(figsize=(9, 5))
    width = 0.8 / max(1, len(shown))
    colors = plt.get_cmap("tab20").colors
    for j, k in enumerate(shown):
        x = np.arange(len(chosen)) + (j - (len(shown) - 1) / 2) * width
        med = q[2, rows_at, k]
        ax.bar(x, med, width, color=colors[k % len(colors)], label=parts[k])
        ax.vlines(x, q[0, rows_at, k], q[4, rows_at, k], color="black", linewidth=0.8)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(np.arange(len(chosen)), [str(y) for y in chosen])
    ax.set_ylabel(f"Mt CO2 / yr, change since {int(years[0])}")
    ax.set_title(f"Parts of the change in national net CO2 — {ds.sizes['run']} runs: median and 5–95 %")
    ax.legend(fontsize="x-small", ncol=2)
    rows = [[int(y), parts[k]] + [f"{q[i, r, k]:.6f}" for i in range(5)]
            for y, r in zip(chosen, rows_at) for k in range(len(parts))]
    return save_with_csv(fig, out_dir, "reduction_parts", ["year", "part", "q05_mt", "q25_mt", "median_mt", "q75_mt",
                                                            "q95_mt"], rows)


def plot_against_reference(ds, out_dir):
    """National net CO2 of the scenario and of its reference run (same seed), the gap between
    them shaded as the additional reduction (its parts: `eiisim run --reference` prints them,
    tools/decomposition_table.py tabulates them over seeds)."""
    years = ds["year"].values
    kind = str(ds.attrs.get("reference", "reference"))
    scenario = ds["cluster_co2_net"].mean("run").sum("cluster").values * _MT
    reference = ds["reference_cluster_co2_net"].mean("run").sum("cluster").values * _MT
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(years, scenario, label="scenario")
    ax.plot(years, reference, "--", label=f"reference: {kind}")
    ax.fill_between(years, scenario, reference, where=reference >= scenario, alpha=0.2, label="additional reduction")
    ax.set_xlabel("year")
    ax.set_ylabel("Mt CO2 / yr")
    ax.set_ylim(bottom=0)
    ax.set_title(f"National net CO2 against the reference run ({kind})")
    ax.legend(fontsize="small")
    rows = [[int(y), f"{s:.6f}", f"{r:.6f}", f"{r - s:.6f}"] for y, s, r in zip(years, scenario, reference)]
    return save_with_csv(fig, out_dir, "against_reference",
                          ["year", "scenario_mt", "reference_mt", "additional_reduction_mt"], rows)
