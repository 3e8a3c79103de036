#!/usr/bin/python3
"""A sweep file opens in xarray (h5netcdf) with the documented layout.

Usage: test_sweep.py <path-to-eiisim-binary> <repo-root>

Runs a 200-run Latin-hypercube sweep of the Dutch current-policy scenario with
--save clusters, opens it with xarray (engine h5netcdf) and netCDF4 when present, and
checks: dimensions and coordinates, units on every variable, one variable per sampled
setting with its distribution, the design's Latin-hypercube stratification, quantiles
ordered along `quantile` and equal to numpy's over the saved trajectories, the route-mix
and infrastructure bands, KPIs consistent with the trajectories, and that the standard
plots are drawn from the file. Exits non-zero on any failure.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
import xarray as xr

from eiisim_results import observables

RUNS = 200


def main():
    binary, root = sys.argv[1], sys.argv[2]
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what)

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "sweep.h5")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        subprocess.run([binary, "sweep", "--scenario", os.path.join(root, "scenarios/current-policy.toml"),
                        "--runs", str(RUNS), "--sampler", "lhs", "--seed", "3", "--save", "clusters",
                        "--threads", "2", "--quiet", "--out", out], check=True, env=env, cwd=root)
        ds = xr.open_dataset(out, engine="h5netcdf")
        check(ds.sizes["run"] == RUNS, "run dimension has the number of runs")
        check(list(ds["run"].values) == list(range(RUNS)), "run coordinate 0..N-1")
        check(list(ds["milestone"].values) == [2030, 2040, 2050], "milestones")
        check(list(ds["quantile"].values) == [0.05, 0.25, 0.5, 0.75, 0.95], "quantile coordinate")
        check(ds["year"].values[0] == 2020 and ds["year"].values[-1] == 2050, "year coordinate")
        check(ds.attrs["sampler"] == "lhs" and int(ds.attrs["runs"]) == RUNS, "global sampler/runs")
        for name, var in ds.variables.items():
            check("units" in var.attrs and "long_name" in var.attrs, f"{name} has units and long_name")
        params = [str(p) for p in ds["parameter"].values]
        check(len(params) >= 6, "at least six uncertain settings in current-policy")
        for p in params:
            var = ds["param_" + p]
            check(var.dims == ("run",), f"param_{p} along run")
            check("distribution" in var.attrs and "target" in var.attrs, f"param_{p} has distribution and target")
        design = ds["design"].values
        check(design.shape == (RUNS, len(params)), "design [run, parameter]")
        for j in range(len(params)):
            strata = np.floor(design[:, j] * RUNS).astype(int)
            check(sorted(strata) == list(range(RUNS)), f"LHS: each stratum once in dimension {params[j]}")
        ets = ds["param_ets_factor"].values
        check(ets.min() >= 0.7 and ets.max() <= 1.5, "ETS factor within its triangular range")

        q = ds["co2_net_quantiles"].values
        check(np.all(np.diff(q, axis=0) >= 0), "national quantiles ordered along quantile")
        qc = ds["cluster_co2_net_quantiles"]
        check(qc.dims == ("quantile", "year", "cluster"), "cluster quantile dims")
        check(np.all(np.diff(qc.values, axis=0) >= 0), "cluster quantiles ordered along quantile")
        traj = ds["cluster_co2_net"]
        check(traj.dims == ("run", "year", "cluster"), "cluster trajectory dims")
        expected = np.quantile(traj.sum("cluster").values, ds["quantile"].values, axis=0)
        check(np.allclose(expected, q, rtol=1e-12, atol=1e-6), "quantiles equal numpy's over saved trajectories")
        expected_c = np.quantile(traj.values, ds["quantile"].values, axis=0)
        check(np.allclose(expected_c, qc.values, rtol=1e-12, atol=1e-6), "cluster quantiles equal numpy's")
        # Route-mix and infrastructure bands: named after the run-file series, [quantile, year, ...].
        check(list(ds["kind"].values) == ["keep", "electrify", "ccs", "hydrogen", "import", "bio", "relocate",
                                          "close", "relocate_eu"], "kind coordinate")
        # Every band the observables table declares (tools/eiisim_results/observables.json).
        bands = {b["band"]: tuple(b["band_dims"]) for b in observables.bands()}
        for name, dims in bands.items():
            check(name in ds and ds[name].dims == dims, f"{name} {dims}")
            if name in ds:
                band = next(b for b in observables.bands() if b["band"] == name)
                check(np.all(np.diff(ds[name].values, axis=0) >= 0), f"{name} ordered along quantile")
                check(ds[name].attrs["long_name"] == band["band_long_name"], f"{name} long_name")
                check(ds[name].attrs["units"] == band["units"], f"{name} units")
        for name in observables.saved_series():
            check(name in ds and ds[name].attrs["units"] == observables.observable(name)["units"],
                  f"--save clusters: {name} with its units")
        share = ds["production_share_by_kind_quantiles"]
        check(ds["production_share_by_kind_quantiles"].attrs["units"] == "1", "production share units")
        check(np.all(share.sel(kind=["relocate", "close", "relocate_eu"]).values == 0), "no production on relocate/close")
        check(np.all((share.values >= 0) & (share.values <= 1.5)), "production shares are shares")
        # In the base year each run's shares add up to 1, and all runs start from the same
        # route mix, so the medians do too.
        check(np.isclose(share.sel(quantile=0.5, year=2020).sum("kind"), 1.0, rtol=1e-9), "base year: all production")
        check(ds["cluster_grid_used_quantiles"].attrs["units"] == "MW", "grid units")
        check(ds["hydrogen_used_quantiles"].attrs["units"] == "GJ/yr", "hydrogen units")
        kpi = ds["net_co2"].sel(milestone=2030).values
        check(np.allclose(kpi, traj.sel(year=2030).sum("cluster").values, rtol=1e-12), "2030 KPI = trajectory sum")
        check(ds["cluster_net_co2"].dims == ("run", "milestone", "cluster"), "cluster KPI dims")
        check(ds["net_co2"].attrs["units"] == "t/yr", "net_co2 units")
        check(np.all((ds["production_retained"].values >= 0) & (ds["production_retained"].values <= 1.5)),
              "production retained is a share")
        check(np.std(ds["net_co2"].sel(milestone=2050).values) > 0, "outcomes vary across runs")
        ds.close()
        try:
            import netCDF4
            with netCDF4.Dataset(out) as nc:
                check(nc.dimensions["run"].size == RUNS, "netCDF4 sees the run dimension")
        except ImportError:
            pass
        # The standard plots draw the ensemble's bands from a sweep file too.
        from eiisim_results import open_result
        from eiisim_results.plots import plot_all
        skipped = []
        with open_result(out) as sweep:
            paths = plot_all(sweep, os.path.join(tmp, "figures"), skipped)
        names = [os.path.basename(p) for p in paths]
        check(sorted(names) == ["grid_use_by_cluster.png", "infrastructure_use.png", "jobs_and_value_added.png",
                                "leakage.png", "milestone_outcomes.png",
                                "net_emissions_by_cluster.png", "reduction_by_cluster.png",  # layout 17 on
                                "reduction_by_milestone.png", "reduction_parts.png",
                                "relocated_emissions.png", "route_mix_national.png", "target_gaps.png", "targets.png"],
              f"plots of a sweep file: {names}, skipped {skipped}")
        check(all(os.path.getsize(p) > 1000 for p in paths), "plots are non-empty PNGs")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("sweep file: ok")


if __name__ == "__main__":
    main()
