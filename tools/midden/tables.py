"""The hand-kept tables of the importer, read from tools/midden/tables/.

Every figure or mapping the importer does not read from MIDDEN lives in a CSV or TOML
file in that folder, with its source, so that it is declared once and a newcomer can
edit it without reading code. This module is the only reader of those files: it turns
each into typed records and fails with the file name when a row is malformed. CSV files
may start with comment lines ('#'), which say where the figures come from.
"""
import csv
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

TABLES_DIR = Path(__file__).resolve().with_name("tables")
REPO_ROOT = Path(__file__).resolve().parents[2]
OPTION_KINDS = ("electrify", "ccs", "hydrogen", "bio")
CARRIERS = ("gas", "electricity", "hydrogen", "biomethane", "other_fuel")


class TableError(ValueError):
    """A hand-kept table that cannot be used as it stands."""


def read_csv(path):
    """(column names, rows as dicts) of a CSV file, skipping blank and '#' comment lines."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    rows = list(reader)
    return reader.fieldnames, rows


def read_csv_rows(path):
    """Rows of a CSV file as dicts, skipping blank and '#' comment lines."""
    return read_csv(path)[1]


def _csv(name):
    return read_csv_rows(TABLES_DIR / name)


def _toml(name):
    with open(TABLES_DIR / name, "rb") as f:
        return tomllib.load(f)


def _optional_float(text):
    return float(text) if text.strip() else None


def _factor(text, where):
    """A correction factor written as a number or as '1/N'."""
    try:
        if "/" in text:
            num, den = text.split("/")
            return float(num) / float(den)
        return float(text)
    except ValueError:
        raise TableError(f"{where}: factor {text!r} is not a number or 1/N") from None


@dataclass(frozen=True)
class SectorDefaults:
    """Sector-level ESTIMATEs of sector_defaults.csv."""
    sector: str
    process_co2_share: float
    heat_shares: tuple          # (low, mid, high)
    reinvestment_cycle_y: int
    hurdle_rate: float
    fallback_t_co2_per_t: float
    heat_reason: str


@dataclass(frozen=True)
class NaceRule:
    """One row of sector_nace.csv: a NACE code range or a NACE_name phrase -> sector."""
    nace_from: float
    nace_to: float
    name_contains: str
    sector: str
    source: str

    def matches(self, nace, nace_name):
        if self.name_contains:
            return self.name_contains in nace_name
        return nace is not None and self.nace_from <= nace <= self.nace_to


@dataclass(frozen=True)
class SectorException:
    """One row of sector_exceptions.csv."""
    from_sector: str            # '*' = any
    nace: float                 # None = any
    test: str
    sector: str
    reason: str


@dataclass(frozen=True)
class MainProductRule:
    """One row of sector_main_products.csv."""
    sector: str
    names: tuple
    prefixes: tuple
    description: str
    benchmark_t_co2_per_t: float | None   # EU ETS product benchmark 2021-2025; None: no product benchmark
    benchmark_source: str
    # True where the benchmark cell says "sub-installations": the plant's benchmark per t of
    # product is the sum over its sub-installations (sub_installation_benchmarks.csv).
    from_sub_installations: bool = False
    # The 2026-2030 value where adopted (None: not at hand, bounded by the 2013-2020 value;
    # benchmarks.py period_2026_values) and the 2013-2020 value; the source of both.
    benchmark_2026_t_co2_per_t: float | None = None
    benchmark_2013_t_co2_per_t: float | None = None
    benchmark_2026_source: str = ""

    def matches(self, main_name):
        return main_name in self.names or main_name.startswith(self.prefixes)


@dataclass(frozen=True)
class ProcessShareOverride:
    """One row of process_share_overrides.csv."""
    tc_id: str
    share: float
    technology: str
    reasoning: str


@dataclass(frozen=True)
class Fuel:
    """One row of fuels.csv."""
    name: str
    carrier: str
    t_co2_per_gj: float
    steelworks_derived: bool
    steel_reductant: bool


@dataclass(frozen=True)
class MoneyCorrection:
    """One row of money_corrections.csv."""
    factor: float
    evidence: str


@dataclass(frozen=True)
class OptionRule:
    """One row of option_rules.csv; kind None = not mapped, for `reason`."""
    pattern: str
    kind: str
    reason: str


@dataclass(frozen=True)
class LinkDefaults:
    """Offtake share, benefit (EUR2023/t) and reasoning of a link without its own row;
    the by-product flow (t/yr) of a by-product link."""
    offtake_share: float
    benefit_eur_per_t: float
    source: str
    by_product_flow_t: float = 0.0


@dataclass(frozen=True)
class CouplingRule:
    """One value_chain.toml [[coupling_rules]] entry: products matching `pattern` have
    `coupling`, unless the supplier's sector is excepted."""
    pattern: object          # compiled, case-insensitive
    coupling: str
    supplier_sectors_excepted: tuple


