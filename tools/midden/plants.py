"""Plant records: one row of plants.csv per current MIDDEN plant.

Two passes, because a plant without a usable base configuration borrows its sector's
median intensity, electricity use or capacity from the configured plants: profile_plant
reads what MIDDEN says about each plant, plant_record then writes its row (capacity,
emissions split, energy, heat shares, finance, firm flags and the source of each figure).
docs/dataset.md "How each field was derived".
"""
import statistics
from dataclasses import dataclass, field

from . import tables
from .capacity import CapacityEstimate, main_capacity
from .energy import EnergyBalance, energy_balance, natural_gas_t_co2_per_gj
from .formatting import fmt
from .raw import MIDDEN_CITE, norm_nace
from .reinvestment_timing import asset_timing
from .benchmarks import period_2026_values, summed_benchmark
from .sections import unique_tc_ids
from .sectors import choose_sector

ESTIMATE_UTILISATION = 0.85         # utilisation of a plant without a usable configuration
DEFAULT_CAPACITY_T = 100000.0       # capacity when its sector has no configured plant
PLANT_COLUMNS = ["id", "name", "operator", "site", "cluster", "sector", "capacity_t", "production_t",
                 "co2_combustion_t", "co2_process_t", "gas_gj", "electricity_gj", "hydrogen_gj",
                 "biomethane_gj", "other_fuel_gj", "feedstock_gas_gj", "heat_share_low",
                 "heat_share_mid", "heat_share_high", "asset_age_y", "reinvestment_cycle_y",
                 "hurdle_rate", "multinational", "employees", "product",
                 "benchmark_t_co2_per_t", "benchmark_2026_t_co2_per_t", "benchmark_2026_max_cut_t_co2_per_t",
                 "scope", "source"]
SCOPE_MIDDEN = "midden"   # a current MIDDEN plant: its NEa 2020 is in nea_2020_by_cluster.csv co2_t
SCOPE_ADDED = "added"     # tables/added_plants.csv: outside MIDDEN's inventory and that total


@dataclass
class PlantProfile:
    """What MIDDEN says about one current plant, before sector statistics are known."""
    id: str
    name: str
    cluster: str
    sector: str
    sector_reason: str
    nea: float                      # NEa 2020 verified emissions, t CO2
    sections: list                  # usable base-configuration Sections
    operator: str
    employees: int
    balance: EnergyBalance | None   # None without sections
    capacity: CapacityEstimate | None
    estimates: list = field(default_factory=list)

    @property
    def pcd_ids(self):
        return [s.configuration_id for s in self.sections]

    @property
    def tc_ids(self):
        return unique_tc_ids(self.sections)


@dataclass
class PlantRecord:
    """A written row of plants.csv (`columns`, as text) with the unrounded figures that
    plant options, edges and the report need."""
    columns: dict
    profile: PlantProfile
    nea: float
    production: float

    @property
    def id(self):
        return self.columns["id"]

    @property
    def sector(self):
        return self.columns["sector"]

    @property
    def cluster(self):
        return self.columns["cluster"]

    def number(self, column):
        """A written column as a number: options build on the profile as written."""
        return float(self.columns[column])


def _nea_emissions(plant, report, estimates):
    """NEa 2020 verified emissions (t); '-' or other text is taken as 0 and reported."""
    pid = plant["plant_id"]
    raw = plant.get("2020_nea_emissions_[tCO2e]")
    if isinstance(raw, (int, float)):
        nea = float(raw)
    else:
        nea = 0.0
        report.note(f"{pid} {plant['plant_name']}: NEa 2020 emissions '{raw}' -> 0 t")
        estimates.append(f"NEa 2020 emissions given as '{raw}' in midden.json, taken as 0")
    if nea == 0:
        report.note(f"{pid} {plant['plant_name']}: NEa 2020 emissions are 0 (not an ETS installation in 2020 or a MIDDEN generic plant)")
    return nea


def profile_plant(plant, gpd, sections, has_base_rows, report):
    """PlantProfile of a midden.json plant, or None (reported) when its cluster is unknown."""
    pid = plant["plant_id"]
    nace, nace_note = norm_nace(plant.get("NACE"))
    if nace_note:
        report.note(f"{pid}: {nace_note}")
    sector, sector_reason = choose_sector(plant, nace, sections)
    cluster = tables.load().clusters.get(plant.get("cluster_name"))
    if cluster is None:
        report.skip("midden", pid, f"unknown cluster_name {plant.get('cluster_name')!r}")
        return None
    estimates = []
    nea = _nea_emissions(plant, report, estimates)
    balance = energy_balance(sector, sections, report, pid, net_site_hydrogen=True) if sections else None
    capacity = main_capacity(sector, sections) if sections else None
    if not sections and has_base_rows:
        report.note(f"{pid}: base configuration present but no section usable")
    group = gpd.get("corporate_group")
    staff = gpd.get("number_of_employees")
    return PlantProfile(
        id=pid, name=plant["plant_name"].strip(), cluster=cluster, sector=sector,
        sector_reason=sector_reason, nea=nea, sections=sections,
        operator=str(group or "").strip() if group not in (0, None) else "",
        employees=int(staff or 0) if isinstance(staff, (int, float)) else 0,
        balance=balance, capacity=capacity, estimates=estimates)


