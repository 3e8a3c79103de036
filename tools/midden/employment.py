"""Employees per plant, de-duplicated and sourced (issue 14; docs/dataset.md "Employment").

gpd.json gives a headcount per MIDDEN plant, but for some sites the site's total on every
installation (Dow Terneuzen's 3,600 on each of 9 BKGs) or on one of them, and 0 where none
was found. Here, before sites are split into units (site_units.py splits a unit's staff by
its share):
- the plants of one employment group (tables/employment_groups.csv) share the group's
  headcount, split by their expected staff;
- a plant without a figure gets its expected staff as an ESTIMATE;
- a plant's expected staff = its sector's employees per MEUR of production value (median
  over the plants with their own sourced headcount; tables/employment_proxies.csv or the
  all-plant median where the sector has fewer than MIN_SOURCED) x its base-year production
  value (production_t x the sectors.csv product price).
Every plant's source column says which of the three its figure is.
"""
import math
import statistics
from dataclasses import dataclass

from . import tables

MIN_SOURCED = 3     # sourced plants a sector needs for its own median
GROUPS_FILE = "tools/midden/tables/employment_groups.csv"


@dataclass(frozen=True)
class Intensity:
    """Employees per MEUR of base-year production value, and how it was found."""
    per_meur: float
    how: str


def _value_meur(record, prices):
    """Base-year production value, MEUR/yr (production_t x the sector's product price)."""
    return float(record.columns["production_t"]) * prices.get(record.sector, 0.0) / 1e6


def sector_intensities(records, prices, grouped):
    """sector -> Intensity from the plants outside groups with a sourced headcount."""
    ratios = {}
    for r in records:
        staff, value = int(r.columns["employees"]), _value_meur(r, prices)
        if r.id not in grouped and staff > 0 and value > 0:
            ratios.setdefault(r.sector, []).append(staff / value)
    every = [x for v in ratios.values() for x in v]
    overall = Intensity(statistics.median(every), f"median of all {len(every)} plants with a sourced headcount")
    own = {s: Intensity(statistics.median(v), f"median of the {len(v)} {s} plants with a sourced headcount")
           for s, v in ratios.items() if len(v) >= MIN_SOURCED}
    out = {}
    for s in {r.sector for r in records}:
        if s in own:
            out[s] = own[s]
        elif s in tables.employment_proxies():
            proxy, reason = tables.employment_proxies()[s]
            if proxy not in own:
                raise tables.TableError(f"employment_proxies.csv sector {s}: field 'proxy': {proxy} has fewer than "
                                        f"{MIN_SOURCED} plants with a sourced headcount")
            out[s] = Intensity(own[proxy].per_meur, f"{own[proxy].how}, standing in for {s} "
                                                    f"(tables/employment_proxies.csv: {reason})")
        else:
            out[s] = Intensity(overall.per_meur, f"{overall.how}; fewer than {MIN_SOURCED} {s} plants have one")
    return out


def largest_remainder(total, weights):
    """Whole numbers in proportion to `weights` that add up to `total` exactly."""
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    exact = [total * w / sum(weights) for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))
    for i in order[:total - sum(parts)]:
        parts[i] += 1
    return parts


def _check_reported(group, reported):
    """The members' gpd.json figures must repeat the headcount (zeros allowed) or add up to it."""
    nonzero = [v for v in reported if v > 0]
    if sum(reported) == group.headcount or (nonzero and all(v == group.headcount for v in nonzero)):
        return
    raise tables.TableError(f"{GROUPS_FILE} group {group.group}: field 'headcount' {group.headcount} is neither "
                            f"each member's figure nor their sum (gpd.json: {reported})")


def _split_group(group, by_id, prices, intensity):
    """Give each member of `group` its share of the headcount; the source says so."""
    members = [by_id[p] for p in group.plants]
    _check_reported(group, [int(m.columns["employees"]) for m in members])
    expected = [intensity[m.sector].per_meur * _value_meur(m, prices) for m in members]
    for m, staff, e in zip(members, largest_remainder(group.headcount, expected), expected):
        m.columns["employees"] = str(staff)
        m.columns["source"] += (f"; employees {staff} of the {group.headcount} of employment group {group.group} "
                                f"({GROUPS_FILE}: {group.source}); ESTIMATE: split by expected staff "
                                f"{e:.0f} = {intensity[m.sector].per_meur:.2f} employees/MEUR "
                                f"({intensity[m.sector].how}) x {_value_meur(m, prices):.1f} MEUR production value")


def _own_figure(record, staff, gpd, prices, intensity):
    """Source (or ESTIMATE) text of a plant outside groups; sets the estimate where 0."""
    if staff > 0:
        g = gpd.get(record.id)
        where = (f"gpd.json {record.id} ({g.get('number_of_employees_unit')}; {g.get('number_of_employees_source')})"
                 if g else "tables/added_plants.csv (its source)")
        return f"employees {staff}: {where}"
    k, value = intensity[record.sector], _value_meur(record, prices)
    record.columns["employees"] = str(round(k.per_meur * value))
    return (f"employees ESTIMATE: {record.columns['employees']} = {k.per_meur:.2f} employees/MEUR ({k.how}) "
            f"x {value:.1f} MEUR production value (production_t x sectors.csv price); no headcount found")


def assign_employment(records, gpd, prices, report):
    """Set every record's `employees` (and its source) as the module docstring says.
    `gpd`: gpd.json records by plant id; `prices`: sector -> product price, EUR/t."""
    by_id = {r.id: r for r in records}
    groups = []
    for g in tables.employment_groups():
        missing = [p for p in g.plants if p not in by_id]
        if missing:   # a trimmed MIDDEN (the test fixture) may lack members
            report.note(f"{GROUPS_FILE}: group {g.group} lacks plants {' '.join(missing)} here; not applied")
        else:
            groups.append(g)
    grouped = {p for g in groups for p in g.plants}
    intensity = sector_intensities(records, prices, grouped)
    for g in groups:
        _split_group(g, by_id, prices, intensity)
    estimated = 0
    for r in records:
        if r.id not in grouped:
            staff = int(r.columns["employees"])
            r.columns["source"] += "; " + _own_figure(r, staff, gpd, prices, intensity)
            estimated += staff == 0
    total = sum(int(r.columns["employees"]) for r in records)
    report.note(f"employees: {total} in all; {len(grouped)} plants share {len(groups)} group headcounts, "
                f"{estimated} plants ESTIMATE (no headcount found)")
