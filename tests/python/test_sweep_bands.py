#!/usr/bin/python3
"""A sweep file's route-mix and infrastructure bands are the quantiles of the runs' own
series, and the plot tool draws the route-mix and infrastructure figures from them.

Usage: test_sweep_bands.py <path-to-eiisim-binary> <repo-root>

Runs a 60-run sweep of the small test scenario with --save plants (every run's plant
panels in the file) and checks, with numpy's default ("linear") quantiles over runs:
  production_share_by_kind_quantiles (a share of the run's base-year production value;
      tests/test_sweep.cpp recomputes it from the panels) is all `keep` in the base year
      and zero for relocated and closed plants, and the route mix varies across runs;
  co2_storage_used_quantiles = quantiles of the CO2 captured, summed over plants;
  cluster_co2_net_quantiles = quantiles of the plants' net CO2 summed per cluster.
Then a --save none sweep of the same runs: the bands are identical (what is saved per run
does not change them), and `python3 -m eiisim_results plot` writes route_mix_national.png
and infrastructure_use.png from it. Exits non-zero on any failure.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
import xarray as xr

RUNS = 60
QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]


def main():
    binary, root = sys.argv[1], sys.argv[2]
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what)

    scenario = os.path.join(root, "tests/data/small/scenario_sweep.toml")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")

    def sweep(save, out):
        subprocess.run([binary, "sweep", "--scenario", scenario, "--runs", str(RUNS), "--sampler", "lhs", "--seed", "9",
                        "--save", save, "--threads", "2", "--quiet", "--out", out], check=True, env=env, cwd=root)

    with tempfile.TemporaryDirectory() as tmp:
        plants_file = os.path.join(tmp, "plants.h5")
        sweep("plants", plants_file)
        with xr.open_dataset(plants_file, engine="h5netcdf") as ds:
            kinds = [str(k) for k in ds["kind"].values]
            got = ds["production_share_by_kind_quantiles"].transpose("quantile", "year", "kind").values
            check(got.shape == (len(QUANTILES), ds.sizes["year"], len(kinds)), f"production share band shape {got.shape}")
            check(np.allclose(got[:, 0, kinds.index("keep")], 1.0, rtol=1e-12), "base year: all production on keep")
            route_kind = ds["route_kind"].transpose("run", "year", "plant").values
            production = ds["production"].transpose("run", "year", "plant").values
            share = np.stack([np.where(route_kind == k, production, 0.0).sum(axis=2) for k in range(len(kinds))], axis=2)
            check(np.all(got[:, :, kinds.index("relocate")] == 0) and np.all(got[:, :, kinds.index("close")] == 0),
                  "relocated and closed plants produce nothing in the Netherlands")
            check(np.std(share[:, -1, :], axis=0).max() > 0, "the route mix varies across runs")

            captured = ds["co2_captured"].transpose("run", "year", "plant").values.sum(axis=2)
            expected = np.quantile(captured, QUANTILES, axis=0)
            got = ds["co2_storage_used_quantiles"].transpose("quantile", "year").values
            check(np.allclose(got, expected, rtol=1e-9, atol=1e-6), "CO2 storage bands = quantiles of captured CO2")

            net = ds["cluster_co2_net"].transpose("run", "year", "cluster").values
            expected = np.quantile(net, QUANTILES, axis=0)
            got = ds["cluster_co2_net_quantiles"].transpose("quantile", "year", "cluster").values
            check(np.allclose(got, expected, rtol=1e-12, atol=1e-6), "cluster net CO2 bands = numpy quantiles")
            check(np.allclose(net.sum(axis=2), ds["co2_net"].transpose("run", "year", "plant").values.sum(axis=2),
                              rtol=1e-9), "cluster trajectories add up to the plant panels")
            plants_bands = {name: ds[name].values for name in ds.data_vars if name.endswith("_quantiles")}

        none_file = os.path.join(tmp, "none.h5")
        sweep("none", none_file)
        with xr.open_dataset(none_file, engine="h5netcdf") as ds:
            for name, values in plants_bands.items():
                check(name in ds and np.array_equal(ds[name].values, values), f"{name}: same bands with --save none")
            check("production" not in ds and "cluster_grid_used" not in ds, "--save none keeps no per-run series")

        figures = os.path.join(tmp, "figures")
        done = subprocess.run([sys.executable, "-m", "eiisim_results", "plot", none_file, "--out", figures],
                              capture_output=True, text=True, env=env)
        check(done.returncode == 0, f"plot exits 0: {done.stderr}")
        names = sorted(os.path.basename(p) for p in done.stdout.split())
        check("route_mix_national.png" in names and "infrastructure_use.png" in names,
              f"plot draws route mix and infrastructure use from a sweep file: {names}")
        for name in names:
            check(os.path.getsize(os.path.join(figures, name)) > 1000, f"{name} is a non-empty PNG")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("sweep bands: ok")


if __name__ == "__main__":
    main()