@dataclass
class SectorStatistics:
    """Per sector, over the plants with a usable configuration: NEa / production (t CO2
    per t), gross electricity per t, and capacities."""
    intensity: dict = field(default_factory=dict)
    electricity_per_t: dict = field(default_factory=dict)
    capacities: dict = field(default_factory=dict)

    @classmethod
    def of(cls, profiles):
        st = cls()
        for p in profiles:
            if p.capacity and p.capacity.production > 0 and p.nea > 0:
                st.intensity.setdefault(p.sector, []).append(p.nea / p.capacity.production)
                if p.balance is not None:
                    st.electricity_per_t.setdefault(p.sector, []).append(
                        max(0.0, p.balance.energy["electricity"]) / p.capacity.production)
        for p in profiles:
            if p.capacity:
                st.capacities.setdefault(p.sector, []).append(p.capacity.capacity)
        return st


def _capacity_and_production(p, stats, src, est, report):
    """(capacity, production) in t/yr: from the base configuration, else ESTIMATE from the
    NEa emissions and the sector's median intensity (or its median capacity)."""
    if p.capacity and p.capacity.capacity > 0:
        cap, prod = p.capacity.capacity, p.capacity.production
        src.append(f"capacity/production: {p.capacity.description}")
        if p.capacity.estimate_note:
            est.append(p.capacity.estimate_note)
    elif p.nea > 0:
        if p.sector in stats.intensity:
            it = statistics.median(stats.intensity[p.sector])
            how = f"median NEa/production of the {len(stats.intensity[p.sector])} MIDDEN-configured {p.sector} plants"
        else:
            it = tables.load().sectors[p.sector].fallback_t_co2_per_t
            how = f"sector default {it} t CO2/t"
        prod = p.nea / it
        cap = prod / ESTIMATE_UTILISATION
        est.append(f"no usable base configuration: production = NEa CO2 / {it:.3f} t CO2/t ({how}); capacity = production / {ESTIMATE_UTILISATION} utilisation")
    else:
        cap = statistics.median(stats.capacities[p.sector]) if p.sector in stats.capacities else DEFAULT_CAPACITY_T
        prod = cap * ESTIMATE_UTILISATION
        est.append(f"no usable base configuration and no emissions: capacity = sector median capacity, utilisation {ESTIMATE_UTILISATION}")
    if not (p.capacity and p.capacity.capacity > 0):
        report.note(f"{p.id}: capacity ESTIMATE (no usable base configuration)")
    if cap <= 0:
        cap = 1.0
    return cap, min(prod, cap)


def _emission_split(p, src, est):
    """(combustion, process) CO2 in t: the NEa total split by the modelled process share."""
    sd = tables.load().sectors[p.sector]
    if p.balance is not None and p.balance.co2_known and p.balance.co2_total > 0:
        share = p.balance.co2_process / p.balance.co2_total
        how = "process share from base-configuration tc records"
    else:
        share = sd.process_co2_share
        how = f"ESTIMATE: sector default process share {share:.2f}"
        if p.nea > 0:
            est.append(f"process CO2 = {share:.2f} x NEa (sector default share; tc records give no CO2)")
    # named overrides where the tc records lack CO2 but the chemistry is clear
    tcset = set(p.tc_ids)
    for o in tables.load().process_share_overrides:
        if o.tc_id in tcset:
            share = o.share
            how = f"ESTIMATE: {o.technology} -> process share {o.share:.2f}"
            est.append(f"process share {o.share:.2f}: {o.reasoning}")
    co2_proc = round(p.nea * share)
    src.append(f"CO2 split: {how}")
    return round(p.nea) - co2_proc, co2_proc


