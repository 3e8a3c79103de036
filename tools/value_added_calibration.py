#!/usr/bin/env python3
"""Calibrate sectors.csv `other_cost_intermediate_share` (docs/dataset.md "Value added").

Reads a run file with plant panels (`eiisim run --seed 1`, current-policy) and, per sector,
finds the share m of the non-energy running costs (fixed opex and positive other cost) that
is intermediate consumption such that value added at factor cost over revenue in YEAR equals
the sector's value-added/turnover ratio (RATIOS below; sources in docs/dataset.md):

    VA = margin + capex_annuity + stranded + (1 - m) (fixed_opex + max(other_cost, 0))
    m  = (margin + capital + running - ratio x revenue) / running, clamped to [0, 1]

Usage: /usr/bin/python3 tools/value_added_calibration.py RUN.h5 [YEAR (2025)]
"""
import sys

import h5py
import numpy as np

# Value added at factor cost / turnover per NACE class; sources and ESTIMATEs per row in docs/dataset.md
# "Value added". Sourced: refining (CBS StatLine table 7464nr, Nationale Rekeningen 2009, Aardolie-industrie:
# gross value added 1,445 / output 27,444 mln EUR = 0.053) and steel, aluminium, zinc (same table,
# Basismetaalindustrie: 1,659 / 6,160 = 0.269, the division figure for its three Dutch sectors). The rest are
# ESTIMATEs (rounded SBS/CBS orders of magnitude); the chemicals' revenue-weighted mean (0.17 in the 2025 accounts)
# matches the same table's Chemische basisproductenindustrie (5,684 / 31,246 = 0.18).
RATIOS = {
    "refining": 0.05, "organic_chemicals": 0.15, "hvc": 0.15, "methanol": 0.15, "polymers": 0.13,
    "inorganic_chemicals": 0.25, "industrial_gases": 0.40, "hydrogen": 0.40, "ammonia": 0.15, "urea": 0.15,
    "nitric_acid": 0.15, "steel": 0.27, "aluminium": 0.27, "zinc": 0.27, "glass": 0.33, "ceramics": 0.38,
    "cement": 0.30, "paper": 0.22, "food": 0.15, "salt": 0.40, "power": 0.25, "other_industry": 0.25,
}


def text(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def main(path, year):
    f = h5py.File(path, "r")
    y = list(f["year"][:]).index(year)
    cost = f["cost"][0, y]
    c = {n: cost[:, i] for i, n in enumerate(text(f["cost_component"][:]))}
    revenue, margin = f["revenue"][0, y], f["margin"][0, y]
    sector = np.array(text(f["plant_sector"][:]))
    print(f"{'sector':22} {'ratio':>6} {'VA(m=1)':>8} {'VA(m=0)':>8} {'m':>6}")
    for s in sorted(set(sector)):
        at = sector == s
        rev = revenue[at].sum()
        running = c["fixed_opex"][at].sum() + np.clip(c["other_cost"][at], 0, None).sum()
        floor = margin[at].sum() + c["capex_annuity"][at].sum() + c["stranded"][at].sum()
        ratio = RATIOS.get(s, float("nan"))
        m = (floor + running - ratio * rev) / running if running > 0 else float("nan")
        m = min(1.0, max(0.0, m)) if m == m else m
        print(f"{s:22} {ratio:6.2f} {floor / rev:8.3f} {(floor + running) / rev:8.3f} {m:6.2f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2025)
