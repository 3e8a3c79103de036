"""Morris elementary effects from trajectories (designs.morris_unit): mu, mu* (Campolongo
et al. 2007) and sigma per setting, with a bootstrap confidence interval of mu*.

An elementary effect is (f(x + step e_i) - f(x)) / step with the step in probability
(designs.MORRIS_STEP), so effects of settings on different scales compare: each is the
change of the outcome over half the setting's distribution.
"""

import numpy as np

from .designs import MORRIS_STEP


def elementary_effects(x, y):
    """[trajectory, setting] elementary effects; ValueError when `x` is not made of
    trajectories of d + 1 runs in which consecutive runs differ in exactly one setting."""
    runs, d = x.shape
    if runs % (d + 1) or runs == 0:
        raise ValueError(f"{runs} runs is not a multiple of d + 1 = {d + 1}: not a Morris design")
    xt = x.reshape(-1, d + 1, d)
    yt = np.asarray(y, dtype=float).reshape(-1, d + 1)
    ee = np.full((xt.shape[0], d), np.nan)
    for t in range(xt.shape[0]):
        for k in range(d):
            moved = np.flatnonzero(~np.isclose(xt[t, k + 1], xt[t, k]))
            if len(moved) != 1:
                raise ValueError(f"trajectory {t} step {k} moves {len(moved)} settings: not a Morris design")
            i = moved[0]
            direction = np.sign(xt[t, k + 1, i] - xt[t, k, i])
            ee[t, i] = direction * (yt[t, k + 1] - yt[t, k]) / MORRIS_STEP
    return ee


def morris_indices(x, y, resamples=500, confidence=0.95, seed=1):
    """{"mu", "mu_star", "mu_star_conf", "sigma"}: arrays over the settings."""
    from scipy import stats

    ee = elementary_effects(x, y)
    rng = np.random.default_rng(seed)
    boot = np.array([np.abs(ee[rng.integers(0, len(ee), len(ee))]).mean(axis=0) for _ in range(resamples)])
    z = stats.norm.ppf(0.5 + confidence / 2)
    return {"mu": ee.mean(axis=0), "mu_star": np.abs(ee).mean(axis=0),
            "mu_star_conf": z * boot.std(axis=0, ddof=1), "sigma": ee.std(axis=0, ddof=1)}
