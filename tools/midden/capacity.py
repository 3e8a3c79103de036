"""Capacity and production of a plant's main product, from its base configuration.

By sector (tables/sector_main_products.csv): the sections making the main product;
refining: crude throughput; otherwise the sum of the final products (main outputs no
other base section consumes). Plants with utilities only (power) have no mass product:
their capacity is in t-equivalent where 1 t = 1 MWh of steam + electricity output.
"""
import dataclasses
from dataclasses import dataclass

from . import tables
from .sections import UTILITY_MAIN_OUTPUTS, is_utility
from .units import MWH_PER_GJ, amount_gj, amount_t, unit_kind

UTILITY_EQUIVALENT_NOTE = ("ESTIMATE: capacity in t-equivalent where 1 t = 1 MWh of steam+electricity "
                           "output (MWth/MWe capacity x 8760 h x output per unit)")


@dataclass(frozen=True)
class CapacityEstimate:
    """Main-product capacity and production (t/yr), how they were found, and an ESTIMATE
    note where the unit is not a real product tonne."""
    capacity: float
    production: float
    description: str
    estimate_note: str | None = None
    # The sector_main_products.csv rule that matched (product group and ETS benchmark), if any.
    product_rule: object = None


def _ids(sections):
    return ",".join(s.configuration_id for s in sections)


def _total(sections, what):
    """Sum of the sections' capacity and activity, converted to t of main output."""
    cap = sum(s.capacity * unit_kind(s.tc.main_unit)[1] for s in sections)
    act = sum(s.activity * unit_kind(s.tc.main_unit)[1] for s in sections)
    return CapacityEstimate(cap, act, f"{what} ({_ids(sections)})")


def _crude_throughput(mass):
    """Refining: atmospheric-distillation capacity x crude input per unit, or None."""
    secs = [s for s in mass if "atmospheric distillation" in s.tc.rec.get("technology", "").lower()]
    if not secs:
        return None
    cap = act = 0.0
    for s in secs:
        crude = next((amount_t(f.amount, f.unit) for f in s.tc.inputs if f.name.lower() == "crude oil"), None)
        k = crude if crude else unit_kind(s.tc.main_unit)[1]
        cap += s.capacity * k
        act += s.activity * k
    return CapacityEstimate(cap, act, f"crude throughput = atmospheric distillation capacity x crude input per unit ({_ids(secs)})")


def _final_products(sections, mass):
    """Main outputs of mass sections that no base section consumes (all mass sections
    when every one is consumed)."""
    consumed = {f.name.strip().lower() for s in sections for f in s.tc.inputs}
    finals = [s for s in mass if s.tc.main_name.strip().lower() not in consumed]
    return _total(finals or mass, "sum of final products of the base configuration")


def _utility_output(sections):
    """Energy-only plants (utilities / power): t-equivalent = MWh of energy output."""
    cap = act = 0.0
    for s in sections:
        e = sum((amount_gj(f.amount, f.unit) or 0.0) for f in s.tc.outputs
                if f.name.lower().startswith(UTILITY_MAIN_OUTPUTS))
        if e == 0 and unit_kind(s.tc.main_unit)[0] == "energy":
            e = unit_kind(s.tc.main_unit)[1]
        cap += s.capacity * e * MWH_PER_GJ
        act += s.activity * e * MWH_PER_GJ
    return CapacityEstimate(cap, act, f"energy output of utilities ({_ids(sections)})",
                            UTILITY_EQUIVALENT_NOTE)


def main_capacity(sector, sections):
    """CapacityEstimate of the plant's main product, or None without sections."""
    if not sections:
        return None
    mass = [s for s in sections if unit_kind(s.tc.main_unit)[0] == "mass" and not is_utility(s.tc)]
    if sector == "refining":
        got = _crude_throughput(mass)
        if got:
            return got
    for rule in tables.load().main_products.get(sector, []):
        secs = [s for s in mass if rule.matches(s.tc.main_name.lower())]
        if secs:
            return dataclasses.replace(_total(secs, rule.description), product_rule=rule)
    if mass:
        return _final_products(sections, mass)
    return _utility_output(sections)
