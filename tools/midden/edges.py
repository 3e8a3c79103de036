"""Value-chain edges (edges.csv): supplier -> customer links between written plants.

Two kinds: edges derived where a plant's base-configuration output commodity is another
plant's input in the same cluster (here), and the sourced reference links
(reference_edges.py). Parameters: tables/value_chain.toml, tables/reference_edges.csv.
docs/dataset.md "Value chain".
"""
import re
from dataclasses import asdict, dataclass

from . import tables
from .formatting import fmt
from .reference_edges import REFERENCE_FILE
from .units import amount_t

EDGE_COLUMNS = ["supplier", "customer", "product", "coupling", "offtake_share",
                "integration_benefit_eur_per_t", "supplier_loss_eur_per_t", "source"]
FOLLOWS_CUSTOMER = ("product", "utility")   # core/inputs.hpp supplier_follows_customer()
SURPLUS_SHARE = 0.05        # a plant supplies a commodity only beyond 5 % of its output
MAX_SUPPLIERS = 2           # per customer and commodity
DEFAULT_COMMODITY_VALUE = 500


def edge_coupling(product, supplier_sector):
    """The link type of an edge carrying `product` from a supplier of `supplier_sector`:
    the first of tables/value_chain.toml [[coupling_rules]] that matches, else "product"
    (docs/ODD.md §7.9)."""
    for rule in tables.load().coupling_rules:
        if rule.pattern.search(product) and supplier_sector not in rule.supplier_sectors_excepted:
            return rule.coupling
    return "product"


def commodity_value(name):
    """(EUR2023 per t, matched name) of a commodity: the longest name in
    tables/value_chain.toml [commodity_values] that `name` contains, else the default."""
    values = tables.load().commodity_values
    n = name.lower()
    for k in sorted(values, key=len, reverse=True):
        if k in n:
            return values[k], k
    return DEFAULT_COMMODITY_VALUE, None


@dataclass
class Edge:
    """One row of edges.csv; shares and benefits as written text."""
    supplier: str
    customer: str
    product: str
    coupling: str
    offtake_share: str
    integration_benefit_eur_per_t: str
    supplier_loss_eur_per_t: str
    source: str


class EdgeSet:
    """Edges between written plants, at most one per (supplier, customer), in insertion
    order (which fixes the float sums when offtake shares are capped)."""

    def __init__(self, records, prices):
        self.records = {r.id: r for r in records}
        self.prices = prices        # sector -> product price, EUR2023/t
        self.edges = {}

    def revenue_share(self, s, flow_t, value_eur_per_t):
        """The share of supplier `s`'s revenue that `flow_t` t/yr worth `value_eur_per_t`
        make: what the supplier loses when the customer leaves a product link (its whole
        output is cut by this share)."""
        r = self.records[s]
        revenue = r.production * self.prices[r.sector]
        return flow_t * value_eur_per_t / revenue if revenue > 0 else 0.0

    def add(self, s, c, product, share, benefit, source, by_product_flow_t=0.0, override=False):
        """Add an edge. A reference link found again upgrades a derived edge's product and
        source, and with `override` (its own row in reference_edges.csv) its figures too.
        Returns whether an edge was added or upgraded."""
        if s == c or s not in self.records or c not in self.records:
            return False
        e = self.edges.get((s, c))
        if e is not None:
            if not e.source.startswith(REFERENCE_FILE) and "value_chain_edges" in source:
                if override:
                    self.edges[(s, c)] = self._edge(s, c, product, share, benefit, source, by_product_flow_t)
                    return True
                if e.source.startswith("ESTIMATE: "):
                    e.source = (source.split("; offtake/benefit")[0] + "; offtake and benefit derived: "
                                + e.source[len("ESTIMATE: "):])
                e.product = product
                e.coupling = edge_coupling(product, self.records[s].sector)
                return True
            return False
        self.edges[(s, c)] = self._edge(s, c, product, share, benefit, source, by_product_flow_t)
        return True

    def _edge(self, s, c, product, share, benefit, source, by_product_flow_t):
        """An edge with its coupling; a by-product link has no offtake and costs its supplier
        by_product_loss_share of the by-product's value per t of the supplier's product."""
        coupling = edge_coupling(product, self.records[s].sector)
        loss = 0.0
        if coupling == "by_product":
            value, key = commodity_value(product)
            production = self.records[s].production
            loss_share = tables.load().by_product_loss_share
            loss = loss_share * value * by_product_flow_t / production if production > 0 else 0.0
            share = 0.0
            source += (f"; by-product link: supplier loss = {loss_share:.0%} of EUR {value}/t "
                       f"({key or 'default'}, ESTIMATE) x {by_product_flow_t / 1000:.1f} kt / supplier production "
                       f"{production / 1000:.0f} kt")
        return Edge(s, c, product, coupling, fmt(max(0.0, min(1.0, share)), 3), fmt(benefit, 2),
                    fmt(loss, 2), source)

    def cap_offtake(self, report):
        """Scale the offtake shares of a supplier whose shares sum to more than 1."""
        tot = {}
        for (s, c), e in self.edges.items():
            tot[s] = tot.get(s, 0.0) + float(e.offtake_share)   # 0 on by-product links
        for (s, c), e in sorted(self.edges.items()):
            if tot[s] > 1.0:
                e.offtake_share = fmt(float(e.offtake_share) / tot[s] * 0.999, 3)
                e.source += f"; offtake share scaled by 1/{tot[s]:.2f} so the supplier's shares sum to <= 1"
        for s in sorted(tot):
            if tot[s] > 1.0:
                report.note(f"edges: offtake shares of supplier {s} summed to {tot[s]:.2f}; scaled to <= 1")

    def rows(self):
        """Edges as CSV rows, sorted by (supplier, customer)."""
        return [asdict(self.edges[k]) for k in sorted(self.edges)]


