"""Plants outside MIDDEN's current inventory (tables/added_plants.csv, scope "added").

AnQore, SABIC's Geleen polymer plants, Fibrant, Huntsman, Teijin Aramid, Evonik and
Westlake made 2021-2026 history (events-2021-2026.md) but are not current MIDDEN plants,
so the value chains through them (SABIC Olefins -> AnQore propylene, OCI ammonia ->
AnQore and Fibrant, Nobian chlorine -> Huntsman and Teijin) could not exist. Each row is
profiled like a MIDDEN plant without a usable base configuration (plants.py: sector
defaults and medians) and written with scope = added: its 2020 CO2 stays outside the
MIDDEN-scope NEa total (writers.write_nea). docs/dataset.md "Scope".
"""
import json
import os
import statistics

from . import tables
from .capacity import CapacityEstimate
from .plants import ESTIMATE_UTILISATION, PlantProfile, plant_record
from .raw import MIDDEN_CITE

ADDED_FILE = "tables/added_plants.csv"


def _midden_records(src_dir):
    """midden.json records by plant id (the non-current ones are not in RawMidden.plants'
    current selection)."""
    with open(os.path.join(src_dir, "midden.json"), encoding="utf-8") as f:
        return {p["plant_id"]: p for p in json.load(f)}


def _co2(row, midden, production, stats, est):
    """2020 CO2 (t): the row's figure, the NEa 2020 of its midden.json record, or the
    sector's median intensity x production (ESTIMATE)."""
    if row.co2_t is not None:
        return row.co2_t
    if row.midden_id is not None:
        nea = midden[row.midden_id].get("2020_nea_emissions_[tCO2e]")
        if not isinstance(nea, (int, float)):
            raise tables.TableError(f"added_plants.csv {row.id}: midden.json {row.midden_id} has no NEa figure")
        return float(nea)
    if production is None:
        raise tables.TableError(f"added_plants.csv {row.id}: needs co2_t, midden_id or capacity_t")
    if row.sector in stats.intensity:
        it = statistics.median(stats.intensity[row.sector])
        how = f"median NEa/production of the {len(stats.intensity[row.sector])} MIDDEN-configured {row.sector} plants"
    else:   # as plants.py: no configured plant of the sector in the MIDDEN folder read
        it = tables.load().sectors[row.sector].fallback_t_co2_per_t
        how = f"sector default {it} t CO2/t"
    est.append(f"CO2 = {it:.3f} t/t ({how}) x production")
    return it * production


def _profile(row, midden, stats):
    """PlantProfile of an added plant: no base configuration, the row's capacity if any."""
    est = []
    capacity = None
    if row.capacity_t is not None:
        production = row.production_t if row.production_t is not None else row.capacity_t * ESTIMATE_UTILISATION
        how = f"{ADDED_FILE} capacity; production = " + ("as given" if row.production_t is not None
                                                         else f"{ESTIMATE_UTILISATION} x capacity (ESTIMATE)")
        capacity = CapacityEstimate(row.capacity_t, min(production, row.capacity_t), how)
    co2 = _co2(row, midden, capacity.production if capacity else None, stats, est)
    return PlantProfile(id=row.id, name=row.name, cluster=row.cluster, sector=row.sector,
                        sector_reason=f"{ADDED_FILE}", nea=co2, sections=[], operator=row.operator,
                        employees=row.employees, balance=None, capacity=capacity, estimates=est)


def _origin(row, co2):
    """The head of an added plant's source: where it comes from and its 2020 CO2."""
    where = (f"{MIDDEN_CITE} midden.json {row.midden_id} (non-current record; NEa 2020 verified emissions)"
             if row.midden_id else "2020 CO2 as below")
    return (f"outside MIDDEN's current inventory (scope added, {ADDED_FILE}; 2020 CO2 {co2:.0f} t not in the "
            f"MIDDEN-scope NEa 2020 total): {row.source}; {where}")


def added_plant_records(src_dir, stats, report):
    """(PlantRecords of added_plants.csv, {id: (latitude, longitude)}), in table order."""
    midden = _midden_records(src_dir)
    records, locations = [], {}
    for row in tables.added_plants():
        if row.midden_id is not None and row.midden_id not in midden:
            # a trimmed MIDDEN folder (the test fixture) lacks the record: leave the plant out
            report.note(f"{row.id}: left out, midden.json has no record {row.midden_id} (tables/added_plants.csv)")
            continue
        p = _profile(row, midden, stats)
        rec = plant_record(p, stats, report, origin=_origin(row, p.nea))
        rec.columns["multinational"] = str(row.multinational)
        records.append(rec)
        m = midden.get(row.midden_id, {})
        if row.location is not None:
            locations[row.id] = row.location
        elif isinstance(m.get("latitude"), (int, float)) and m.get("latitude"):
            locations[row.id] = (m["latitude"], m["longitude"])
        report.note(f"{row.id}: added plant (scope added, {ADDED_FILE}), 2020 CO2 {p.nea:.0f} t")
    return records, locations