def _energy_use(p, co2_comb, prod, stats, src, est, report):
    """(energy by carrier in GJ/yr, feedstock gas GJ/yr): from the base configuration, net
    of CHP electricity; else ESTIMATE from the combustion CO2 and the sector median."""
    b = p.balance
    if b is not None and sum(b.energy.values()) > 0:
        e = dict(b.energy)
        feed = b.feedstock_gas
        if b.electricity_out > 0:
            e["electricity"] = max(0.0, b.net_electricity)
            if b.net_electricity < 0:
                report.note(f"{p.id}: net electricity exporter ({-b.net_electricity / 1e6:.2f} PJ/yr net output from CHP); electricity_gj = 0")
        src.append("energy: capacity x utilisation x tc input per unit (steam/heat inputs not counted: made on site or bought from a utility plant)")
        _site_hydrogen(p, e, src, est)
        if b.derived_fuel_exported > 0:
            src.append(f"other fuel net of {b.derived_fuel_exported / 1e6:.2f} PJ/yr derived fuels made beyond own use "
                       "(BFG/BOFG/COG burnt by fuel-gas buyers, which count them; issue 21)")
            report.note(f"{p.id}: {b.derived_fuel_exported / 1e6:.2f} PJ/yr derived fuels exported; taken off other_fuel")
    else:
        e = {c: 0.0 for c in tables.CARRIERS}
        gas_ef = natural_gas_t_co2_per_gj()
        e["gas"] = co2_comb / gas_ef
        feed = 0.0
        if stats.electricity_per_t.get(p.sector):
            e["electricity"] = statistics.median(stats.electricity_per_t[p.sector]) * prod
        est.append(f"energy: gas = combustion CO2 / {gas_ef * 1000:.1f} kg/GJ; electricity = sector median GJ/t x production")
    return e, min(feed, e["gas"])


def _site_hydrogen(p, e, src, est):
    """Say how the plant's hydrogen is supplied; a shortfall tables/hydrogen_made_on_site.csv
    says is made on site is not bought (e['hydrogen'] set to 0)."""
    b = p.balance
    if b.hydrogen_made_gj <= 0:
        if e["hydrogen"] > 0:
            src.append(f"hydrogen: {e['hydrogen'] / 1e6:.3f} PJ/yr bought (used by the base configuration, none made in it)")
        return
    made = f"{b.hydrogen_made_gj / 1e6:.3f} PJ/yr made on site, {b.hydrogen_used_on_site_gj / 1e6:.3f} PJ/yr of it used there"
    reason = tables.load().hydrogen_made_on_site.get(p.id)
    if reason is not None and e["hydrogen"] > 0:
        est.append(f"hydrogen shortfall {e['hydrogen'] / 1e6:.3f} PJ/yr made on site, not bought: {reason}")
        e["hydrogen"] = 0.0
    src.append(f"hydrogen: {made} (its gas and CO2 are in the plant's own use), {e['hydrogen'] / 1e6:.3f} PJ/yr bought")


def _check_emission_factor(p, co2_comb, e, feed, report):
    """Report plants whose implied combustion emission factor is implausible."""
    fuel = e["gas"] - feed + e["other_fuel"]
    if co2_comb > 0:
        if fuel <= 0:
            report.outliers.append(f"{p.id} {p.name}: combustion CO2 {co2_comb:.0f} t but no fuel in base configuration")
        else:
            ef = co2_comb / fuel * 1000
            if ef < 30 or ef > 120:
                report.outliers.append(f"{p.id} {p.name} ({p.sector}): implied combustion EF {ef:.1f} kg/GJ (CO2 {co2_comb:.0f} t, fuel {fuel / 1e6:.2f} PJ)")
    elif fuel > 1e5:
        report.outliers.append(f"{p.id} {p.name} ({p.sector}): {fuel / 1e6:.2f} PJ fuel in base configuration but 0 t NEa combustion CO2")


def _multinational(p):
    """1 when the plant's operator or name matches a multinational group of tables/firms.toml."""
    t = tables.load()
    text = (p.operator + " " + p.name).lower()
    return 1 if any(pat in text + " " for pat in t.multinational_patterns) else 0


def _benchmark_cells(values):
    """The three benchmark cells of plants.csv from {period: value} (benchmarks.row_values)."""
    return {"benchmark_t_co2_per_t": f"{values['2021']:.4g}", "benchmark_2026_t_co2_per_t": f"{values['2026']:.4g}",
            "benchmark_2026_max_cut_t_co2_per_t": f"{values['2026_max_cut']:.4g}"}


def _period_2026_note(values, source):
    """The source note of a plant's 2026-2030 benchmark cells."""
    if values["2026"] == values["2026_max_cut"]:
        return f"2026-2030 benchmark {values['2026']:.4g} ({source})"
    return (f"2026-2030 benchmark not at hand: ESTIMATE {values['2026']:.4g} at the least cut the law allows, "
            f"{values['2026_max_cut']:.4g} at the largest ({source})")


