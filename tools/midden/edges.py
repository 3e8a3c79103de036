"""Value-chain edges (edges.csv): supplier -> customer links between written plants.

Three kinds: edges derived where a plant's base-configuration output commodity is another
plant's input in the same cluster and within reach (here), the sourced reference links
(reference_edges.py) and the hand-kept added links (added_links.py). Parameters:
tables/value_chain.toml, tables/reference_edges.csv, tables/added_links.csv,
tables/dropped_links.csv. docs/dataset.md "Value chain".
"""
import math
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


def distance_km(a, b):
    """Great-circle distance between two (latitude, longitude) points in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def co_product_revenue(record, names):
    """EUR/yr of the co-products `names` a plant sells beyond its own use: t/yr from its
    MIDDEN base configuration x [commodity_values]."""
    made, used = {}, {}
    for sec in record.profile.sections:
        for table, flows in ((made, sec.tc.outputs), (used, sec.tc.inputs)):
            for f in flows:
                t = amount_t(f.amount, f.unit)
                if t and f.name.lower() in names:
                    table[f.name.lower()] = table.get(f.name.lower(), 0.0) + sec.activity * t
    return sum(max(0.0, t - used.get(n, 0.0)) * commodity_value(n)[0] for n, t in made.items())


class EdgeSet:
    """Edges between written plants, at most one per (supplier, customer) plus added links
    of another product alongside, in insertion order (which fixes the float sums when
    offtake shares are capped)."""

    def __init__(self, records, prices, locations=None):
        self.records = {r.id: r for r in records}
        self.prices = prices        # sector -> product price, EUR2023/t
        self.locations = locations or {}    # plant id -> (latitude, longitude), MIDDEN
        self.edges = {}
        self.alongside = {}         # (supplier, customer, product) -> Edge

    def distance(self, s, c):
        """km between two plants (MIDDEN coordinates); None when one has none."""
        if s not in self.locations or c not in self.locations:
            return None
        return distance_km(self.locations[s], self.locations[c])

    def same_site(self, s, c):
        d = self.distance(s, c)
        return d is not None and d <= tables.edge_rules().reach.same_site_km

    def within_reach(self, s, c):
        """Whether a derived edge may join s and c: on one site, or within pipeline reach
        in a cluster with a pipeline corridor (value_chain.toml [reach])."""
        d, reach = self.distance(s, c), tables.edge_rules().reach
        if d is None:
            return False
        if d <= reach.same_site_km:
            return True
        return self.records[s].cluster in reach.pipeline_clusters and d <= reach.pipeline_km

    def revenue(self, s):
        """EUR/yr: production x its sector's price, plus the co-products of value_chain.toml
        [co_products]."""
        r = self.records[s]
        names = [n.lower() for n in tables.edge_rules().co_products.get(s, [])]
        return r.production * self.prices[r.sector] + (co_product_revenue(r, names) if names else 0.0)

    def revenue_share(self, s, flow_t, value_eur_per_t):
        """The share of supplier `s`'s revenue that `flow_t` t/yr worth `value_eur_per_t`
        make: what the supplier loses when the customer leaves a product link (its whole
        output is cut by this share)."""
        revenue = self.revenue(s)
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

    def _edge(self, s, c, product, share, benefit, source, by_product_flow_t, value=None):
        """An edge with its coupling; a by-product link has no offtake and costs its supplier
        by_product_loss_share of the by-product's value per t of the supplier's product
        (`value` EUR/t, else value_chain.toml [commodity_values])."""
        coupling = edge_coupling(product, self.records[s].sector)
        loss = 0.0
        if coupling == "by_product":
            value, key = (value, "added_links.csv") if value is not None else commodity_value(product)
            production = self.records[s].production
            loss_share = tables.load().by_product_loss_share
            loss = loss_share * value * by_product_flow_t / production if production > 0 else 0.0
            share = 0.0
            source += (f"; by-product link: supplier loss = {loss_share:.0%} of EUR {value}/t "
                       f"({key or 'default'}, ESTIMATE) x {by_product_flow_t / 1000:.1f} kt / supplier production "
                       f"{production / 1000:.0f} kt")
        return Edge(s, c, product, coupling, fmt(max(0.0, min(1.0, share)), 3), fmt(benefit, 2),
                    fmt(loss, 2), source)

    def all_edges(self):
        """(key, edge) of every edge, sorted by (supplier, customer[, product])."""
        return sorted(list(self.edges.items()) + list(self.alongside.items()))

    def cap_offtake(self, report):
        """Scale the offtake shares of a supplier whose shares sum to more than 1."""
        tot = {}
        for key, e in self.edges.items():
            tot[key[0]] = tot.get(key[0], 0.0) + float(e.offtake_share)   # 0 on by-product links
        for key, e in self.alongside.items():
            tot[key[0]] = tot.get(key[0], 0.0) + float(e.offtake_share)
        for (s, *_), e in self.all_edges():
            if tot[s] > 1.0:
                e.offtake_share = fmt(float(e.offtake_share) / tot[s] * 0.999, 3)
                e.source += f"; offtake share scaled by 1/{tot[s]:.2f} so the supplier's shares sum to <= 1"
        for s in sorted(tot):
            if tot[s] > 1.0:
                report.note(f"edges: offtake shares of supplier {s} summed to {tot[s]:.2f}; scaled to <= 1")

    def rows(self):
        """Edges as CSV rows, sorted by (supplier, customer[, product])."""
        return [asdict(e) for _, e in self.all_edges()]


class CommodityMarket:
    """Per commodity id (tc input/output id): plant -> [first name seen, t/yr] made and
    used in the base configurations, utilities, CO2 and fuels excluded."""

    def __init__(self, edges):
        records = edges.records.values()
        self.edges = edges
        self.cluster = {r.id: r.cluster for r in records}
        self.outputs, self.inputs = {}, {}
        words = tables.load().excluded_commodity_words
        aliases = tables.edge_rules().commodity_aliases
        for r in records:
            for sec in r.profile.sections:
                self._count(self.outputs, r.id, sec.tc.outputs, sec.activity, words, aliases)
                self._count(self.inputs, r.id, sec.tc.inputs, sec.activity, words, aliases)

    @staticmethod
    def _count(table, pid, flows, activity, words, aliases):
        for f in flows:
            t = amount_t(f.amount, f.unit)
            if t is None or f.commodity_id in ("0", "", "None") or t <= 0:
                continue
            if any(w in f.name.lower() for w in words):
                continue
            cid = aliases.get(f.commodity_id, f.commodity_id)   # one good under two MIDDEN ids
            table.setdefault(cid, {}).setdefault(pid, [f.name, 0.0])
            table[cid][pid][1] += activity * t

    def used(self, cid, pid):
        return self.inputs.get(cid, {}).get(pid, [None, 0.0])[1]

    def surplus(self, cid, pid):
        """What `pid` makes of `cid` beyond its own use."""
        return max(0.0, self.outputs[cid][pid][1] - self.used(cid, pid))

    def top_suppliers(self, cid, c):
        """The suppliers of a customer and commodity: every maker with a surplus on the
        customer's own site (a site pools its output), else at most two same-cluster
        plants within reach (value_chain.toml [reach]) with the largest surplus."""
        sup = [x for x in self.outputs[cid] if x != c and self.cluster[x] == self.cluster[c]
               and self.surplus(cid, x) > SURPLUS_SHARE * self.outputs[cid][x][1]
               and self.edges.within_reach(x, c)]
        sup.sort(key=lambda x: (-self.surplus(cid, x), x))
        on_site = [x for x in sup if self.edges.same_site(x, c)]
        return on_site if on_site else sup[:MAX_SUPPLIERS]


def derive_edges(edges, commodities):
    """Add the edges derived from output -> input commodity matches in the same cluster;
    return how many were added."""
    market = CommodityMarket(edges)
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
    where = f"same site ({edges.distance(s, c):.1f} km apart" if edges.same_site(s, c) else \
        f"same cluster, within pipeline reach ({edges.distance(s, c):.1f} km apart"
    why = (f"ESTIMATE: derived from MIDDEN base configurations: {s} outputs '{sname}' ({cid} {commodity}), "
           f"{c} inputs '{cname}', {where}, MIDDEN coordinates); offtake = customer demand {flow / 1000:.0f} kt x EUR {val}/t / supplier revenue "
           f"(production x its sector's product price, plus value_chain.toml co-products): a share of the supplier's output by value "
           f"(net of supplier's own use, shared pro rata); benefit = {benefit_share:.0%} of input value "
           f"(EUR {val}/t {key or 'default'}, ESTIMATE) x {c_t / cprod if cprod else 0:.3f} t input per t product: avoided terminal, shipping and import margin")
    if (s, c) in edges.edges:    # the pair already carries another commodity
        edges.alongside[(s, c, commodity)] = edges._edge(s, c, commodity, share, ben, why, flow)
        return True
    return edges.add(s, c, commodity, share, ben, why, by_product_flow_t=flow)
