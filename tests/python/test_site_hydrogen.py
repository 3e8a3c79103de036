#!/usr/bin/python3
"""Purchased hydrogen in the committed dataset (issue 21, error 6).

    test_site_hydrogen.py <eiisim-binary> <repo-root>

plants.csv hydrogen_gj is hydrogen bought from another party. Hydrogen made in a plant's
own MIDDEN base configuration (refinery steam reformers and gasifiers, catalytic
reformers, chlor-alkali cells) is netted against its use, and the wet 27 % chlor-alkali
stream counts at its hydrogen content. The expected figures are the MIDDEN tc inputs of
the plants that make no hydrogen themselves (capacity x utilisation x input per kt,
at 120 GJ/t). Exits non-zero on failure.
"""
import csv
import os
import sys

# plant id -> bought hydrogen, PJ/yr, from MIDDEN v3 (pcd section, tc input per kt product)
BOUGHT_PJ = {
    "M070": 3.518,   # BioMCN methanol: PCD0580 / TC0173, 0.0358 kt H2 per kt, 819 kt
    "M071": 4.586,   # Neste NExBTL: PCD0583 / TC0172, 0.042 kt H2 per kt, 910 kt
    "M072": 0.968,   # Shell Pernis chemicals: TC0176/0178/0179/0180 use 1.220 PJ, less 0.252 PJ made by MEK (TC0184)
    "M073": 0.432,   # Lyondell Maasvlakte PO/SM: PCD0603 / TC0190
    "M074": 0.605,   # Lyondell Botlek BDO: PCD0618 / TC0200
    "M076": 2.396,   # ExxonMobil aromatics: PCD0639 / TC0213 ('Hydrogen from refinery/Air Products')
}
# make their own hydrogen: refineries (reformers, gasifier), chlor-alkali (cell hydrogen)
MAKE_THEIR_OWN = ("M124", "M128", "M129", "M186", "M187", "M188", "M189", "M190")


def main():
    root = sys.argv[2] if len(sys.argv) > 2 else "."
    with open(os.path.join(root, "clusters", "nl", "plants.csv"), encoding="utf-8", newline="") as f:
        plants = {r["id"]: r for r in csv.DictReader(ln for ln in f if not ln.startswith("#"))}
    fails = []
    for pid in MAKE_THEIR_OWN:
        h = float(plants[pid]["hydrogen_gj"])
        if h != 0:
            fails.append(f"{pid} {plants[pid]['name']} makes its own hydrogen but buys {h / 1e6:.3f} PJ/yr")
    for pid, pj in BOUGHT_PJ.items():
        h = float(plants[pid]["hydrogen_gj"]) / 1e6
        if abs(h - pj) > 0.001:
            fails.append(f"{pid}: bought hydrogen {h:.3f} PJ/yr, MIDDEN gives {pj:.3f}")
    total = sum(float(r["hydrogen_gj"]) for r in plants.values()) / 1e6
    if abs(total - sum(BOUGHT_PJ.values())) > 0.005:
        fails.append(f"total bought hydrogen {total:.3f} PJ/yr, sourced {sum(BOUGHT_PJ.values()):.3f}")
    for pid in ("M124", "M128", "M129"):
        if "hydrogen:" not in plants[pid]["source"]:
            fails.append(f"{pid}: source does not say how its hydrogen is supplied")
    for msg in fails:
        print("FAIL:", msg)
    print(f"{len(fails)} failure(s)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
