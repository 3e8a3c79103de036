#!/usr/bin/python3
"""Import the plant-level part of the embedded Dutch dataset from PBL/TNO MIDDEN v3.

    tools/import_midden.py --from DIR --out clusters/nl/

DIR holds midden.json, gpd.json, pcd.json, tc.json and cd.json (the JSON files of the
pbl-nl/MIDDEN repository, commit 569ed7a) and, optionally, value_chain_edges.csv (the
reference supplier -> customer links; looked up in DIR, then in DIR/..).

Writes plants.csv, edges.csv, infrastructure.toml, nea_2020_by_cluster.csv,
plant_options.csv (every alternative configuration mapped to a plant option) and
import_report.txt. Standard library only; the output is deterministic (rows sorted,
fixed float formatting). Every figure not read from MIDDEN is marked ESTIMATE in the
row's source column, with the reasoning; every record that is not mapped is listed in
import_report.txt with its reason. See docs/dataset.md.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import re
import statistics
import sys

MIDDEN_CITE = "PBL/TNO MIDDEN database v3 (github.com/pbl-nl/MIDDEN)"
GAS_EF_T_PER_GJ = 0.0566      # MIDDEN natural-gas emission factor, 56.6 kg CO2/GJ
SECONDS_PER_YEAR_MW_TO_GJ = 31536.0   # 1 MW for 8760 h = 31,536 GJ
MWH_PER_GJ = 1.0 / 3.6
SMR_FEEDSTOCK_CO2_T_PER_T_H2 = 5.5      # CH4 + 2 H2O -> CO2 + 4 H2: 44/8 t CO2 per t H2
METHANOL_LHV_GJ_PER_T = 19.9            # carbon/energy embodied in the product

CLUSTERS = {
    "Rotterdam-Moerdijk": "rotterdam_moerdijk",
    "Zeeland-West-Brabant": "zeeland_west_brabant",
    "Noordzeekanaalgebied": "noordzeekanaalgebied",
    "Noord-Nederland": "noord_nederland",
    "Chemelot": "chemelot",
    "Other": "cluster6",
}
CLUSTER_ORDER = ["rotterdam_moerdijk", "zeeland_west_brabant", "noordzeekanaalgebied",
                 "noord_nederland", "chemelot", "cluster6"]

SECTORS = ["steel", "aluminium", "zinc", "ammonia", "hydrogen", "industrial_gases",
           "refining", "hvc", "methanol", "organic_chemicals", "polymers",
           "inorganic_chemicals", "salt", "glass", "ceramics", "cement", "paper", "food",
           "power", "other_industry"]

# ------------------------------------------------------------------ sector defaults
# (process CO2 share, heat shares low/mid/high, reinvestment cycle, hurdle rate,
#  typical t CO2 per t product used only when a plant has no usable base configuration)
SECTOR_DEFAULTS = {
    # sector: process_share, (low, mid, high), cycle_y, hurdle, fallback t CO2/t
    "steel": (0.90, (0.00, 0.10, 0.90), 25, 0.10, 1.8),
    "aluminium": (0.70, (0.05, 0.15, 0.80), 25, 0.10, 1.5),
    "zinc": (0.00, (0.30, 0.50, 0.20), 25, 0.10, 0.1),
    "ammonia": (0.65, (0.00, 0.20, 0.80), 25, 0.10, 1.9),
    "hydrogen": (0.60, (0.00, 0.10, 0.90), 25, 0.08, 9.0),
    "industrial_gases": (0.00, (0.00, 0.50, 0.50), 20, 0.08, 0.05),
    "refining": (0.05, (0.05, 0.25, 0.70), 25, 0.10, 0.25),
    "hvc": (0.00, (0.00, 0.20, 0.80), 25, 0.10, 1.0),
    "methanol": (0.05, (0.00, 0.20, 0.80), 25, 0.10, 0.5),
    "organic_chemicals": (0.05, (0.10, 0.60, 0.30), 20, 0.10, 0.3),
    "polymers": (0.05, (0.15, 0.65, 0.20), 20, 0.10, 0.3),
    "inorganic_chemicals": (0.10, (0.10, 0.60, 0.30), 20, 0.10, 0.3),
    "salt": (0.00, (0.30, 0.70, 0.00), 25, 0.10, 0.1),
    "glass": (0.15, (0.00, 0.05, 0.95), 12, 0.12, 0.5),
    "ceramics": (0.40, (0.00, 0.20, 0.80), 20, 0.15, 0.17),
    "cement": (0.00, (0.00, 0.60, 0.40), 25, 0.12, 0.01),
    "paper": (0.00, (0.20, 0.80, 0.00), 20, 0.12, 0.3),
    "food": (0.02, (0.45, 0.50, 0.05), 15, 0.12, 0.2),
    "power": (0.00, (0.05, 0.75, 0.20), 20, 0.08, 0.4),
    "other_industry": (0.00, (0.20, 0.60, 0.20), 20, 0.12, 0.2),
}
HEAT_REASON = {
    "steel": "coke ovens, sinter, blast furnace, reheating all >400 C",
    "aluminium": "anode baking and casting furnaces >400 C; some process steam",
    "zinc": "RLE electrolysis; fuel mainly for roasting/leach heating and steam",
    "ammonia": "SMR reformer furnace >800 C; steam raising 100-400 C",
    "hydrogen": "SMR/ATR reformer furnace >800 C",
    "industrial_gases": "little fuel; mostly compression (electric)",
    "refining": "crude/vacuum heaters 350-450 C, reformers and crackers >500 C",
    "hvc": "cracking furnaces ~850 C; dilution and process steam mid",
    "methanol": "SMR reformer furnace >800 C; distillation steam mid",
    "organic_chemicals": "mostly steam 100-400 C (distillation, reactors), some fired heaters",
    "polymers": "mostly steam and hot oil 100-400 C",
    "inorganic_chemicals": "brine/caustic evaporation steam 100-200 C; kilns/ovens high",
    "salt": "vacuum evaporation of brine at 100-150 C steam",
    "glass": "melting furnaces ~1500 C",
    "ceramics": "kiln firing ~1000-1200 C; drying <400 C",
    "cement": "slag drying and grinding only (no clinker kiln in 2020), ~150-400 C hot gas",
    "paper": "steam for paper drying ~150-200 C, some hot water",
    "food": "hot water, evaporation and drying steam mostly <200 C",
    "power": "CHP fuel heat delivered mainly as 10-50 bar steam (mid), gas-turbine share high",
    "other_industry": "mixed steam and hot-water use",
}

MULTINATIONAL_PATTERNS = [
    "tata", "dow", "shell", "yara", "oci", "bp ", "bp refinery", "exxon", "esso",
    "air liquide", "air products", "sabic", "saudi basic", "linde", "lyondell", "cargill",
    "adm", "bunge", "heineken", "asahi", "pepsico", "mccain", "danone", "rio tinto",
    "century aluminum", "nyrstar", "ardagh", "o-i ", "saint gobain", "rockwool",
    "nippon electric glass", "chemours", "dupont", "shin-etsu", "indorama", "cabot",
    "smurfit", "ds smith", "sappi", "essity", "mayr", "wepa", "heidelberg", "wienerberger",
    "apollo tyres", "trinseo", "neste", "glencore", "gunvor", "vitol", "zeeland refinery",
    "vattenfall", "rwe", "tate & lyle", "lamb weston", "alco group", "k+s",
    "frieslandcampina", "huhtimaki", "huhtamaki", "neenah", "exacompta", "vpk",
    "vandersanden", "bmi monier", "libbey", "vynova", "sime darby", "agristo",
    "gasunie",
]
# Expression of Principles / Joint Letter of Intent / binding maatwerk (facts.md §1.3)
MAATWERK = [
    ("tata", "Tata Steel JLoI 29-09-2025 (business-standard.com 2025-09-29)"),
    ("dow", "Dow EoP 6-12-2022 (nl.dow.com); talks ended 2025 (bnnvara.nl/joop 2025-07)"),
    ("shell", "Shell EoP Apr-2023 (duurzaam-ondernemen.nl 2023-04); talks ended 2025"),
    ("yara", "Yara EoP 12-07-2023 (yara.nl)"),
    ("oci", "OCI EoP 26-01-2023 (rijksoverheid.nl)"),
    ("zeeland refinery", "Zeeland Refinery EoP 14-09-2023 (rijksoverheid.nl)"),
    ("bp refinery", "BP EoP 16-11-2023 (rijksoverheid.nl); talks ended 2025"),
    ("air liquide", "Air Liquide EoP Dec-2023 (verduurzamingindustrie.nl 21-12-2023); talks ended 2025"),
    ("carlyle", "Nobian binding maatwerk 19-12-2024 (rijksoverheid.nl)"),
    ("royal cosun", "Cosun binding agreement 18-12-2025 (rijksoverheid.nl)"),
    ("alco group", "Alco JLoI 11-03-2026 (rijksoverheid.nl)"),
]

# Named sector exceptions (plant id -> sector, reason); derived from the base configuration.
UTILITY_MAIN_OUTPUTS = ("steam", "electricity", "heat", "hot oil")

# Reference links (value_chain_edges.csv ids) -> MIDDEN plant ids.
REF_NODE_TO_PLANTS = {
    "tata_steel": ["M006"],
    "vattenfall_velsen_ijmond": ["M007", "M008"],
    "enci_ijmuiden": ["M135"],
    "dow_terneuzen": ["M192", "M193", "M194"],
    "yara_sluiskil": ["M017", "M018", "M019"],
    "elsta_chp": ["M201"],
    "oci_geleen": ["M023", "M024"],
    "sabic_geleen": ["M202"],
    "sitech_swentibold": ["M203"],
    "shell_pernis": ["M186"],
    "shell_moerdijk": ["M115"],
    "pergen_chp": ["M178"],
    "air_products_botlek": ["M177"],
    "exxon_refinery": ["M187"],
    "air_liquide_rotterdam": ["M174"],
    "air_liquide_boz": ["M175"],
    "sabic_boz": ["M129"],
    "nobian_hengelo": ["M123"],
    "nobian_delfzijl": ["M124"],
    "nobian_botlek": ["M128"],
    "shin_etsu_botlek": ["M009"],
    "delesto_chp": ["M125"],
    "zeeland_refinery": ["M190"],
    "alco_energy": ["M068"],
}
# As supplier, a multi-installation site is represented by its main installation.
REF_SUPPLIER_PLANTS = {"dow_terneuzen": ["M192"], "yara_sluiskil": ["M019"],
                       "oci_geleen": ["M023"]}
# Internal integration links ("X -> X") of the reference file, resolved to MIDDEN
# installations: (supplier ids, customer ids, product)
REF_INTERNAL = {
    "yara_sluiskil": (["M017", "M018", "M019"], ["M020", "M021", "M022"],
                      "ammonia (internal: nitric acid, urea)"),
    "oci_geleen": (["M023", "M024"], ["M025", "M026", "M027"],
                   "ammonia (internal: nitric acid, urea)"),
    "shell_moerdijk": (["M115"], ["M116", "M117", "M119"],
                       "ethylene/propylene (internal: SMPO, EO/glycols)"),
    "dow_terneuzen": (["M192"], ["M195", "M196", "M198"],
                      "ethylene (internal: amines, PE, EO)"),
}
# EUR2023 per t, rough base-year market values used for integration-benefit estimates
COMMODITY_VALUE_EUR_PER_T = {
    "hydrogen": 2000, "ethylene": 1000, "propylene": 950, "benzene": 900,
    "butadiene": 1000, "naphtha": 650, "oxygen": 80, "nitrogen": 60, "chlorine": 300,
    "ammonia": 500, "nitric acid": 300, "carbon monoxide": 300, "ethylene oxide": 1200,
    "propylene oxide": 1500, "styrene": 1200, "methanol": 400, "caustic": 350,
    "salt": 60, "brine": 10, "ethylbenzene": 1100, "cumene": 1100, "crude": 550,
    "diesel": 700, "kerosene": 700, "gasoline": 750, "phenol": 1200, "acetone": 1000,
    "edc": 400, "vcm": 800, "co2": 40, "isobutane": 600, "isobutylene": 800,
    "mtbe": 900, "pygas": 700, "c4": 800, "urea": 350, "pure terephthalic": 900,
    "glycol": 800, "slag": 30,
}
BENEFIT_SHARE = 0.05   # ESTIMATE: 5 % of the input's value saved by pipeline/on-site supply

EXCLUDED_EDGE_COMMODITY_WORDS = (
    "steam", "electricity", "water", "air", "heat", "flue gas", "carbon dioxide",
    "co2", "natural gas", "losses", "waste", "residual", "tail gas", "fuel gas",
    "refinery gas", "methane", "hot oil", "condensate", "slag", "sulphur", "wet ",
    "broken", "cooling", "nitrogen (gas)",
)


def fmt(x, nd=1):
    """Fixed float formatting; -0 avoided."""
    v = round(float(x), nd)
    if v == 0:
        v = 0.0
    return f"{v:.{nd}f}"


def stable_hash(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


# ------------------------------------------------------------------ units
ENERGY_GJ = {"mj": 1e-3, "gj": 1.0, "tj": 1e3, "pj": 1e6}
MASS_T = {"kg": 1e-3, "tonne": 1.0, "tonnes": 1.0, "ton": 1.0, "t": 1.0, "kt": 1e3,
          "mt": 1e6}


def unit_kind(unit):
    """Return (dimension, scale) of a capacity or amount unit: mass in t, energy in GJ,
    power in MW, volume in hl; (None, None) when unknown."""
    if not isinstance(unit, str):
        return None, None
    u = unit.strip().lower().replace("-", " ")
    parts = [x for x in re.split(r"[\s/]+", u) if x]
    tok = parts[0] if parts else ""
    if tok in MASS_T:
        return "mass", MASS_T[tok]
    if tok in ENERGY_GJ:
        return "energy", ENERGY_GJ[tok]
    if tok in ("mwth", "mwe", "mw"):
        return "power", 1.0
    if tok in ("hl", "hectolitre"):
        return "volume", 1.0
    return None, None


# ------------------------------------------------------------------ carriers
def carrier_of(name):
    """Map a tc input name to an energy carrier, or None for a material/intermediate."""
    n = name.strip().lower()
    if n.startswith("steam") or n in ("heat", "hot oil", "residual heat", "steam and hot oil"):
        return None    # produced on site by counted fuels, or bought from a utility plant
    if "electricity" in n:
        return "electricity"
    if n in ("natural gas", "fuel (natural gas)", "natural gas ", "fuel", "fuel gas / natural gas"):
        return "gas"
    if n.startswith("natural gas"):
        return "gas"
    if n in ("hydrogen (gas)", "hydrogen (27%)", "hydrogen"):
        return "hydrogen"
    if n in ("biogas", "green gas"):
        return "biomethane"
    if n in ("coal", "coke", "bfg", "bofg", "cog", "refinery gas", "fuel gas", "oil",
             "gasoil", "fuel oil", "residual fuel", "petroleum coke", "calcinated petroleum coke",
             "pyrolysis oil", "tail gas", "dry peat"):
        return "other_fuel"
    return None


# t CO2 per GJ for the combustion estimate of a section (IPCC 2006 default factors;
# natural gas = the MIDDEN value)
FUEL_EF = {
    "natural gas": 0.0566, "fuel (natural gas)": 0.0566, "fuel": 0.0566,
    "fuel gas / natural gas": 0.0566, "coal": 0.0946, "coke": 0.107, "cog": 0.0444,
    "bfg": 0.260, "bofg": 0.182, "refinery gas": 0.0576, "fuel gas": 0.0576,
    "oil": 0.0774, "gasoil": 0.0741, "fuel oil": 0.0774, "residual fuel": 0.0774,
    "petroleum coke": 0.0975, "calcinated petroleum coke": 0.0975, "tail gas": 0.0576,
    "dry peat": 0.106, "pyrolysis oil": 0.0,
}
# Fuels made from other counted fuels inside an integrated steelworks: netted, not gross.
DERIVED_FUELS = {"coke", "bfg", "bofg", "cog"}
# Carbon that reduces ore or ends up as CO2 from feedstock, not combustion, per sector.
STEEL_REDUCTANTS = {"coal", "coke", "bfg", "bofg", "cog", "oil"}


def amount_gj(amount, unit):
    d, s = unit_kind(unit)
    if d == "energy":
        return amount * s
    return None


def amount_t(amount, unit):
    d, s = unit_kind(unit)
    if d == "mass":
        return amount * s
    return None


class Tc:
    def __init__(self, rec):
        self.rec = rec
        self.id = rec["technology_id"]
        self.inputs = []
        self.outputs = []
        for i in range(1, 13):
            n = rec.get(f"name_of_input_{i}")
            if n and isinstance(n, str):
                self.inputs.append((n, float(rec.get(f"input_{i}_amount") or 0.0),
                                    rec.get(f"input_{i}_unit"), str(rec.get(f"input_{i}_id", "0"))))
            n = rec.get(f"name_of_output_{i}")
            if n and isinstance(n, str):
                self.outputs.append((n, float(rec.get(f"output_{i}_amount") or 0.0),
                                     rec.get(f"output_{i}_unit"), str(rec.get(f"output_{i}_id", "0"))))
        self.main_name = str(rec.get("main_output_name") or "")
        self.main_unit = rec.get("main_output_unit")
        self.cap_unit = rec.get("capacity_unit")
        co2 = rec.get("co2_emissions_amount") or 0.0
        co2u = rec.get("co2_emissions_unit")
        self.co2_t = amount_t(float(co2), co2u) if co2u else None


# ------------------------------------------------------------------ load
def load(dirname):
    def j(name):
        with open(os.path.join(dirname, name), encoding="utf-8") as f:
            return json.load(f)
    return j("midden.json"), j("gpd.json"), j("pcd.json"), j("tc.json"), j("cd.json")


def norm_nace(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None, "NACE not numeric"
    if x >= 100:
        return round(x / 100.0, 2), f"NACE {v} read as {x / 100.0:.2f} (missing decimal point)"
    return round(x, 2), None


def is_base(cfg):
    return isinstance(cfg, str) and cfg.strip().lower() == "base"


# ------------------------------------------------------------------ main
class Report:
    def __init__(self):
        self.lines = []
        self.unmapped = []
        self.notes = []
        self.outliers = []

    def skip(self, kind, rid, reason):
        self.unmapped.append((kind, rid, reason))

    def note(self, text):
        self.notes.append(text)


def section_activity(row, tc, rep):
    """Annual activity of a pcd section in the tc's main-output units (capacity x
    utilisation, unit-converted), or None."""
    cap = float(row.get("capacity_value") or 0.0)
    util = float(row.get("capacity_utilisation") or 0.0)
    d1, s1 = unit_kind(row.get("capacity_unit"))
    d2, s2 = unit_kind(tc.cap_unit)
    if d1 is None or d2 is None or d1 != d2:
        return None, None, f"capacity unit '{row.get('capacity_unit')}' vs tc '{tc.cap_unit}' not convertible"
    factor = s1 / s2
    return cap * factor, cap * util * factor, None


def process_plant(p, gpd_rec, base_rows, tcs, rep):
    """Compute everything for one plant; returns a dict."""
    pid = p["plant_id"]
    out = {"id": pid, "notes": [], "estimates": [], "pcd_ids": [], "tc_ids": []}
    sections = []
    for r in sorted(base_rows, key=lambda r: r["configuration_id"]):
        tid = r.get("technology_id")
        if tid not in tcs:
            rep.skip("pcd", r["configuration_id"], f"plant {pid}: technology {tid} not in tc.json")
            continue
        tc = tcs[tid]
        cap, act, err = section_activity(r, tc, rep)
        if err:
            rep.skip("pcd", r["configuration_id"], f"plant {pid}: {err}")
            continue
        if cap <= 0:
            rep.skip("pcd", r["configuration_id"], f"plant {pid}: capacity 0 ({r.get('section')})")
            continue
        sections.append((r, tc, cap, act))
        out["pcd_ids"].append(r["configuration_id"])
        if tid not in out["tc_ids"]:
            out["tc_ids"].append(tid)
    out["sections"] = sections
    return out


def is_utility(tc):
    n = tc.main_name.lower()
    return any(n.startswith(w) for w in UTILITY_MAIN_OUTPUTS) or (
        unit_kind(tc.cap_unit)[0] == "power")


def choose_sector(p, nace, sections):
    """NACE-based sector with named exceptions from the base configuration."""
    tcs = [s[1] for s in sections]
    names = " | ".join(t.main_name.lower() + " " + t.rec.get("technology", "").lower() for t in tcs)
    nace_name = str(p.get("NACE_name") or "").lower()
    if sections and all(is_utility(t) for t in tcs) and not nace == 35.11:
        return "power", "exception: base configuration is utilities only (CHP/boilers supplying steam/power to a site) -> power"
    if nace == 35.11:
        return "power", "NACE 35.11"
    if nace == 24.1:
        return "steel", "NACE 24.10"
    if nace == 24.42:
        return "aluminium", "NACE 24.42"
    if nace == 24.43:
        return "zinc", "NACE 24.43"
    if nace == 20.15:
        return "ammonia", "NACE 20.15 (nitrogen compounds/fertiliser)"
    if nace == 20.11 or "industrial gases" in nace_name:
        if any(t.main_name.lower().startswith("hydrogen") for t in tcs):
            return "hydrogen", "exception: industrial-gases plant whose base configuration produces hydrogen by SMR/ATR -> hydrogen"
        return "industrial_gases", f"NACE {nace} industrial gases"
    if nace == 19.2:
        return "refining", "NACE 19.20"
    if nace == 20.14:
        if any(t.main_name.lower() in ("ethylene", "high value chemical (hvc)") for t in tcs):
            return "hvc", "exception: NACE 20.14 plant whose base configuration is a steam cracker -> hvc"
        if any(t.main_name.lower() == "methanol" for t in tcs):
            return "methanol", "exception: NACE 20.14 plant whose base configuration is methanol synthesis -> methanol"
        return "organic_chemicals", "NACE 20.14"
    if nace == 20.16:
        return "polymers", "NACE 20.16"
    if nace == 20.13:
        if sections and all("salt" in t.main_name.lower() or "brine" in t.main_name.lower()
                            or is_utility(t) for t in tcs):
            return "salt", "exception: NACE 20.13 plant whose base configuration is salt production only -> salt"
        return "inorganic_chemicals", "NACE 20.13 (incl. chlor-alkali)"
    if nace == 8.93:
        return "salt", "NACE 08.93"
    if nace in (23.13, 23.14):
        return "glass", f"NACE {nace:.2f}"
    if nace == 23.99 and "wool" in names:
        return "glass", "exception: NACE 23.99 stone-wool melting (cupola) -> glass (mineral wool)"
    if nace in (23.31, 23.32, 23.2):
        return "ceramics", f"NACE {nace:.2f}"
    if nace == 23.51:
        return "cement", "NACE 23.51"
    if 17.0 <= nace < 18.0:
        return "paper", f"NACE {nace:.2f}"
    if 10.0 <= nace < 12.0:
        return "food", f"NACE {nace:.2f}"
    return "other_industry", f"NACE {nace} not in the sector list"


def main_capacity(sector, sections, rep, pid):
    """Return (capacity_t, production_t, description, estimate_note or None)."""
    if not sections:
        return None
    mass = [s for s in sections if unit_kind(s[1].main_unit)[0] == "mass" and not is_utility(s[1])]

    def total(secs, what):
        cap = sum(s[2] * unit_kind(s[1].main_unit)[1] for s in secs)
        act = sum(s[3] * unit_kind(s[1].main_unit)[1] for s in secs)
        ids = ",".join(s[0]["configuration_id"] for s in secs)
        return cap, act, f"{what} ({ids})", None

    def by_name(pred, what):
        secs = [s for s in mass if pred(s[1].main_name.lower())]
        return total(secs, what) if secs else None

    if sector == "refining":
        secs = [s for s in mass if "atmospheric distillation" in s[1].rec.get("technology", "").lower()]
        if secs:
            cap = act = 0.0
            for r, tc, c, a in secs:
                crude = next((amount_t(x[1], x[2]) for x in tc.inputs if x[0].lower() == "crude oil"), None)
                k = crude if crude else unit_kind(tc.main_unit)[1]
                cap += c * k
                act += a * k
            ids = ",".join(s[0]["configuration_id"] for s in secs)
            return cap, act, f"crude throughput = atmospheric distillation capacity x crude input per unit ({ids})", None
    if sector == "steel":
        got = by_name(lambda n: n == "crude steel", "crude steel (BOF)")
        if got:
            return got
    if sector == "hvc":
        got = by_name(lambda n: n in ("ethylene", "high value chemical (hvc)"), "steam-cracker main output")
        if got:
            return got
    if sector == "ammonia":
        for prod in ("ammonia", "nitric acid", "urea"):
            got = by_name(lambda n, prod=prod: n == prod, prod)
            if got:
                return got
    if sector == "hydrogen":
        got = by_name(lambda n: n.startswith("hydrogen"), "hydrogen")
        if got:
            return got
    if sector == "aluminium":
        for prod in ("liquid primary aluminium", "prebaked carbon anodes", "aluminium billets and slabs"):
            got = by_name(lambda n, prod=prod: n == prod, prod)
            if got:
                return got
    if sector == "methanol":
        got = by_name(lambda n: n == "methanol", "methanol")
        if got:
            return got
    if mass:
        # final products: main outputs that are not an input of another base section
        consumed = set()
        for r, tc, c, a in sections:
            for n, amt, u, cid in tc.inputs:
                consumed.add(n.strip().lower())
        finals = [s for s in mass if s[1].main_name.strip().lower() not in consumed]
        if not finals:
            finals = mass
        return total(finals, "sum of final products of the base configuration")
    # energy-only plants (utilities / power): t-equivalent = MWh of energy output
    cap = act = 0.0
    for r, tc, c, a in sections:
        e = sum((amount_gj(x[1], x[2]) or 0.0) for x in tc.outputs
                if x[0].lower().startswith(("steam", "electricity", "heat", "hot oil")))
        if e == 0 and unit_kind(tc.main_unit)[0] == "energy":
            e = unit_kind(tc.main_unit)[1]
        cap += c * e * MWH_PER_GJ
        act += a * e * MWH_PER_GJ
    ids = ",".join(s[0]["configuration_id"] for s in sections)
    return cap, act, f"energy output of utilities ({ids})", \
        "ESTIMATE: capacity in t-equivalent where 1 t = 1 MWh of steam+electricity output (MWth/MWe capacity x 8760 h x output per unit)"


def energy_and_co2(sector, sections, rep, pid):
    """Energy by carrier (GJ/yr), feedstock gas, modelled CO2 (total, process) in t/yr."""
    energy = {c: 0.0 for c in ("gas", "electricity", "hydrogen", "biomethane", "other_fuel")}
    feed_gas = 0.0
    co2_total = 0.0
    co2_process = 0.0
    co2_known = False
    elec_out = 0.0
    # derived fuels produced inside the plant (steelworks): net them
    produced = {}
    for r, tc, c, a in sections:
        for n, amt, u, cid in tc.outputs:
            g = amount_gj(amt, u)
            if g is not None:
                produced[n.lower()] = produced.get(n.lower(), 0.0) + a * g
    consumed_derived = {}
    for r, tc, c, a in sections:
        comb_est = 0.0
        fuel_ct = 0.0
        for n, amt, u, cid in tc.inputs:
            nl = n.strip().lower()
            car = carrier_of(n)
            g = amount_gj(amt, u)
            if car is None:
                continue
            if g is None:
                if car == "hydrogen":
                    t = amount_t(amt, u)
                    g = t * 120.0 if t is not None else None   # 120 GJ/t H2 (LHV)
                if g is None:
                    rep.note(f"{pid}: input '{n}' of {tc.id} in unit '{u}' not converted to GJ; left out")
                    continue
            if nl in DERIVED_FUELS and produced.get(nl, 0.0) > 0:
                consumed_derived[nl] = consumed_derived.get(nl, 0.0) + a * g
            else:
                energy[car] += a * g
            ef = FUEL_EF.get(nl, 0.0)
            if sector == "steel" and nl in STEEL_REDUCTANTS:
                fuel_ct += a * g * ef     # reductant carbon -> process
            else:
                comb_est += a * g * ef
            if car == "gas" and tc.main_name.lower().startswith("hydrogen"):
                pass
        for n, amt, u, cid in tc.outputs:
            if n.lower() == "electricity":
                g = amount_gj(amt, u)
                if g:
                    elec_out += a * g
        # section CO2
        if tc.co2_t is not None and tc.co2_t > 0:
            sec_co2 = a * tc.co2_t
            co2_known = True
            mn = tc.main_name.lower()
            proc = None
            hp = next((x for x in tc.outputs if x[0].lower() == "carbon dioxide"), None)
            if hp is not None:
                t = amount_t(hp[1], hp[2])
                proc = a * t if t is not None else None
                gas_in = sum(a * (amount_gj(x[1], x[2]) or 0) for x in tc.inputs if carrier_of(x[0]) == "gas")
                feed_gas += min(gas_in, (proc or 0.0) / GAS_EF_T_PER_GJ)
            elif mn.startswith("hydrogen"):
                gas_in = sum(a * (amount_gj(x[1], x[2]) or 0) for x in tc.inputs if carrier_of(x[0]) == "gas")
                if gas_in > 0:
                    proc = min(sec_co2, a * SMR_FEEDSTOCK_CO2_T_PER_T_H2 * unit_kind(tc.main_unit)[1])
                    feed_gas += min(gas_in, proc / GAS_EF_T_PER_GJ)
                else:
                    proc = sec_co2      # gasification of residual oil: all feedstock carbon
            elif mn == "methanol":
                gas_in = sum(a * (amount_gj(x[1], x[2]) or 0) for x in tc.inputs if carrier_of(x[0]) == "gas")
                feed_gas += min(gas_in, a * unit_kind(tc.main_unit)[1] * METHANOL_LHV_GJ_PER_T)
                proc = 0.0
            else:
                proc = max(0.0, sec_co2 - comb_est)
            co2_total += sec_co2
            co2_process += min(sec_co2, proc or 0.0)
    # net derived fuels (e.g. Tata's COG/BFG consumed beyond what it produces is bought)
    for nl, used in consumed_derived.items():
        extra = used - produced.get(nl, 0.0)
        if extra > 0:
            energy["other_fuel"] += extra
    net_el = energy["electricity"] - elec_out
    return energy, feed_gas, co2_total, co2_process, co2_known, elec_out, net_el


def importer(src_dir, outdir, catalogue=None):
    midden, gpd, pcd, tcl, cdl = load(src_dir)
    rep = Report()
    tcs = {t["technology_id"]: Tc(t) for t in tcl}
    cd = {c["commodity_id"]: c["commodity_name"] for c in cdl}
    gpd_by = {g["plant_id"]: g for g in gpd}
    current = {}
    for p in midden:
        if p.get("in_current_database") == 1:
            current[p["plant_id"]] = p
        else:
            rep.skip("midden", p["plant_id"], f"{p.get('plant_name')}: in_current_database != 1 (not a current plant)")
    for g in gpd:
        if g["plant_id"] not in current:
            rep.skip("gpd", g["plant_id"], "no current plant with this id")
    rows_by_plant = {}
    alt_rows = []
    n_base = 0
    for r in pcd:
        pid = r.get("plant_id")
        if pid not in current:
            rep.skip("pcd", r["configuration_id"], f"plant {pid} is not a current plant")
            continue
        if is_base(r.get("configuration")):
            rows_by_plant.setdefault(pid, []).append(r)
            n_base += 1
        else:
            alt_rows.append(r)   # mapped to plant options (build_plant_options)
    n_alt = sum(1 for r in pcd if r.get("plant_id") in current and not is_base(r.get("configuration")))

    plants = []
    used_tc = set()
    for pid in sorted(current):
        p = current[pid]
        g = gpd_by.get(pid, {})
        info = process_plant(p, g, rows_by_plant.get(pid, []), tcs, rep)
        sections = info["sections"]
        used_tc.update(info["tc_ids"])
        nace, nace_note = norm_nace(p.get("NACE"))
        if nace_note:
            rep.note(f"{pid}: {nace_note}")
        sector, sector_reason = choose_sector(p, nace, sections)
        cluster = CLUSTERS.get(p.get("cluster_name"))
        if cluster is None:
            rep.skip("midden", pid, f"unknown cluster_name {p.get('cluster_name')!r}")
            continue
        est = []
        nea_raw = p.get("2020_nea_emissions_[tCO2e]")
        if isinstance(nea_raw, (int, float)):
            nea = float(nea_raw)
        else:
            nea = 0.0
            rep.note(f"{pid} {p['plant_name']}: NEa 2020 emissions '{nea_raw}' -> 0 t")
            est.append(f"NEa 2020 emissions given as '{nea_raw}' in midden.json, taken as 0")
        if nea == 0:
            rep.note(f"{pid} {p['plant_name']}: NEa 2020 emissions are 0 (not an ETS installation in 2020 or a MIDDEN generic plant)")
        sd = SECTOR_DEFAULTS[sector]
        if sections:
            energy, feed_gas, co2m, co2p, co2_known, elec_out, net_el = energy_and_co2(sector, sections, rep, pid)
            capres = main_capacity(sector, sections, rep, pid)
        else:
            energy, feed_gas, co2m, co2p, co2_known, elec_out, net_el = (None,) * 7
            capres = None
            if rows_by_plant.get(pid):
                rep.note(f"{pid}: base configuration present but no section usable")
        plant = {"id": pid, "name": p["plant_name"].strip(), "cluster": cluster, "sector": sector,
                 "sector_reason": sector_reason, "nea": nea, "info": info, "nace": nace,
                 "operator": str(g.get("corporate_group") or "").strip() if g.get("corporate_group") not in (0, None) else "",
                 "employees": int(g.get("number_of_employees") or 0) if isinstance(g.get("number_of_employees"), (int, float)) else 0,
                 "energy": energy, "feed_gas": feed_gas, "co2m": co2m, "co2p": co2p,
                 "co2_known": co2_known, "elec_out": elec_out, "net_el": net_el, "capres": capres,
                 "est": est}
        plants.append(plant)

    # sector intensities (t CO2 / t product) and electricity per t from plants with data
    inten = {}
    elec_per_t = {}
    for pl in plants:
        if pl["capres"] and pl["capres"][1] > 0 and pl["nea"] > 0:
            inten.setdefault(pl["sector"], []).append(pl["nea"] / pl["capres"][1])
            if pl["energy"]:
                elec_per_t.setdefault(pl["sector"], []).append(max(0.0, pl["energy"]["electricity"]) / pl["capres"][1])
    cap_med = {}
    for pl in plants:
        if pl["capres"]:
            cap_med.setdefault(pl["sector"], []).append(pl["capres"][0])

    out_rows = []
    for pl in plants:
        pid = pl["id"]
        sector = pl["sector"]
        sd = SECTOR_DEFAULTS[sector]
        est = pl["est"]
        src = [f"{MIDDEN_CITE} midden.json {pid} (NEa 2020 verified emissions)"]
        nea = pl["nea"]
        # ----------------------------------------------------- capacity / production
        if pl["capres"] and pl["capres"][0] > 0:
            cap, prod, desc, capnote = pl["capres"]
            src.append(f"capacity/production: {desc}")
            if capnote:
                est.append(capnote)
        else:
            if nea > 0:
                if sector in inten:
                    it = statistics.median(inten[sector])
                    how = f"median NEa/production of the {len(inten[sector])} MIDDEN-configured {sector} plants"
                else:
                    it = sd[4]
                    how = f"sector default {it} t CO2/t"
                prod = nea / it
                cap = prod / 0.85
                est.append(f"no usable base configuration: production = NEa CO2 / {it:.3f} t CO2/t ({how}); capacity = production / 0.85 utilisation")
            else:
                cap = statistics.median(cap_med[sector]) if sector in cap_med else 100000.0
                prod = cap * 0.85
                est.append("no usable base configuration and no emissions: capacity = sector median capacity, utilisation 0.85")
            rep.note(f"{pid}: capacity ESTIMATE (no usable base configuration)")
        if cap <= 0:
            cap = 1.0
        prod = min(prod, cap)
        # ----------------------------------------------------- emissions split
        if pl["co2_known"] and pl["co2m"] > 0:
            share = pl["co2p"] / pl["co2m"]
            how = "process share from base-configuration tc records"
        else:
            share = sd[0]
            how = f"ESTIMATE: sector default process share {sd[0]:.2f}"
            if nea > 0:
                est.append(f"process CO2 = {sd[0]:.2f} x NEa (sector default share; tc records give no CO2)")
        # named overrides where the tc records lack CO2 but the chemistry is clear
        tcset = set(pl["info"]["tc_ids"])
        if "TC0456" in tcset:
            share = 0.95
            how = "ESTIMATE: SiC (Acheson) oven, carbon reductant -> process share 0.95"
            est.append("process share 0.95: petroleum coke is the reductant in SiC production (SiO2 + 3C -> SiC + 2CO)")
        if "TC0086" in tcset:
            share = 0.70
            how = "ESTIMATE: carbon black, feedstock-oil tail gas -> process share 0.70"
            est.append("process share 0.70: carbon-black tail gas comes from the feedstock oil")
        co2_proc = round(nea * share)
        co2_comb = round(nea) - co2_proc
        src.append(f"CO2 split: {how}")
        # ----------------------------------------------------- energy
        if pl["energy"] is not None and sum(pl["energy"].values()) > 0:
            e = dict(pl["energy"])
            feed = pl["feed_gas"]
            if pl["net_el"] is not None and pl["elec_out"] > 0:
                e["electricity"] = max(0.0, pl["net_el"])
                if pl["net_el"] < 0:
                    rep.note(f"{pid}: net electricity exporter ({-pl['net_el'] / 1e6:.2f} PJ/yr net output from CHP); electricity_gj = 0")
            src.append("energy: capacity x utilisation x tc input per unit (steam/heat inputs not counted: made on site or bought from a utility plant)")
        else:
            e = {c: 0.0 for c in ("gas", "electricity", "hydrogen", "biomethane", "other_fuel")}
            e["gas"] = co2_comb / GAS_EF_T_PER_GJ
            feed = 0.0
            if sector in elec_per_t and elec_per_t[sector]:
                e["electricity"] = statistics.median(elec_per_t[sector]) * prod
            est.append("energy: gas = combustion CO2 / 56.6 kg/GJ; electricity = sector median GJ/t x production")
        feed = min(feed, e["gas"])
        # sanity: implied combustion emission factor
        fuel = e["gas"] - feed + e["other_fuel"]
        if co2_comb > 0:
            if fuel <= 0:
                rep.outliers.append(f"{pid} {pl['name']}: combustion CO2 {co2_comb:.0f} t but no fuel in base configuration")
            else:
                ef = co2_comb / fuel * 1000
                if ef < 30 or ef > 120:
                    rep.outliers.append(f"{pid} {pl['name']} ({sector}): implied combustion EF {ef:.1f} kg/GJ (CO2 {co2_comb:.0f} t, fuel {fuel / 1e6:.2f} PJ)")
        elif fuel > 1e5:
            rep.outliers.append(f"{pid} {pl['name']} ({sector}): {fuel / 1e6:.2f} PJ fuel in base configuration but 0 t NEa combustion CO2")
        # ----------------------------------------------------- heat, age, finance
        low, mid, high = sd[1]
        cycle = sd[2]
        h = stable_hash(pid)
        age = h % cycle
        hurdle = sd[3]
        op = pl["operator"]
        opl = (op + " " + pl["name"]).lower()
        multinational = 1 if any(pat in opl + " " for pat in MULTINATIONAL_PATTERNS) else 0
        maat = 0
        maat_src = ""
        for pat, cite in MAATWERK:
            if pat in opl:
                # Dow/Shell/BP/Air Liquide matched on corporate group; Zeeland Refinery, BP by name
                maat = 1
                maat_src = cite
                break
        src.append(f"heat shares ESTIMATE ({HEAT_REASON[sector]})")
        src.append(f"asset age ESTIMATE: hash(plant id) mod {cycle} y cycle; hurdle {hurdle:.2f} ESTIMATE by sector")
        src.append(f"gpd.json {pid} (operator, employees)")
        if maat:
            src.append(f"maatwerk: facts.md §1.3 {maat_src}")
        if pl["info"]["pcd_ids"]:
            src.append("pcd " + " ".join(pl["info"]["pcd_ids"]))
            src.append("tc " + " ".join(pl["info"]["tc_ids"]))
        else:
            est.append("no base configuration in pcd.json")
        source = "; ".join(src)
        if est:
            source += "; ESTIMATE: " + "; ".join(est)
        out_rows.append({
            "id": pid, "name": pl["name"], "operator": op, "cluster": pl["cluster"],
            "sector": sector, "capacity_t": fmt(cap, 0), "production_t": fmt(prod, 0),
            "co2_combustion_t": fmt(co2_comb, 0), "co2_process_t": fmt(co2_proc, 0),
            "gas_gj": fmt(e["gas"], 0), "electricity_gj": fmt(e["electricity"], 0),
            "hydrogen_gj": fmt(e["hydrogen"], 0), "biomethane_gj": fmt(e["biomethane"], 0),
            "other_fuel_gj": fmt(e["other_fuel"], 0), "feedstock_gas_gj": fmt(feed, 0),
            "heat_share_low": fmt(low, 2), "heat_share_mid": fmt(mid, 2), "heat_share_high": fmt(high, 2),
            "asset_age_y": str(age), "reinvestment_cycle_y": str(cycle), "hurdle_rate": fmt(hurdle, 2),
            "multinational": str(multinational), "maatwerk": str(maat), "employees": str(pl["employees"]),
            "source": source,
            "_nea": nea, "_pl": pl, "_prod": prod,
        })
        # production string must not exceed capacity string after rounding
        if float(out_rows[-1]["production_t"]) > float(out_rows[-1]["capacity_t"]):
            out_rows[-1]["production_t"] = out_rows[-1]["capacity_t"]

    if catalogue is None:
        catalogue = os.path.join(outdir, "technologies.csv")
        if not os.path.exists(catalogue):
            catalogue = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clusters", "nl", "technologies.csv")
    opt_cols, opt_rows, opt_lines, opt_tc = build_plant_options(out_rows, alt_rows, tcs, catalogue, rep)
    for t in sorted(tcs):
        if t not in used_tc and t not in opt_tc:
            rep.skip("tc", t, "not used by the base configuration of a current plant nor by a mapped plant option")
    plant_cols = ["id", "name", "operator", "cluster", "sector", "capacity_t", "production_t",
                  "co2_combustion_t", "co2_process_t", "gas_gj", "electricity_gj", "hydrogen_gj",
                  "biomethane_gj", "other_fuel_gj", "feedstock_gas_gj", "heat_share_low",
                  "heat_share_mid", "heat_share_high", "asset_age_y", "reinvestment_cycle_y",
                  "hurdle_rate", "multinational", "maatwerk", "employees", "source"]
    os.makedirs(outdir, exist_ok=True)
    write_csv(os.path.join(outdir, "plants.csv"), plant_cols, out_rows)

    edges, ref_status = build_edges(src_dir, out_rows, tcs, cd, rep)
    write_csv(os.path.join(outdir, "edges.csv"),
              ["supplier", "customer", "product", "coupling", "offtake_share", "integration_benefit_eur_per_t", "source"],
              edges)
    write_nea(os.path.join(outdir, "nea_2020_by_cluster.csv"), out_rows)
    with open(os.path.join(outdir, "infrastructure.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(INFRASTRUCTURE_TOML)
    write_csv(os.path.join(outdir, "plant_options.csv"), opt_cols, opt_rows)
    write_report(os.path.join(outdir, "import_report.txt"), rep, out_rows, edges, ref_status,
                 len(midden), len(current), n_base, n_alt, used_tc, len(tcs), len(pcd), opt_lines, opt_tc)
    return out_rows, edges



# ------------------------------------------------------------------ plant options (issue 3)
# Each MIDDEN alternative configuration of a current plant becomes one row of
# plant_options.csv (the columns of technologies.csv with `plant` instead of `sector`).
# Mapping table and derivation: docs/dataset.md "Plant options".
# Euro-area HICP, all items, annual average index 2015=100 (Eurostat prc_hicp_aind, geo EA,
# coicop CP00, unit INX_A_AVG). Values read from two independent exports of that table and
# cross-checked against Eurostat's published annual average rates (2008 3.3 %, 2009 0.3 %,
# 2012 2.5 %, 2013 1.4 %); see docs/dataset.md "Price year".
HICP_EA_2015_100 = {
    2007: 88.49, 2009: 91.65, 2012: 98.05, 2013: 99.38, 2014: 99.81, 2015: 100.00,
    2016: 100.23, 2017: 101.78, 2018: 103.56, 2019: 104.80, 2020: 105.06, 2021: 107.78,
    2022: 116.82, 2023: 123.15,
}
EUR2023_FACTOR = {y: HICP_EA_2015_100[2023] / v for y, v in HICP_EA_2015_100.items()}
FACTOR_ESTIMATE_YEARS = set()   # every price year above is sourced

# MIDDEN v3 tc records whose money figure is, by the record's own comment, the total of its
# reference plant (or in another unit) instead of the stated "per unit of capacity". Each
# entry: (tc id, 'inv' or 'om') -> (factor applied to the figure and its limits, evidence).
# Found by the plausibility check below (capex > 5x the sector catalogue's high value) and
# read record by record; docs/dataset.md "Unit corrections" lists them.
MIDDEN_MONEY_CORRECTIONS = {
    ("TC0361", "inv"): (1 / 20, "comment: 1.0-3.6 MEUR/MW(H2) at 0.24 kt/yr per MW is 4.2-15 MEUR per kt/yr; the record's 83.3-300 is that times the 20 MW reference"),
    ("TC0361", "om"): (1 / 20, "comment: 0.14 MEUR/MW(H2)/yr at 0.24 kt/yr per MW is 0.58 MEUR per kt/yr; the record's 11.7 is that times the 20 MW reference"),
    ("TC0362", "inv"): (1 / 20, "comment: 1.43-2.55 MEUR/MW(H2) at 0.24 kt/yr per MW is 6.0-10.6 MEUR per kt/yr; the record's 119-213 is that times the 20 MW reference"),
    ("TC0362", "om"): (1 / 20, "comment: 0.08 MEUR/MW(H2)/yr at 0.24 kt/yr per MW; the record's 6.7 is that times the 20 MW reference"),
    ("TC0296", "inv"): (1 / 20.8, "comment: 32 MW input reference at 65 % efficiency = 20.8 MW syngas; 46.8 MEUR is the reference plant's total (2.25 MEUR/MW)"),
    ("TC0296", "om"): (1 / 20.8, "same 20.8 MW syngas reference as the investment"),
    ("TC0297", "inv"): (1 / 3.41, "comment: 5.5 MWth input reference = 3.41 MW biogas; 5.82 MEUR is the reference plant's total"),
    ("TC0297", "om"): (1 / 3.41, "comment: 111 EUR/kW input x 5.5 MW = 0.611 MEUR, the reference total"),
    ("TC0314", "inv"): (1 / 3.47, "comment: 880 EUR/kW input x 5.5 MW = 4.84 MEUR, the reference total; output 5.5 MW x 0.0315/0.05 = 3.47 MW biogas"),
    ("TC0314", "om"): (1 / 3.47, "comment: 111 EUR/kW input x 5.5 MW = 0.611 MEUR, the reference total"),
    ("TC0315", "inv"): (1 / 2.59, "comment: 898 EUR/kW input x 5.5 MW = 4.94 MEUR, the reference total; steam output 5.5 MW x 0.0315/0.067 = 2.59 MWth"),
    ("TC0315", "om"): (1 / 2.59, "comment: 81 EUR/kW input x 5.5 MW = 0.446 MEUR, the reference total"),
    ("TC0316", "inv"): (1 / 4.7, "comment: 879 EUR/kWth x 4.7 MWth output = 4.13 MEUR, the reference total"),
    ("TC0316", "om"): (1 / 4.7, "comment: 44 EUR/kWth/yr x 4.7 MWth = 0.207 MEUR, the reference total"),
    ("TC0311", "inv"): (1 / 5, "comment: 1,602 EUR/kWth x 5 MWth reference = 8.01 MEUR, the reference total"),
    ("TC0311", "om"): (1 / 5, "comment: 18 EUR/kWth/yr x 5 MWth = 0.09 MEUR, the reference total"),
    ("TC0298", "inv"): (1 / 20, "comment: 480-685 EUR/kW on the 20 MWth reference = 9.6-13.7 MEUR, the record's range: a reference total"),
    ("TC0298", "om"): (1 / 20, "same 20 MWth reference as the investment"),
    ("TC0313", "inv"): (1 / 20, "comment: 480-685 EUR/kW on the 20 MWth reference = 9.6-13.7 MEUR, the record's range: a reference total"),
    ("TC0313", "om"): (1 / 20, "same 20 MWth reference as the investment"),
    ("TC0010", "inv"): (0.0, "comment: 'no capex would be incurred by switching to biomethane as the fuel'; the figure is the furnace's own, so the sector catalogue's fuel-switch capex is used"),
    ("TC0092", "inv"): (1e-3, "comment: 7,100 kW x (60 + 130) EUR/kW = 1.35 MEUR for 80,000 t/yr = 16.9 EUR per t/yr, recorded as 16.9 kEUR"),
    ("TC0099", "om"): (1e-6, "26,000 'MEUR2017' per MWth/yr beside an investment of 4,000,000 EUR2017 per MWth: the O&M is in EUR (0.65 % of the investment a year)"),
}

# Options that stay above 5x the sector catalogue's high capex after the corrections, read
# one by one: MIDDEN prices a whole new furnace, line or on-site biogas plant where the
# catalogue row prices a burner or boiler change. tc id -> why the figure is kept.
MIDDEN_REVIEWED_SCOPE = {
    "TC0003": "new regenerative glass furnace with preheater (comment), not a burner switch",
    "TC0008": "new oxy-fuel glass furnace (rounded up from the oxy-fuel furnace)",
    "TC0015": "OPTIMELT furnace with oxyfuel, ORC and regenerators (comment)",
    "TC0030": "whole TGR blast-furnace route to hot-rolled coil (comment), not a capture add-on",
    "TC0035": "whole HIsarna route to hot-rolled coil (comment)",
    "TC0036": "whole ULCORED route to hot-rolled coil (comment)",
    "TC0049": "new 20 MW hydrogen furnace scaled from a 10 MW, 15 MEUR furnace (comment)",
    "TC0066": "entire glass-fibre production line (comment; NEG invested 53 MEUR)",
    "TC0067": "entire glass-fibre production line (comment)",
    "TC0069": "entire glass-wool line with an electric furnace, about twice a fired one (comment)",
    "TC0070": "entire glass-wool production line (comment)",
    "TC0071": "entire glass-wool production line (comment)",
    "TC0099": "on-site UASB digester with CHP (3-7 MEUR per MWth, Carlini et al. 2017)",
    "TC0102": "new potato-starch line with protein recovery and biogas (comment: 14.2 MEUR for 61 kt/yr)",
    "TC0104": "biomass CHP, 1.0-4.1 MEUR per MWth (Ecofys 2014): small plants with few running hours",
    "TC0248": "two new electric pyrolysis furnaces, 35-50 MEUR per 10 MW scaled linearly (comment)",
    "TC0249": "hydrogen supply, compressor and burners for small furnaces (comment)",
    "TC0296": "biomass gasifier making its own syngas (2.25 MEUR/MW after the unit correction)",
    "TC0297": "on-site anaerobic digester (1.7 MEUR per MW biogas after the unit correction)",
    "TC0298": "hydrogen CHP replacing a boiler (0.59 MEUR/MWth after the unit correction) at low running hours",
    "TC0313": "hydrogen CHP replacing a boiler (0.59 MEUR/MWth after the unit correction) at low running hours",
    "TC0311": "MVR heat pump, 1,602 EUR/kWth (SDE++ 2021) at low running hours",
    "TC0314": "on-site digester with gas upgrading (after the unit correction)",
    "TC0315": "on-site digester with CHP (after the unit correction)",
    "TC0316": "on-site digester with heat only (after the unit correction)",
    "TC0361": "an electrolyser replacing an SMR: 11 kEUR per t H2/yr after the unit correction (1.0-3.6 MEUR/MW)",
    "TC0362": "an electrolyser replacing an SMR: 9.7 kEUR per t H2/yr after the unit correction",
    "TC0408": "green-field electrolysis, methanol synthesis and methanol-to-olefins chain (comment)",
    "TC0465": "biomass boiler, 0.59 MEUR per MWth (SDE+ 2019) at low running hours",
    "TC0466": "biomass boiler, 0.59 MEUR per MWth (SDE+ 2019) at low running hours",
    "TC0471": "heat pump, 0.98 MEUR per MWth (SDE++ 2021) replacing a small steam demand",
    "TC0472": "heat pump, 0.98 MEUR per MWth (SDE++ 2021) replacing a small steam demand",
    "TC0478": "post-combustion capture incl. transport connection, 257 EUR per t CO2/yr (SDE++ 2021), on a small emitter",
}
OPTION_BOILER_EFF = 0.9     # ESTIMATE: fuel per GJ of steam/heat input no longer needed
GENERIC_CONFIGS = {"alternative", "add-on", "add-on technology"}
OPTION_KINDS = ("electrify", "ccs", "hydrogen", "bio")
OPTION_COLS_FALLBACK = [
    "name", "kind", "capex_eur_per_t_yr", "capex_low_eur_per_t_yr", "capex_high_eur_per_t_yr",
    "fixed_opex_eur_per_t_yr", "var_opex_eur_per_t", "electrify_share_low", "electrify_share_mid",
    "electrify_share_high", "electrify_year_low", "electrify_year_mid", "electrify_year_high",
    "electric_efficiency", "hydrogen_fuel_share", "bio_fuel_share", "process_cut_share",
    "feedstock_gas_cut_share", "hydrogen_feedstock_gj_per_t", "electricity_extra_gj_per_t",
    "capture_rate", "capture_electricity_gj_per_tco2", "capture_heat_gj_per_tco2", "import_share",
    "lifetime_y", "lead_time_y", "available_year", "learning_rate", "learning_seed_t_yr", "source"]

# (regex on the lower-case text, kind or None, reason when None); first match wins. The
# configuration name is tried first, then the technology names of its sections.
OPTION_RULES = [
    (r"capture and utili[sz]ation|\bccu\b", None, "CO2 utilisation (CCU): the captured CO2 is not stored, no option kind"),
    (r"captur|\bccs\b", "ccs", "CO2 capture (high purity / all CO2 / CCS add-on / post-combustion)"),
    (r"thermal decomposition of methane|methane pyrolysis", None, "methane pyrolysis (solid carbon by-product): no option kind"),
    (r"hydrogen from electrolysis|water electroly|electrolyser|ulcowin|ulcolysis", "electrify", "electrolysis route (hydrogen made on site from electricity / electrolytic iron)"),
    (r"hydrogen|h-dr|\bh2\b", "hydrogen", "hydrogen as fuel / hydrogen boiler / furnace / H-DR / imported hydrogen"),
    (r"biogas|biomass|green gas|bio[- ]?based|bio[- ]?feedstock|\bbio\b|digester|renewable gas|biomethanol", "bio", "biogas / biomass / green gas / bio feedstock"),
    (r"electri|electrode|heat pump|\bmvr\b|vapour recompression|plasma|e-furnace|hybrid boiler|\beaf\b", "electrify", "electrification / electric or electrode boiler / heat pump / MVR / e-furnace"),
    (r"geothermal", None, "geothermal heat: no geothermal carrier or option kind in the engine"),
    (r"waste heat|heat re-use|heat recovery", None, "heat recovery (efficiency measure): no option kind"),
    (r"inert anode|wetted cathode", None, "aluminium cell technology (efficiency/process change): no option kind; the sector catalogue has aluminium/inert_anodes_electric"),
    (r"oxy-fuel|optimelt", None, "furnace efficiency (oxy-fuel / thermochemical heat recovery): no option kind"),
    (r"capacity expansion", None, "capacity expansion: not an abatement option"),
    (r"feedstock|recycl|methanol to olefins", None, "feedstock change without bio or hydrogen: no option kind"),
    (r"zero gap|effect vaporisation|membrane|enzymatic|zeolite|\bice\b|reverse osmosis|degumming|interesterification|peeling|solvent extraction|roller press|mills|classifier", None, "process efficiency technology: no option kind"),
]


def option_rule(text):
    t = text.lower()
    for pat, kind, why in OPTION_RULES:
        if re.search(pat, t):
            return kind, why
    return None, None


def slug(text, limit=48):
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return s[:limit].rstrip("_") or "option"


def fmt_sig(x):
    """Compact deterministic number: integers above 1000, else 4 significant digits."""
    x = float(x)
    if abs(x) < 1e-9:
        return "0"
    if abs(x) >= 1000:
        return str(int(round(x)))
    s = f"{x:.4g}"
    if "e" in s:
        s = f"{x:.8f}".rstrip("0").rstrip(".")
    return s


def money_unit(unit):
    """'MEUR2017' -> (1e6, 2017); None when not a money unit."""
    m = re.match(r"^\s*(M|k)?EUR\s*(\d{4})\s*$", str(unit or ""))
    if not m:
        return None
    return {"M": 1e6, "k": 1e3, None: 1.0}[m.group(1)], int(m.group(2))



def section_money(tc, kind):
    """Investment ('inv') or O&M ('om') of a tc record: (central, low, high, year) in EUR
    per tc capacity unit in the record's price year, or None when absent/unreadable."""
    r = tc.rec
    if kind == "inv":
        amt = r.get("investment_per_unit_of_capacity_new_amount")
        unit = r.get("investment_per_unit_of_capacity_new_unit")
        lo = r.get("investment_per_unit_of_capacity_new_lower_limit")
        hi = r.get("investment_per_unit_of_capacity_new_upper_limit")
    else:
        amt = r.get("annual_operating_and_maintenance_costs_per_unit_of_capacity_amount")
        unit = r.get("annual_operating_and_maintenance_costs_per_unit_of_capacity_unit")
        lo = r.get("annual_operating_and_maintenance_costs_per_unit_of_capacity_amount_lower_limit")
        hi = r.get("annual_operating_and_maintenance_costs_per_unit_of_capacity_amount_upper_limit")
    try:
        amt = float(amt or 0.0)
    except (TypeError, ValueError):
        return None
    if amt <= 0:
        return None
    mu = money_unit(unit)
    if mu is None:
        return "unit", str(unit)
    scale, year = mu

    def num(v):
        try:
            v = float(v or 0.0)
        except (TypeError, ValueError):
            return 0.0
        return v if v > 0 else 0.0
    lo = num(lo) or amt
    hi = num(hi) or amt
    factor, _ = MIDDEN_MONEY_CORRECTIONS.get((tc.id, kind), (1.0, None))
    scale *= factor
    if scale <= 0:
        return None
    return amt * scale, min(lo, amt) * scale, max(hi, amt) * scale, year


