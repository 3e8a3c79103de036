"""Pipeline networks (tables/networks.csv, tables/network_members.csv) written to
clusters/nl/networks.csv and network_members.csv (docs/ODD.md §7.9 "Networks").

A network pools the plants that feed one product into it and those that draw from it.
Every product or utility edge between a producer and a consumer of the same network
whose product matches the network's edge_products is replaced by the two plants'
memberships, so the flow is counted once (on the network) and a producer's exit is
covered by the others before a consumer buys outside. By-product and fuel-gas edges stay
edges: their supplier does not follow its customers.
"""
import re

from . import tables
from .edges import commodity_value
from .formatting import fmt

NETWORK_COLUMNS = ["network", "product", "coupling", "headroom_share", "import_share", "import_cost_share", "source"]
MEMBER_COLUMNS = ["network", "plant_id", "role", "flow_kt", "offtake_share", "replacement_eur_per_t", "leaves_with",
                  "source"]
TABLE = "tables/networks.csv"


def _members(network):
    rows = [r for r in tables.read_csv_rows(tables.TABLES_DIR / "network_members.csv") if r["network"] == network]
    for r in rows:
        if r["role"] not in ("producer", "consumer") or not r["source"].strip():
            raise tables.TableError(f"network_members.csv: row {r} needs role producer/consumer and a source")
    return rows


def _replaced(edges, net, producers, consumers):
    """(key, edge) of the product and utility edges this network replaces, in sorted order."""
    pattern = re.compile(net["edge_products"])
    out = []
    for key, e in edges.all_edges():
        if (e.supplier in producers and e.customer in consumers and e.coupling in ("product", "utility")
                and pattern.match(e.product.lower())):
            out.append((key, e))
    return out


def _flow_t(edges, e):
    """t/yr along an edge: its offtake share of the supplier's revenue at the product's value."""
    value = commodity_value(e.product)[0]
    return float(e.offtake_share) * edges.revenue(e.supplier) / value if value > 0 else 0.0


def _member_rows(net, members, replaced, flows):
    """Membership rows with the flows, shares and costs summed over the replaced edges."""
    out = []
    for m in members:
        pid, producer = m["plant_id"], m["role"] == "producer"
        mine = [(e, f) for (_, e), f in zip(replaced, flows) if (e.supplier if producer else e.customer) == pid]
        flow = sum(f for _, f in mine)
        if flow <= 0:
            continue
        share = sum(float(e.offtake_share) for e, _ in mine) if producer else 0.0
        cost = 0.0 if producer else sum(float(e.integration_benefit_eur_per_t) for e, _ in mine)
        others = sorted({e.customer if producer else e.supplier for e, _ in mine})
        out.append({"network": net["network"], "plant_id": pid, "role": m["role"], "flow_kt": fmt(flow / 1000, 3),
                    "offtake_share": fmt(share, 3), "replacement_eur_per_t": fmt(cost, 2),
                    "leaves_with": m.get("leaves_with", "").strip(),
                    "source": f"{TABLE} / network_members.csv: {m['source']}; replaces the edges "
                              f"{'to' if producer else 'from'} {' '.join(others)} (flow = offtake share x supplier "
                              f"revenue / product value; {'offtake = sum of their shares' if producer else 'replacement = sum of their integration benefits'})"})
    return out


def build_networks(edges, report):
    """(network rows, member rows); the replaced edges are removed from `edges`."""
    nets, members_out = [], []
    for net in tables.read_csv_rows(tables.TABLES_DIR / "networks.csv"):
        members = _members(net["network"])
        producers = {m["plant_id"] for m in members if m["role"] == "producer" and m["plant_id"] in edges.records}
        consumers = {m["plant_id"] for m in members if m["role"] == "consumer" and m["plant_id"] in edges.records}
        replaced = _replaced(edges, net, producers, consumers)
        flows = [_flow_t(edges, e) for _, e in replaced]
        rows = _member_rows(net, members, replaced, flows)
        if not any(r["role"] == "producer" for r in rows) or not any(r["role"] == "consumer" for r in rows):
            report.note(f"networks: {net['network']} skipped: no edge between its producers and consumers")
            continue
        for key, _ in replaced:
            (edges.alongside if len(key) == 3 else edges.edges).pop(key)
        nets.append({c: net[c] for c in NETWORK_COLUMNS})
        members_out += rows
        report.note(f"networks: {net['network']}: {len(rows)} members replace {len(replaced)} edges")
    return nets, members_out
