"""Units of MIDDEN amounts and money: mass, energy, power, volume, and price years.

MIDDEN states every amount with a free-text unit ('kt', 'TJ', 'MWth', 'MEUR2017'); the
importer works in t, GJ and EUR2023. Price years are converted with the euro-area HICP of
tables/hicp.csv.
"""
import functools
import re

from . import tables

ENERGY_GJ = {"mj": 1e-3, "gj": 1.0, "tj": 1e3, "pj": 1e6}
MASS_T = {"kg": 1e-3, "tonne": 1.0, "tonnes": 1.0, "ton": 1.0, "t": 1.0, "kt": 1e3,
          "mt": 1e6}
MWH_PER_GJ = 1.0 / 3.6
HYDROGEN_LHV_GJ_PER_T = 120.0     # hydrogen given in mass units is counted at its LHV
PRICE_YEAR = 2023                 # every money figure written is EUR2023


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


def amount_gj(amount, unit):
    """An energy amount in GJ, or None when the unit is not an energy unit."""
    d, s = unit_kind(unit)
    if d == "energy":
        return amount * s
    return None


def amount_t(amount, unit):
    """A mass amount in t, or None when the unit is not a mass unit."""
    d, s = unit_kind(unit)
    if d == "mass":
        return amount * s
    return None


def hydrogen_gj(amount, unit, name=""):
    """Hydrogen in GJ: energy units as they are, mass units at the LHV of the hydrogen
    they hold; else None. A stream named with a percentage, as MIDDEN's chlor-alkali
    'Hydrogen (27%)' (the wet cell gas: 3.7 kt of it per kt of hydrogen, tc TC0286), holds
    that share of its mass as hydrogen."""
    g = amount_gj(amount, unit)
    if g is None:
        t = amount_t(amount, unit)
        g = t * HYDROGEN_LHV_GJ_PER_T * hydrogen_mass_share(name) if t is not None else None
    return g


def hydrogen_mass_share(name):
    """Mass share of hydrogen in a stream named e.g. 'Hydrogen (27%)'; 1 otherwise."""
    m = re.search(r"\((\d+(?:\.\d+)?)\s*%\)", str(name or ""))
    return float(m.group(1)) / 100.0 if m else 1.0


def money_unit(unit):
    """'MEUR2017' -> (1e6, 2017); None when not a money unit."""
    m = re.match(r"^\s*(M|k)?EUR\s*(\d{4})\s*$", str(unit or ""))
    if not m:
        return None
    return {"M": 1e6, "k": 1e3, None: 1.0}[m.group(1)], int(m.group(2))


@functools.cache
def eur2023_factors():
    """Price year -> factor to EUR2023 (HICP 2023 / HICP of the year)."""
    hicp = tables.load().hicp
    return {y: hicp[PRICE_YEAR] / v for y, v in hicp.items()}