@dataclass(frozen=True)
class ReferenceNode:
    """A reference node of value_chain.toml [nodes] resolved to MIDDEN plant ids."""
    plants: list
    as_supplier: list
    internal_suppliers: list
    internal_customers: list
    internal_product: str


def _clusters():
    rows = _csv("clusters.csv")
    return {r["midden_cluster_name"]: r["cluster"] for r in rows}


def _sector_defaults():
    out = {}
    for r in _csv("sector_defaults.csv"):
        out[r["sector"]] = SectorDefaults(
            r["sector"], float(r["process_co2_share"]),
            (float(r["heat_share_low"]), float(r["heat_share_mid"]), float(r["heat_share_high"])),
            int(r["reinvestment_cycle_y"]), float(r["hurdle_rate"]),
            float(r["fallback_t_co2_per_t"]), r["heat_reason"])
    return out


def _nace_rules(sectors):
    rules = []
    for i, r in enumerate(_csv("sector_nace.csv"), start=1):
        lo = _optional_float(r["nace_from"])
        hi = _optional_float(r["nace_to"])
        rules.append(NaceRule(lo, hi if hi is not None else lo, r["nace_name_contains"],
                              r["sector"], r["source"]))
        if r["sector"] not in sectors:
            raise TableError(f"sector_nace.csv row {i}: unknown sector {r['sector']!r}")
        if lo is None and not r["nace_name_contains"]:
            raise TableError(f"sector_nace.csv row {i}: neither nace_from nor nace_name_contains")
    return rules


def _sector_exceptions(sectors):
    out = []
    for i, r in enumerate(_csv("sector_exceptions.csv"), start=1):
        for col in ("from_sector", "sector"):
            if r[col] != "*" and r[col] not in sectors:
                raise TableError(f"sector_exceptions.csv row {i}: unknown sector {r[col]!r}")
        out.append(SectorException(r["from_sector"], _optional_float(r["nace"]), r["test"],
                                   r["sector"], r["reason"]))
    return out


def _period_2026(r, i, file, has_benchmark, source_column):
    """(2026-2030 value or None, 2013-2020 value or None, source) of a benchmark row: a
    benchmark needs its adopted 2026-2030 value or the 2013-2020 value that bounds it."""
    value = _optional_float(r["benchmark_2026_t_co2_per_t"])
    value_2013 = _optional_float(r["benchmark_2013_t_co2_per_t"])
    source = r[source_column].strip()
    if has_benchmark and ((value is None and value_2013 is None) or not source):
        raise TableError(f"{file} row {i}: a benchmark needs its 2026-2030 value or its 2013-2020 value, "
                         f"and {source_column}")
    return value, value_2013, source


def _main_products(sectors):
    out = {}
    for i, r in enumerate(_csv("sector_main_products.csv"), start=1):
        if r["sector"] not in sectors:
            raise TableError(f"sector_main_products.csv row {i}: unknown sector {r['sector']!r}")
        names = r["main_outputs"].split("|")
        summed = r["benchmark_t_co2_per_t"].strip() == "sub-installations"
        benchmark = None if summed else _optional_float(r["benchmark_t_co2_per_t"])
        if benchmark is not None and not r["benchmark_source"].strip():
            raise TableError(f"sector_main_products.csv row {i}: a benchmark needs its benchmark_source")
        period_2026 = _period_2026(r, i, "sector_main_products.csv", benchmark is not None, "benchmark_2026_source")
        out.setdefault(r["sector"], []).append(MainProductRule(
            r["sector"], tuple(n for n in names if not n.endswith("*")),
            tuple(n[:-1] for n in names if n.endswith("*")), r["description"],
            benchmark, r["benchmark_source"].strip(), summed, *period_2026))
    return out


