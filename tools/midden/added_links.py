"""The hand-kept links of tables/added_links.csv and the dropped edges of
tables/dropped_links.csv (value-chain review §1.2 and §1.3).

The reference links of value_chain_edges.csv (shared/reference, not editable here) miss
links that MIDDEN's process data and public sources document: site utilities and the
plants they serve, refinery -> chemicals streams on shared sites, cross-cluster pipeline
and barge links, and commodity matches the derivation misses. Each row names its plants,
product, flow and benefit with its source; its figures replace any derived or reference
edge of the same pair, or sit alongside it when the pair carries another product.
docs/dataset.md "Value chain".
"""
from . import tables
from .edges import commodity_value, edge_coupling

ADDED_FILE = "added_links.csv"


def add_hand_kept_links(edges, report):
    """Add the rows of added_links.csv to `edges`; return how many edges were written."""
    made = 0
    for row in tables.edge_rules().added_links:
        for s in row.suppliers:
            for c in row.customers:
                if s not in edges.records or c not in edges.records:
                    report.note(f"edges: added link {s} -> {c} skipped: a plant is not in plants.csv")
                    continue
                _put(edges, row, s, c)
                made += 1
    return made


def _put(edges, row, s, c):
    """One added edge: the offtake weighted by value unless the row gives it."""
    value = row.value_eur_per_t if row.value_eur_per_t is not None else commodity_value(row.product)[0]
    coupling = edge_coupling(row.product, edges.records[s].sector)
    if row.offtake_share is not None:
        share, how = row.offtake_share, "offtake as given"
    else:
        share = edges.revenue_share(s, row.flow_t, value)
        how = (f"offtake = {row.flow_t / 1000:.1f} kt x EUR {value:.0f}/t / supplier revenue "
               f"(weighted by value)")
    if coupling == "by_product":
        how = f"by-product flow {row.flow_t / 1000:.1f} kt"
    d = edges.distance(s, c)
    where = f"{d:.1f} km apart (MIDDEN coordinates)" if d is not None else "distance unknown"
    source = f"{ADDED_FILE}: {row.source}; {how}; {where}"
    edge = edges._edge(s, c, row.product, share, row.benefit_eur_per_t, source, row.flow_t,
                       value if coupling == "by_product" else None)
    if row.alongside and (s, c) in edges.edges:
        edges.alongside[(s, c, row.product)] = edge
    else:
        edges.edges[(s, c)] = edge


def drop_links(edges, report):
    """Remove the edges of dropped_links.csv; a row that matches no edge is reported."""
    for (s, c), reason in tables.edge_rules().dropped_links.items():
        if edges.edges.pop((s, c), None) is None:
            report.note(f"edges: dropped link {s} -> {c} not found")
        else:
            report.note(f"edges: {s} -> {c} dropped ({reason})")