def money_correction_note(tc_id, kind):
    """Source note for a corrected MIDDEN money figure, or None."""
    c = MIDDEN_MONEY_CORRECTIONS.get((tc_id, kind))
    if c is None:
        return None
    what = "investment" if kind == "inv" else "O&M"
    return f"{tc_id} {what} x{c[0]:.4g} (unit correction: {c[1]})"


def section_extras(secs):
    """Steam/heat bought or made on site (GJ in), hydrogen produced (GJ), solid/other
    biomass in (GJ), CO2 captured (t) for (row, tc, cap, act) sections."""
    steam_in = h2_out = bio_in = captured = 0.0
    for r, tc, c, a in secs:
        for n, amt, u, cid in tc.inputs:
            nl = n.strip().lower()
            g = amount_gj(amt, u)
            if g is None:
                continue
            if nl.startswith("steam") or nl in ("heat", "hot oil", "residual heat", "steam and hot oil"):
                steam_in += a * g
            elif carrier_of(n) is None and re.search(r"biomass|wood|culms|bio-?oil|biogas|green gas|pellets \(bio", nl):
                bio_in += a * g
        for n, amt, u, cid in tc.outputs:
            nl = n.strip().lower()
            if nl.startswith("hydrogen"):
                g = amount_gj(amt, u)
                if g is None:
                    t = amount_t(amt, u)
                    g = t * 120.0 if t is not None else None
                if g:
                    h2_out += a * g
        if tc.main_name.strip().lower().startswith("carbon dioxide"):
            d, s = unit_kind(tc.main_unit)
            if d == "mass":
                captured += a * s
    return steam_in, h2_out, bio_in, captured