@dataclass(frozen=True)
class SubInstallationBenchmark:
    """One row of sub_installation_benchmarks.csv."""
    sector: str
    output: str             # lower-case tc output name
    share: float            # t of the benchmarked product per t of that output
    counted_in: str         # "any": main output of any base section; "product": any output of the product's
                            # sections; "bought_heat": an input (GJ) of the product's sections bought from a utility
    benchmark_t_co2_per_t: float
    benchmark_product: str
    source: str
    plants: tuple = ()      # the plant ids it applies to; empty: every plant of the sector
    # As MainProductRule: the adopted 2026-2030 value or None, the 2013-2020 value, their source.
    benchmark_2026_t_co2_per_t: float | None = None
    benchmark_2013_t_co2_per_t: float | None = None
    source_2026: str = ""


def _sub_installation_benchmarks(sectors):
    out = {}
    for i, r in enumerate(_csv("sub_installation_benchmarks.csv"), start=1):
        if r["sector"] not in sectors or r["counted_in"] not in ("any", "product", "bought_heat") or not r["source"].strip():
            raise TableError(f"sub_installation_benchmarks.csv row {i}: unknown sector or counted_in, or no source")
        out.setdefault(r["sector"], []).append(SubInstallationBenchmark(
            r["sector"], r["output"].strip().lower(), float(r["share"]), r["counted_in"],
            float(r["benchmark_t_co2_per_t"]), r["benchmark_product"], r["source"].strip(),
            tuple(r["plants"].split()), *_period_2026(r, i, "sub_installation_benchmarks.csv", True, "source_2026")))
    return out


def _process_share_overrides():
    return [ProcessShareOverride(r["tc_id"], float(r["process_co2_share"]), r["technology"],
                                 r["reasoning"]) for r in _csv("process_share_overrides.csv")]


def _fuels():
    out = {}
    for i, r in enumerate(_csv("fuels.csv"), start=1):
        if r["carrier"] not in CARRIERS:
            raise TableError(f"fuels.csv row {i}: unknown carrier {r['carrier']!r}")
        out[r["name"]] = Fuel(r["name"], r["carrier"], float(r["t_co2_per_gj"]),
                              r["steelworks_derived"] == "1", r["steel_reductant"] == "1")
    return out


def _hicp():
    rows = _csv("hicp.csv")
    index = {int(r["year"]): float(r["hicp_ea_2015_100"]) for r in rows}
    estimated = {int(r["year"]) for r in rows if r["source"].startswith("ESTIMATE")}
    return index, estimated


def _money_corrections():
    out = {}
    for i, r in enumerate(_csv("money_corrections.csv"), start=1):
        where = f"money_corrections.csv row {i}"
        if r["figure"] not in ("inv", "om"):
            raise TableError(f"{where}: figure {r['figure']!r} is not inv or om")
        out[(r["tc_id"], r["figure"])] = MoneyCorrection(_factor(r["factor"], where), r["evidence"])
    return out


def _option_rules():
    rules = []
    for i, r in enumerate(_csv("option_rules.csv"), start=1):
        if r["kind"] and r["kind"] not in OPTION_KINDS:
            raise TableError(f"option_rules.csv row {i}: unknown kind {r['kind']!r}")
        re.compile(r["pattern"])
        rules.append(OptionRule(r["pattern"], r["kind"] or None, r["reason"]))
    return rules


def _reference_edges():
    return {(r["supplier_id"], r["customer_id"]):
            LinkDefaults(float(r["offtake_share"]), float(r["integration_benefit_eur_per_t"]), r["source"],
                         float(r["by_product_flow_t"] or 0))
            for r in _csv("reference_edges.csv")}


COUPLINGS = ("product", "by_product", "utility", "fuel_gas")   # core/inputs.hpp kEdgeCouplingNames


def _coupling_rules(value_chain):
    rules = []
    for r in value_chain["coupling_rules"]:
        if r["coupling"] not in COUPLINGS:
            raise TableError(f"value_chain.toml coupling_rules: coupling '{r['coupling']}' not one of {COUPLINGS}")
        rules.append(CouplingRule(re.compile(r["pattern"], re.IGNORECASE), r["coupling"],
                                  tuple(r.get("supplier_sectors_excepted", ()))))
    return rules


def _reference_nodes(value_chain):
    return {node: ReferenceNode(n["plants"], n.get("as_supplier", n["plants"]),
                                n.get("internal_suppliers", []), n.get("internal_customers", []),
                                n.get("internal_product", ""))
            for node, n in value_chain["nodes"].items()}


