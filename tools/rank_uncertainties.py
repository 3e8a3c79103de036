#!/usr/bin/python3
"""Rank a sweep's uncertain settings by their influence on one outcome.

Usage: rank_uncertainties.py SWEEP.h5 [--year 2030] [--bins 20] [--out fig.png]

Reads the experiments (`param_<name>`, one per sampled setting, named by the `parameter`
dimension) and the national net CO2 KPI (`net_co2[run, milestone]`) of an `eiisim sweep`
file (docs/output-format.md, "Sweep files") and ranks the settings by their influence on
net CO2 in the chosen milestone year.

Method (docs/sweeps.md, "Ranking the uncertainties"):
  first-order index  S_i = Var(E[Y | X_i]) / Var(Y), the correlation ratio, estimated by
      sorting the runs on X_i, cutting them into `bins` groups of equal count and taking
      the variance of the group means (weighted by group size) over the variance of Y.
      It is the share of the outcome's variance explained by X_i alone, whatever the
      shape of the effect, and needs no special design: it works on Latin-hypercube,
      Sobol and random sweeps alike, as long as the settings are sampled independently.
      A setting with no influence still scores about (bins - 1) / (runs - 1) from
      sampling noise; the table prints that floor.
      A discrete setting with at most `bins` values is grouped by value instead.
  SRRC  standardised rank regression coefficients: Y's ranks regressed on all settings'
      ranks at once. Signed (direction of a monotonic effect); R^2 says how much of the
      ranked variance a monotonic additive model explains. A cross-check on S_i.
Prints the table, best first; with --out writes a bar chart (matplotlib, Agg).
Only numpy, h5py and matplotlib are needed.
"""

import argparse
import sys

import numpy as np

from eiisim_results import sweep_file


def read_sweep(path, year):
    """(names, X[runs, settings], Y[runs]: national net CO2 in `year`) from a sweep file."""
    sweep = sweep_file.read_sweep(path)
    return sweep.names, sweep.x, sweep_file.outcome_at(sweep, "co2_net_national", year)


def first_order_index(x, y, bins):
    """Correlation ratio Var(E[Y|X]) / Var(Y) with equal-count bins (or by value)."""
    var = np.var(y)
    if var == 0:
        return 0.0
    values = np.unique(x)
    if len(values) <= bins:
        groups = [y[x == v] for v in values]
    else:
        order = np.argsort(x, kind="stable")
        groups = np.array_split(y[order], bins)
    mean = np.mean(y)
    between = sum(len(g) * (np.mean(g) - mean) ** 2 for g in groups if len(g)) / len(y)
    return float(np.clip(between / var, 0.0, 1.0))


def _ranks(a):
    """Ranks 0..n-1 with ties given their mean rank."""
    order = np.argsort(a, kind="stable")
    ranks = np.empty(len(a))
    ranks[order] = np.arange(len(a), dtype=float)
    _, inverse, counts = np.unique(a, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return sums[inverse] / counts[inverse]


def srrc(x, y):
    """Standardised rank regression coefficients and the rank regression's R^2."""
    def standardise(v):
        sd = np.std(v)
        return (v - np.mean(v)) / sd if sd > 0 else np.zeros_like(v)

    rx = np.column_stack([standardise(_ranks(x[:, j])) for j in range(x.shape[1])])
    ry = standardise(_ranks(y))
    beta, *_ = np.linalg.lstsq(rx, ry, rcond=None)
    fitted = rx @ beta
    r2 = 1.0 - np.sum((ry - fitted) ** 2) / np.sum(ry ** 2) if np.any(ry) else 0.0
    return beta, float(r2)


def rank(names, x, y, bins):
    """Rows (name, S_i, SRRC_i) sorted by S_i, best first, and the SRRC R^2."""
    s = [first_order_index(x[:, j], y, bins) for j in range(len(names))]
    beta, r2 = srrc(x, y)
    rows = sorted(zip(names, s, beta), key=lambda r: -r[1])
    return rows, r2


def plot(rows, floor, year, runs, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r[0] for r in rows][::-1]
    s = [r[1] for r in rows][::-1]
    colours = ["#b2182b" if r[2] > 0 else "#2166ac" for r in rows][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.5))
    ax.barh(names, s, color=colours)
    ax.axvline(floor, color="grey", linestyle=":", label=f"noise floor ({floor:.3f})")
    ax.set_xlabel("first-order index S_i = Var(E[Y|X_i]) / Var(Y)")
    ax.set_title(f"What drives national net CO2 in {year}? ({runs} runs)\n"
                 "red: more of the setting, more CO2; blue: less CO2 (SRRC sign)", fontsize=10)
    ax.set_xlim(0, max(max(s) * 1.1, floor * 2))
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sweep", help="eiisim sweep file (HDF5)")
    parser.add_argument("--year", type=int, default=2030, help="milestone year of net_co2 (default 2030)")
    parser.add_argument("--bins", type=int, default=20, help="equal-count bins per setting (default 20)")
    parser.add_argument("--out", help="write a bar chart PNG here")
    args = parser.parse_args(argv)

    names, x, y = read_sweep(args.sweep, args.year)
    runs = len(y)
    bins = max(2, min(args.bins, runs // 10))
    rows, r2 = rank(names, x, y, bins)
    floor = (bins - 1) / (runs - 1)
    print(f"national net CO2 {args.year}: {runs} runs, mean {np.mean(y) / 1e6:.2f} Mt/yr, "
          f"sd {np.std(y) / 1e6:.2f} Mt/yr, 5-95 % {np.percentile(y, 5) / 1e6:.2f}-"
          f"{np.percentile(y, 95) / 1e6:.2f} Mt/yr")
    print(f"{'rank':>4}  {'setting':<28} {'S_i':>7} {'SRRC':>7}")
    for i, (name, s, b) in enumerate(rows, 1):
        print(f"{i:>4}  {name:<28} {s:7.3f} {b:+7.3f}")
    print(f"sum of S_i {sum(r[1] for r in rows):.3f}; noise floor of S_i ~{floor:.3f} "
          f"({bins} bins); SRRC R^2 {r2:.3f}")
    if args.out:
        plot(rows, floor, args.year, runs, args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