class CommodityMarket:
    """Per commodity id (tc input/output id): plant -> [first name seen, t/yr] made and
    used in the base configurations, utilities, CO2 and fuels excluded."""

    def __init__(self, records):
        self.cluster = {r.id: r.cluster for r in records}
        self.outputs, self.inputs = {}, {}
        words = tables.load().excluded_commodity_words
        for r in records:
            for sec in r.profile.sections:
                self._count(self.outputs, r.id, sec.tc.outputs, sec.activity, words)
                self._count(self.inputs, r.id, sec.tc.inputs, sec.activity, words)

    @staticmethod
    def _count(table, pid, flows, activity, words):
        for f in flows:
            t = amount_t(f.amount, f.unit)
            if t is None or f.commodity_id in ("0", "", "None") or t <= 0:
                continue
            if any(w in f.name.lower() for w in words):
                continue
            table.setdefault(f.commodity_id, {}).setdefault(pid, [f.name, 0.0])
            table[f.commodity_id][pid][1] += activity * t

    def used(self, cid, pid):
        return self.inputs.get(cid, {}).get(pid, [None, 0.0])[1]

    def surplus(self, cid, pid):
        """What `pid` makes of `cid` beyond its own use."""
        return max(0.0, self.outputs[cid][pid][1] - self.used(cid, pid))

    def top_suppliers(self, cid, c):
        """At most two suppliers per customer and commodity: the same-cluster plants
        with the largest surplus of it."""
        sup = [x for x in self.outputs[cid] if x != c and self.cluster[x] == self.cluster[c]
               and self.surplus(cid, x) > SURPLUS_SHARE * self.outputs[cid][x][1]]
        sup.sort(key=lambda x: (-self.surplus(cid, x), x))
        return sup[:MAX_SUPPLIERS]


def derive_edges(edges, commodities):
    """Add the edges derived from output -> input commodity matches in the same cluster;
    return how many were added."""
    market = CommodityMarket(edges.records.values())
    derived = 0
    for cid in sorted(market.outputs):
        if cid not in market.inputs:
            continue
        for s in sorted(market.outputs[cid]):
            s_t = market.outputs[cid][s][1]
            # customers in the same cluster that do not make the commodity themselves
            # (an intermediate a plant makes and uses itself is not traded)
            cands = [c for c in sorted(market.inputs[cid]) if c != s
                     and market.cluster[c] == market.cluster[s]
                     and edges.records[c].profile.pcd_ids and c not in market.outputs[cid]
                     and s in market.top_suppliers(cid, c)]
            # the supplier's own internal use comes first
            avail = max(0.0, s_t - market.used(cid, s))
            if avail <= SURPLUS_SHARE * s_t or not cands:
                continue
            demand = sum(market.inputs[cid][c][1] for c in cands)
            for c in cands:
                if (s, c) in edges.edges:
                    continue
                if _add_derived_edge(edges, market, commodities, cid, s, c, avail, demand):
                    derived += 1
    return derived


def _add_derived_edge(edges, market, commodities, cid, s, c, avail, demand):
    """One derived edge: the customer's demand split over its suppliers by surplus;
    benefit = a share of the input's value per t of the customer's product."""
    sname, s_t = market.outputs[cid][s]
    cname, c_t = market.inputs[cid][c]
    tops = market.top_suppliers(cid, c)
    c_t = c_t * avail / sum(market.surplus(cid, x) for x in tops)
    flow = min(c_t, avail * c_t / demand if demand > avail else c_t)
    commodity = commodities.get(cid, sname)
    val, key = commodity_value(commodity)
    share = edges.revenue_share(s, flow, val)
    cprod = edges.records[c].production
    benefit_share = tables.load().benefit_share
    ben = benefit_share * val * c_t / cprod if cprod > 0 else 0.0
    why = (f"ESTIMATE: derived from MIDDEN base configurations: {s} outputs '{sname}' ({cid} {commodity}), "
           f"{c} inputs '{cname}', same cluster; offtake = customer demand {flow / 1000:.0f} kt x EUR {val}/t / supplier revenue "
           f"(production x its sector's product price): a share of the supplier's output by value "
           f"(net of supplier's own use, shared pro rata); benefit = {benefit_share:.0%} of input value "
           f"(EUR {val}/t {key or 'default'}, ESTIMATE) x {c_t / cprod if cprod else 0:.3f} t input per t product: avoided terminal, shipping and import margin")
    return edges.add(s, c, commodity, share, ben, why, by_product_flow_t=flow)