@dataclass(frozen=True)
class Tables:
    """Everything the importer reads from tools/midden/tables/."""
    clusters: dict                  # MIDDEN cluster_name -> cluster id, in output order
    sectors: dict                   # sector -> SectorDefaults, in report order
    nace_rules: list
    sector_exceptions: list
    main_products: dict             # sector -> [MainProductRule], in priority order
    sub_installation_benchmarks: dict   # sector -> [SubInstallationBenchmark]
    process_share_overrides: list
    fuels: dict                     # lower-case fuel name -> Fuel
    multinational_patterns: list
    hicp: dict                      # year -> index 2015=100
    hicp_estimated_years: set
    money_corrections: dict         # (tc id, 'inv'/'om') -> MoneyCorrection
    reviewed_scope: dict            # tc id -> why its capex is kept
    excluded_configurations: dict   # pcd configuration id -> (plant id, why it is left out)
    option_rules: list
    benefit_share: float
    excluded_commodity_words: tuple
    coupling_rules: list            # [CouplingRule], first match wins
    by_product_loss_share: float
    commodity_values: dict          # name -> EUR2023 per t
    default_reference_link: LinkDefaults
    default_internal_link: LinkDefaults     # offtake_share = total over the customers
    reference_edges: dict           # (supplier id, customer id) -> LinkDefaults
    reference_nodes: dict           # node id -> ReferenceNode
    hydrogen_made_on_site: dict     # plant id -> why its hydrogen shortfall is made on site
    excluded_plants: dict           # plant id -> why it is left out (double counting)

    @property
    def cluster_order(self):
        return list(self.clusters.values())


def _link(table, share_key):
    return LinkDefaults(float(table[share_key]), float(table["integration_benefit_eur_per_t"]),
                        table["source"])


@functools.cache
def load():
    """Read and check every table once per process."""
    sectors = _sector_defaults()
    firms = _toml("firms.toml")
    value_chain = _toml("value_chain.toml")
    hicp, hicp_estimated = _hicp()
    return Tables(
        clusters=_clusters(), sectors=sectors, nace_rules=_nace_rules(sectors),
        sector_exceptions=_sector_exceptions(sectors), main_products=_main_products(sectors),
        sub_installation_benchmarks=_sub_installation_benchmarks(sectors),
        process_share_overrides=_process_share_overrides(), fuels=_fuels(),
        multinational_patterns=list(firms["multinational"]["patterns"]),
        hicp=hicp, hicp_estimated_years=hicp_estimated,
        money_corrections=_money_corrections(),
        reviewed_scope={r["tc_id"]: r["why_kept"] for r in _csv("reviewed_scope.csv")},
        excluded_configurations={r["configuration_id"]: (r["plant_id"], r["reason"])
                                 for r in _csv("excluded_configurations.csv")},
        option_rules=_option_rules(),
        benefit_share=float(value_chain["benefit_share"]),
        excluded_commodity_words=tuple(value_chain["excluded_commodity_words"]),
        coupling_rules=_coupling_rules(value_chain),
        by_product_loss_share=float(value_chain["by_product_loss_share"]),
        commodity_values=dict(value_chain["commodity_values"]),
        default_reference_link=_link(value_chain["default_reference_link"], "offtake_share"),
        default_internal_link=_link(value_chain["default_internal_link"], "offtake_share_total"),
        reference_edges=_reference_edges(), reference_nodes=_reference_nodes(value_chain),
        hydrogen_made_on_site=_reasons("hydrogen_made_on_site.csv"),
        excluded_plants=_reasons("excluded_plants.csv"))


def _reasons(name):
    """plant id -> reason of a (plant_id, reason) table; every row needs a reason."""
    out = {}
    for r in _csv(name):
        if not r["plant_id"].strip() or not r["reason"].strip():
            raise TableError(f"{name}: row {r} needs a plant_id and a reason")
        out[r["plant_id"].strip()] = r["reason"].strip()
    return out


# --- Value-chain edge rules beyond the reference links (docs/dataset.md "Value chain") ---

@dataclass(frozen=True)
class Reach:
    """How far apart two plants of one cluster may be for a derived edge (value_chain.toml
    [reach]): on one site always; within pipeline_km where the cluster has a pipeline
    corridor."""
    same_site_km: float
    pipeline_km: float
    pipeline_clusters: tuple


@dataclass(frozen=True)
class AddedLink:
    """One row of added_links.csv: every (supplier, customer) pair gets these figures."""
    suppliers: tuple
    customers: tuple
    product: str
    flow_t: float
    value_eur_per_t: float | None     # None: value_chain.toml [commodity_values]
    offtake_share: float | None       # None: weighted by value from flow_t
    benefit_eur_per_t: float
    alongside: bool                   # a second edge for the pair (another product)
    source: str


