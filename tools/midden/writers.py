"""Writing the dataset's CSV files: fixed column order, '\n' line ends, minimal quoting."""
import csv
import io

from . import tables
from .formatting import fmt
from .raw import MIDDEN_CITE


def write_csv(path, cols, rows):
    """Write `rows` (dicts) with the columns `cols`, in one go."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    for r in rows:
        w.writerow([r[c] for c in cols])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_nea(path, records):
    """nea_2020_by_cluster.csv: NEa 2020 emissions and plant count per cluster and in total
    (the base-year calibration targets)."""
    tot = {c: [0.0, 0] for c in tables.load().cluster_order}
    for r in records:
        tot[r.cluster][0] += r.nea
        tot[r.cluster][1] += 1
    out = []
    for c, (co2, n) in tot.items():
        out.append({"cluster": c, "co2_t": fmt(co2, 0), "plants": str(n),
                    "source": f"{MIDDEN_CITE} midden.json field 2020_nea_emissions_[tCO2e], sum over current plants (in_current_database == 1) with cluster_name mapped to {c}, less tables/excluded_plants.csv; '-' counted as 0"})
    out.append({"cluster": "national", "co2_t": fmt(sum(v[0] for v in tot.values()), 0),
                "plants": str(sum(v[1] for v in tot.values())),
                "source": f"{MIDDEN_CITE} midden.json: sum over the {len(records)} current plants written to plants.csv (NEa 2020 verified emissions; tables/excluded_plants.csv leaves out double counts)"})
    write_csv(path, ["cluster", "co2_t", "plants", "source"], out)
