#!/usr/bin/python3
"""The plants outside MIDDEN's inventory (issue 22) in the committed dataset.

    test_added_plants.py <eiisim-binary> <repo-root>

Checks that (1) AnQore, SABIC's Geleen polymer plants, Fibrant, Huntsman, Teijin Aramid,
Evonik and Westlake are in clusters/nl/plants.csv with scope "added", a source saying
they come from outside MIDDEN's current inventory, and a sector with defaults; (2) every
other plant has scope "midden" and the MIDDEN-scope 2020 CO2 per cluster and in total
still equals nea_2020_by_cluster.csv (co2_t, NEa 2020 via MIDDEN), while the added
plants' CO2 is the file's added_co2_t; (3) with the added Chemelot plants, Chemelot's
CO2 equals its NEa site total of BKGs 01-14 (4.65 Mt, facts.md §2); (4) their links
(SABIC Olefins -> AnQore and the polymer plants, OCI ammonia -> AnQore and Fibrant,
Nobian chlorine -> Huntsman and Teijin, Air Liquide CO -> Huntsman) are in edges.csv.
Exits non-zero on failure.
"""
import csv
import os
import sys

FAILS = []

ADDED = {"anqore": "chemelot", "sabic_pe_geleen": "chemelot", "sabic_pp_geleen": "chemelot",
         "fibrant_geleen": "chemelot", "huntsman_rozenburg": "rotterdam_moerdijk",
         "teijin_aramid_delfzijl": "noord_nederland", "teijin_aramid_emmen": "noord_nederland",
         "evonik_delfzijl": "noord_nederland", "westlake_pernis": "rotterdam_moerdijk"}

# supplier, customer, product word: value-chain review §1.2 #7, #8, #15 and "also missing"
LINKS = [("M202", "anqore", "propylene"), ("M202", "sabic_pe_geleen", "ethylene"),
         ("M202", "sabic_pp_geleen", "propylene"), ("M023", "anqore", "ammonia"),
         ("M024", "anqore", "ammonia"), ("M023", "fibrant_geleen", "ammonia"),
         ("M024", "fibrant_geleen", "ammonia"), ("M128", "huntsman_rozenburg", "chlorine"),
         ("M173", "huntsman_rozenburg", "carbon monoxide"),
         ("M124", "teijin_aramid_delfzijl", "chlorine"), ("M124", "evonik_delfzijl", "hydrogen"),
         ("teijin_aramid_delfzijl", "teijin_aramid_emmen", "polymer")]

# NEa 2020 of Chemelot BKGs 01-14 (midden.json: current M011, M023-M027, M202, M203 and
# non-current M247-M252): 4,651,593 t, "4.65 Mt" in facts.md §2
CHEMELOT_SITE_T = 4234287 + 417306


def check(cond, msg):
    if not cond:
        FAILS.append(msg)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if ln.strip() and not ln.startswith("#")))


def co2(p):
    return float(p["co2_combustion_t"]) + float(p["co2_process_t"])


def check_plants(plants, sectors):
    by_id = {p["id"]: p for p in plants}
    for pid, cluster in ADDED.items():
        p = by_id.get(pid)
        check(p is not None, f"{pid} is not in plants.csv")
        if p is None:
            continue
        check(p["scope"] == "added", f"{pid}: scope {p['scope']!r}, expected 'added'")
        check(p["cluster"] == cluster, f"{pid}: cluster {p['cluster']}, expected {cluster}")
        check(p["sector"] in sectors, f"{pid}: sector {p['sector']} not in sectors.csv")
        check("outside MIDDEN's current inventory" in p["source"] and "added_plants.csv" in p["source"],
              f"{pid}: source must say it comes from outside MIDDEN (tables/added_plants.csv)")
        check(co2(p) > 0 and float(p["production_t"]) > 0, f"{pid}: no 2020 CO2 or production")
        check(float(p["reinvestment_cycle_y"]) > 0 and float(p["heat_share_mid"]) > 0,
              f"{pid}: sector defaults (cycle, heat shares) missing")
    for p in plants:
        if p["id"] not in ADDED:
            check(p["scope"] == "midden", f"{p['id']}: scope {p['scope']!r}, expected 'midden'")


def check_totals(plants, nea):
    for cluster, row in nea.items():
        midden = sum(co2(p) for p in plants if p["scope"] == "midden" and (cluster == "national" or p["cluster"] == cluster))
        added = sum(co2(p) for p in plants if p["scope"] == "added" and (cluster == "national" or p["cluster"] == cluster))
        check(abs(midden - float(row["co2_t"])) <= 1 + 1e-6 * midden,
              f"{cluster}: MIDDEN-scope 2020 CO2 {midden:.0f} t != NEa 2020 {row['co2_t']}")
        check(abs(added - float(row["added_co2_t"])) <= 1 + 1e-6 * added,
              f"{cluster}: added plants' CO2 {added:.0f} t != added_co2_t {row['added_co2_t']}")
        n_midden = sum(1 for p in plants if p["scope"] == "midden" and (cluster == "national" or p["cluster"] == cluster))
        check(n_midden == int(row["plants"]), f"{cluster}: {n_midden} MIDDEN plants != {row['plants']}")
    chemelot = sum(co2(p) for p in plants if p["cluster"] == "chemelot")
    check(abs(chemelot - CHEMELOT_SITE_T) <= 1, f"Chemelot with added plants {chemelot:.0f} t != site NEa {CHEMELOT_SITE_T}")


def check_links(edges):
    for s, c, word in LINKS:
        hit = [e for e in edges if e["supplier"] == s and e["customer"] == c and word in e["product"].lower()]
        check(len(hit) == 1, f"edge {s} -> {c} ({word}) missing")
        for e in hit:
            check(e["source"].strip() != "" and float(e["integration_benefit_eur_per_t"]) > 0,
                  f"edge {s} -> {c}: needs a source and a benefit")


def main():
    root = sys.argv[2] if len(sys.argv) > 2 else "."
    ds = os.path.join(root, "clusters", "nl")
    plants = read_csv(os.path.join(ds, "plants.csv"))
    sectors = {s["id"] for s in read_csv(os.path.join(ds, "sectors.csv"))}
    nea = {r["cluster"]: r for r in read_csv(os.path.join(ds, "nea_2020_by_cluster.csv"))}
    check_plants(plants, sectors)
    check_totals(plants, nea)
    check_links(read_csv(os.path.join(ds, "edges.csv")))
    for f in FAILS:
        print("FAIL:", f)
    print(f"added plants: {'OK' if not FAILS else f'{len(FAILS)} failure(s)'}")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
