#!/usr/bin/python3
"""The analysis methods of tools/eiisim_results against cases with known answers.

Usage: test_analysis_methods.py <path-to-eiisim-binary> <repo-root>   (binary unused)

1. Sobol' (Saltelli 2010 design, Saltelli/Jansen estimators): the Ishigami function
   (a = 7, b = 0.1) has S1 = (0.314, 0.442, 0) and ST = (0.558, 0.442, 0.244); the
   estimates must lie within 0.03 and inside their bootstrap CIs widened by 0.01.
2. A shuffled design (rows out of the A, AB_i, B order) is refused.
3. Morris on y = 1 x1 + 2 x2 + 0 x3 - 3 x4 (uniform on [0, 1]): mu* = |coefficient| x
   the step 0.5 / 0.5 = |coefficient|, sigma = 0; a non-trajectory design is refused.
4. PRIM on a planted box (y = x0 > 0.6 and x2 < 0.3, 5 uniform settings, 5,000 runs):
   the reported box restricts exactly x0 and x2, near the planted limits, with density
   and coverage >= 0.9.
5. The design quantiles: a triangular and a discrete setting map u to the right values.
6. Feature scoring (if scikit-learn is installed): for y = 5 x0 + x1 the scores rank
   x0 first, x1 second.
Exits non-zero on any failure.
"""

import sys

import numpy as np

from eiisim_results import designs, feature_scoring, morris, prim, sobol

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def ishigami():
    x = -np.pi + 2 * np.pi * designs.saltelli_unit(2 ** 12, 3, seed=3)
    y = np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])
    r = sobol.sobol_indices(x, y, resamples=200)
    s1, st = np.array([0.3139, 0.4424, 0.0]), np.array([0.5576, 0.4424, 0.2437])
    check(np.all(np.abs(r["S1"] - s1) < 0.03), f"Ishigami S1 {r['S1']} vs {s1}")
    check(np.all(np.abs(r["ST"] - st) < 0.03), f"Ishigami ST {r['ST']} vs {st}")
    check(np.all(np.abs(r["S1"] - s1) <= r["S1_conf"] + 0.01), f"S1 outside its CI {r['S1_conf']}")
    check(np.all(np.abs(r["ST"] - st) <= r["ST_conf"] + 0.01), f"ST outside its CI {r['ST_conf']}")
    shuffled = np.random.default_rng(1).permutation(len(y))
    try:
        sobol.sobol_indices(x[shuffled], y[shuffled], resamples=10)
        check(False, "a shuffled design was accepted as a Saltelli design")
    except ValueError:
        pass


def morris_linear():
    unit = designs.morris_unit(30, 4, 4, seed=2)
    coefficients = np.array([1.0, 2.0, 0.0, -3.0])
    r = morris.morris_indices(unit, unit @ coefficients)
    check(np.allclose(r["mu_star"], np.abs(coefficients)), f"Morris mu* {r['mu_star']}")
    check(np.allclose(r["mu"], coefficients), f"Morris mu {r['mu']}")
    check(np.allclose(r["sigma"], 0), f"Morris sigma {r['sigma']}")
    try:
        morris.morris_indices(np.random.default_rng(1).random((30 * 5, 4)), np.zeros(150))
        check(False, "a random design was accepted as Morris trajectories")
    except ValueError:
        pass


def planted_box():
    x = np.random.default_rng(1).random((5000, 5))
    y = (x[:, 0] > 0.6) & (x[:, 2] < 0.3)
    trajectory = prim.peel(x, y)
    box = trajectory[prim.choose_box(trajectory)]
    restricted = box.restricted(trajectory[0].lower, trajectory[0].upper)
    check(restricted == [0, 2], f"PRIM restricted {restricted}, expected [0, 2]")
    check(abs(box.lower[0] - 0.6) < 0.03 and abs(box.upper[2] - 0.3) < 0.03,
          f"PRIM limits x0 >= {box.lower[0]:.3f}, x2 <= {box.upper[2]:.3f}")
    check(box.density >= 0.9 and box.coverage >= 0.9, f"PRIM density {box.density:.3f} coverage {box.coverage:.3f}")
    check(trajectory[0].coverage == 1.0 and abs(trajectory[0].density - y.mean()) < 1e-12, "PRIM first box")


def quantiles():
    tri = {"distribution": "triangular", "low": 0.7, "mode": 1.0, "high": 1.5}
    check(abs(designs.quantile(tri, np.array([0.375]))[0] - 1.0) < 1e-9, "triangular quantile at the mode")
    disc = {"distribution": "discrete", "values": [1, 2]}
    check(list(designs.quantile(disc, np.array([0.2, 0.7]))) == [1, 2], "discrete quantile")


def scoring():
    if not feature_scoring.available():
        print("feature scoring: skipped (no scikit-learn; Debian python3-sklearn)")
        return
    x = np.random.default_rng(1).random((600, 4))
    scores = feature_scoring.feature_scores(x, 5 * x[:, 0] + x[:, 1])
    check(list(np.argsort(-scores)[:2]) == [0, 1], f"feature scores {scores}")


def main():
    ishigami()
    morris_linear()
    planted_box()
    quantiles()
    scoring()
    if failures:
        return 1
    print("analysis methods: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
