#!/usr/bin/python3
"""tools/rank_uncertainties.py ranks a sweep's settings sensibly.

Usage: test_rank_uncertainties.py <path-to-eiisim-binary> <repo-root>

1. Synthetic file (h5py, in the sweep layout): Y = 3*X1 + 0.5*X2 + noise with X3
   inert. X1 must rank first, X3 last and near the noise floor, every index in [0, 1],
   and the SRRC signs must follow the coefficients.
2. A discrete setting is grouped by value (S equals the exact correlation ratio).
3. A 300-run LHS sweep of current-policy: the tool runs end to end, writes its figure,
   and every index is in [0, 1].
Exits non-zero on any failure.
"""

import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

import rank_uncertainties as ru

RUNS = 300


def write_fake(path, x, y):
    n, d = x.shape
    with h5py.File(path, "w") as f:
        f["parameter"] = np.array([f"x{j + 1}".encode() for j in range(d)])
        for j in range(d):
            f[f"param_x{j + 1}"] = x[:, j]
        f["milestone"] = np.array([2030, 2040], dtype=np.int32)
        f["net_co2"] = np.column_stack([y, -y])


def main():
    binary, root = sys.argv[1], sys.argv[2]
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what)

    rng = np.random.default_rng(5)
    with tempfile.TemporaryDirectory() as tmp:
        # 1. synthetic: X1 dominates, X2 matters a little, X3 not at all
        n = 2000
        x = rng.uniform(size=(n, 3))
        y = 3 * x[:, 0] + 0.5 * x[:, 1] + rng.normal(scale=0.3, size=n)
        fake = os.path.join(tmp, "fake.h5")
        write_fake(fake, x, y)
        names, xr, yr = ru.read_sweep(fake, 2030)
        check(names == ["x1", "x2", "x3"] and np.array_equal(yr, y), "reads parameters and net_co2[:, 2030]")
        rows, r2 = ru.rank(names, xr, yr, 20)
        order = [r[0] for r in rows]
        check(order == ["x1", "x2", "x3"], f"ranking x1, x2, x3 (got {order})")
        check(all(0.0 <= r[1] <= 1.0 for r in rows), "indices in [0, 1]")
        s = {r[0]: r[1] for r in rows}
        # Var(3 X1) / Var(Y) = 0.75 / (0.75 + 0.0208 + 0.09) = 0.82
        check(abs(s["x1"] - 0.82) < 0.05, f"S_x1 near 0.82 (got {s['x1']:.3f})")
        check(s["x3"] < 3 * 19 / (n - 1), f"S_x3 near the noise floor (got {s['x3']:.4f})")
        beta = {r[0]: r[2] for r in rows}
        check(beta["x1"] > 0.8 and beta["x2"] > 0 and abs(beta["x3"]) < 0.05, f"SRRC signs {beta}")
        check(0.8 < r2 <= 1.0, f"SRRC R^2 {r2:.3f}")

        # 2. discrete setting: groups by value, so S is the exact correlation ratio
        xd = rng.integers(0, 3, size=n).astype(float)
        yd = xd + rng.normal(size=n)
        groups = [yd[xd == v] for v in range(3)]
        exact = sum(len(g) * (g.mean() - yd.mean()) ** 2 for g in groups) / n / yd.var()
        check(abs(ru.first_order_index(xd, yd, 20) - exact) < 1e-12, "discrete setting grouped by value")

        # 3. a real sweep, end to end
        out = os.path.join(tmp, "sweep.h5")
        fig = os.path.join(tmp, "rank.png")
        subprocess.run([binary, "sweep", "--scenario", os.path.join(root, "scenarios/current-policy.toml"),
                        "--runs", str(RUNS), "--sampler", "lhs", "--seed", "3", "--threads", "2",
                        "--quiet", "--out", out], check=True, cwd=root)
        tool = os.path.join(root, "tools", "rank_uncertainties.py")
        done = subprocess.run([tool, out, "--out", fig], check=True, capture_output=True, text=True)
        print(done.stdout)
        check(os.path.getsize(fig) > 1000, "figure written")
        names, xs, ys = ru.read_sweep(out, 2030)
        check(xs.shape == (RUNS, len(names)) and len(names) > 0, "one column per sampled setting")
        rows, _ = ru.rank(names, xs, ys, 20)
        check(all(0.0 <= r[1] <= 1.0 for r in rows), "indices of the real sweep in [0, 1]")
        check(all(r[0] in done.stdout for r in rows), "every setting in the printed table")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("rank_uncertainties: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