@dataclass(frozen=True)
class EdgeRules:
    """value_chain.toml [reach], [co_products], [commodity_aliases], added_links.csv and
    dropped_links.csv."""
    reach: Reach
    co_products: dict                 # plant id -> commodity names counted in its revenue
    commodity_aliases: dict           # MIDDEN commodity id -> the id it is the same good as
    added_links: list
    dropped_links: dict               # (supplier, customer) -> reason


def _added_links():
    out = []
    for i, r in enumerate(_csv("added_links.csv"), start=1):
        if not r["source"].strip() or not r["suppliers"].split() or not r["customers"].split():
            raise TableError(f"added_links.csv row {i}: needs suppliers, customers and a source")
        out.append(AddedLink(tuple(r["suppliers"].split()), tuple(r["customers"].split()), r["product"],
                             float(r["flow_t"] or 0), _optional_float(r["value_eur_per_t"]),
                             _optional_float(r["offtake_share"]), float(r["integration_benefit_eur_per_t"]),
                             r["alongside"].strip() == "1", r["source"]))
    return out


def _dropped_links():
    out = {}
    for r in _csv("dropped_links.csv"):
        if not r["reason"].strip():
            raise TableError(f"dropped_links.csv: row {r} needs a reason")
        out[(r["supplier"].strip(), r["customer"].strip())] = r["reason"].strip()
    return out


@functools.cache
def edge_rules():
    """Read the edge rules once per process."""
    vc = _toml("value_chain.toml")
    reach = vc["reach"]
    return EdgeRules(Reach(float(reach["same_site_km"]), float(reach["pipeline_km"]),
                           tuple(reach["pipeline_clusters"])),
                     {k: list(v) for k, v in vc.get("co_products", {}).items()},
                     dict(vc.get("commodity_aliases", {})), _added_links(), _dropped_links())


@dataclass(frozen=True)
class AddedPlant:
    """One row of added_plants.csv: a plant outside MIDDEN's current inventory (scope added).
    None: the importer's rule for a plant without a usable base configuration applies."""
    id: str
    midden_id: str | None             # a non-current midden.json record of the installation
    name: str
    operator: str
    cluster: str
    sector: str
    capacity_t: float | None
    production_t: float | None
    co2_t: float | None
    location: tuple | None            # (latitude, longitude)
    employees: int
    multinational: int
    source: str


@functools.cache
def added_plants():
    """The rows of added_plants.csv, checked against clusters and sector defaults."""
    t = load()
    out = []
    for i, r in enumerate(_csv("added_plants.csv"), start=1):
        where = f"added_plants.csv row {i} ({r.get('id')})"
        if not r["id"].strip() or not r["source"].strip():
            raise TableError(f"{where}: needs an id and a source")
        if r["cluster"] not in t.cluster_order or r["sector"] not in t.sectors:
            raise TableError(f"{where}: unknown cluster {r['cluster']!r} or sector {r['sector']!r}")
        loc = (float(r["latitude"]), float(r["longitude"])) if r["latitude"].strip() else None
        out.append(AddedPlant(r["id"].strip(), r["midden_id"].strip() or None, r["name"], r["operator"],
                              r["cluster"], r["sector"], _optional_float(r["capacity_t"]),
                              _optional_float(r["production_t"]), _optional_float(r["co2_t"]), loc,
                              int(r["employees"] or 0), int(r["multinational"] or 0), r["source"]))
    return out


# --- Units within sites and reinvestment timing (issue 11; docs/dataset.md) ---

BASE_YEAR = 2020    # the dataset's base year: asset ages are counted to it


@dataclass(frozen=True)
class SiteUnit:
    """One row of site_units.csv: a unit of a multi-unit MIDDEN plant (the site)."""
    site: str
    unit: str
    name: str
    share: float
    fuel_gas_customers: tuple
    source: str


