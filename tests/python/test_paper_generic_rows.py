#!/usr/bin/python3
"""No MIDDEN generic paper plants in the committed dataset (issue 21, error 8).

    test_paper_generic_rows.py <eiisim-binary> <repo-root>

MIDDEN's paper study models the sector by product group: eight 'Generic ... production
plant' rows (M104-M111, 2.63 Mt, no location, no NEa emissions) that are the whole Dutch
output the 21 named mills already make. tools/midden/tables/excluded_plants.csv leaves
them out; the paper sector must then hold only the named mills, below the double-counted
6 Mt. Exits non-zero on failure.
"""
import csv
import os
import sys

GENERIC = [f"M{n}" for n in range(104, 112)]


def main():
    root = sys.argv[2] if len(sys.argv) > 2 else "."
    with open(os.path.join(root, "clusters", "nl", "plants.csv"), encoding="utf-8", newline="") as f:
        plants = list(csv.DictReader(ln for ln in f if not ln.startswith("#")))
    fails = []
    ids = {p["id"] for p in plants}
    fails += [f"generic paper plant {g} is in plants.csv" for g in GENERIC if g in ids]
    fails += [f"{p['id']} {p['operator']}: a MIDDEN generic plant" for p in plants if "generic" in p["operator"].lower()]
    paper = [p for p in plants if p["sector"] == "paper"]
    tonnes = sum(float(p["production_t"]) for p in paper)
    if len(paper) != 21:
        fails.append(f"{len(paper)} paper plants, expected the 21 named mills M083-M103")
    if tonnes > 3.6e6:
        fails.append(f"paper production {tonnes / 1e6:.2f} Mt: Dutch output is about 2.8-3 Mt")
    for msg in fails:
        print("FAIL:", msg)
    print(f"{len(fails)} failure(s)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
