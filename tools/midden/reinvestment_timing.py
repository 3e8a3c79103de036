"""Asset age and reinvestment cycle of a plant in the base year (plants.csv asset_age_y,
reinvestment_cycle_y), from tables/reinvestment_timing.csv where its years are known.

- last major rebuild known (relining, revamp, rebuild): age = 2020 − that year;
- only the commissioning year known: the plant is taken as rebuilt every sector cycle
  since (ESTIMATE), age = (2020 − commissioned) mod cycle, so old plants stay staggered
  by their real start years instead of all falling due at once;
- next major rebuild known: the cycle is next − last, so the reinvestment trigger
  (asset_age_y ≥ cycle, docs/ODD.md §7.2) falls in that year; else the sector's cycle;
- not in the table (or an ESTIMATE row without years): age = hash(plant id) mod cycle,
  a staggered estimate (docs/dataset.md "Reinvestment timing").
"""
from . import tables
from .formatting import stable_hash

TIMING_FILE = "tools/midden/tables/reinvestment_timing.csv"


def asset_timing(plant_id, sector_cycle):
    """(asset_age_y, reinvestment_cycle_y, source text) of a plant in the base year."""
    timings = tables.reinvestment_timing()
    t = timings.get(plant_id)
    if t is None:
        why = f" (looked up in {TIMING_FILE}, years not found)" if plant_id in timings else ""
        return (stable_hash(plant_id) % sector_cycle, sector_cycle,
                f"asset age ESTIMATE: hash(plant id) mod {sector_cycle} y cycle{why}")
    if t.last_major is not None:
        last, how = t.last_major, f"last major rebuild {t.last_major} ({t.what})"
    else:
        rebuilds = (tables.BASE_YEAR - t.commissioned) // sector_cycle
        last = t.commissioned + rebuilds * sector_cycle
        how = (f"commissioned {t.commissioned}; ESTIMATE: rebuilt every {sector_cycle} y since, last {last}"
               if rebuilds else f"commissioned {t.commissioned}")
    cycle = t.next_major - last if t.next_major is not None else sector_cycle
    nxt = f"next major rebuild {t.next_major}, cycle {cycle} y" if t.next_major is not None \
        else f"sector cycle {cycle} y"
    return tables.BASE_YEAR - last, cycle, f"asset age {tables.BASE_YEAR - last} y: {how}; {nxt} ({TIMING_FILE}: {t.source})"
