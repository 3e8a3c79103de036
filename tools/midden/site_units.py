"""Units within sites: a multi-unit MIDDEN plant split into units that decide separately.

tables/site_units.csv names each unit of a site with its share. A unit's row of
plants.csv is the site's with every amount (capacity, production, CO2, energy, staff)
times its share, rounded so that the units add up to the site exactly; intensities,
heat shares and finance stay the site's. Each unit gets the site's plant options (they
are per t). Each value-chain edge of the site becomes one edge per unit, scaled so that
one unit leaving costs its share of what the site leaving cost (docs/ODD.md §7.9):
- the unit supplies: offtake and supplier loss are per unit of the supplier's own output
  and stay; the customer's integration benefit (per t of its product) is times the share;
- the unit buys: the supplier's offtake share and its by-product loss are times the
  share; the integration benefit (per t of the unit's product) stays;
- a fuel-gas edge goes whole to the one unit whose `fuel_gas_customers` names the buyer.
docs/dataset.md "Units within sites".
"""
import copy

from . import tables
from .formatting import fmt
from .reinvestment_timing import asset_timing

AMOUNT_COLUMNS = ("capacity_t", "production_t", "co2_combustion_t", "co2_process_t", "gas_gj",
                  "electricity_gj", "hydrogen_gj", "biomethane_gj", "other_fuel_gj",
                  "feedstock_gas_gj", "employees")
SITE_FILE = "tools/midden/tables/site_units.csv"


def _shares_of(total, units):
    """The integer amounts of `total` by the units' shares, the last unit taking the rest."""
    parts = [round(total * u.share) for u in units[:-1]]
    return parts + [round(total) - sum(parts)]


def split_records(records, report):
    """The plant records with every site of site_units.csv replaced by its units."""
    units_of = tables.site_units()
    found = {r.id for r in records}
    for site in units_of:
        if site not in found:     # a trimmed MIDDEN (the test fixture) may lack the site
            report.note(f"{SITE_FILE}: site {site} is not a plant here; not split")
    out = []
    for r in records:
        units = units_of.get(r.id)
        r.columns["site"] = r.id
        if units is None:
            out.append(r)
            continue
        amounts = {c: _shares_of(float(r.columns[c]), units) for c in AMOUNT_COLUMNS}
        for k, u in enumerate(units):
            unit = copy.copy(r)
            unit.columns = dict(r.columns, id=u.unit, name=u.name, site=r.id)
            for c in AMOUNT_COLUMNS:
                unit.columns[c] = str(amounts[c][k]) if c == "employees" else fmt(amounts[c][k], 0)
            age, cycle, age_src = asset_timing(u.unit, tables.load().sectors[r.sector].reinvestment_cycle_y)
            unit.columns.update(asset_age_y=str(age), reinvestment_cycle_y=str(cycle))
            unit.columns["source"] = (f"unit of site {r.id} ({SITE_FILE}), share {u.share:g} of the site: "
                                      f"{u.source}; unit {age_src}; site: {r.columns['source']}")
            unit.nea = r.nea * u.share
            unit.production = r.production * u.share
            out.append(unit)
        report.note(f"{r.id}: split into units " + ", ".join(f"{u.unit} ({u.share:g})" for u in units))
    return out


def split_options(rows):
    """Plant-option rows with each site's options copied to every unit."""
    units_of = tables.site_units()
    out = []
    for row in rows:
        for u in units_of.get(row["plant"], ()):
            if u.unit != row["plant"]:
                out.append(dict(row, plant=u.unit))
        out.append(row)
    out.sort(key=lambda v: (v["plant"], v["name"]))
    return out


def _unit_edge(edge, side, unit):
    """The edge of `unit` standing in for the site on `side` ('supplier' or 'customer')."""
    e = dict(edge, **{side: unit.unit})
    if side == "supplier":
        e["integration_benefit_eur_per_t"] = fmt(float(edge["integration_benefit_eur_per_t"]) * unit.share, 2)
    else:
        e["offtake_share"] = fmt(float(edge["offtake_share"]) * unit.share, 3)
        if edge.get("supplier_loss_eur_per_t"):
            e["supplier_loss_eur_per_t"] = fmt(float(edge["supplier_loss_eur_per_t"]) * unit.share, 2)
    e["source"] = f"unit {unit.unit}, share {unit.share:g} of site {unit.site} ({SITE_FILE}): {edge['source']}"
    return e


def split_edges(edges):
    """Edge rows with each edge of a split site replaced by its units' edges."""
    units_of = tables.site_units()
    out = []
    for edge in edges:
        side = "supplier" if edge["supplier"] in units_of else "customer" if edge["customer"] in units_of else None
        if side is None:
            out.append(edge)
            continue
        units = units_of[edge[side]]
        if edge["coupling"] == "fuel_gas" and side == "supplier":
            owner = [u for u in units if edge["customer"] in u.fuel_gas_customers]
            if len(owner) != 1:
                raise tables.TableError(f"site_units.csv: fuel-gas customer {edge['customer']} of site "
                                        f"{edge['supplier']} must follow exactly one unit")
            out.append(dict(edge, supplier=owner[0].unit, source=f"gas made by unit {owner[0].unit} of site "
                            f"{edge['supplier']} ({SITE_FILE}): {edge['source']}"))
            continue
        out.extend(_unit_edge(edge, side, u) for u in units)
    out.sort(key=lambda e: (e["supplier"], e["customer"], e["product"]))
    return out
