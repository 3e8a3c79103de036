#!/usr/bin/python3
"""A synthetic population of k copies of a dataset, for scaling benchmarks (issue 20).

usage: synthetic_population.py DATASET_DIR SCENARIO K OUT_DIR

Writes OUT_DIR/dataset (the dataset with every plant repeated K times) and
OUT_DIR/scenario.toml (SCENARIO pointing at it). Copy c > 0 of plant P is `P_xc` on site
`S_xc`: a replica with the same sector, size, options and value-chain links, linked only
to the other plants of its own copy (edges and pipeline networks are replicated per copy,
so no network or supplier is shared between copies). Shared capacities (grid headroom per
cluster, national CO2 storage and shipping, hydrogen, biomethane and feedstock supply) are
multiplied by K, so each copy meets about the scarcity the Dutch dataset meets.

What stays with the original plants only, because it records facts about real plants
rather than behaviour: observed history (history.csv), support agreements
(agreement_plants.csv), plant-level CO2 connections (co2_connections.csv), entrants and the
observed emissions used by the hindcast. Scenario-level money (subsidy budgets, import
caps) is not scaled either, so budgets bind earlier in large populations: the benchmark
measures the engine's cost per plant-year, not a policy result.

A table that names plants and is not listed below is refused, so the generator cannot
silently fall out of step with the dataset's files.
"""
import csv
import io
import re
import shutil
import sys
from pathlib import Path

# Tables whose rows are repeated per copy, with the columns that name a plant, a site or
# a network (renamed in each copy).
REPLICATED = {
    "plants.csv": {"id": "plant", "site": "site"},
    "plant_options.csv": {"plant": "plant"},
    "edges.csv": {"supplier": "plant", "customer": "plant"},
    "networks.csv": {"network": "network"},
    "network_members.csv": {"network": "network", "plant_id": "plant"},
}
# Tables about real plants, kept for the originals only (see the module text).
ORIGINALS_ONLY = {"history.csv", "agreement_plants.csv", "co2_connections.csv",
                  "entrants.csv", "observed_emissions.csv"}
# Tables without plant references.
PLANT_FREE = {"agreements.csv", "demand_paths.csv", "feedstocks.csv", "nea_2020_by_cluster.csv",
              "observed_prices.csv", "sector_activity.csv", "sectors.csv", "targets.csv",
              "technologies.csv"}
# infrastructure.toml keys holding capacities (scaled by K), by their unit suffix.
CAPACITY_KEY = re.compile(r"^(\s*\w+_(?:mw|mt|pj|kt)\s*=\s*\{)(.*)(\}\s*)$")


def split_comments(text):
    """(leading comment lines, the CSV body) of a dataset table."""
    lines = text.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return "".join(lines[:n]), "".join(lines[n:])


def copy_name(value, copy):
    return value if copy == 0 or value == "" else f"{value}_x{copy}"


def replicate_table(src, dst, renamed, k):
    comments, body = split_comments(src.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(body)))
    fields = list(rows[0].keys()) if rows else next(csv.reader(io.StringIO(body)))
    missing = [c for c in renamed if c not in fields]
    if missing:
        sys.exit(f"{src}: expected columns {missing} (the generator's table list is out of date)")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for copy in range(k):
        for row in rows:
            writer.writerow({f: copy_name(v, copy) if f in renamed else v for f, v in row.items()})
    dst.write_text(comments + out.getvalue(), encoding="utf-8")
    return len(rows) * k


def scale_capacities(src, dst, k):
    """infrastructure.toml with every capacity path multiplied by k (years kept)."""
    def scaled(match):
        pairs = re.sub(r"(\d+)\s*=\s*([0-9.eE+-]+)",
                       lambda m: f"{m.group(1)} = {float(m.group(2)) * k:g}", match.group(2))
        return match.group(1) + pairs + match.group(3)
    lines = [CAPACITY_KEY.sub(scaled, line.rstrip("\n")) for line in src.read_text(encoding="utf-8").splitlines()]
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_scenario(scenario, out_dir):
    text = scenario.read_text(encoding="utf-8")
    text, n = re.subn(r'(?m)^dataset\s*=\s*".*"$', 'dataset = "dataset"', text)
    if n != 1:
        sys.exit(f"{scenario}: expected one `dataset = \"...\"` line, found {n}")
    (out_dir / "scenario.toml").write_text(text, encoding="utf-8")


def generate(dataset, scenario, k, out_dir):
    target = out_dir / "dataset"
    target.mkdir(parents=True, exist_ok=True)
    known = set(REPLICATED) | ORIGINALS_ONLY | PLANT_FREE | {"infrastructure.toml", "import_report.txt"}
    unknown = sorted(p.name for p in dataset.iterdir() if p.is_file() and p.name not in known)
    if unknown:
        sys.exit(f"{dataset}: tables the generator does not know: {', '.join(unknown)} "
                 "(add them to REPLICATED, ORIGINALS_ONLY or PLANT_FREE)")
    plants = 0
    for path in sorted(dataset.iterdir()):
        if not path.is_file():
            continue
        if path.name in REPLICATED:
            n = replicate_table(path, target / path.name, REPLICATED[path.name], k)
            plants = n if path.name == "plants.csv" else plants
        elif path.name == "infrastructure.toml":
            scale_capacities(path, target / path.name, k)
        else:
            shutil.copyfile(path, target / path.name)
    write_scenario(scenario, out_dir)
    return plants


def main(argv):
    if len(argv) != 5 or not argv[3].isdigit() or int(argv[3]) < 1:
        sys.exit(__doc__.strip().splitlines()[2])
    plants = generate(Path(argv[1]), Path(argv[2]), int(argv[3]), Path(argv[4]))
    print(f"{plants} plants in {argv[4]}/dataset, scenario {argv[4]}/scenario.toml")


if __name__ == "__main__":
    main(sys.argv)