def _product_benchmark(p, src):
    """(product, {benchmark cells}): the matched main-product rule's product group and its EU
    ETS product benchmark of each period, or empty cells (the engine then uses the sector
    fallback)."""
    empty = {"benchmark_t_co2_per_t": "", "benchmark_2026_t_co2_per_t": "", "benchmark_2026_max_cut_t_co2_per_t": ""}
    rule = p.capacity.product_rule if p.capacity else None
    if rule is None:
        return "", empty
    if rule.from_sub_installations:
        values, parts = summed_benchmark(p.sector, p.sections, rule, p.capacity.production, p.id)
        if values is None:
            return rule.description, empty
        src.append(f"benchmark {values['2021']:.4g} t CO2/t {rule.description} = sum of sub-installations: "
                   + " + ".join(parts) + f" ({rule.benchmark_source}); "
                   + _period_2026_note(values, "the same sum with each sub-installation's 2026-2030 value, "
                                               "sub_installation_benchmarks.csv"))
        return rule.description, _benchmark_cells(values)
    if rule.benchmark_t_co2_per_t is None:
        return rule.description, empty
    least, largest = period_2026_values(rule.benchmark_t_co2_per_t, rule.benchmark_2026_t_co2_per_t,
                                        rule.benchmark_2013_t_co2_per_t)
    values = {"2021": rule.benchmark_t_co2_per_t, "2026": least, "2026_max_cut": largest}
    src.append(f"benchmark {rule.benchmark_t_co2_per_t:g} t CO2/t {rule.description}: {rule.benchmark_source}; "
               + _period_2026_note(values, rule.benchmark_2026_source))
    return rule.description, _benchmark_cells(values)


def plant_record(p, stats, report, origin=None):
    """The plants.csv row of a profiled plant; `origin`: the source of a plant from
    tables/added_plants.csv (scope added), None for a current MIDDEN plant."""
    sd = tables.load().sectors[p.sector]
    est = p.estimates
    src = [origin or f"{MIDDEN_CITE} midden.json {p.id} (NEa 2020 verified emissions)"]
    cap, prod = _capacity_and_production(p, stats, src, est, report)
    co2_comb, co2_proc = _emission_split(p, src, est)
    e, feed = _energy_use(p, co2_comb, prod, stats, src, est, report)
    _check_emission_factor(p, co2_comb, e, feed, report)
    low, mid, high = sd.heat_shares
    age, cycle, age_src = asset_timing(p.id, sd.reinvestment_cycle_y)
    multinational = _multinational(p)
    src.append(f"heat shares ESTIMATE ({sd.heat_reason})")
    src.append(f"{age_src}; hurdle {sd.hurdle_rate:.2f} ESTIMATE by sector")
    if origin is None:
        src.append(f"gpd.json {p.id} (operator, employees)")
    if p.pcd_ids:
        src.append("pcd " + " ".join(p.pcd_ids))
        src.append("tc " + " ".join(p.tc_ids))
    else:
        est.append("no base configuration in pcd.json")
    product, benchmark_cells = _product_benchmark(p, src)
    source = "; ".join(src)
    if est:
        source += "; ESTIMATE: " + "; ".join(est)
    columns = {
        "id": p.id, "name": p.name, "operator": p.operator, "site": p.id, "cluster": p.cluster,
        "sector": p.sector, "capacity_t": fmt(cap, 0), "production_t": fmt(prod, 0),
        "co2_combustion_t": fmt(co2_comb, 0), "co2_process_t": fmt(co2_proc, 0),
        "gas_gj": fmt(e["gas"], 0), "electricity_gj": fmt(e["electricity"], 0),
        "hydrogen_gj": fmt(e["hydrogen"], 0), "biomethane_gj": fmt(e["biomethane"], 0),
        "other_fuel_gj": fmt(e["other_fuel"], 0), "feedstock_gas_gj": fmt(feed, 0),
        "heat_share_low": fmt(low, 2), "heat_share_mid": fmt(mid, 2), "heat_share_high": fmt(high, 2),
        "asset_age_y": str(age), "reinvestment_cycle_y": str(cycle),
        "hurdle_rate": fmt(sd.hurdle_rate, 2), "multinational": str(multinational),
        "employees": str(p.employees), "product": product,
        **benchmark_cells, "scope": SCOPE_ADDED if origin else SCOPE_MIDDEN,
        "source": source,
    }
    # production string must not exceed capacity string after rounding
    if float(columns["production_t"]) > float(columns["capacity_t"]):
        columns["production_t"] = columns["capacity_t"]
    return PlantRecord(columns, p, p.nea, prod)
