#!/usr/bin/env python3
"""The numbers the viewer's end-to-end test expects, read from the same files with h5py.

    /usr/bin/python3 tests/expected.py RUN.h5 SWEEP.h5 RUN2.h5 SWEEP_PLANTS.h5 > expected.json

RUN2.h5 is the file the test drops on the page; SWEEP_PLANTS.h5 a sweep saved with
--save plants (the plant tab of sweeps).

Values are in the viewer's display units (Mt/yr, M EUR/yr: the raw value x 1e-6), keyed
by the chart id and the CSV column the viewer writes for it.
"""
import json
import sys

import h5py
import numpy as np

M = 1e-6


def names(f, dim):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in f[dim][:]]


def run_expectations(f):
    clusters = names(f, "cluster_name")
    net = f["cluster_co2_net"][0]                     # [year, cluster]
    kinds = names(f, "kind")
    by_kind = f["cluster_production_value_by_kind"][0]  # [year, cluster, kind]
    first_cluster = names(f, "cluster")[0]
    base0 = f["cluster_production_value"][0, 0, 0]
    mix = {k: (by_kind[:, 0, i] * M).tolist() for i, k in enumerate(kinds) if by_kind[:, 0, i].any()}
    mix["lost since base year"] = (np.maximum(0, base0 - by_kind[:, 0, :].sum(axis=1)) * M).tolist()
    plant_base = f["co2_net"][0, 0, :]
    top = int(np.argmax(plant_base))
    plant_id = names(f, "plant")[top]
    events = np.flatnonzero(f["event_plant"][:] == top)
    options = int(np.isin(f["option_event"][:], events).sum())
    without_options = int(np.isin(events, f["option_event"][:], invert=True).sum())
    instruments = names(f, "instrument")
    paid = f["instrument_paid"][0]
    return {
        "years": f["year"][:].tolist(),
        "emissions-national": {"net CO2": (net.sum(axis=1) * M).tolist()},
        "emissions-clusters": {c: (net[:, i] * M).tolist() for i, c in enumerate(clusters)},
        f"route-mix-{first_cluster}": mix,
        "reduction-decomposition": {"total change": (f["cluster_reduction"][0].sum(axis=(1, 2)) * M).tolist()},
        "jobs": {"national": f["cluster_jobs"][0].sum(axis=1).tolist()},
        "value-added": {"national": (f["cluster_value_added"][0].sum(axis=1) * M).tolist()},
        "infra-co2_storage": {"used": (f["co2_storage_used"][0] * M).tolist(),
                              "capacity": (f["co2_storage_capacity"][0] * M).tolist()},
        "subsidy-paid": {k: (paid[:, i] * M).tolist() for i, k in enumerate(instruments) if paid[:, i].any()},
        "plants": {"count": len(names(f, "plant")), "top_id": plant_id, "top_base_mt": float(plant_base[top] * M),
                   "top_options": options, "top_log_rows": options + without_options,
                   "top_chosen": int(f["option_chosen"][:][np.isin(f["option_event"][:], events)].sum())},
        "clusters": clusters,
    }


def band(f, name, q):
    return (f[name][list(f["quantile"][:]).index(q)] * M).tolist()


def median_mix(f, name, fix=()):
    """The stacked medians of a share-of-base-year band and the 'lost' layer on top."""
    share = f[name][(list(f["quantile"][:]).index(0.5), slice(None)) + tuple(fix)]   # [year, kind]
    mix = {k: share[:, i].tolist() for i, k in enumerate(names(f, "kind")) if share[:, i].any()}
    mix["lost since base year"] = np.maximum(0, 1 - share.sum(axis=1)).tolist()
    return mix


def sweep_expectations(f):
    params = names(f, "parameter")
    median_paid = f["instrument_paid_quantiles"][list(f["quantile"][:]).index(0.5)]      # [year, instrument]
    first_cluster = names(f, "cluster")[0]
    return {
        "runs": int(f.attrs["runs"]),
        "emissions-national": {"median": band(f, "co2_net_quantiles", 0.5), "5–95 % low": band(f, "co2_net_quantiles", 0.05),
                               "5–95 % high": band(f, "co2_net_quantiles", 0.95)},
        "route-mix-national": median_mix(f, "production_share_by_kind_quantiles"),
        f"route-mix-{first_cluster}": median_mix(f, "cluster_production_share_by_kind_quantiles", (0,)),
        "infra-co2_storage": {"used (median)": band(f, "co2_storage_used_quantiles", 0.5)},
        "subsidy-paid": {k: (median_paid[:, i] * M).tolist() for i, k in enumerate(names(f, "instrument"))
                         if median_paid[:, i].any()},
        "experiments-scatter": {"parameter": params[0], "x": f["experiments"][:, 0].tolist(),
                                "y": (f["net_co2"][:, 0] * M).tolist()},
    }


def sweep_plant_expectations(f):
    """The plant tab of a --save plants sweep, for its last run (the picker must move)."""
    run = int(f.attrs["runs"]) - 1
    net = f["co2_net"][run]                                   # [year, plant]
    plants = names(f, "plant")
    top = int(np.argmax(net[-1]))
    return {"run": run, "count": len(plants), "plant_id": plants[top], "net_mt": (net[:, top] * M).tolist(),
            "end_column": f"net CO2 {int(f['year'][-1])} [Mt/yr]",
            "end_mt": {p: float(net[-1, i] * M) for i, p in enumerate(plants)}}


def main():
    with h5py.File(sys.argv[1], "r") as run, h5py.File(sys.argv[2], "r") as sweep, \
            h5py.File(sys.argv[3], "r") as run2, h5py.File(sys.argv[4], "r") as plants:
        json.dump({"run": run_expectations(run), "sweep": sweep_expectations(sweep),
                   "run2": {"emissions-national": (run2["cluster_co2_net"][0].sum(axis=1) * M).tolist()},
                   "sweep_plants": sweep_plant_expectations(plants)}, sys.stdout)


if __name__ == "__main__":
    main()
