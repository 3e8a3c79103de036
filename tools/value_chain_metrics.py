#!/usr/bin/python3
"""Graph metrics of the value-chain dataset: per cluster and national.

    value_chain_metrics.py [DATASET_DIR] [--json FILE] [--compare OTHER_DIR]

Reads DATASET_DIR/plants.csv, edges.csv and network_members.csv (default clusters/nl) and
prints, per cluster and for the country: plants, edges, linked pairs (distinct unordered
plant pairs with at least one edge, or a producer and a consumer on one pipeline network), connected components (isolated plants count as one each), isolated
plants, and the share of 2020 emissions (co2_combustion_t + co2_process_t = NEa 2020) in
plants with at least one edge. A cluster's components and pairs count only the edges
within it; a plant linked only across clusters is still "connected" for the emission
share. With --compare, prints OTHER_DIR's figures (before) next to DATASET_DIR's (after).
docs/dataset.md "Value chain" has the table.
"""
import argparse
import csv
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = ("plants", "edges", "linked_pairs", "components", "isolated", "emission_share_connected")


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if not ln.startswith("#")))


def components(nodes, pairs):
    """Number of connected components of the undirected graph (nodes, pairs)."""
    parent = {n: n for n in nodes}

    def root(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in pairs:
        parent[root(a)] = root(b)
    return len({root(n) for n in nodes})


def network_links(dataset):
    """(producer, consumer) pairs of each pipeline network (network_members.csv): a
    network links every producer to every consumer on it (docs/ODD.md §7.9 "Networks")."""
    path = os.path.join(dataset, "network_members.csv")
    if not os.path.exists(path):
        return []
    members = read_rows(path)
    return [{"supplier": p["plant_id"], "customer": c["plant_id"]} for p in members for c in members
            if p["network"] == c["network"] and p["role"] == "producer" and c["role"] == "consumer"]


def group_metrics(plants, edges, linked, networks=()):
    """Metrics of one group of plants (ids -> emissions); `linked`: ids with any edge or
    network membership; `networks`: the networks' producer-consumer pairs."""
    ids = set(plants)
    inner = [e for e in edges if e["supplier"] in ids and e["customer"] in ids]
    pairs = {tuple(sorted((e["supplier"], e["customer"]))) for e in list(inner) + list(networks)
             if e["supplier"] in ids and e["customer"] in ids}
    total = sum(plants.values())
    connected = sum(v for k, v in plants.items() if k in linked)
    return {"plants": len(ids), "edges": len(inner), "linked_pairs": len(pairs),
            "components": components(ids, pairs),
            "isolated": sum(1 for k in ids if k not in linked),
            "emission_share_connected": round(connected / total, 3) if total > 0 else 0.0}


def metrics(dataset):
    """{cluster or 'national': {metric: value}} of a dataset folder."""
    plants = read_rows(os.path.join(dataset, "plants.csv"))
    edges = read_rows(os.path.join(dataset, "edges.csv"))
    networks = network_links(dataset)
    linked = {e[k] for e in edges + networks for k in ("supplier", "customer")}
    emissions = {p["id"]: float(p["co2_combustion_t"]) + float(p["co2_process_t"]) for p in plants}
    out = {}
    for cluster in sorted({p["cluster"] for p in plants}):
        group = {p["id"]: emissions[p["id"]] for p in plants if p["cluster"] == cluster}
        out[cluster] = group_metrics(group, edges, linked, networks)
    out["national"] = group_metrics(emissions, edges, linked, networks)
    return out


def table(after, before=None):
    """A markdown table; with `before`, each cell reads 'before -> after'."""
    lines = ["| group | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for group, m in after.items():
        cells = []
        for c in COLUMNS:
            cells.append(f"{before[group][c]} → {m[c]}" if before and group in before else str(m[c]))
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", nargs="?", default=os.path.join(REPO, "clusters", "nl"))
    parser.add_argument("--json", help="write the metrics to this file")
    parser.add_argument("--compare", metavar="BEFORE_DIR", help="a dataset folder to compare with")
    args = parser.parse_args(argv)
    after = metrics(args.dataset)
    before = metrics(args.compare) if args.compare else None
    print(table(after, before))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"after": after, "before": before} if before else after, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
