"""PRIM scenario discovery (Friedman and Fisher 1999; as the EMA Workbench's prim module,
peeling only): find boxes in the space of the sampled settings where a condition on the
outcomes (a 0/1 per run) holds for most runs.

Peeling: from the box holding every run, each step tries, for every setting, cutting off the
`alpha` share of the box's runs with the lowest or with the highest values of that setting,
and keeps the cut that leaves the highest share of runs meeting the condition (ties: the
larger box). It stops when no cut is possible or the box would hold fewer than `min_mass`
of all runs. Each step's box is one point of the peeling trajectory:
  coverage  runs in the box meeting the condition / all runs meeting it
  density   runs in the box meeting the condition / runs in the box
  mass      runs in the box / all runs
  restricted  the settings whose box limits are narrower than the range sampled
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class Box:
    lower: np.ndarray
    upper: np.ndarray
    coverage: float
    density: float
    mass: float
    runs: int

    def restricted(self, full_lower, full_upper):
        return [j for j in range(len(self.lower))
                if self.lower[j] > full_lower[j] or self.upper[j] < full_upper[j]]


def _box(y, inside, lower, upper, total):
    hits = float(y[inside].sum())
    n = int(inside.sum())
    return Box(lower=lower.copy(), upper=upper.copy(), coverage=hits / total if total else 0.0,
               density=hits / n if n else 0.0, mass=n / len(y), runs=n)


def _best_peel(x, y, inside, alpha):
    """(run mask, setting, side) of the best single peel (side 0: the low end cut off), or
    None when none is possible."""
    best, best_key = None, None
    for j in range(x.shape[1]):
        column = x[inside, j]
        for side, keep in enumerate((column > np.quantile(column, alpha), column < np.quantile(column, 1 - alpha))):
            if keep.all() or not keep.any():
                continue  # a discrete setting whose lowest value holds more than alpha: cut it whole
            key = (y[inside][keep].mean(), keep.sum())
            if best_key is None or key > best_key:
                best_key = key
                mask = inside.copy()
                mask[np.flatnonzero(inside)[~keep]] = False
                best = (mask, j, side)
    return best


def peel(x, y, alpha=0.05, min_mass=0.05):
    """The peeling trajectory: a list of Box, the first holding every run."""
    y = np.asarray(y, dtype=bool)
    total = int(y.sum())
    inside = np.ones(len(y), dtype=bool)
    lower, upper = x.min(axis=0), x.max(axis=0)
    trajectory = [_box(y, inside, lower, upper, total)]
    while True:
        peeled = _best_peel(x, y, inside, alpha)
        if peeled is None or peeled[0].sum() < min_mass * len(y):
            return trajectory
        inside, j, side = peeled
        if side == 0:
            lower[j] = x[inside, j].min()
        else:
            upper[j] = x[inside, j].max()
        trajectory.append(_box(y, inside, lower, upper, total))


def choose_box(trajectory, min_density=0.8):
    """Index of the box with the highest coverage among those of density >= min_density;
    the densest box when none is that dense."""
    dense = [i for i, b in enumerate(trajectory) if b.density >= min_density]
    if dense:
        return max(dense, key=lambda i: (trajectory[i].coverage, trajectory[i].density))
    return max(range(len(trajectory)), key=lambda i: trajectory[i].density)
