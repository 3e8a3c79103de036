#!/usr/bin/python3
"""The base year of the Dutch scenario reproduces the NEa 2020 emissions per cluster.

Usage: test_base_year_calibration.py <path-to-eiisim-binary> <repo-root>

Runs scenarios/current-policy.toml, reads `cluster_co2_net` (and `cluster_co2_gross`,
`cluster_co2_captured`) for the base year 2020, and compares each cluster and the national
total with clusters/nl/nea_2020_by_cluster.csv (MIDDEN's NEa 2020 verified emissions), over
the plants of MIDDEN scope: plants.csv rows with scope "added" (tools/midden/tables/
added_plants.csv, outside MIDDEN's inventory) are left out of the comparison and shown apart.
Fails if any cluster or the national total differs by more than 3 %, if anything is
captured in the base year, or if the cluster series do not add up to the plant panel.
Prints the comparison table. Exits non-zero on any failure.
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

BASE_YEAR = 2020
TOLERANCE = 0.03

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def read_reference(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return {row["cluster"]: (float(row["co2_t"]), int(row["plants"])) for row in rows}


def added_plants(path):
    """Ids of the plants.csv rows outside the MIDDEN scope (scope == "added")."""
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"] for row in csv.DictReader(line for line in f if not line.startswith("#"))
                if row.get("scope") == "added"}


def strings(dataset):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in dataset[()]]


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    eiisim, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    reference = read_reference(os.path.join(repo, "clusters", "nl", "nea_2020_by_cluster.csv"))
    added_ids = added_plants(os.path.join(repo, "clusters", "nl", "plants.csv"))
    check("national" in reference, "nea_2020_by_cluster.csv has no 'national' row")

    tmp = tempfile.mkdtemp(prefix="eiisim-calibration-")
    try:
        out = os.path.join(tmp, "current-policy.h5")
        cmd = [eiisim, "run", "--scenario", os.path.join(repo, "scenarios", "current-policy.toml"), "--out", out,
               "--quiet"]
        proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True)
        if proc.returncode != 0:
            print("FAIL: {} exited {}:\n{}{}".format(" ".join(cmd), proc.returncode, proc.stdout, proc.stderr))
            return 1
        with h5py.File(out, "r") as f:
            years = list(f["year"][()])
            if not check(BASE_YEAR in years, "year {} not in the result (years {}..{})".format(
                    BASE_YEAR, years[0], years[-1])):
                return 1
            y = years.index(BASE_YEAR)
            clusters = strings(f["cluster"])
            names = strings(f["cluster_name"])
            net = f["cluster_co2_net"][0, y, :]
            gross = f["cluster_co2_gross"][0, y, :]
            captured = f["cluster_co2_captured"][0, y, :]
            plant_net = f["co2_net"][0, y, :]
            plant_cluster = f["plant_cluster"][()]
            plant_ids = strings(f["plant"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    check(set(clusters) == set(reference) - {"national"},
          "clusters in the result {} differ from those in nea_2020_by_cluster.csv {}".format(
              sorted(clusters), sorted(set(reference) - {"national"})))
    check(np.all(np.isfinite(net)) and np.all(np.isfinite(gross)), "non-finite base-year emissions")
    check(np.all(captured == 0), "CO2 captured in the base year: {}".format(captured))
    check(np.allclose(net, gross - captured, rtol=1e-12, atol=1e-6), "cluster_co2_net != gross - captured")
    per_cluster_from_plants = np.array([plant_net[plant_cluster == c].sum() for c in range(len(clusters))])
    check(np.allclose(per_cluster_from_plants, net, rtol=1e-9, atol=1e-3),
          "cluster_co2_net does not equal the sum of the plants' co2_net: {} vs {}".format(
              net, per_cluster_from_plants))

    # The MIDDEN scope: the added plants' emissions are outside NEa 2020 as MIDDEN holds it.
    added = np.array([pid in added_ids for pid in plant_ids])
    added_net = np.array([plant_net[(plant_cluster == c) & added].sum() for c in range(len(clusters))])
    net = net - added_net
    print("Plants outside MIDDEN's inventory (scope added, not compared): {} plants, {:.3f} Mt".format(
        int(added.sum()), added_net.sum() / 1e6))
    plant_cluster = np.where(added, -1, plant_cluster)
    print("Base year {}: CO2 emitted in the Netherlands (Mt) against NEa 2020 (MIDDEN)".format(BASE_YEAR))
    print("{:<22} {:<28} {:>7} {:>10} {:>10} {:>8} {:>8}".format(
        "cluster", "name", "plants", "model Mt", "NEa Mt", "diff %", "NEa n"))
    rows = [(c, n, net[i], int(np.count_nonzero(plant_cluster == i))) for i, (c, n) in enumerate(zip(clusters, names))]
    rows.append(("national", "", net.sum(), int(np.count_nonzero(plant_cluster >= 0))))
    for cluster, name, model, plants in rows:
        if cluster not in reference:
            print("{:<22} {:<28} {:>7} {:>10.3f} {:>10} {:>8}".format(cluster, name, plants, model / 1e6, "-", "-"))
            continue
        nea, nea_plants = reference[cluster]
        diff = (model - nea) / nea if nea > 0 else float("inf")
        flag = "" if abs(diff) <= TOLERANCE else "  <-- off by more than {:.0f} %".format(TOLERANCE * 100)
        print("{:<22} {:<28} {:>7} {:>10.3f} {:>10.3f} {:>+8.2f} {:>8}{}".format(
            cluster, name, plants, model / 1e6, nea / 1e6, diff * 100, nea_plants, flag))
        check(abs(diff) <= TOLERANCE, "{}: model {:.3f} Mt vs NEa {:.3f} Mt ({:+.2f} %, tolerance {:.0f} %)".format(
            cluster, model / 1e6, nea / 1e6, diff * 100, TOLERANCE * 100))

    if failures:
        print("{} failure(s)".format(len(failures)))
        return 1
    print("base-year calibration: OK (all within {:.0f} %)".format(TOLERANCE * 100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
