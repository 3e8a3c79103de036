#!/usr/bin/python3
"""End-to-end check of the HDF5 result file as other tools see it.

Usage: test_output_formats.py <path-to-eiisim-binary> <repo-root>

Runs the small test scenario, then opens the result with xarray (engine h5netcdf),
netCDF4, `ncdump -h`, h5py and `h5dump -H`, checks dimensions, coordinate values and
units, and runs `python3 -m eiisim_results plot`. Exits non-zero on any failure.

EIISIM_TEST_RESULT=<file.h5> skips the run and checks that file instead (used to develop
this script against the file written by the Catch2 test, see tests/test_hdf5_writer.cpp);
the comparison with the scenario's dataset is then skipped.
"""

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

DIMENSIONS = ["run", "year", "plant", "cluster", "technology", "kind", "carrier", "cost_component", "reduction_part",
              "strategic_product", "event", "option_considered"]
UNITS = {
    "year": "year",
    "production": "t/yr",
    "utilisation": "1",
    "co2_gross": "t/yr",
    "co2_captured": "t/yr",
    "co2_net": "t/yr",
    "co2_relocated": "t/yr",
    "revenue": "EUR/yr",
    "margin": "EUR/yr",
    "energy": "GJ/yr",
    "cost": "EUR/yr",
    "cluster_co2_net": "t/yr",
    "cluster_grid_used": "MW",
    "cluster_production_value_by_kind": "EUR/yr",
    "cluster_production_value": "EUR/yr",
    "power_output": "MWh/yr",
    "co2_storage_used": "t/yr",
    "hydrogen_used": "GJ/yr",
    "instrument_paid": "EUR/yr",
    "plant_capacity": "t/yr",
    "event_year": "year",
    "option_cost": "EUR/t",
    "net_co2": "t/yr",
    "cluster_net_co2": "t/yr",
    "cumulative_subsidy": "EUR",
    "production_retained": "1",
}
PANEL_DIMS = ("run", "year", "plant")
PLOTS = ["net_emissions_by_cluster.png", "route_mix_by_cluster.png", "infrastructure_use.png", "grid_use_by_cluster.png",
         "relocated_emissions.png", "reduction_parts.png"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def read_csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def expectations(repo):
    """Plant ids, cluster names and years the small scenario should produce."""
    small = os.path.join(repo, "tests", "data", "small")
    expected = {"plants": {r["id"] for r in read_csv_rows(os.path.join(small, "dataset", "plants.csv"))}}
    if tomllib is not None:
        with open(os.path.join(small, "scenario.toml"), "rb") as f:
            sc = tomllib.load(f)["scenario"]
        expected["years"] = list(range(sc["base_year"], sc["end_year"] + 1))
        with open(os.path.join(small, "dataset", "infrastructure.toml"), "rb") as f:
            clusters = tomllib.load(f).get("clusters", {})
        expected["cluster_ids"] = set(clusters)
        expected["cluster_names"] = {c.get("name", cid) for cid, c in clusters.items()}
    return expected


def run_model(eiisim, repo, tmp):
    scenario = os.path.join(repo, "tests", "data", "small", "scenario.toml")
    out = os.path.join(tmp, "r.h5")
    if not check(os.access(eiisim, os.X_OK), f"eiisim binary {eiisim} not found or not executable"):
        return None
    if not check(os.path.isfile(scenario), f"test scenario {scenario} not found"):
        return None
    cmd = [eiisim, "run", "--scenario", scenario, "--out", out, "--seed", "1"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if not check(proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()}"):
        return None
    check(os.path.getsize(out) > 0, "result file is empty")
    leftovers = [n for n in os.listdir(tmp) if ".tmp-" in n]
    check(not leftovers, f"temporary files left next to the result: {leftovers}")
    return out


def check_xarray(path, expected):
    import numpy as np
    import xarray as xr

    with xr.open_dataset(path, engine="h5netcdf") as ds:
        for dim in DIMENSIONS:
            check(dim in ds.dims, f"xarray: dimension {dim} missing")
            check(dim in ds.coords, f"xarray: coordinate variable {dim} missing")
        check(ds.sizes.get("run") == 1, "xarray: run dimension should have length 1")
        # The outcomes have the sweep layout; they agree with the cluster series.
        check(ds.attrs.get("sampler") == "none", "xarray: single run should have sampler 'none'")
        if check("net_co2" in ds.variables and "milestone" in ds.dims, "xarray: outcome variables missing"):
            for m in ds["milestone"].values:
                if int(m) in [int(y) for y in ds["year"].values]:
                    total = float(ds["cluster_co2_net"].sel(year=int(m)).sum())
                    kpi = float(ds["net_co2"].sel(milestone=int(m)).values[0])
                    check(abs(total - kpi) <= 1e-6 * max(1.0, abs(total)),
                          f"xarray: net_co2 KPI {kpi} for {int(m)} differs from the cluster sum {total}")
        years = [int(y) for y in ds["year"].values]
        check(years == list(range(years[0], years[0] + len(years))), "xarray: years not consecutive")
        plants = [text(p) for p in ds["plant"].values]
        check(len(plants) > 0 and len(set(plants)) == len(plants) and all(plants), "xarray: plant ids empty or not unique")
        names = [text(n) for n in ds["cluster_name"].values]
        check(all(names), "xarray: empty cluster name")
        for name, units in UNITS.items():
            if check(name in ds.variables, f"xarray: variable {name} missing"):
                check(ds[name].attrs.get("units") == units,
                      f"xarray: {name} units {ds[name].attrs.get('units')!r}, expected {units!r}")
        for name, var in ds.variables.items():
            check("units" in var.attrs, f"xarray: {name} has no units attribute")
            check("long_name" in var.attrs, f"xarray: {name} has no long_name attribute")
        for name in ("production", "co2_net", "route", "status", "margin"):
            check(ds[name].dims == PANEL_DIMS, f"xarray: {name} dims {ds[name].dims}, expected {PANEL_DIMS}")
        check(ds["energy"].dims == PANEL_DIMS + ("carrier",), "xarray: energy dims")
        check(ds["cost"].dims == PANEL_DIMS + ("cost_component",), "xarray: cost dims")
        check(ds["cluster_production_value_by_kind"].dims == ("run", "year", "cluster", "kind"),
              "xarray: cluster_production_value_by_kind dims")
        # Every series the reader's table lists (tools/eiisim_results/observables.json,
        # generated from core/observables.cpp), with its dimensions, units and long_name.
        from eiisim_results import observables

        for o in observables.OBSERVABLES:
            name = o["name"]
            if not o["run_file"]:
                check(name not in ds.variables, f"xarray: derived {name} should not be in a run file")
            elif check(name in ds.variables, f"xarray: series {name} missing"):
                check(ds[name].dims == tuple(o["dims"]), f"xarray: {name} dims {ds[name].dims}, table {o['dims']}")
                check(ds[name].attrs.get("units") == o["units"], f"xarray: {name} units differ from the table")
                check(ds[name].attrs.get("long_name") == o["long_name"], f"xarray: {name} long_name differs")
        check(int(ds.attrs.get("schema_version", -1)) == observables.SCHEMA_VERSION, "xarray: schema_version")
        check(ds.attrs.get("model") == "eiisim", "xarray: global attribute model")
        check(ds.attrs.get("Conventions") == "CF-1.8", "xarray: global attribute Conventions")
        for attr in ("model_version", "source_revision", "scenario", "scenario_text", "seed", "created"):
            check(attr in ds.attrs, f"xarray: global attribute {attr} missing")
        # The cluster aggregates are sums over the cluster's plants (core/run_result.hpp);
        # a mismatch here would mean a dimension was written in the wrong order.
        cluster_of = ds["plant_cluster"].values
        by_plant = ds["co2_net"].values
        summed = np.stack([by_plant[..., cluster_of == c].sum(axis=-1) for c in range(ds.sizes["cluster"])], axis=-1)
        check(np.allclose(summed, ds["cluster_co2_net"].values, rtol=1e-9, atol=1e-6),
              "xarray: cluster_co2_net is not the sum of co2_net over the cluster's plants")
        if expected:
            check(int(ds.attrs.get("seed", -1)) == 1, f"xarray: seed attribute {ds.attrs.get('seed')}, run used --seed 1")
            check(set(plants) == expected["plants"], f"xarray: plant ids {sorted(plants)} != dataset {sorted(expected['plants'])}")
            if "years" in expected:
                check(years == expected["years"], f"xarray: years {years[0]}..{years[-1]} != scenario")
                clusters = {text(c) for c in ds["cluster"].values}
                check(clusters == expected["cluster_ids"], f"xarray: cluster ids {sorted(clusters)}")
                check(set(names) == expected["cluster_names"], f"xarray: cluster names {sorted(names)}")
        return {"plants": plants, "years": years, "clusters": [text(c) for c in ds["cluster"].values]}


def check_reader(path, seen):
    from eiisim_results import events, open_result, options

    ds = open_result(path)
    check(set(ds["status"].values.ravel()) <= {"operating", "converting", "relocated", "closed"},
          "reader: status not decoded to names")
    check(set(ds["route"].values.ravel()) <= {text(t) for t in ds["technology"].values} | {""},
          "reader: route not decoded to technology ids")
    ev = events(path)
    check(len(ev) == ds.sizes["event"], "reader: events() row count")
    check(set(ev["plant"]) <= set(seen["plants"]), "reader: events() plant ids")
    op = options(path)
    check(len(op) == ds.sizes["option_considered"], "reader: options() row count")
    check_option_log(op, ev)
    check_explain(path, ev, op)


def check_option_log(op, ev):
    """The cost terms add up to the cost; in each decision the chosen variant has the best
    utility among the feasible variants allocation granted; ranks follow the utility."""
    terms = [c for c in op.columns if c.startswith("cost_") and c != "cost_eur_per_t"]
    total = op[terms].sum(axis=1) + op["investment_aid"] + op["risk_premium"]
    check(((total - op["cost_eur_per_t"]).abs() <= 1e-6 * (1 + op["cost_eur_per_t"].abs())).all(),
          "reader: cost terms do not add up to option cost")
    parts = op["utility_systematic"] + op["utility_bias"] + op["utility_random"]
    check(((parts - op["utility"]).abs() <= 1e-9 * (1 + parts.abs())).all(), "reader: utility parts")
    for event, rows in op.groupby("event"):
        if ev.loc[event, "closed_by_rule"]:
            continue
        chosen = rows[rows["chosen"]]
        check(len(chosen) <= 1, f"reader: event {event} has {len(chosen)} chosen variants")
        granted = rows[rows["feasible"] & ~rows["refused"] & (rows["kind"] != "close")]
        if len(chosen) and len(granted):
            check(chosen["utility"].iloc[0] >= granted["utility"].max() - 1e-9,
                  f"reader: event {event}: a granted variant beats the chosen one")
        ranked = rows[rows["rank"] >= 0].sort_values("rank")
        check((ranked["utility"].diff().dropna() <= 1e-9).all(), f"reader: event {event}: ranks do not follow utility")


def check_explain(path, ev, op):
    from eiisim_results import explain

    decided = ev[ev.index.isin(op["event"])]
    if not check(len(decided) > 0, "reader: no decision with options to explain"):
        return
    first = decided.iloc[0]
    text = explain(path, first["plant"], int(first["year"]))
    for needle in ("trigger: ", "outcome: ", "deterministic", " bias ", " random", "= total cost", "= margin"):
        check(needle in text, f"explain(): {needle!r} missing")
    none = explain(path, first["plant"], 1900)
    check("made no decision in 1900" in none and f"{int(first['year'])} (" in none,
          "explain(): a year without a decision should list the decision years")


def check_netcdf4(path, seen):
    import netCDF4

    with netCDF4.Dataset(path) as nc:
        for dim in DIMENSIONS:
            check(dim in nc.dimensions, f"netCDF4: dimension {dim} missing")
        check(len(nc.dimensions["plant"]) == len(seen["plants"]), "netCDF4: plant dimension length")
        check([text(p) for p in nc["plant"][:]] == seen["plants"], "netCDF4: plant ids differ from xarray's")
        check(nc["production"].dimensions == PANEL_DIMS, f"netCDF4: production dims {nc['production'].dimensions}")
        for name, units in UNITS.items():
            check(getattr(nc[name], "units", None) == units, f"netCDF4: {name} units")
        check(nc.getncattr("model") == "eiisim", "netCDF4: global attribute model")


def check_ncdump(path, seen):
    proc = subprocess.run(["ncdump", "-h", path], capture_output=True, text=True)
    if not check(proc.returncode == 0, f"ncdump -h failed: {proc.stderr.strip()}"):
        return
    header = proc.stdout
    # netCDF shows a zero-length dimension (a run without decisions) as unlimited.
    dims = {name: fixed or current for name, fixed, current in re.findall(
        r"^\s+(\w+) = (?:(\d+)|UNLIMITED ; // \((\d+) currently\))(?: ;)?$", header.split("variables:")[0], flags=re.M)}
    for dim in DIMENSIONS:
        check(dim in dims, f"ncdump: dimension {dim} missing")
    check(int(dims.get("plant", -1)) == len(seen["plants"]), "ncdump: plant dimension length")
    check(int(dims.get("year", -1)) == len(seen["years"]), "ncdump: year dimension length")
    check(re.search(r"double production\(run, year, plant\) ;", header) is not None, "ncdump: production declaration")
    for name, units in UNITS.items():
        check(f'{name}:units = "{units}" ;' in header, f"ncdump: {name}:units = {units!r} not shown")
    check(':Conventions = "CF-1.8" ;' in header, "ncdump: Conventions attribute")


def check_h5py(path, seen):
    import h5py

    with h5py.File(path, "r") as f:
        check([text(p) for p in f["plant"][:]] == seen["plants"], "h5py: plant ids")
        check([int(y) for y in f["year"][:]] == seen["years"], "h5py: years")
        check(text(f["production"].attrs["units"]) == "t/yr", "h5py: production units")
        prod = f["production"]
        check(prod.shape == (1, len(seen["years"]), len(seen["plants"])), f"h5py: production shape {prod.shape}")
        for axis, dim in enumerate(PANEL_DIMS):
            scales = [s.name for s in prod.dims[axis].values()]
            check(scales == [f"/{dim}"], f"h5py: production axis {axis} scales {scales}")
        check(text(f.attrs["model"]) == "eiisim", "h5py: global attribute model")


def check_h5dump(path):
    proc = subprocess.run(["h5dump", "-H", path], capture_output=True, text=True)
    if not check(proc.returncode == 0, f"h5dump -H failed: {proc.stderr.strip()}"):
        return
    for needle in ('DATASET "production"', 'ATTRIBUTE "units"', 'ATTRIBUTE "DIMENSION_LIST"',
                   'ATTRIBUTE "CLASS"', 'DATASET "plant"', 'ATTRIBUTE "Conventions"'):
        check(needle in proc.stdout, f"h5dump -H: {needle} not found")


def check_plots(path, repo, tmp):
    out_dir = os.path.join(tmp, "plots")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(repo, "tools") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["MPLCONFIGDIR"] = os.path.join(tmp, "mpl")  # keep matplotlib's cache out of $HOME
    proc = subprocess.run([sys.executable, "-m", "eiisim_results", "plot", path, "--out", out_dir],
                          capture_output=True, text=True, env=env)
    if not check(proc.returncode == 0, f"plot command failed: {proc.stderr.strip()}"):
        return
    printed = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    for name in PLOTS:
        png = os.path.join(out_dir, name)
        check(png in printed, f"plot: {png} not printed")
        if check(os.path.isfile(png), f"plot: {png} missing"):
            with open(png, "rb") as f:
                check(f.read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(png) > 1000, f"plot: {png} is not a PNG")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    eiisim, repo = argv[1], os.path.abspath(argv[2])
    sys.path.insert(0, os.path.join(repo, "tools"))
    tmp = tempfile.mkdtemp(prefix="eiisim_formats_")
    try:
        override = os.environ.get("EIISIM_TEST_RESULT")
        if override:
            path, expected = override, None
        else:
            path = run_model(eiisim, repo, tmp)
            expected = expectations(repo)
        if path is None:
            return 1
        seen = check_xarray(path, expected)
        check_reader(path, seen)
        check_netcdf4(path, seen)
        check_ncdump(path, seen)
        check_h5py(path, seen)
        check_h5dump(path)
        check_plots(path, repo, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("output formats: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
