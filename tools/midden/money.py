"""Money of a plant option: MIDDEN investment and O&M in EUR2023 per t/yr of capacity.

Per section the option adds (and the base configuration lacks): tc money per unit of
capacity x section capacity x EUR2023 factor, with the unit corrections of
tables/money_corrections.csv; the sector catalogue row of the same kind when MIDDEN gives
no investment figure. docs/dataset.md "Money", "Price year", "Unit corrections".
"""
import re
from dataclasses import dataclass, field

from . import tables
from .option_records import NotMapped
from .units import eur2023_factors, money_unit

_MONEY_FIELDS = {
    "inv": ("investment_per_unit_of_capacity_new_amount",
            "investment_per_unit_of_capacity_new_unit",
            "investment_per_unit_of_capacity_new_lower_limit",
            "investment_per_unit_of_capacity_new_upper_limit"),
    "om": ("annual_operating_and_maintenance_costs_per_unit_of_capacity_amount",
           "annual_operating_and_maintenance_costs_per_unit_of_capacity_unit",
           "annual_operating_and_maintenance_costs_per_unit_of_capacity_amount_lower_limit",
           "annual_operating_and_maintenance_costs_per_unit_of_capacity_amount_upper_limit"),
}
FIGURE_NAMES = {"inv": "investment", "om": "O&M"}


@dataclass(frozen=True)
class Money:
    """A tc money figure in EUR per tc capacity unit, in the record's price year."""
    central: float
    low: float
    high: float
    year: int


@dataclass(frozen=True)
class BadMoneyUnit:
    """A tc money figure whose unit is not a money unit."""
    unit: str


def _positive(v):
    """A positive number, or 0 for empty, unreadable or non-positive limits."""
    try:
        v = float(v or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return v if v > 0 else 0.0


def section_money(tc, kind):
    """Investment ('inv') or O&M ('om') of a tc record as Money, corrected where
    money_corrections.csv says so; BadMoneyUnit; or None when absent/unreadable."""
    amt_key, unit_key, lo_key, hi_key = _MONEY_FIELDS[kind]
    r = tc.rec
    try:
        amt = float(r.get(amt_key) or 0.0)
    except (TypeError, ValueError):
        return None
    if amt <= 0:
        return None
    mu = money_unit(r.get(unit_key))
    if mu is None:
        return BadMoneyUnit(str(r.get(unit_key)))
    scale, year = mu
    lo = _positive(r.get(lo_key)) or amt
    hi = _positive(r.get(hi_key)) or amt
    correction = tables.load().money_corrections.get((tc.id, kind))
    scale *= correction.factor if correction else 1.0
    if scale <= 0:
        return None
    return Money(amt * scale, min(lo, amt) * scale, max(hi, amt) * scale, year)


def money_correction_note(tc_id, kind):
    """Source note for a corrected MIDDEN money figure, or None."""
    c = tables.load().money_corrections.get((tc_id, kind))
    if c is None:
        return None
    return f"{tc_id} {FIGURE_NAMES[kind]} x{c.factor:.4g} (unit correction: {c.evidence})"


@dataclass
class OptionMoney:
    """Money and record facts of the sections an option adds, summed in EUR2023/yr."""
    capex: list = field(default_factory=lambda: [0.0, 0.0, 0.0])   # central, low, high
    opex: float = 0.0
    tc_used: list = field(default_factory=list)
    sources: list = field(default_factory=list)     # tc investment source fields
    years: set = field(default_factory=set)         # price years converted
    lifetimes: list = field(default_factory=list)
    trls: list = field(default_factory=list)
    corrections: list = field(default_factory=list)


def _unit_problem(tc, inv, om):
    """Why the section's money cannot be converted, or None (the O&M reason wins)."""
    bad = None
    for m, what in ((inv, "investment"), (om, "O&M")):
        if isinstance(m, BadMoneyUnit):
            bad = f"{tc.id} {what} unit '{m.unit}' is not a money unit"
        elif m is not None and m.year not in eur2023_factors():
            bad = f"{tc.id} {what} price year {m.year} has no EUR2023 factor"
    return bad


def _record_facts(tc, money):
    """Lifetime, TRL and investment source of a tc record."""
    try:
        lt = float(tc.rec.get("technical_lifetime_amount") or 0)
    except (TypeError, ValueError):
        lt = 0
    if lt > 0:
        money.lifetimes.append(int(round(lt)))
    try:
        money.trls.append(int(float(tc.rec.get("trl_value"))))
    except (TypeError, ValueError):
        pass
    s = tc.rec.get("investment_per_unit_of_capacity_new_source")
    if isinstance(s, str) and s.strip():
        s = re.sub(r"\s+", " ", s.strip())[:120]
        if s not in money.sources:
            money.sources.append(s)


def option_money(draft, added, corrected_by):
    """OptionMoney of the added sections whose technology is not in the base
    configuration; raises NotMapped when a money unit or price year does not convert."""
    factors = eur2023_factors()
    money = OptionMoney()
    for sec in added:
        tc = sec.tc
        if tc.id in draft.base.base_tc:
            continue
        if tc.id not in money.tc_used:
            money.tc_used.append(tc.id)
        inv, om = section_money(tc, "inv"), section_money(tc, "om")
        for what in ("inv", "om"):
            note = money_correction_note(tc.id, what)
            if note:
                money.corrections.append(note)
                corrected_by.setdefault((tc.id, what), set()).add(draft.base.pid)
        bad = _unit_problem(tc, inv, om)
        if bad:
            raise NotMapped(f"units not reconciled: {bad}")
        if inv is not None:
            f = factors[inv.year]
            money.years.add(inv.year)
            for k, v in enumerate((inv.central, inv.low, inv.high)):
                money.capex[k] += v * sec.capacity * f
        else:
            draft.notes.append(f"{tc.id} has no investment figure")
        if om is not None:
            money.opex += om.central * sec.capacity * factors[om.year]
            money.years.add(om.year)
        _record_facts(tc, money)
    return money


def apply_catalogue_money(draft, money, sec_row):
    """Reject an implausibly small capex; without any investment figure take the capex
    and fixed O&M of the sector catalogue row of the same kind (ESTIMATE)."""
    cap_t, sector = draft.base.capacity_t, draft.base.sector
    if 0 < money.capex[0] / cap_t < 0.01:
        raise NotMapped(f"units not reconciled: capex {money.capex[0] / cap_t:.2g} EUR per t/yr is implausibly small (tc money unit EUR where MEUR is meant?)")
    if money.capex[0] > 0:
        return
    if sec_row is None:
        raise NotMapped(f"no investment figure in the tc records of the changed sections and no {sector} catalogue row of kind {draft.kind} to fall back on")
    central = sec_row["capex_eur_per_t_yr"]
    money.capex = [float(central) * cap_t,
                   float(sec_row["capex_low_eur_per_t_yr"] or central) * cap_t,
                   float(sec_row["capex_high_eur_per_t_yr"] or central) * cap_t]
    money.opex = float(sec_row["fixed_opex_eur_per_t_yr"]) * cap_t
    draft.est.append(f"no investment figure in the tc records of the changed sections: capex and fixed O&M of the sector catalogue row {sector}/{sec_row['name']}")
