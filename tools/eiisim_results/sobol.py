"""First-order and total Sobol' indices from a Saltelli (2010) radial design (designs.py).

Estimators (Saltelli et al. 2010, Table 2; as SALib's sobol.analyze without second order):
  S1_i = mean((f(B) - f0) (f(AB_i) - f(A))) / V   (Saltelli 2010, eq. b; f0 the mean, see _indices)
  ST_i = mean((f(A) - f(AB_i))^2) / (2 V)         (Jansen 1999)
with V the variance of f(A) and f(B) together. Confidence intervals: the base samples are
resampled with replacement (`resamples` times) and the half-width is z * sd of the
bootstrap estimates (z for `confidence`), as SALib reports S1_conf and ST_conf.
"""

import numpy as np


def split_blocks(x, y, d):
    """(fA, fAB[n, d], fB) of a Saltelli design's outputs; ValueError when `x` (the design,
    [runs, d]) is not one: runs not a multiple of d + 2, or an AB_i row that differs from
    its A row elsewhere than in column i, or from its B row in column i."""
    runs = x.shape[0]
    if runs % (d + 2) or runs == 0:
        raise ValueError(f"{runs} runs is not a multiple of d + 2 = {d + 2}: not a Saltelli design "
                         "(make one with `python3 -m eiisim_results design --method saltelli`)")
    xb = x.reshape(-1, d + 2, d)
    a, b = xb[:, 0], xb[:, d + 1]
    for i in range(d):
        ab = xb[:, 1 + i]
        others = np.delete(np.arange(d), i)
        if not (np.allclose(ab[:, others], a[:, others]) and np.allclose(ab[:, i], b[:, i])):
            raise ValueError(f"run block row {1 + i} is not A with column {i} from B: not a Saltelli design")
    yb = np.asarray(y, dtype=float).reshape(-1, d + 2)
    return yb[:, 0], yb[:, 1:d + 1], yb[:, d + 1]


def _indices(fa, fab, fb):
    both = np.concatenate([fa, fb])
    var = np.var(both)
    if var == 0:
        return np.zeros(fab.shape[1]), np.zeros(fab.shape[1])
    # f(B) centred: the same estimate in expectation, far less variance when the outcome's
    # mean is large against its spread (national emissions: ~25 Mt +- 5).
    s1 = np.mean((fb - both.mean())[:, None] * (fab - fa[:, None]), axis=0) / var
    st = 0.5 * np.mean((fa[:, None] - fab) ** 2, axis=0) / var
    return s1, st


def sobol_indices(x, y, resamples=500, confidence=0.95, seed=1):
    """{"S1", "S1_conf", "ST", "ST_conf"}: arrays over the d settings."""
    from scipy import stats

    d = x.shape[1]
    fa, fab, fb = split_blocks(x, y, d)
    s1, st = _indices(fa, fab, fb)
    rng = np.random.default_rng(seed)
    n = len(fa)
    boot = np.empty((resamples, 2, d))
    for k in range(resamples):
        pick = rng.integers(0, n, n)
        boot[k] = _indices(fa[pick], fab[pick], fb[pick])
    z = stats.norm.ppf(0.5 + confidence / 2)
    conf = z * boot.std(axis=0, ddof=1)
    return {"S1": s1, "S1_conf": conf[0], "ST": st, "ST_conf": conf[1]}