def read_catalogue(path):
    """Sector rows of technologies.csv by (sector, kind): first row of each kind in file
    order (electrify: the `electrify_full` row when the sector has one)."""
    cols, rows = None, {}
    if not path or not os.path.exists(path):
        return OPTION_COLS_FALLBACK, rows
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rd = csv.DictReader(lines)
    cols = [c for c in rd.fieldnames if c != "sector"]
    for r in rd:
        key = (r["sector"], r["kind"])
        if key not in rows or (r["kind"] == "electrify" and r["name"] == "electrify_full"):
            rows[key] = r
    return cols, rows


def alternative_groups(rows):
    """Split one plant's alternative pcd rows into configurations: (config name, rows,
    option-name stem). A generic name ('Alternative', 'Add-on ...') is a menu, one option
    per row; a named configuration is one option unless several of its rows replace the
    same base section (variants, e.g. CO2 transport as gas or liquid): one option per
    variant, each with the configuration's other rows."""
    by = {}
    order = []
    for r in sorted(rows, key=lambda r: r["configuration_id"]):
        c = str(r.get("configuration")).strip()
        if c not in by:
            by[c] = []
            order.append(c)
        by[c].append(r)
    out = []

    def slot(r):
        sub = ",".join(sorted(re.findall(r"TC\d{4}", str(r.get("substitute_for_base_technology") or ""))))
        if not sub and "captur" not in str(r.get("technology") or "").lower():
            return (r["configuration_id"], "")    # added section (e.g. entirely new configuration)
        return (sub, str(r.get("section") or "").strip().lower())

    def variant_suffix(r):
        t = str(r.get("technology") or "").lower()
        if "gaseous" in t:
            return "gaseous"
        if "liquid" in t or "liquef" in t:
            return "liquid"
        return str(r.get("technology_id")).lower()
    for c in order:
        rs = by[c]
        if c.lower() in GENERIC_CONFIGS:
            for r in rs:
                out.append((c, [r], slug(str(r.get("technology") or r["configuration_id"]))))
            continue
        cnt = {}
        for r in rs:
            cnt[slot(r)] = cnt.get(slot(r), 0) + 1
        if all(v == 1 for v in cnt.values()):
            out.append((c, rs, slug(c)))
            continue
        common = [r for r in rs if cnt[slot(r)] == 1]
        for r in rs:
            if cnt[slot(r)] > 1:
                out.append((c, common + [r], slug(c, 40) + "_" + variant_suffix(r)))
    return out


