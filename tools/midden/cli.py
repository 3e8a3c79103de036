"""Import the plant-level part of the embedded Dutch dataset from PBL/TNO MIDDEN v3.

    PYTHONPATH=tools /usr/bin/python3 -m midden --from DIR --out clusters/nl/
    (or: tools/import_midden.py --from DIR --out clusters/nl/)

DIR holds midden.json, gpd.json, pcd.json, tc.json and cd.json (the JSON files of the
pbl-nl/MIDDEN repository, commit 569ed7a) and, optionally, value_chain_edges.csv (the
reference supplier -> customer links; looked up in DIR, then in DIR/..).

Writes plants.csv, edges.csv, infrastructure.toml (a checked copy of the hand-kept
clusters/nl/infrastructure.toml), nea_2020_by_cluster.csv, plant_options.csv (every
alternative configuration mapped to a plant option) and import_report.txt. Standard
library only; the output is deterministic (rows sorted, fixed float formatting). Every
figure not read from MIDDEN comes from a hand-kept table in tools/midden/tables/ and is
marked ESTIMATE in the row's source column, with the reasoning, where it is one; every
record that is not mapped is listed in import_report.txt with its reason. See
docs/dataset.md.
"""
import argparse
import sys

from .importer import run_import
from .tables import TableError


def parse_args(argv=None):
    """The command line of the old tools/import_midden.py, unchanged."""
    ap = argparse.ArgumentParser(prog="midden", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", required=True, help="folder with the MIDDEN JSON files")
    ap.add_argument("--out", required=True, help="output dataset folder (e.g. clusters/nl/)")
    ap.add_argument("--catalogue", default=None,
                    help="sector technology catalogue for plant-option timing/learning (default: OUT/technologies.csv, else clusters/nl/technologies.csv)")
    return ap.parse_args(argv)


def main(argv=None):
    """Run the import; exit status 1 on a malformed hand-kept table."""
    a = parse_args(argv)
    try:
        rows, edges = run_import(a.src, a.out, a.catalogue)
    except TableError as e:
        print(f"midden: hand-kept table error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {len(rows)} plants, {len(edges)} edges to {a.out}")
    return 0
