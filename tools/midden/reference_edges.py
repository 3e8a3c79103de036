"""The sourced reference links (value_chain_edges.csv) mapped to MIDDEN installations.

value_chain_edges.csv (shared/reference) names sites, infrastructure and markets; the
sites are resolved to MIDDEN plant ids through tables/value_chain.toml [nodes], and each
link gets the offtake share and integration benefit of tables/reference_edges.csv. Links
with an end that is not a MIDDEN current plant are reported, not mapped.
"""
import csv
import os

from . import tables

REFERENCE_FILE = "value_chain_edges.csv"


def read_reference_links(src, report):
    """Rows of value_chain_edges.csv, looked up in the MIDDEN folder, then in its parent."""
    for cand in (os.path.join(src, REFERENCE_FILE), os.path.join(src, "..", REFERENCE_FILE)):
        if os.path.exists(cand):
            with open(cand, encoding="utf-8") as f:
                return list(csv.DictReader(f))
    report.note("value_chain_edges.csv not found next to the MIDDEN files: no reference links mapped")
    return []


def add_reference_edges(edges, links, report):
    """Add the reference links to `edges`; return (tag, status) per link for the report."""
    status = []
    for i, ref in enumerate(links, start=2):
        tag = f"line {i}: {ref['supplier_id']} -> {ref['customer_id']}"
        if ref["supplier_id"] == ref["customer_id"]:
            status.append((tag, _add_internal_link(edges, ref, tag, report)))
        else:
            status.append((tag, _add_link(edges, ref, tag, report)))
    return status


def _add_internal_link(edges, ref, tag, report):
    """An "X -> X" link: a site's internal integration, resolved to its installations;
    each customer's benefit is split over the supplying installations."""
    t = tables.load()
    node = t.reference_nodes.get(ref["supplier_id"])
    if node is None or not node.internal_customers:
        report.skip("value_chain_edge", tag, "self-link within one installation")
        return "not mapped: internal integration within one MIDDEN installation (self-edge)"
    sup, cus = node.internal_suppliers, node.internal_customers
    p = t.reference_edges.get((ref["supplier_id"], ref["customer_id"]))
    own_row = p is not None
    if p is None:      # the default offtake is a total, split evenly over the customers
        d = t.default_internal_link
        p = tables.LinkDefaults(d.offtake_share / len(cus), d.benefit_eur_per_t, d.source)
    made = 0
    for s in sup:
        for c in cus:
            if edges.add(s, c, node.internal_product, p.offtake_share, p.benefit_eur_per_t / len(sup),
                         f"value_chain_edges.csv ({ref['source']}); internal link resolved to MIDDEN installations; offtake/benefit {p.source}",
                         by_product_flow_t=p.by_product_flow_t / len(cus), override=own_row):
                made += 1
    return f"mapped to {made} edges between MIDDEN installations {','.join(sup)} -> {','.join(cus)}"


def _add_link(edges, ref, tag, report):
    """A link between two sites: the offtake share is split over the customer's
    installations, the customer's benefit (a saving per t of its product from the whole
    supplying site) over the supplier's; the supplier is its main installation unless
    the node lists several."""
    t = tables.load()
    s_id, c_id = ref["supplier_id"], ref["customer_id"]
    s_node, c_node = t.reference_nodes.get(s_id), t.reference_nodes.get(c_id)
    sup = s_node.as_supplier if s_node else None
    cus = c_node.plants if c_node else None
    if not sup or not cus:
        which = []
        if not sup:
            which.append(f"supplier '{s_id}'")
        if not cus:
            which.append(f"customer '{c_id}'")
        reason = " and ".join(which) + " not a MIDDEN current plant (infrastructure, market, foreign or non-ETS node)"
        report.skip("value_chain_edge", tag, reason)
        return "not mapped: " + reason
    own_row = (s_id, c_id) in t.reference_edges
    p = t.reference_edges.get((s_id, c_id), t.default_reference_link)
    made = 0
    for s in sup:
        for c in cus:
            if edges.add(s, c, ref["product"], p.offtake_share / len(cus), p.benefit_eur_per_t / len(sup),
                         f"value_chain_edges.csv ({ref['source']}); {ref['volume_note']}; offtake/benefit {p.source}",
                         by_product_flow_t=p.by_product_flow_t / len(cus), override=own_row):
                made += 1
    return f"mapped to {made} edge(s) {','.join(sup)} -> {','.join(cus)}"
