"""Designs for variance-based and screening sensitivity analysis, written as an
`eiisim sweep --design FILE.csv` file (one row per run, one column per [[uncertain]] name).

  saltelli   Saltelli et al. (2010), radial form without second-order terms: a Sobol'
             sequence of 2d dimensions gives the base matrices A (first d columns) and B
             (last d); each base sample j gives d + 2 runs in this order: A_j, AB_j^(1) ..
             AB_j^(d) (A_j with column i taken from B_j), B_j. N base samples -> N (d + 2) runs.
             sobol.py checks this structure in the sweep's experiments and refuses others.
  morris     Morris (1991) elementary-effects trajectories: r trajectories of d + 1 runs on
             a grid of p levels; each step moves one setting by half the levels, in random
             order and direction. The levels are the midpoints (k + 0.5) / p of p equal
             probability strata, so unbounded distributions (normal, lognormal) get finite
             values; a step is then 0.5 in probability, whatever p.

Points in (0, 1) become values of each setting through its distribution's quantile function,
as the sweep's own samplers do (sweep/distributions.cpp).

The file's last column, `stream`, gives the runs of one Saltelli block (or one Morris
trajectory) the same random streams (common random numbers): the model is stochastic (the
plants' choices draw random terms; seeds alone move 2030 emissions by several Mt), and
without it the difference f(A) - f(AB_i) would hold that noise too and inflate every
index. With it the noise is a factor that no index claims: 1 - sum(ST) includes its share.
"""

import csv
import math
import tomllib

import numpy as np

MORRIS_STEP = 0.5  # the step in probability between a trajectory's runs (see above)


def uncertain_settings(scenario_path):
    """The scenario file's [[uncertain]] tables, in file order."""
    with open(scenario_path, "rb") as f:
        tables = tomllib.load(f).get("uncertain", [])
    if not tables:
        raise SystemExit(f"{scenario_path}: no [[uncertain]] tables to design over")
    return tables


def quantile(setting, u):
    """The value of an [[uncertain]] setting at probabilities u (array in (0, 1))."""
    from scipy import stats

    u = np.clip(np.asarray(u, dtype=float), 1e-12, 1 - 1e-12)
    kind = setting.get("distribution", "uniform")
    if kind == "uniform":
        return setting["low"] + u * (setting["high"] - setting["low"])
    if kind == "triangular":
        low, mode, high = setting["low"], setting["mode"], setting["high"]
        return stats.triang.ppf(u, (mode - low) / (high - low), loc=low, scale=high - low)
    if kind == "normal":
        return setting["mean"] + setting["sd"] * stats.norm.ppf(u)
    if kind == "lognormal":
        return np.exp(setting["mu"] + setting["sigma"] * stats.norm.ppf(u))
    if kind == "discrete":
        values = np.asarray(setting["values"], dtype=float)
        return values[np.minimum((u * len(values)).astype(int), len(values) - 1)]
    raise SystemExit(f"[[uncertain]] {setting.get('name')}: unknown distribution {kind!r}")


def saltelli_unit(n, d, seed):
    """The Saltelli (2010) radial design in (0, 1)^d: n (d + 2) rows."""
    from scipy.stats import qmc

    sobol = qmc.Sobol(d=2 * d, scramble=True, seed=seed)
    base = sobol.random_base2(int(math.log2(n))) if n & (n - 1) == 0 else sobol.random(n)
    a, b = base[:, :d], base[:, d:]
    blocks = np.empty((n, d + 2, d))
    blocks[:, 0] = a
    for i in range(d):
        blocks[:, 1 + i] = a
        blocks[:, 1 + i, i] = b[:, i]
    blocks[:, d + 1] = b
    return blocks.reshape(n * (d + 2), d)


def morris_unit(r, d, levels, seed):
    """r Morris trajectories in (0, 1)^d, r (d + 1) rows (see the module doc)."""
    if levels < 2 or levels % 2:
        raise SystemExit("morris: --levels must be even and at least 2")
    rng = np.random.default_rng(seed)
    half = levels // 2
    rows = []
    for _ in range(r):
        low = rng.integers(0, levels - half, size=d)  # the lower level of each setting's step
        up = rng.random(d) < 0.5                      # step up from low, or down to it
        level = np.where(up, low, low + half)
        rows.append(level.copy())
        for i in rng.permutation(d):
            level[i] = low[i] + half if up[i] else low[i]
            rows.append(level.copy())
    return (np.array(rows, dtype=float) + 0.5) / levels


def to_values(settings, unit):
    """Unit-hypercube rows -> setting values, column by column."""
    return np.column_stack([quantile(s, unit[:, j]) for j, s in enumerate(settings)])


def write_design(path, names, values, streams):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(list(names) + ["stream"])
        for row, stream in zip(values, streams):
            w.writerow([repr(float(v)) for v in row] + [int(stream)])


def make_design(scenario, method, n, seed, levels=4):
    """(names, values[run, setting], stream[run]) of a `method` design over the scenario's
    [[uncertain]] settings; the stream is the block's (trajectory's) index."""
    settings = uncertain_settings(scenario)
    d = len(settings)
    unit = saltelli_unit(n, d, seed) if method == "saltelli" else morris_unit(n, d, levels, seed)
    streams = np.repeat(np.arange(n), d + 2 if method == "saltelli" else d + 1)
    return [s["name"] for s in settings], to_values(settings, unit), streams
