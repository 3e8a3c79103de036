#!/usr/bin/env python3
"""The technical potential to electrify process heat in the dataset's catalogue, by year,
against the 2025 letter's figures (policy-letters/001, annex 4 "Elektrificatie, waterstof en
CCS": about 62 % of process heat electrifiable with today's technology, about 20 % more from
2030, up to 90 % from 2035; crackers only after further innovation).

For each plant the fuel heat is F = (gas - feedstock gas) + other fuel (docs/ODD.md §7.3)
and the electrifiable share in year y is the best of its sector's `electrify` routes that
are available by y:  eps(y) = sum_band heat_share_band x electrify_share_band x [y >= year_band].
The national figure is sum_p F_p eps_p(y) / sum_p F_p. Routes that change the process
(DRI-EAF, electrolytic ammonia, electrolysis, inert anodes) are counted with their shares,
as the catalogue states them.

Usage: /usr/bin/python3 tools/electrification_potential.py [--dataset clusters/nl] [--years ...] [--csv FILE]
"""
import argparse
import csv
import pathlib
import sys

LETTER = {2025: 0.62, 2030: 0.82, 2035: 0.90}
BANDS = ("low", "mid", "high")


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def route_share(route, plant, year):
    if int(route["available_year"]) > year:
        return 0.0
    share = 0.0
    for band in BANDS:
        if year >= int(route[f"electrify_year_{band}"]):
            share += float(plant[f"heat_share_{band}"]) * float(route[f"electrify_share_{band}"])
    return share


def potential(plants, routes_by_sector, year, exclude=()):
    heat = electrifiable = 0.0
    for p in plants:
        if p["sector"] in exclude:
            continue
        fuel_heat = float(p["gas_gj"]) - float(p["feedstock_gas_gj"]) + float(p["other_fuel_gj"])
        if fuel_heat <= 0:
            continue
        best = max((route_share(r, p, year) for r in routes_by_sector.get(p["sector"], [])), default=0.0)
        heat += fuel_heat
        electrifiable += fuel_heat * best
    return electrifiable / heat if heat > 0 else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default="clusters/nl")
    ap.add_argument("--years", type=int, nargs="+", default=[2025, 2030, 2035, 2040, 2050])
    ap.add_argument("--csv", help="also write the table to this CSV file")
    args = ap.parse_args()
    ds = pathlib.Path(args.dataset)
    plants = read_csv(ds / "plants.csv")
    routes = {}
    for r in read_csv(ds / "technologies.csv"):
        if r["kind"] == "electrify":
            routes.setdefault(r["sector"], []).append(r)
    rows = []
    for y in args.years:
        rows.append((y, potential(plants, routes, y), potential(plants, routes, y, exclude=("hvc",)), LETTER.get(y)))
    out = csv.writer(sys.stdout)
    header = ["year", "catalogue_share", "catalogue_share_without_crackers", "letter_share"]
    print("# electrifiable share of the dataset's process fuel heat (tools/electrification_potential.py)")
    out.writerow(header)
    for row in rows:
        out.writerow([row[0], f"{row[1]:.3f}", f"{row[2]:.3f}", "" if row[3] is None else f"{row[3]:.2f}"])
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for row in rows:
                w.writerow([row[0], f"{row[1]:.3f}", f"{row[2]:.3f}", "" if row[3] is None else f"{row[3]:.2f}"])


if __name__ == "__main__":
    main()
