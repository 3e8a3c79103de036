#!/usr/bin/python3
"""The value-chain links of issue 22 (value-chain review §1.2/§1.3) in the committed dataset.

    test_value_chain_links.py <eiisim-binary> <repo-root>

Checks that (1) the review's addable missing links are in clusters/nl/edges.csv, each with
a source, and the doubtful ones fixed; (2) no derived edge joins plants farther apart than
value_chain.toml [reach] allows, in the committed dataset and on the importer fixture with
one plant moved away; (3) the graph metrics of tools/value_chain_metrics.py. Exits
non-zero on failure.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

FAILS = []

# supplier, customer, product pattern (case-insensitive), coupling: review §1.2 #1-#18
REQUIRED = [(s, c, "steam and power", "utility") for s in ["M122"]
            for c in ["M115", "M116", "M117", "M118", "M119", "M120", "M121"]] + [
    ("M186", "M072", "C3/C4", "product"),
    ("M116", "M072", "propylene oxide", "product"), ("M117", "M072", "propylene oxide", "product"),
    ("M115", "M072", "base chemicals", "product"),
    ("M187", "M076", "BTX", "product"), ("M187", "M075", "olefins", "product"),
    ("M115", "M009", "ethylene", "product"), ("M192", "M009", "ethylene", "product"),
    ("M192", "M197", "benzene", "product"), ("M193", "M197", "", "product"),
    ("M193", "M198", "ethylene", "product"),
    ("M201", "M195", "steam", "utility"), ("M201", "M196", "steam", "utility"),
    ("M201", "M197", "steam", "utility"), ("M201", "M198", "steam", "utility"),
    ("M199", "M196", "steam", "utility"), ("M200", "M197", "steam", "utility"),
    ("M200", "M198", "steam", "utility"),
    ("M203", "M011", "steam", "utility"), ("M203", "M025", "power", "utility"),
    ("M203", "M026", "power", "utility"), ("M203", "M027", "steam", "utility"),
    # Review #13's oxygen to Lyondell (M074) and Shell Moerdijk EO (M119) has no supplier
    # plant: the Merseyweg ASU is left out of M176 (tables/excluded_configurations.csv).
    ("M181", "M198", "oxygen", "product"),
    ("M031", "M074", "steam", "by_product"),
    ("M017", "M022", "CO2", "by_product"), ("M018", "M022", "CO2", "by_product"),
    ("M019", "M022", "CO2", "by_product"),
    ("M006", "M136", "slag", "by_product"),
    ("M186", "M202", "naphtha", "product"), ("M187", "M202", "naphtha", "product"),
    ("M189", "M202", "naphtha", "product"),
    ("M186", "M116", "benzene", "product"),
]


def check(cond, msg):
    if not cond:
        FAILS.append(msg)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if ln.strip() and not ln.startswith("#")))


def reach(root):
    with open(os.path.join(root, "tools", "midden", "tables", "value_chain.toml"), "rb") as f:
        return tomllib.load(f)["reach"]


def on_network(root, s, c, pattern):
    """Whether s feeds and c draws from one pipeline network whose product matches
    `pattern`: the network replaces their edge (docs/ODD.md §7.9 "Networks")."""
    nets = {n["network"]: n["product"] for n in read_csv(os.path.join(root, "clusters", "nl", "networks.csv"))}
    members = read_csv(os.path.join(root, "clusters", "nl", "network_members.csv"))
    producer = {m["network"] for m in members if m["plant_id"] == s and m["role"] == "producer"}
    consumer = {m["network"] for m in members if m["plant_id"] == c and m["role"] == "consumer"}
    return any(re.search(pattern, nets[n], re.IGNORECASE) for n in producer & consumer)


def test_links(root):
    edges = read_csv(os.path.join(root, "clusters", "nl", "edges.csv"))
    for s, c, pattern, coupling in REQUIRED:
        hit = [e for e in edges if e["supplier"] == s and e["customer"] == c
               and re.search(pattern, e["product"], re.IGNORECASE)]
        check(bool(hit) or on_network(root, s, c, pattern), f"missing link {s} -> {c} ({pattern or 'any product'})")
        for e in hit:
            check(e["coupling"] == coupling, f"{s} -> {c} {e['product']}: coupling {e['coupling']} != {coupling}")
            check(len(e["source"]) > 40, f"{s} -> {c}: no source")
    for e in edges:
        if e["source"].startswith("added_links.csv"):
            check("review" in e["source"] or "value_chain_edges" in e["source"],
                  f"{e['supplier']} -> {e['customer']}: added link without its review/reference source")
    pairs = {(e["supplier"], e["customer"]) for e in edges}
    check(("M076", "M116") not in pairs, "RAP -> Moerdijk benzene must be dropped (review §1.3)")
    # the doubtful edges: Pernis propylene no longer carries the SMPO units' whole demand
    for e in edges:
        if e["supplier"] == "M072" and e["customer"] in ("M116", "M117") and "propylene" in e["product"]:
            check(float(e["integration_benefit_eur_per_t"]) <= 10, f"M072 -> {e['customer']}: benefit still 45 EUR/t")
    # Yara ammonia: one rule (derived from flows) for all three ammonia plants
    for e in edges:
        if e["supplier"] in ("M017", "M018", "M019") and e["customer"] in ("M020", "M021", "M022") \
                and e["product"].startswith("ammonia"):
            check("derived" in e["source"], f"{e['supplier']} -> {e['customer']}: ammonia edge not by the derived rule")
    # offtake caps: each supplier's shares sum to <= 1 without scaling
    tot = {}
    for e in edges:
        tot[e["supplier"]] = tot.get(e["supplier"], 0.0) + float(e["offtake_share"])
        check("offtake share scaled by" not in e["source"], f"{e['supplier']} -> {e['customer']}: offtake had to be scaled")
    for s, t in tot.items():
        check(t <= 1.0 + 1e-9, f"{s}: offtake shares sum to {t:.3f}")


def test_reach_committed(root):
    """Every derived edge states its distance, within [reach]."""
    r = reach(root)
    plants = {p["id"]: p for p in read_csv(os.path.join(root, "clusters", "nl", "plants.csv"))}
    for e in read_csv(os.path.join(root, "clusters", "nl", "edges.csv")):
        if "derived from MIDDEN base configurations" not in e["source"]:
            continue
        m = re.search(r"\(([0-9.]+) km apart", e["source"])
        check(m is not None, f"derived {e['supplier']} -> {e['customer']} states no distance")
        if m is None:
            continue
        d = float(m.group(1))
        cluster = plants[e["supplier"]]["cluster"]
        limit = r["pipeline_km"] if cluster in r["pipeline_clusters"] else r["same_site_km"]
        check(d <= limit, f"derived {e['supplier']} -> {e['customer']} {d} km apart > {limit} km ({cluster})")


def importer(root, src, out):
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "tools"))
    return subprocess.run([sys.executable, "-m", "midden", "--from", src, "--out", out],
                          capture_output=True, text=True, env=env, cwd=root)


def fixture_pairs(root, tmp, move_km):
    """Derived edges of the importer fixture without reference links, M020 moved north."""
    src = os.path.join(tmp, f"fx{move_km}")
    shutil.copytree(os.path.join(root, "tests", "data", "midden_fixture"), src)
    os.remove(os.path.join(src, "value_chain_edges.csv"))
    path = os.path.join(src, "midden.json")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    plants = json.loads(text)
    for p in plants:
        if p["plant_id"] == "M020":
            p["latitude"] += move_km / 111.2
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plants, f)
    r = importer(root, src, os.path.join(tmp, f"out{move_km}"))
    check(r.returncode == 0, f"importer failed on the fixture: {r.stderr[-500:]}")
    if r.returncode != 0:
        return set()
    return {(e["supplier"], e["customer"]) for e in read_csv(os.path.join(tmp, f"out{move_km}", "edges.csv"))}


def test_reach_fixture(root):
    with tempfile.TemporaryDirectory() as tmp:
        near = fixture_pairs(root, tmp, 0)
        far = fixture_pairs(root, tmp, 60)
    check(("M017", "M020") in near, "fixture: Yara ammonia -> nitric acid on one site expected")
    check(("M017", "M020") not in far, "fixture: a plant 60 km away must get no derived edge")
    check(("M017", "M022") in far, "fixture: the other same-site edge must stay")


def test_metrics(root):
    sys.path.insert(0, os.path.join(root, "tools"))
    import value_chain_metrics as vcm
    check(vcm.components(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]) == 2, "components of a 4-node graph")
    m = vcm.metrics(os.path.join(root, "clusters", "nl"))
    check(m["cluster6"]["edges"] == 0, f"cluster 6 has {m['cluster6']['edges']} same-cluster edges (none on one site)")
    check(m["chemelot"]["components"] == 1, "Chemelot: one connected site expected (Swentibold hub)")
    check(m["national"]["linked_pairs"] >= 105, f"only {m['national']['linked_pairs']} linked pairs")
    check(m["rotterdam_moerdijk"]["emission_share_connected"] >= 0.93, "Rotterdam: BKG8 and RAP etc. connected")
    check(m["zeeland_west_brabant"]["isolated"] <= 8, "Zeeland: Dow tenants connected")


def main():
    root = sys.argv[2] if len(sys.argv) > 2 else "."
    test_links(root)
    test_reach_committed(root)
    test_reach_fixture(root)
    test_metrics(root)
    for msg in FAILS:
        print("FAIL:", msg)
    print(f"test_value_chain_links: {'FAILED' if FAILS else 'ok'} ({len(FAILS)} failures)")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
