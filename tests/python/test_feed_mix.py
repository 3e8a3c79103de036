#!/usr/bin/python3
"""The sector feed mix (tools/eiisim_results/circularity.py) reads the per-plant shares right.

Usage: test_feed_mix.py <path-to-eiisim-binary> <repo-root>

Runs the Dutch circular-chemistry scenario once (mandates on the crackers and refineries) and
checks, with h5py, numpy and the dataset's feedstocks.csv read here on their own:
  sector_feed_mix equals the production-weighted mean of the plants' feed_origin_share per
      sector, computed here by a plain loop;
  the sectors' mixes, weighted by their fossil feed (fossil_feed_t_per_t x production, from
      feedstocks.csv), give the national renewable_carbon_share and recycled_content_share;
  the crackers take recycled or bio feed in 2030 (the mandate is 10 %), and their mix is
      within the technical maximum shares of feedstocks.csv;
  the run printout's `hvc recycled/bio/ccu (%)` row for 2030 shows the same numbers;
  `python3 -m eiisim_results plot` writes feed_mix_by_sector.png.
Exits non-zero on any failure.
"""

import csv
import os
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np

from eiisim_results.circularity import sector_feed_mix
from eiisim_results.reader import open_result

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def feed_table(root):
    per_t, max_share = {}, {}
    with open(os.path.join(root, "clusters/nl/feedstocks.csv")) as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            per_t[row["sector"]] = float(row["fossil_feed_t_per_t"])
            key = (row["sector"], row["origin"])
            max_share[key] = max_share.get(key, 0.0) + float(row["max_blend_share"])
    return per_t, max_share


def main(exe, root):
    per_t, max_share = feed_table(root)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run.h5")
        printed = subprocess.run([exe, "run", "--scenario", os.path.join(root, "scenarios/circular-chemistry.toml"),
                                  "--seed", "1", "--out", out], check=True, capture_output=True, text=True).stdout
        ds = open_result(out)
        mix = sector_feed_mix(ds)
        with h5py.File(out, "r") as h:
            years = list(h["year"][:])
            origins = [text(o) for o in h["feed_origin"][:]]
            sectors = [text(s) for s in h["plant_sector"][:]]
            share = h["feed_origin_share"][...].reshape(len(years), len(sectors), len(origins))
            production = h["production"][...].reshape(len(years), len(sectors))
            renewable = h["renewable_carbon_share"][...].reshape(len(years))
            recycled = h["recycled_content_share"][...].reshape(len(years))
        check(list(mix["feed_origin"].values) == origins, "feed origins in file order")
        for sector in mix["sector"].values:
            for yi in range(len(years)):
                weight = sum(production[yi, p] for p in range(len(sectors)) if sectors[p] == sector)
                for o, origin in enumerate(origins):
                    replaced = sum(production[yi, p] * share[yi, p, o] for p in range(len(sectors)) if sectors[p] == sector)
                    expected = replaced / weight if weight > 0 else 0.0
                    got = float(mix.sel(sector=sector, feed_origin=origin).values[0, yi])
                    check(abs(got - expected) < 1e-12, f"{sector} {origin} {years[yi]}: {got} != {expected}")
        # Sector mixes weighted by fossil feed give the national shares.
        full = sector_feed_mix(ds, sectors=sorted(per_t))
        for yi in range(len(years)):
            feed = {s: per_t[s] * sum(production[yi, p] for p in range(len(sectors)) if sectors[p] == s) for s in per_t}
            total = sum(feed.values())
            ren = sum(feed[s] * float(full.sel(sector=s, feed_origin=o).values[0, yi]) for s in per_t for o in ("bio", "ccu"))
            rec = sum(feed[s] * float(full.sel(sector=s, feed_origin="recycled").values[0, yi]) for s in per_t)
            check(abs(ren / total - renewable[yi]) < 1e-9, f"renewable share {years[yi]}: {ren / total} != {renewable[yi]}")
            check(abs(rec / total - recycled[yi]) < 1e-9, f"recycled share {years[yi]}: {rec / total} != {recycled[yi]}")
        y2030 = years.index(2030)
        hvc = {o: float(full.sel(sector="hvc", feed_origin=o).values[0, y2030]) for o in origins}
        check(hvc["recycled"] + hvc["bio"] > 0, f"the crackers take alternative feed in 2030: {hvc}")
        for o in origins:
            check(hvc[o] <= max_share.get(("hvc", o), 0.0) + 1e-12, f"hvc {o} {hvc[o]} within its maximum share")
        row = re.search(r"^hvc recycled/bio/ccu \(%\)(.*)$", printed, re.M)
        header = re.search(r"^Feedstock of the sectors.*\n\s+(.*)$", printed, re.M)
        if check(row is not None and header is not None, "printout has the hvc row"):
            cells = row.group(1).split()
            columns = [int(c) for c in header.group(1).split()]
            if check(2030 in columns, "printout has 2030"):
                shown = [float(x) for x in cells[columns.index(2030)].split("/")]
                check(np.allclose(shown, [100 * hvc[o] for o in origins], atol=0.051), f"printout {shown} vs {hvc}")
        plots = os.path.join(tmp, "plots")
        subprocess.run([sys.executable, "-m", "eiisim_results", "plot", out, "--out", plots], check=True,
                       capture_output=True)
        check(os.path.exists(os.path.join(plots, "feed_mix_by_sector.png")), "feed_mix_by_sector.png written")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("feed mix: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
