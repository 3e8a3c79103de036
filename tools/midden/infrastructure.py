"""Cluster infrastructure (infrastructure.toml): hand-kept, checked and copied.

Grid headroom, CO2/H2 connection years and national supply paths are not MIDDEN data:
they come from the sourced facts in shared/reference/facts.md §3 and are kept by hand in
the committed clusters/nl/infrastructure.toml, the file the simulator reads. The
importer never rewrites that file; it checks that its clusters are the clusters of
tables/clusters.csv and that every table names its source, and copies it when the output
folder is another one, so that an imported dataset is complete.
"""
import os
import tomllib

from . import tables

INFRASTRUCTURE_FILE = "infrastructure.toml"
INFRASTRUCTURE_SOURCE = tables.REPO_ROOT / "clusters" / "nl" / INFRASTRUCTURE_FILE


def check_infrastructure(path):
    """Parse `path`; raise TableError when its clusters differ from tables/clusters.csv or
    a table has no source. Returns the parsed document."""
    with open(path, "rb") as f:
        try:
            doc = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise tables.TableError(f"{path}: {e}") from None
    want = set(tables.load().cluster_order)
    have = set(doc.get("clusters", {}))
    if have != want:
        raise tables.TableError(f"{path}: clusters {sorted(have)} differ from tools/midden/tables/clusters.csv {sorted(want)}")
    named = {f"clusters.{c}": t for c, t in doc["clusters"].items()}
    named["national"] = doc.get("national", {})
    if "feedstock_supply" in doc:
        named["feedstock_supply"] = doc["feedstock_supply"]
    for name, table in named.items():
        if not str(table.get("source", "")).strip():
            raise tables.TableError(f"{path} [{name}]: missing or empty source")
    return doc


def copy_infrastructure(outdir, source=INFRASTRUCTURE_SOURCE):
    """Copy the hand-kept infrastructure file (checked before the import writes anything)
    to `outdir` byte for byte; nothing to copy when `outdir` holds that very file."""
    dest = os.path.join(outdir, INFRASTRUCTURE_FILE)
    if os.path.exists(dest) and os.path.samefile(dest, source):
        return
    with open(source, "rb") as f:
        data = f.read()
    with open(dest, "wb") as f:
        f.write(data)