@functools.cache
def site_units():
    """site id -> [SiteUnit] of site_units.csv; each site's shares sum to 1, one unit keeps
    the site's id, and each fuel-gas customer follows one unit."""
    out = {}
    for i, r in enumerate(_csv("site_units.csv"), start=1):
        where = f"site_units.csv row {i} ({r.get('unit')})"
        if not r["site"].strip() or not r["unit"].strip() or not r["source"].strip():
            raise TableError(f"{where}: needs a site, a unit and a source")
        share = float(r["share"])
        if not 0 < share < 1:
            raise TableError(f"{where}: share {share} must lie strictly between 0 and 1")
        out.setdefault(r["site"].strip(), []).append(
            SiteUnit(r["site"].strip(), r["unit"].strip(), r["name"].strip(), share,
                     tuple(r["fuel_gas_customers"].split()), r["source"]))
    for site, units in out.items():
        if abs(sum(u.share for u in units) - 1) > 1e-9:
            raise TableError(f"site_units.csv: shares of site {site} sum to {sum(u.share for u in units)}, not 1")
        if [u.unit for u in units].count(site) != 1:
            raise TableError(f"site_units.csv: exactly one unit of site {site} must keep the id {site}")
        gas = [c for u in units for c in u.fuel_gas_customers]
        if len(gas) != len(set(gas)):
            raise TableError(f"site_units.csv: a fuel-gas customer of site {site} follows two units")
    return out


@dataclass(frozen=True)
class ReinvestmentTiming:
    """One row of reinvestment_timing.csv: when a plant's main asset was built and last
    rebuilt, and (when known) when it is next rebuilt."""
    plant: str
    commissioned: int
    last_major: int | None          # None: no major rebuild since commissioning
    next_major: int | None          # None: the sector's reinvestment cycle applies
    what: str
    source: str


@functools.cache
def reinvestment_timing():
    """plant id -> ReinvestmentTiming of reinvestment_timing.csv, or None for a plant that
    was looked up without finding its years (an `ESTIMATE:` row saying so)."""
    out = {}
    for i, r in enumerate(_csv("reinvestment_timing.csv"), start=1):
        where = f"reinvestment_timing.csv row {i} ({r.get('plant')})"
        pid = r["plant"].strip()
        if not pid or not r["source"].strip():
            raise TableError(f"{where}: needs a plant and a source")
        if pid in out:
            raise TableError(f"{where}: plant {pid} appears twice")
        if not r["commissioned"].strip():
            if not r["source"].startswith("ESTIMATE"):
                raise TableError(f"{where}: a row without a commissioning year must say why (source 'ESTIMATE: ...')")
            out[pid] = None     # looked up, not found: the staggered estimate stays
            continue
        t = ReinvestmentTiming(pid, int(r["commissioned"]), int(r["last_major"]) if r["last_major"].strip() else None,
                               int(r["next_major"]) if r["next_major"].strip() else None,
                               r["what"].strip(), r["source"].strip())
        last = t.last_major or t.commissioned
        if last < t.commissioned or last > BASE_YEAR or (t.next_major is not None and t.next_major <= last):
            raise TableError(f"{where}: expected commissioned <= last_major <= {BASE_YEAR} < next_major")
        out[pid] = t
    return out



# --- Employment (issue 14; docs/dataset.md "Employment") ---

@dataclass(frozen=True)
class EmploymentGroup:
    """One row of employment_groups.csv: plants that share one reported headcount."""
    group: str
    plants: tuple
    headcount: int
    source: str


@functools.cache
def employment_groups():
    """[EmploymentGroup] of employment_groups.csv; a plant belongs to one group at most."""
    out, seen = [], {}
    for i, r in enumerate(_csv("employment_groups.csv"), start=1):
        where = f"employment_groups.csv row {i} ({r.get('group')})"
        plants = tuple(r["plants"].split())
        if not r["group"].strip() or len(plants) < 2 or not r["source"].strip():
            raise TableError(f"{where}: needs a group, two or more plants and a source")
        try:
            headcount = int(r["headcount"])
        except ValueError:
            raise TableError(f"{where}: field 'headcount': expected a whole number, got {r['headcount']!r}") from None
        if headcount <= 0:
            raise TableError(f"{where}: field 'headcount': expected > 0, got {headcount}")
        for p in plants:
            if p in seen:
                raise TableError(f"{where}: plant {p} is already in group {seen[p]}")
            seen[p] = r["group"].strip()
        out.append(EmploymentGroup(r["group"].strip(), plants, headcount, r["source"].strip()))
    return out


@functools.cache
def employment_proxies():
    """sector -> (proxy sector, reason) of employment_proxies.csv."""
    t = load()
    out = {}
    for i, r in enumerate(_csv("employment_proxies.csv"), start=1):
        where = f"employment_proxies.csv row {i} ({r.get('sector')})"
        if r["sector"] not in t.sectors or r["proxy"] not in t.sectors:
            raise TableError(f"{where}: unknown sector {r['sector']!r} or proxy {r['proxy']!r}")
        if not r["reason"].strip():
            raise TableError(f"{where}: needs a reason")
        out[r["sector"]] = (r["proxy"], r["reason"].strip())
    return out
