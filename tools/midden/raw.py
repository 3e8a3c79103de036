"""Reading the MIDDEN v3 JSON files (midden.json, gpd.json, pcd.json, tc.json, cd.json).

The files are the pbl-nl/MIDDEN repository's exports (commit 569ed7a): plants, their
general plant data, plant configurations (one row per section), technology records and
commodity names. Here they become plain lists and Technology records; nothing is mapped.
"""
import json
import os
from dataclasses import dataclass, field

from .units import amount_t

MIDDEN_CITE = "PBL/TNO MIDDEN database v3 (github.com/pbl-nl/MIDDEN)"
MIDDEN_FILES = ("midden.json", "gpd.json", "pcd.json", "tc.json", "cd.json")
MAX_FLOWS = 12      # a tc record has name_of_input_1..12 and name_of_output_1..12


@dataclass(frozen=True)
class Flow:
    """One input or output of a technology record, per unit of its main output."""
    name: str
    amount: float
    unit: str | None
    commodity_id: str       # cd.json id as text; "0", "" or "None" when absent


@dataclass
class Technology:
    """A tc.json record with its inputs and outputs read into Flows."""
    rec: dict
    id: str
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    main_name: str = ""
    main_unit: str | None = None
    cap_unit: str | None = None
    co2_t: float | None = None     # t CO2 per unit of main output, None when not in mass units

    @classmethod
    def from_record(cls, rec):
        co2 = rec.get("co2_emissions_amount") or 0.0
        co2u = rec.get("co2_emissions_unit")
        return cls(rec=rec, id=rec["technology_id"], inputs=_flows(rec, "input"),
                   outputs=_flows(rec, "output"),
                   main_name=str(rec.get("main_output_name") or ""),
                   main_unit=rec.get("main_output_unit"), cap_unit=rec.get("capacity_unit"),
                   co2_t=amount_t(float(co2), co2u) if co2u else None)


def _flows(rec, what):
    """Flows of a tc record's numbered input_* or output_* fields."""
    out = []
    for i in range(1, MAX_FLOWS + 1):
        n = rec.get(f"name_of_{what}_{i}")
        if n and isinstance(n, str):
            out.append(Flow(n, float(rec.get(f"{what}_{i}_amount") or 0.0),
                            rec.get(f"{what}_{i}_unit"), str(rec.get(f"{what}_{i}_id", "0"))))
    return out


@dataclass
class MiddenData:
    """The five MIDDEN files; technologies by id, commodity names by id."""
    plants: list
    gpd: list
    pcd: list
    technologies: dict
    commodities: dict


def read_midden(folder):
    """Read the MIDDEN JSON files of `folder`."""
    def read(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return json.load(f)
    plants, gpd, pcd, tcl, cdl = (read(n) for n in MIDDEN_FILES)
    return MiddenData(plants, gpd, pcd, {t["technology_id"]: Technology.from_record(t) for t in tcl},
                      {c["commodity_id"]: c["commodity_name"] for c in cdl})


def norm_nace(v):
    """NACE code as a number with two decimals, and a note when it had to be fixed."""
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None, "NACE not numeric"
    if x >= 100:
        return round(x / 100.0, 2), f"NACE {v} read as {x / 100.0:.2f} (missing decimal point)"
    return round(x, 2), None


def is_base(cfg):
    """Whether a pcd configuration name marks the plant's base (2020) configuration."""
    return isinstance(cfg, str) and cfg.strip().lower() == "base"