def build_plant_options(out_rows, alt_rows, tcs, catalogue_path, rep):
    """Map every alternative configuration of the written plants to plant_options rows.
    Returns (option rows, report lines)."""
    cols, cat = read_catalogue(catalogue_path)
    quiet = Report()
    rows_out = []
    mapped = []       # (plant, name, kind, pcd ids)
    unmapped = []     # (plant, config, pcd ids, reason)
    clamps = []
    doubtful = []     # above 5x the catalogue's high capex, not explained by a reviewed record
    reviewed = []     # above 5x, explained by MIDDEN_REVIEWED_SCOPE
    corrected_by = {}  # (tc id, 'inv'/'om') -> plants whose options use the corrected figure
    by_plant = {}
    for r in alt_rows:
        by_plant.setdefault(r["plant_id"], []).append(r)
    plants = {r["id"]: r for r in out_rows}
    for pid in sorted(by_plant):
        if pid not in plants:
            for r in by_plant[pid]:
                unmapped.append((pid, str(r.get("configuration")).strip(), r["configuration_id"], "plant not written to plants.csv"))
            continue
        pr = plants[pid]
        pl = pr["_pl"]
        sector = pr["sector"]
        base = pl["info"]["sections"]
        base_tc = {s[1].id for s in base}
        cap_t = float(pr["capacity_t"])
        prod_t = float(pr["production_t"])
        gas_p, feed_p, oth_p = float(pr["gas_gj"]), float(pr["feedstock_gas_gj"]), float(pr["other_fuel_gj"])
        heat_p = gas_p - feed_p + oth_p
        gross_p = float(pr["co2_combustion_t"]) + float(pr["co2_process_t"])
        hs = [float(pr["heat_share_low"]), float(pr["heat_share_mid"]), float(pr["heat_share_high"])]
        used_names = set()
        for cname, grp, stem in alternative_groups(by_plant[pid]):
            ids = ",".join(r["configuration_id"] for r in grp)
            techs = " | ".join(str(r.get("technology") or "") for r in grp)
            kind, why = (None, None) if cname.lower() in GENERIC_CONFIGS else option_rule(cname)
            if kind is None and why is None:
                kind, why = option_rule(techs)
            if kind is None:
                unmapped.append((pid, cname, ids, why or f"no entry of the mapping table matches the configuration or its technologies ({techs[:80]})"))
                continue
            # ---- sections added and base sections removed
            added, notes, est = [], [], []
            removed_tc = set()
            bad = None
            for r in grp:
                tid = r.get("technology_id")
                if tid not in tcs:
                    bad = f"technology {tid} not in tc.json"
                    break
                tc = tcs[tid]
                cap, act, err = section_activity(r, tc, quiet)
                if err:
                    bad = f"{r['configuration_id']}: {err}"
                    break
                if kind == "hydrogen" and tc.main_name.lower().startswith("hydrogen") and "electroly" in str(tc.rec.get("technology", "")).lower():
                    notes.append(f"on-site electrolyser {r['configuration_id']} ({tid}) left out: hydrogen is bought as a carrier")
                    continue
                added.append((r, tc, cap, act))
                comment = str(r.get("configuration_comment") or "").lower()
                subs = set(re.findall(r"TC\d{4}", str(r.get("substitute_for_base_technology") or "")))
                if "entirely new" in comment:
                    removed_tc |= base_tc
                elif subs:
                    removed_tc |= subs & base_tc
                    if subs - base_tc:
                        notes.append(f"substitutes {','.join(sorted(subs - base_tc))} not in the base configuration")
                elif not tc.main_name.lower().startswith("carbon dioxide"):
                    same = {s[1].id for s in base if s[1].main_name.strip().lower() == tc.main_name.strip().lower() and not is_utility(s[1])}
                    if same:
                        removed_tc |= same
                        notes.append(f"{r['configuration_id']} makes the base product of {','.join(sorted(same))}: treated as replacing it")
            if bad:
                unmapped.append((pid, cname, ids, f"units not reconciled: {bad}"))
                continue
            if not base and not (kind == "ccs" and section_extras(added)[3] > 0):
                unmapped.append((pid, cname, ids, "plant has no usable base configuration: effects relative to it cannot be derived"))
                continue
            removed = [s for s in base if s[1].id in removed_tc]
            # ---- money: sections whose technology is not in the base configuration
            capex = [0.0, 0.0, 0.0]
            opex = 0.0
            tc_used, srcs, years, lifes, trls = [], [], set(), [], []
            corrections = []
            unit_bad = None
            for r, tc, cap, act in added:
                if tc.id in base_tc:
                    continue
                if tc.id not in tc_used:
                    tc_used.append(tc.id)
                inv = section_money(tc, "inv")
                om = section_money(tc, "om")
                for what in ("inv", "om"):
                    note = money_correction_note(tc.id, what)
                    if note:
                        corrections.append(note)
                        corrected_by.setdefault((tc.id, what), set()).add(pid)
                for m, what in ((inv, "investment"), (om, "O&M")):
                    if isinstance(m, tuple) and m[0] == "unit":
                        unit_bad = f"{tc.id} {what} unit '{m[1]}' is not a money unit"
                    elif m is not None and m[3] not in EUR2023_FACTOR:
                        unit_bad = f"{tc.id} {what} price year {m[3]} has no EUR2023 factor"
                if unit_bad:
                    break
                if inv is not None:
                    f = EUR2023_FACTOR[inv[3]]
                    years.add(inv[3])
                    for k in range(3):
                        capex[k] += inv[k] * cap * f
                else:
                    notes.append(f"{tc.id} has no investment figure")
                if om is not None:
                    opex += om[0] * cap * EUR2023_FACTOR[om[3]]
                    years.add(om[3])
                try:
                    lt = float(tc.rec.get("technical_lifetime_amount") or 0)
                except (TypeError, ValueError):
                    lt = 0
                if lt > 0:
                    lifes.append(int(round(lt)))
                try:
                    trls.append(int(float(tc.rec.get("trl_value"))))
                except (TypeError, ValueError):
                    pass
                s = tc.rec.get("investment_per_unit_of_capacity_new_source")
                if isinstance(s, str) and s.strip():
                    s = re.sub(r"\s+", " ", s.strip())[:120]
                    if s not in srcs:
                        srcs.append(s)
            if unit_bad:
                unmapped.append((pid, cname, ids, f"units not reconciled: {unit_bad}"))
                continue
            sec_row = cat.get((sector, kind))
            if 0 < capex[0] / cap_t < 0.01:
                unmapped.append((pid, cname, ids, f"units not reconciled: capex {capex[0] / cap_t:.2g} EUR per t/yr is implausibly small (tc money unit EUR where MEUR is meant?)"))
                continue
            if capex[0] <= 0:
                if sec_row is None:
                    unmapped.append((pid, cname, ids, f"no investment figure in the tc records of the changed sections and no {sector} catalogue row of kind {kind} to fall back on"))
                    continue
                capex = [float(sec_row["capex_eur_per_t_yr"]) * cap_t,
                         float(sec_row["capex_low_eur_per_t_yr"] or sec_row["capex_eur_per_t_yr"]) * cap_t,
                         float(sec_row["capex_high_eur_per_t_yr"] or sec_row["capex_eur_per_t_yr"]) * cap_t]
                opex = float(sec_row["fixed_opex_eur_per_t_yr"]) * cap_t
                est.append(f"no investment figure in the tc records of the changed sections: capex and fixed O&M of the sector catalogue row {sector}/{sec_row['name']}")
            # ---- energy and CO2 of removed vs added sections
            eR, fR, cR, pR, _, _, nR = energy_and_co2(sector, removed, quiet, pid) if removed else ({k: 0.0 for k in ("gas", "electricity", "hydrogen", "biomethane", "other_fuel")}, 0.0, 0.0, 0.0, False, 0.0, 0.0)
            eA, fA, cA, pA, _, _, nA = energy_and_co2(sector, added, quiet, pid) if added else ({k: 0.0 for k in ("gas", "electricity", "hydrogen", "biomethane", "other_fuel")}, 0.0, 0.0, 0.0, False, 0.0, 0.0)
            sR, hR, bR, kR = section_extras(removed)
            sA, hA, bA, kA = section_extras(added)
            d_heat = (eR["gas"] - fR + eR["other_fuel"] + sR / OPTION_BOILER_EFF) - (eA["gas"] - fA + eA["other_fuel"] + sA / OPTION_BOILER_EFF)
            d_feed = fR - fA
            d_el = nA - nR
            d_h2 = (eA["hydrogen"] - hA) - (eR["hydrogen"] - hR)
            d_proc = pR - pA
            if d_heat < 0:
                notes.append(f"fuel heat rises by {-d_heat / 1e6:.3f} PJ/yr (not modelled: share 0)")
                d_heat = 0.0
            v = {c: "0" for c in cols}
            v["name"] = ""
            v["kind"] = kind
            share = d_heat / heat_p if heat_p > 0 else 0.0
            if share > 1.001:
                clamps.append(f"{pid} {stem}: fuel-heat share {share:.2f} clamped to 1")
            if share > 1.0:
                share = 1.0
            feed_cut = d_feed / feed_p if feed_p > 0 and d_feed > 0 else 0.0
            if feed_cut > 1.001:
                clamps.append(f"{pid} {stem}: feedstock cut {feed_cut:.2f} clamped to 1")
            if feed_cut > 1.0:
                feed_cut = 1.0
            proc_cut = d_proc / pl["co2p"] if pl.get("co2p") and d_proc > 0 else 0.0
            if proc_cut > 1.0:
                clamps.append(f"{pid} {stem}: process cut {proc_cut:.2f} clamped to 1")
                proc_cut = 1.0
            tr = min(trls) if trls else None
            if sec_row is not None:
                avail = int(sec_row["available_year"])
                lead = int(sec_row["lead_time_y"])
                lr, seed = sec_row["learning_rate"], sec_row["learning_seed_t_yr"]
                timing = f"lead time, learning and available year of the sector catalogue row {sector}/{sec_row['name']}"
            else:
                avail = 2020 if tr is not None and tr >= 9 else 2028 if tr is not None and tr >= 7 else 2035
                lead, lr, seed = 3, "0", "1000000"
                est.append(f"no {sector} catalogue row of kind {kind}: lead time 3 y, no learning; available year from TRL {tr} (>=9: 2020, 7-8: 2028, <=6: 2035)")
                timing = "available year from TRL (ESTIMATE)"
            pcd_year = max(int(r.get("year") or 0) for r in grp)
            if pcd_year > avail:
                avail = pcd_year
                timing += f"; available year raised to the MIDDEN configuration year {pcd_year}"
            years_b = [avail, avail, avail]
            if kind == "electrify":
                erow = cat.get((sector, "electrify"))
                if erow is not None:
                    years_b = [max(avail, int(erow[f"electrify_year_{b}"])) for b in ("low", "mid", "high")]
                elif tr is not None and tr >= 8:
                    years_b = [max(avail, y) for y in (2020, 2030, 2035)]
                tl = techs.lower()
                if re.search(r"heat pump|mvr|recompression|low pressure|hot water", tl):
                    order = [0, 1, 2]
                elif re.search(r"boiler|steam|evaporat|dryer|drying", tl):
                    order = [1, 0, 2]
                else:
                    order = [2, 1, 0]
                left = share   # share of all fuel heat; band b holds hs[b] of it
                bands = [0.0, 0.0, 0.0]
                for b in order:
                    if hs[b] <= 0 or left <= 1e-12:
                        continue
                    take = min(left, hs[b])
                    bands[b] = take / hs[b]
                    left -= take
                if left > 1e-6:
                    clamps.append(f"{pid} {stem}: {left:.3f} of fuel heat beyond the plant's heat bands (sum {sum(hs):.2f}) not moved")
                for b, k in enumerate(("low", "mid", "high")):
                    v[f"electrify_share_{k}"] = fmt_sig(bands[b])
                moved = sum(bands[b] * hs[b] for b in range(3)) * heat_p
                if d_feed > 0.01 * max(feed_p, 1.0) and feed_p > 0:
                    eff = 1.0
                    extra = max(0.0, d_el - moved) / prod_t if prod_t > 0 else 0.0
                    notes.append("feedstock replaced: heat moved 1:1, the rest of the added electricity is extra")
                elif moved > 0 and d_el > 0:
                    eff = moved / d_el
                    extra = 0.0
                else:
                    eff = 1.0
                    extra = max(0.0, d_el) / prod_t if prod_t > 0 else 0.0
                if eff < 0.3 or eff > 7:
                    clamps.append(f"{pid} {stem}: electric efficiency {eff:.2f} clamped to [0.3, 7] (input-format: 3-7 for heat pumps)")
                    eff = min(7.0, max(0.3, eff))
                v["electric_efficiency"] = fmt_sig(eff)
                v["electricity_extra_gj_per_t"] = fmt_sig(extra)
            else:
                v["electric_efficiency"] = "1"
                extra_el = max(0.0, d_el) / prod_t if prod_t > 0 else 0.0
                v["electricity_extra_gj_per_t"] = fmt_sig(extra_el)
            if kind == "hydrogen":
                v["hydrogen_fuel_share"] = fmt_sig(share)
                moved = share * heat_p
                v["hydrogen_feedstock_gj_per_t"] = fmt_sig(max(0.0, d_h2 - moved) / prod_t if prod_t > 0 else 0.0)
                if d_h2 < 0.9 * moved:
                    notes.append(f"hydrogen added {d_h2 / 1e6:.3f} PJ < fuel heat removed {moved / 1e6:.3f} PJ (engine moves heat 1:1)")
            if kind == "bio":
                v["bio_fuel_share"] = fmt_sig(share)
                if bA > 0:
                    notes.append("solid/raw biomass priced as biomethane (engine has one bio carrier)")
            if kind == "ccs":
                captured = kA - kR
                if captured <= 0 and cR > cA:
                    captured = cR - cA
                    # The new sections' lower CO2 is the captured stream itself: counting it
                    # as a process cut as well would remove it twice.
                    proc_cut = 0.0
                    notes.append("captured CO2 = CO2 of the replaced sections minus the new ones (no separate process cut)")
                rate = captured / gross_p if gross_p > 0 else 0.0
                if rate > 1.0:
                    clamps.append(f"{pid} {stem}: capture rate {rate:.2f} clamped to 1")
                    rate = 1.0
                v["capture_rate"] = fmt_sig(max(0.0, rate))
                cap_sec = [s for s in added if s[1].main_name.lower().startswith("carbon dioxide")]
                if cap_sec and captured > 0:
                    el = sum(s[3] * sum((amount_gj(x[1], x[2]) or 0.0) for x in s[1].inputs if carrier_of(x[0]) == "electricity") for s in cap_sec)
                    ht = sum(s[3] * sum((amount_gj(x[1], x[2]) or 0.0) for x in s[1].inputs if carrier_of(x[0]) == "gas" or x[0].strip().lower() in ("heat", "steam") or x[0].strip().lower().startswith("steam")) for s in cap_sec)
                    v["capture_electricity_gj_per_tco2"] = fmt_sig(el / captured)
                    v["capture_heat_gj_per_tco2"] = fmt_sig(ht / captured)
                    v["electricity_extra_gj_per_t"] = "0"
                if rate <= 0:
                    unmapped.append((pid, cname, ids, "capture configuration without a readable captured CO2 amount"))
                    continue
            v["process_cut_share"] = fmt_sig(proc_cut)
            v["feedstock_gas_cut_share"] = fmt_sig(feed_cut)
            for b, k in enumerate(("low", "mid", "high")):
                v[f"electrify_year_{k}"] = str(years_b[b])
            v["capex_eur_per_t_yr"] = fmt_sig(capex[0] / cap_t)
            v["capex_low_eur_per_t_yr"] = fmt_sig(capex[1] / cap_t)
            v["capex_high_eur_per_t_yr"] = fmt_sig(capex[2] / cap_t)
            v["fixed_opex_eur_per_t_yr"] = fmt_sig(opex / cap_t)
            # Raw materials stay with the plant under every option kind mapped here, so the
            # option carries the variable cost of the sector's catalogue row of its kind (or of
            # the keep row): MIDDEN's tc records price equipment and energy, not ore or alumina.
            var_row = sec_row if sec_row is not None else cat.get((sector, "keep"))
            var_opex = float(var_row["var_opex_eur_per_t"]) if var_row is not None else 0.0
            v["var_opex_eur_per_t"] = fmt_sig(var_opex)
            if var_opex > 0:
                notes.append(f"var_opex {fmt_sig(var_opex)} EUR/t = raw materials of the catalogue row {sector}/{var_row['name']}")
            v["import_share"] = "0"
            life = max(lifes) if lifes else (int(sec_row["lifetime_y"]) if sec_row else 25)
            if not lifes:
                est.append("no technical lifetime in the tc records: sector catalogue row's (or 25 y)")
            v["lifetime_y"] = str(min(100, max(1, life)))
            v["lead_time_y"] = str(lead)
            v["available_year"] = str(avail)
            v["learning_rate"] = str(lr)
            v["learning_seed_t_yr"] = str(seed)
            name = "midden_" + stem
            k = 2
            while name in used_names:
                name = f"midden_{stem}_{k}"
                k += 1
            used_names.add(name)
            v["name"] = name
            fac = ", ".join(f"EUR{y}->2023 x{EUR2023_FACTOR[y]:.3f}" for y in sorted(years))
            src = (f"MIDDEN v3 pcd {ids} ('{cname}'); tc {','.join(tc_used) or '-'}"
                   + (f" ({'; '.join(srcs)})" if srcs else "") + (f"; {fac}" if fac else "")
                   + f"; mapping: {why}; effects = MIDDEN sections added vs base sections replaced"
                   + (f" ({','.join(sorted(removed_tc))})" if removed_tc else " (add-on)")
                   + f", relative to the plant's base profile; {timing}")
            if corrections:
                src += "; corrected: " + "; ".join(corrections)
            if notes:
                src += "; notes: " + "; ".join(notes)
            est_all = list(est)
            if years & FACTOR_ESTIMATE_YEARS:
                est_all.append("HICP factor for " + ",".join(str(y) for y in sorted(years & FACTOR_ESTIMATE_YEARS)))
            if sR > 0 or sA > 0:
                est_all.append(f"steam/heat inputs counted as fuel at boiler efficiency {OPTION_BOILER_EFF}")
            if est_all:
                src += "; ESTIMATE: " + "; ".join(est_all)
            v["source"] = src
            v["plant"] = pid
            if sec_row is not None and capex[0] / cap_t > 5 * float(sec_row["capex_high_eur_per_t_yr"] or sec_row["capex_eur_per_t_yr"]):
                line = f"{pid} {name}: capex {capex[0] / cap_t:.0f} EUR per t/yr > 5x the high capex of {sector}/{sec_row['name']} ({sec_row['capex_high_eur_per_t_yr']})"
                why_kept = [f"{t}: {MIDDEN_REVIEWED_SCOPE[t]}" for t in tc_used if t in MIDDEN_REVIEWED_SCOPE]
                if why_kept:
                    reviewed.append(f"{line}; kept: {'; '.join(why_kept)}")
                else:
                    doubtful.append(line)
            rows_out.append(v)
            mapped.append((pid, name, kind, ids))
    rows_out.sort(key=lambda v: (v["plant"], v["name"]))
    L = ["", "Plant options (plant_options.csv): MIDDEN alternative configurations of current plants",
         "-" * 60]
    L.append(f"alternative pcd rows: {len(alt_rows)}; configurations mapped: {len(mapped)}; configurations not mapped: {len(unmapped)}")
    for k in OPTION_KINDS:
        L.append(f"  mapped {k:10s} {sum(1 for m in mapped if m[2] == k):4d}")
    reasons = {}
    for u in unmapped:
        key = u[3] if not u[3].startswith(("units not reconciled", "no entry of the mapping")) else u[3].split(":")[0]
        reasons[key] = reasons.get(key, 0) + 1
    L.append("Not mapped, by reason:")
    for k2 in sorted(reasons, key=lambda x: (-reasons[x], x)):
        L.append(f"  {reasons[k2]:4d}  {k2}")
    L.append("Mapped configurations:")
    for pid, name, kind, ids in sorted(mapped):
        L.append(f"  [mapped] {pid} {name} ({kind}): pcd {ids}")
    L.append("Configurations not mapped (each with its reason):")
    for pid, cname, ids, reason in sorted(unmapped):
        L.append(f"  [not mapped] {pid} '{cname}' (pcd {ids}): {reason}")
    L.append("Clamped shares and rates:")
    for c in clamps:
        L.append("  " + c)
    L.append("Unit corrections of MIDDEN money figures (evidence from each tc record's own comment):")
    for (tid, what), (factor, why) in sorted(MIDDEN_MONEY_CORRECTIONS.items()):
        users = sorted(corrected_by.get((tid, what), ()))
        L.append(f"  {tid} {'investment' if what == 'inv' else 'O&M'} x{factor:.4g}: {why}; used by {', '.join(users) or 'no mapped option'}")
    L.append("Reviewed (capex above 5x the sector catalogue's high value, kept: MIDDEN prices a larger scope):")
    for c in reviewed:
        L.append("  " + c)
    L.append(f"Doubtful (above 5x the sector catalogue's high capex and not reviewed): {len(doubtful)}")
    for c in doubtful:
        L.append("  " + c)
    return ["plant"] + cols, rows_out, L, {t for r in rows_out for t in re.findall(r"TC\d{4}", r["source"].split(";")[1])}


