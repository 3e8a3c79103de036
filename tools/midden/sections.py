"""Sections of a plant configuration: a pcd.json row with its technology and activity.

A MIDDEN configuration is a set of sections (pcd rows), each a technology (tc record) at
a capacity and utilisation. Capacity and activity are expressed in the tc record's
main-output units, so that per-unit inputs, outputs and CO2 can be multiplied by them.
"""
from dataclasses import dataclass

from .raw import Technology
from .units import unit_kind

UTILITY_MAIN_OUTPUTS = ("steam", "electricity", "heat", "hot oil")


@dataclass(frozen=True)
class Section:
    """A pcd row, its technology, and capacity / annual activity in tc main-output units."""
    row: dict
    tc: Technology
    capacity: float
    activity: float

    @property
    def configuration_id(self):
        return self.row["configuration_id"]


def section_activity(row, tc):
    """(capacity, activity, None) of a pcd section in the tc's main-output units (capacity
    x utilisation, unit-converted), or (None, None, reason) when the units do not convert."""
    cap = float(row.get("capacity_value") or 0.0)
    util = float(row.get("capacity_utilisation") or 0.0)
    d1, s1 = unit_kind(row.get("capacity_unit"))
    d2, s2 = unit_kind(tc.cap_unit)
    if d1 is None or d2 is None or d1 != d2:
        return None, None, f"capacity unit '{row.get('capacity_unit')}' vs tc '{tc.cap_unit}' not convertible"
    factor = s1 / s2
    return cap * factor, cap * util * factor, None


def is_utility(tc):
    """A utility section: it makes steam, power, heat or hot oil (or has a MW capacity)."""
    n = tc.main_name.lower()
    return any(n.startswith(w) for w in UTILITY_MAIN_OUTPUTS) or (
        unit_kind(tc.cap_unit)[0] == "power")


def base_sections(pid, rows, technologies, report):
    """The usable sections of a plant's base configuration, in configuration-id order;
    every row left out is reported with its reason."""
    sections = []
    for r in sorted(rows, key=lambda r: r["configuration_id"]):
        tid = r.get("technology_id")
        if tid not in technologies:
            report.skip("pcd", r["configuration_id"], f"plant {pid}: technology {tid} not in tc.json")
            continue
        tc = technologies[tid]
        cap, act, err = section_activity(r, tc)
        if err:
            report.skip("pcd", r["configuration_id"], f"plant {pid}: {err}")
            continue
        if cap <= 0:
            report.skip("pcd", r["configuration_id"], f"plant {pid}: capacity 0 ({r.get('section')})")
            continue
        sections.append(Section(r, tc, cap, act))
    return sections


def unique_tc_ids(sections):
    """tc ids of the sections, first occurrence order."""
    out = []
    for s in sections:
        if s.tc.id not in out:
            out.append(s.tc.id)
    return out
