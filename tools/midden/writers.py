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
    over the current MIDDEN plants (the base-year calibration targets); the plants of
    tables/added_plants.csv (scope added) are counted apart in added_co2_t/added_plants."""
    tot = {c: [0.0, 0, 0.0, 0] for c in tables.load().cluster_order}
    for r in records:
        k = 0 if r.columns["scope"] == "midden" else 2
        tot[r.cluster][k] += r.nea
        tot[r.cluster][k + 1] += 1
    added_src = ("; added_co2_t/added_plants: 2020 CO2 of the plants of tools/midden/tables/added_plants.csv "
                 "(scope added: outside MIDDEN's current inventory and outside co2_t)")
    out = []
    for c, (co2, n, add, n_add) in tot.items():
        out.append({"cluster": c, "co2_t": fmt(co2, 0), "plants": str(n),
                    "added_co2_t": fmt(add, 0), "added_plants": str(n_add),
                    "source": f"{MIDDEN_CITE} midden.json field 2020_nea_emissions_[tCO2e], sum over current plants (in_current_database == 1) with cluster_name mapped to {c}, less tables/excluded_plants.csv; '-' counted as 0" + added_src})
    n_midden = sum(v[1] for v in tot.values())
    out.append({"cluster": "national", "co2_t": fmt(sum(v[0] for v in tot.values()), 0),
                "plants": str(n_midden), "added_co2_t": fmt(sum(v[2] for v in tot.values()), 0),
                "added_plants": str(sum(v[3] for v in tot.values())),
                "source": f"{MIDDEN_CITE} midden.json: sum over the {n_midden} current plants written to plants.csv (NEa 2020 verified emissions; tables/excluded_plants.csv leaves out double counts)" + added_src})
    write_csv(path, ["cluster", "co2_t", "plants", "added_co2_t", "added_plants", "source"], out)