def write_csv(path, cols, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    for r in rows:
        w.writerow([r[c] for c in cols])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_nea(path, rows):
    tot = {c: [0.0, 0] for c in CLUSTER_ORDER}
    for r in rows:
        tot[r["cluster"]][0] += r["_nea"]
        tot[r["cluster"]][1] += 1
    out = []
    for c in CLUSTER_ORDER:
        out.append({"cluster": c, "co2_t": fmt(tot[c][0], 0), "plants": str(tot[c][1]),
                    "source": f"{MIDDEN_CITE} midden.json field 2020_nea_emissions_[tCO2e], sum over current plants (in_current_database == 1) with cluster_name mapped to {c}; '-' counted as 0"})
    out.append({"cluster": "national", "co2_t": fmt(sum(v[0] for v in tot.values()), 0),
                "plants": str(sum(v[1] for v in tot.values())),
                "source": f"{MIDDEN_CITE} midden.json: sum over all 205 current plants (NEa 2020 verified emissions)"})
    write_csv(path, ["cluster", "co2_t", "plants", "source"], out)


def commodity_value(name):
    n = name.lower()
    for k in sorted(COMMODITY_VALUE_EUR_PER_T, key=len, reverse=True):
        if k in n:
            return COMMODITY_VALUE_EUR_PER_T[k], k
    return 500, None


def edge_coupling(product):
    """`fuel_gas` for a steelworks' process gases burnt by the customer (blast-furnace,
    basic-oxygen and coke-oven gas: a by-product that exists only while the supplier's
    route makes it, docs/ODD.md §7.9); `material` for every other product."""
    return "fuel_gas" if re.search(r"process gases|\bBFG\b|\bCOG\b", product) else "material"


def build_edges(src, rows, tcs, cd, rep):
    byid = {r["id"]: r for r in rows}
    edges = {}
    ref_status = []

    def add(s, c, product, share, benefit, source):
        if s == c or s not in byid or c not in byid:
            return False
        key = (s, c)
        if key in edges:
            if not edges[key]["source"].startswith("value_chain_edges.csv") and "value_chain_edges" in source:
                e = edges[key]
                e["source"] = source.split("; offtake/benefit")[0] + "; offtake and benefit derived: " + e["source"][len("ESTIMATE: "):] if e["source"].startswith("ESTIMATE: ") else e["source"]
                e["product"] = product
                e["coupling"] = edge_coupling(product)
                return True
            return False
        edges[key] = {"supplier": s, "customer": c, "product": product, "coupling": edge_coupling(product),
                      "offtake_share": fmt(max(0.0, min(1.0, share)), 3),
                      "integration_benefit_eur_per_t": fmt(benefit, 2), "source": source}
        return True

    # --- derived from commodity matching (same cluster)
    outputs = {}   # commodity id -> list of (plant, name, t/yr)
    inputs = {}
    for r in rows:
        for sec in r["_pl"]["info"]["sections"]:
            row, tc, cap, act = sec
            for n, amt, u, cid in tc.outputs:
                t = amount_t(amt, u)
                if t is None or cid in ("0", "", "None") or t <= 0:
                    continue
                if any(w in n.lower() for w in EXCLUDED_EDGE_COMMODITY_WORDS):
                    continue
                outputs.setdefault(cid, {}).setdefault(r["id"], [n, 0.0])
                outputs[cid][r["id"]][1] += act * t
            for n, amt, u, cid in tc.inputs:
                t = amount_t(amt, u)
                if t is None or cid in ("0", "", "None") or t <= 0:
                    continue
                if any(w in n.lower() for w in EXCLUDED_EDGE_COMMODITY_WORDS):
                    continue
                inputs.setdefault(cid, {}).setdefault(r["id"], [n, 0.0])
                inputs[cid][r["id"]][1] += act * t
    derived = 0

    def avail_of(cid, s):
        return max(0.0, outputs[cid][s][1] - inputs.get(cid, {}).get(s, [None, 0.0])[1])

    def top_suppliers(cid, c):
        """At most two suppliers per customer and commodity: the same-cluster plants
        with the largest surplus of it."""
        sup = [x for x in outputs[cid] if x != c and byid[x]["cluster"] == byid[c]["cluster"]
               and avail_of(cid, x) > 0.05 * outputs[cid][x][1]]
        sup.sort(key=lambda x: (-avail_of(cid, x), x))
        return sup[:2]
    for cid in sorted(outputs):
        if cid not in inputs:
            continue
        for s in sorted(outputs[cid]):
            sname, s_t = outputs[cid][s]
            # customers in the same cluster that do not make the commodity themselves
            # (an intermediate a plant makes and uses itself is not traded)
            cands = [c for c in sorted(inputs[cid]) if c != s and byid[c]["cluster"] == byid[s]["cluster"]
                     and byid[c]["_pl"]["info"]["pcd_ids"] and c not in outputs[cid]
                     and s in top_suppliers(cid, c)]
            # the supplier's own internal use comes first
            own = inputs[cid].get(s, [None, 0.0])[1]
            avail = max(0.0, s_t - own)
            if avail <= 0.05 * s_t or not cands:
                continue
            demand = sum(inputs[cid][c][1] for c in cands)
            for c in cands:
                if (s, c) in edges:
                    continue
                cname, c_t = inputs[cid][c]
                # the customer's demand is split over its (at most two) suppliers by surplus
                tops = top_suppliers(cid, c)
                c_t = c_t * avail / sum(avail_of(cid, x) for x in tops)
                share = min(c_t, avail * c_t / demand if demand > avail else c_t) / s_t
                val, key = commodity_value(cd.get(cid, sname))
                cprod = byid[c]["_prod"]
                ben = BENEFIT_SHARE * val * c_t / cprod if cprod > 0 else 0.0
                commodity = cd.get(cid, sname)
                why = (f"ESTIMATE: derived from MIDDEN base configurations: {s} outputs '{sname}' ({cid} {commodity}), "
                       f"{c} inputs '{cname}', same cluster; offtake = customer demand {c_t / 1000:.0f} kt / supplier output {s_t / 1000:.0f} kt "
                       f"(net of supplier's own use, shared pro rata); benefit = {BENEFIT_SHARE:.0%} of input value "
                       f"(EUR {val}/t {key or 'default'}, ESTIMATE) x {c_t / cprod if cprod else 0:.3f} t input per t product: avoided terminal, shipping and import margin")
                if add(s, c, commodity, share, ben, why):
                    derived += 1
    # --- reference links
    ref_path = None
    for cand in (os.path.join(src, "value_chain_edges.csv"), os.path.join(src, "..", "value_chain_edges.csv")):
        if os.path.exists(cand):
            ref_path = cand
            break
    if ref_path is None:
        rep.note("value_chain_edges.csv not found next to the MIDDEN files: no reference links mapped")
        refs = []
    else:
        with open(ref_path, encoding="utf-8") as f:
            refs = list(csv.DictReader(f))
    ref_benefit = ref_edge_parameters()
    for i, ref in enumerate(refs, start=2):
        s_id, c_id = ref["supplier_id"], ref["customer_id"]
        tag = f"line {i}: {s_id} -> {c_id}"
        if s_id == c_id:
            if s_id in REF_INTERNAL:
                sup, cus, product = REF_INTERNAL[s_id]
                made = 0
                for s in sup:
                    for c in cus:
                        share, ben, why = ref_benefit.get((s_id, c_id), (0.5 / len(cus), 20.0, "ESTIMATE: half of the supplier's output split evenly over the internal customers, EUR 20/t"))
                        if add(s, c, product, share, ben,
                               f"value_chain_edges.csv ({ref['source']}); internal link resolved to MIDDEN installations; offtake/benefit {why}"):
                            made += 1
                ref_status.append((tag, f"mapped to {made} edges between MIDDEN installations {','.join(sup)} -> {','.join(cus)}"))
            else:
                ref_status.append((tag, "not mapped: internal integration within one MIDDEN installation (self-edge)"))
                rep.skip("value_chain_edge", tag, "self-link within one installation")
            continue
        sup = REF_SUPPLIER_PLANTS.get(s_id, REF_NODE_TO_PLANTS.get(s_id))
        cus = REF_NODE_TO_PLANTS.get(c_id)
        if not sup or not cus:
            which = []
            if not sup:
                which.append(f"supplier '{s_id}'")
            if not cus:
                which.append(f"customer '{c_id}'")
            reason = " and ".join(which) + " not a MIDDEN current plant (infrastructure, market, foreign or non-ETS node)"
            ref_status.append((tag, "not mapped: " + reason))
            rep.skip("value_chain_edge", tag, reason)
            continue
        share, ben, why = ref_benefit.get((s_id, c_id), (0.2, 10.0, "ESTIMATE: default 20 % offtake, EUR 10/t"))
        made = 0
        for s in sup:
            for c in cus:
                if add(s, c, ref["product"], share / len(cus), ben,
                       f"value_chain_edges.csv ({ref['source']}); {ref['volume_note']}; offtake/benefit {why}"):
                    made += 1
        ref_status.append((tag, f"mapped to {made} edge(s) {','.join(sup)} -> {','.join(cus)}"))

    # offtake shares of one supplier may not add up to more than its output
    tot = {}
    for (s, c), e in edges.items():
        tot[s] = tot.get(s, 0.0) + float(e["offtake_share"])
    for (s, c), e in sorted(edges.items()):
        if tot[s] > 1.0:
            e["offtake_share"] = fmt(float(e["offtake_share"]) / tot[s] * 0.999, 3)
            e["source"] += f"; offtake share scaled by 1/{tot[s]:.2f} so the supplier's shares sum to <= 1"
    for s in sorted(tot):
        if tot[s] > 1.0:
            rep.note(f"edges: offtake shares of supplier {s} summed to {tot[s]:.2f}; scaled to <= 1")
    rep.note(f"{derived} edges derived from output->input commodity matches in the same cluster")
    return [edges[k] for k in sorted(edges)], ref_status


def ref_edge_parameters():
    """Offtake share and integration benefit for the reference links (per supplier id
    pair), with the reasoning. EUR2023 per t of the customer's product."""
    return {
        ("tata_steel", "vattenfall_velsen_ijmond"): (0.9, 15.0, "ESTIMATE: nearly all surplus process gas goes to Vattenfall (nu.nl); benefit EUR 15/MWh = ~2 MWh fuel per MWh at a process-gas price ~25 % below natural gas"),
        ("tata_steel", "enci_ijmuiden"): (1.0, 3.0, "ESTIMATE: all ENCI IJmuiden slag from the co-located steelworks; benefit ~10 % of slag value (EUR 30/t) x 0.7 t slag per t cement, rounded"),
        ("vattenfall_velsen_ijmond", "tata_steel"): (0.3, 2.0, "ESTIMATE: part of output returns to the steelworks; benefit EUR 2/t steel (avoided grid costs on ~0.3 MWh/t)"),
        ("dow_terneuzen", "yara_sluiskil"): (0.05, 0.6, "ESTIMATE: >4 kt H2/yr of Dow by-product H2 (processcontrol.nl) is a small share of cracker output; saves Yara 0.15 PJ gas/yr (~EUR 1.4 m at EUR 9/GJ) over ~1.8 Mt NH3 = ~EUR 0.6/t"),
        ("elsta_chp", "dow_terneuzen"): (0.9, 10.0, "ESTIMATE: ELSTA (660 MWth) is Dow's site utility; benefit EUR 10/t ethylene from integrated VHP steam vs stand-alone boilers"),
        ("sabic_geleen", "anqore"): (0.1, 15.0, "ESTIMATE"),
        ("oci_geleen", "anqore"): (0.05, 10.0, "ESTIMATE"),
        ("sitech_swentibold", "sabic_geleen"): (0.6, 10.0, "ESTIMATE: Swentibold supplies Chemelot steam/power; SABIC the largest user; benefit EUR 10/t ethylene"),
        ("sitech_swentibold", "oci_geleen"): (0.3, 5.0, "ESTIMATE: shared site utility; benefit EUR 5/t NH3"),
        ("shell_pernis", "shell_moerdijk"): (0.1, 15.0, "ESTIMATE: Moerdijk needs ~2.4 Mt naphtha/yr; Pernis share ESTIMATE ~2 Mt of ~17 Mt products; benefit ~2.5 % of naphtha value (EUR 650/t) x 1.3 t/t HVC, rounded"),
        ("pergen_chp", "shell_pernis"): (0.9, 3.0, "ESTIMATE: co-located CHP supplying Pernis; benefit EUR 3/t crude processed"),
        ("air_products_botlek", "exxon_refinery"): (0.5, 2.0, "ESTIMATE: long-term H2 supply (prnewswire 2023-11-06); ~50 kt H2 of 106 kt capacity; benefit 5 % of H2 value x ~0.003 t H2 per t crude ~ EUR 0.3/t, plus avoided own SMR capex: EUR 2/t crude"),
        ("exxon_refinery", "air_products_botlek"): (0.2, 20.0, "ESTIMATE: refinery CO2 to AP capture unit (prnewswire 2023-11-06); benefit for AP per t H2 from shared capture/Porthos access"),
        ("air_liquide_boz", "sabic_boz"): (0.9, 8.0, "ESTIMATE: CO for phosgene 'supplied by Air Liquide' (MIDDEN pcd SABIC BoZ); benefit 5 % of CO value (EUR 300/t) x 0.5 t CO per t polycarbonate"),
        ("nobian_hengelo", "nobian_botlek"): (0.5, 1.0, "ESTIMATE: salt shipped to Botlek brine preparation; benefit ~2 % of salt value x 1.7 t salt per t chlorine"),
        ("nobian_delfzijl", "nobian_botlek"): (0.2, 1.0, "ESTIMATE: see Hengelo; smaller share"),
        ("nobian_botlek", "shin_etsu_botlek"): (0.6, 15.0, "ESTIMATE: Botlek chlorine 800 kt/yr; chlorine is not transported in bulk in NL since 2006, so Shin-Etsu's EDC/VCM depends on on-site supply; benefit 5 % of chlorine value x ~0.6 t Cl2 per t VCM + avoided transport risk"),
        ("delesto_chp", "nobian_delfzijl"): (0.8, 5.0, "ESTIMATE: Delesto CHP supplies LP steam for salt evaporation; benefit EUR 5/t salt vs own boilers"),
        ("zeeland_refinery", "dow_terneuzen"): (0.1, 10.0, "ESTIMATE: regional naphtha/LPG supply not verified; benefit ~1.5 % of naphtha value x 2.1 t per t ethylene"),
    }


INFRASTRUCTURE_TOML = '''# Cluster infrastructure for eiisim (see docs/input-format.md and docs/dataset.md).
# Written by tools/import_midden.py from the sourced facts in shared/reference/facts.md §3.
# grid_headroom_mw: cumulative NEW industrial electric load (MW) the grid can connect in the
# cluster, linearly interpolated between the years given. Figures not in a source are ESTIMATE.

[clusters.rotterdam_moerdijk]
name = "Rotterdam/Moerdijk"
grid_headroom_mw = { 2020 = 300, 2022 = 570, 2026 = 700, 2029 = 2000, 2035 = 4500, 2040 = 6000 }
co2_connection_year = 2026
h2_connection_year = 2026
source = "Grid: Nov-2022 >1,800 MW of requests vs 570 MW available, extra demand to 2030 ~6 GW; three Simonshaven transformers 2027-2029 (nt.nl 2022-11-22; stadszaken.nl); ESTIMATE: 570 MW in 2022 rising to ~2 GW after Simonshaven (2029) and towards the ~6 GW requested by 2040; 2020 value 300 MW ESTIMATE. CO2: Porthos operational 2026, 2.5 Mt/yr (porthosco2.nl FAQ; nl.taqa.com). H2: Hynetwork Rotterdam section by 2026 (westerwoldeactueel.nl 2024-12-10)"

[clusters.zeeland_west_brabant]
name = "Zeeland/West-Brabant"
grid_headroom_mw = { 2020 = 150, 2023 = 425, 2028 = 425, 2029 = 600, 2035 = 3500 }
co2_connection_year = 2030
h2_connection_year = 2030
source = "Grid: Zeeland full for large users since Jul-2023; waitlist 150 firms / 715 MW of which 425 MW connectable; 3.5 GW of requests; >EUR 1 bn reinforcement complete 2033-2035, waitlist cleared stepwise 2029-2035 (tweakers.net; volkskrant 2023-07; nieuws.nl 2024-06-10); ESTIMATE path: 425 MW connectable held to 2028, full 3.5 GW by 2035. CO2: Aramis trunkline operational 2030 (aramis-ccs.com; worldenergynews.com Apr-2025); Yara's own Northern Lights shipping from 2026 is in the national storage path. H2: coastal clusters incl. Zeeland-Belgium link in/before 2030 (westerwoldeactueel.nl 2024-12-10)"

[clusters.noordzeekanaalgebied]
name = "Noordzeekanaalgebied"
grid_headroom_mw = { 2020 = 100, 2025 = 150, 2030 = 600, 2035 = 1500 }
co2_connection_year = 2030
h2_connection_year = 2030
source = "Grid: NZKG / Noord-Holland congested (facts.md §3; BP2026 MvT: congestion can push new electrification to the early 2030s, rijksfinancien.nl); ESTIMATE path: small headroom until 2025, ~600 MW by 2030 (enough for one EAF at Tata), 1.5 GW by 2035. CO2: Aramis 2030 (ESTIMATE: NZKG CO2 via pipeline/ship to the Rotterdam hub; AEB plans capture via pipeline to Rotterdam ~2028, parool.nl 2022-12). H2: coastal clusters in/before 2030 (westerwoldeactueel.nl 2024-12-10)"

[clusters.noord_nederland]
name = "Noord-Nederland"
grid_headroom_mw = { 2020 = 200, 2030 = 800, 2035 = 1500 }
co2_connection_year = 2035
h2_connection_year = 2030
source = "Grid: ESTIMATE - no offtake congestion figure in facts.md; Groningen/Eemshaven has large renewable feed-in, assumed moderate offtake headroom growing to 1.5 GW by 2035. CO2: ESTIMATE 2035 - no CO2 trunkline planned for Delfzijl/Eemshaven; shipping to Aramis/Northern Lights assumed after the coastal hubs. H2: Noord-NL incl. HyStock storage in/before 2030 (westerwoldeactueel.nl 2024-12-10)"

[clusters.chemelot]
name = "Chemelot"
grid_headroom_mw = { 2020 = 50, 2023 = 50, 2030 = 300, 2035 = 1000 }
co2_connection_year = 2033
h2_connection_year = 2032
source = "Grid: Brabant/Limburg connection stops for large users Jun-2022 and Jun-2023 (volkskrant 2023-06); BP2026 MvT: new electrification pushed to the early 2030s (rijksfinancien.nl); ESTIMATE path: 50 MW until 2023, 300 MW by 2030, 1 GW by 2035. CO2: Delta Rhine Corridor CO2 pipe by 2033 at the latest (swzmaritime.nl 2024-12-10; h2-news.de). H2: DRC hydrogen pipe 2031-2032 (same sources); 2032 used"

[clusters.cluster6]
name = "Cluster 6 (dispersed)"
grid_headroom_mw = { 2020 = 100, 2030 = 500, 2035 = 1200 }
co2_connection_year = 2040
h2_connection_year = 2035
source = "Grid: about a third of the 100 largest emitters are in full-grid areas (Investico/Trouw); ESTIMATE path for ~330 dispersed sites: 100 MW new load until 2020s, 500 MW by 2030, 1.2 GW by 2035. CO2: ESTIMATE 2040 - no pipeline planned for dispersed sites; transport by truck/ship only after the cluster hubs. H2: ESTIMATE 2035 - backbone complete by 2033 (was 2030; welingelichtekringen.nl 2025-01) plus two years for regional distribution"

[national]
co2_storage_mt = { 2020 = 0, 2025 = 0, 2026 = 3.3, 2029 = 3.3, 2030 = 25.3, 2050 = 25.3 }
hydrogen_supply_pj = { 2020 = 0, 2025 = 0.5, 2026 = 3, 2028 = 8, 2030 = 20, 2035 = 70, 2040 = 140, 2050 = 250 }
biomethane_supply_pj = { 2020 = 0, 2022 = 1, 2025 = 3, 2030 = 10, 2040 = 25, 2050 = 40 }
source = "CO2 storage: Porthos 2.5 Mt/yr from 2026 for 15 years, fully contracted (porthosco2.nl FAQ); Northern Lights phase 1 with Yara Sluiskil 0.8 Mt/yr from 2026 (norlights.com 2023-11-20); Aramis +22 Mt/yr from 2030, FID expected 2026 (aramis-ccs.com 2023-12-04; worldenergynews.com Apr-2025); ESTIMATE: total held at 25.3 Mt/yr to 2050, later fields assumed to replace Porthos after ~2041. Hydrogen supply for industry (new low-carbon H2, not the existing grey SMR output): ESTIMATE ramp - Holland Hydrogen 1 (200 MW, ~2.4 PJ) and H2ermes (100 MW) ~2026 (nrc.nl 2022-07-06; mraduurzaam.nl), ELYgator 23 kt (~2.8 PJ) end-2027 (duurzaam-ondernemen.nl 2025-07), Air Liquide/TotalEnergies Zeeland 30 kt (~3.6 PJ) 2029 (gasworld.com) -> ~8 PJ in 2028; 20 PJ in 2030 incl. first imports; backbone complete 2033 and an ammonia cracker of ~1 Mt H2/yr (~120 PJ) judged feasible (Fluor study for PoR, a-eco.ae) -> 140 PJ by 2040, 250 PJ by 2050 (1 kg H2 = 0.12 GJ LHV); Biomethane for industry beyond the plants' base-year use (GJ of new demand, like hydrogen): NL produced 0.2 bcm of green gas in 2022 (loyensloeff.com, green-gas obligation) = 2.25 TWh (netbeheerders via agro-chemie.nl), against a 2 bcm (about 63 PJ) target for 2030 (Programma Groen Gas) of which the blending obligation steers 1.6 bcm to the built environment; growth is lagging (Platform Groen Gas 2023). ESTIMATE: 3 PJ in 2025, 10 PJ in 2030 (the 0.4 bcm not earmarked for buildings, less the lag), 25 PJ in 2040 and 40 PJ in 2050 with gasification and EU biomethane trade"
'''


def write_report(path, rep, rows, edges, ref_status, n_midden, n_current, n_base, n_alt,
                 used_tc, n_tc, n_pcd, opt_lines=(), opt_tc=()):
    L = []
    L.append("MIDDEN import report (tools/import_midden.py)")
    L.append("=" * 60)
    L.append(f"midden.json plants: {n_midden}; current (in_current_database == 1): {n_current}; plants written: {len(rows)}")
    with_cfg = sum(1 for r in rows if r["_pl"]["info"]["pcd_ids"])
    L.append(f"plants with a usable base configuration: {with_cfg}; without (ESTIMATE from emissions): {len(rows) - with_cfg}")
    mapped_pcd = sum(len(r["_pl"]["info"]["pcd_ids"]) for r in rows)
    L.append(f"pcd.json rows: {n_pcd}; base-configuration rows of current plants: {n_base}; mapped: {mapped_pcd}; "
             f"alternative-configuration rows of current plants (mapped to plant options, see 'Plant options' below): {n_alt}")
    L.append(f"tc.json records: {n_tc}; used by mapped base configurations: {len(used_tc)}; used by mapped plant options only: {len(set(opt_tc) - set(used_tc))}; the others belong to unmapped alternatives or no current plant")
    L.append("")
    L.append("Sectors (plants, NEa 2020 t CO2):")
    secs = {}
    for r in rows:
        s = secs.setdefault(r["sector"], [0, 0.0])
        s[0] += 1
        s[1] += r["_nea"]
    for s in SECTORS:
        if s in secs:
            L.append(f"  {s:22s} {secs[s][0]:4d} {secs[s][1]:14,.0f}")
    L.append("")
    L.append("Clusters (plants, NEa 2020 t CO2, combustion, process):")
    for c in CLUSTER_ORDER:
        rs = [r for r in rows if r["cluster"] == c]
        L.append(f"  {c:22s} {len(rs):4d} {sum(r['_nea'] for r in rs):14,.0f} {sum(float(r['co2_combustion_t']) for r in rs):14,.0f} {sum(float(r['co2_process_t']) for r in rs):14,.0f}")
    L.append(f"  {'national':22s} {len(rows):4d} {sum(r['_nea'] for r in rows):14,.0f}")
    L.append("")
    L.append("Sector exceptions (NACE code overridden from the base configuration's technology):")
    for r in rows:
        reason = r["_pl"]["sector_reason"]
        if reason.startswith("exception"):
            L.append(f"  {r['id']} {r['name']}: {r['sector']} ({reason})")
    L.append("")
    L.append(f"Edges written: {len(edges)}")
    L.append("Reference links (value_chain_edges.csv):")
    for tag, st in ref_status:
        L.append(f"  {tag}: {st}")
    L.append("")
    L.append("Records not mapped (each with its reason):")
    for kind, rid, reason in sorted(rep.unmapped):
        L.append(f"  [{kind}] {rid}: {reason}")
    L.append("")
    L.append("Notes (zero or missing emissions, unit fixes, estimates):")
    for n in rep.notes:
        L.append("  " + n)
    L.append("")
    L.append("Sanity check: implied combustion emission factor outside 30-120 kg CO2/GJ fuel (gas - feedstock + other fuel):")
    for o in rep.outliers:
        L.append("  " + o)
    L.extend(opt_lines)
    L.append("")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", required=True, help="folder with the MIDDEN JSON files")
    ap.add_argument("--out", required=True, help="output dataset folder (e.g. clusters/nl/)")
    ap.add_argument("--catalogue", default=None,
                    help="sector technology catalogue for plant-option timing/learning (default: OUT/technologies.csv, else clusters/nl/technologies.csv)")
    a = ap.parse_args(argv)
    rows, edges = importer(a.src, a.out, a.catalogue)
    print(f"wrote {len(rows)} plants, {len(edges)} edges to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
