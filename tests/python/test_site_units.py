#!/usr/bin/python3
"""Units within sites and reinvestment timing (tools/midden/site_units.py,
reinvestment_timing.py; docs/dataset.md "Units within sites", "Reinvestment timing").

    test_site_units.py <eiisim-binary> <repo-root>

Imports MIDDEN twice into temporary folders, as committed and with no site split, and
checks that each split site's units add up to the unsplit site (capacity, production,
emissions, energy, staff; NEa 2020 cluster totals unchanged), that every unit keeps the
site's links and options, that each fuel-gas buyer follows one unit, that the committed
dataset is the split import, that a sourced plant's age is 2020 - its last rebuild, and
that malformed table rows are refused. The binary argument is ignored.
"""
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

FAILS = []
MIDDEN = "/work/shared/reference/midden"


def check(cond, msg):
    if not cond:
        FAILS.append(msg)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if ln.strip() and not ln.startswith("#")))


def imported(root, split):
    """(plants by id, edges, options, nea rows) of an import into a temporary folder."""
    from midden import importer, tables
    saved = tables.site_units
    if not split:
        tables.site_units = lambda: {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sys.stdout = io.StringIO()
            importer.run_import(MIDDEN, tmp)
            sys.stdout = sys.__stdout__
            out = Path(tmp)
            return ({p["id"]: p for p in read_csv(out / "plants.csv")}, read_csv(out / "edges.csv"),
                    read_csv(out / "plant_options.csv"), read_csv(out / "nea_2020_by_cluster.csv"))
    finally:
        tables.site_units = saved


def check_totals(site, units, whole, split):
    from midden.site_units import AMOUNT_COLUMNS
    for c in AMOUNT_COLUMNS:
        total = sum(float(split[u.unit][c]) for u in units)
        check(total == float(whole[site][c]), f"{site} {c}: units add up to {total}, site {whole[site][c]}")
    for u in units:
        check(split[u.unit]["site"] == site and split[u.unit]["operator"] == whole[site]["operator"],
              f"{u.unit}: site and operator must be those of {site}")


def check_links(site, units, whole_edges, split_edges):
    """Every edge of the site is an edge of each unit (a fuel-gas edge of one unit), and the
    shares add up to the site's."""
    keyed = {(e["supplier"], e["customer"], e["product"]): e for e in split_edges}
    for e in whole_edges:
        side = "supplier" if e["supplier"] == site else "customer" if e["customer"] == site else None
        if side is None:
            continue
        mine = [keyed.get(tuple(u.unit if e[k] == site else e[k] for k in ("supplier", "customer")) + (e["product"],))
                for u in units]
        if e["coupling"] == "fuel_gas":
            check(sum(m is not None for m in mine) == 1, f"fuel-gas edge {e['supplier']}->{e['customer']}: one unit")
            continue
        check(all(m is not None for m in mine), f"edge {e['supplier']}->{e['customer']}: a unit lacks it")
        if all(m is not None for m in mine):
            col = "integration_benefit_eur_per_t" if side == "supplier" else "offtake_share"
            total = sum(float(m[col]) for m in mine)
            check(abs(total - float(e[col])) <= 0.011, f"edge {e['supplier']}->{e['customer']} {col}: {total} vs {e[col]}")


def test_split(root):
    from midden import tables
    whole, whole_edges, whole_opts, whole_nea = imported(root, split=False)
    split, split_edges, split_opts, split_nea = imported(root, split=True)
    check([r["co2_t"] for r in whole_nea] == [r["co2_t"] for r in split_nea], "NEa 2020 cluster totals changed by the split")
    for site, units in tables.site_units().items():
        check_totals(site, units, whole, split)
        check_links(site, units, whole_edges, split_edges)
        names = sorted(o["name"] for o in whole_opts if o["plant"] == site)
        for u in units:
            check(sorted(o["name"] for o in split_opts if o["plant"] == u.unit) == names, f"{u.unit}: options differ from {site}'s")
    committed = {p["id"]: p for p in read_csv(Path(root) / "clusters" / "nl" / "plants.csv")}
    check(committed == split, "clusters/nl/plants.csv is not the committed import (re-run the importer)")
    check("M006_bf7" in split and split["M006"]["site"] == "M006", "Tata IJmuiden must be split into M006 and M006_bf7")
    return split


def test_timing(split):
    from midden import tables
    for pid, t in tables.reinvestment_timing().items():
        check(pid in split, f"reinvestment_timing.csv: {pid} is not a plant")
        if t is None or pid not in split:
            continue
        age, cycle = int(split[pid]["asset_age_y"]), int(split[pid]["reinvestment_cycle_y"])
        if t.last_major is not None:
            check(age == tables.BASE_YEAR - t.last_major, f"{pid}: age {age}, expected {tables.BASE_YEAR} - {t.last_major}")
        if t.next_major is not None:
            check(age + (t.next_major - tables.BASE_YEAR) == cycle, f"{pid}: cycle {cycle} must fall due in {t.next_major}")
        check(0 <= age <= tables.BASE_YEAR - t.commissioned, f"{pid}: age {age} older than the plant")
    check(int(split["M187"]["asset_age_y"]) == 2, "Esso Rotterdam: hydrocracker expansion 2018 -> age 2")


def refused(table, text):
    """True when tables.py refuses `table` written as `text` (a TableError)."""
    from midden import tables
    with tempfile.TemporaryDirectory() as tmp:
        for f in tables.TABLES_DIR.iterdir():
            (Path(tmp) / f.name).write_bytes(f.read_bytes())
        (Path(tmp) / table).write_text(text, encoding="utf-8")
        saved = tables.TABLES_DIR
        tables.TABLES_DIR = Path(tmp)
        tables.site_units.cache_clear()
        tables.reinvestment_timing.cache_clear()
        try:
            (tables.site_units if table == "site_units.csv" else tables.reinvestment_timing)()
            return False
        except tables.TableError:
            return True
        finally:
            tables.TABLES_DIR = saved
            tables.site_units.cache_clear()
            tables.reinvestment_timing.cache_clear()


def test_refusals():
    head = "site,unit,name,share,fuel_gas_customers,source\n"
    check(refused("site_units.csv", head + "M1,M1,a,0.5,,s\nM1,M1_b,b,0.4,,s\n"), "site shares must sum to 1")
    check(refused("site_units.csv", head + "M1,M1_a,a,0.5,,s\nM1,M1_b,b,0.5,,s\n"), "one unit must keep the site id")
    check(refused("site_units.csv", head + "M1,M1,a,0.5,X,s\nM1,M1_b,b,0.5,X,s\n"), "a gas buyer follows one unit")
    check(not refused("site_units.csv", head + "M1,M1,a,0.5,X,s\nM1,M1_b,b,0.5,,s\n"), "a good site table is read")
    head = "plant,commissioned,last_major,next_major,what,source\n"
    check(refused("reinvestment_timing.csv", head + "M1,,,,,not found\n"), "a row without years must say ESTIMATE")
    check(refused("reinvestment_timing.csv", head + "M1,1990,1980,,x,s\n"), "rebuilt before commissioning")
    check(refused("reinvestment_timing.csv", head + "M1,1990,2000,1999,x,s\n"), "next rebuild before the last")
    check(not refused("reinvestment_timing.csv", head + "M1,,,,,ESTIMATE: not found\n"), "an ESTIMATE row is read")


def main():
    root = os.path.abspath(sys.argv[2])
    sys.path.insert(0, os.path.join(root, "tools"))
    if not os.path.isdir(MIDDEN):
        print("test_site_units: skipped (no MIDDEN at", MIDDEN + ")")
        return 0
    test_timing(test_split(root))
    test_refusals()
    for f in FAILS:
        print("FAIL:", f)
    print("test_site_units:", "FAILED" if FAILS else "ok", f"({len(FAILS)} failures)")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
