"""The year each climate target is due, read from its path in a run or sweep file
(`target_co2_net`): the figures and tools/seed_ensemble.py show a target's gap in that
year only. Numpy only, so command-line tools need not load matplotlib."""

import numpy as np


def due_years(years, paths, targets):
    """{target: the year it is due} from `paths` [run or quantile, year, target] over `years`.
    A target's path runs linearly from the base year's net CO2 to its level in its year and
    stays there after it (core/emission_targets.hpp), so the year is the first from which
    the path stays at its last value in every run (every quantile). None for a path flat
    from the base year (no year to read); a target due after the last year reads as due in
    it (the path is cut off there)."""
    out = {}
    for k, target in enumerate(targets):
        at_level = np.all(paths[:, :, k] == paths[:, -1:, k], axis=0)  # [year]: at the last value in all
        moving = np.flatnonzero(~at_level)
        out[target] = int(years[moving[-1] + 1]) if moving.size else None
    return out
