"""The sector of a plant: by NACE code, with named exceptions from its base configuration.

The rules are data (tables/sector_nace.csv, tables/sector_exceptions.csv); the checks an
exception can name are the functions in TESTS. docs/dataset.md "Sector mapping rule".
"""
import functools

from . import tables
from .sections import is_utility


def _names(tcs):
    """Lower-case main-output names of the base configuration's technologies."""
    return [t.main_name.lower() for t in tcs]


def utilities_only(tcs):
    """Every section is a utility (CHP/boilers supplying steam or power to a site)."""
    return bool(tcs) and all(is_utility(t) for t in tcs)


def makes_hydrogen(tcs):
    """A section makes hydrogen (SMR/ATR)."""
    return any(n.startswith("hydrogen") for n in _names(tcs))


def steam_cracker(tcs):
    """A section is a steam cracker (ethylene / HVC main output)."""
    return any(n in ("ethylene", "high value chemical (hvc)") for n in _names(tcs))


def methanol_synthesis(tcs):
    """A section makes methanol."""
    return any(n == "methanol" for n in _names(tcs))


def salt_only(tcs):
    """Every section makes salt or brine, or is a utility."""
    return bool(tcs) and all("salt" in t.main_name.lower() or "brine" in t.main_name.lower()
                             or is_utility(t) for t in tcs)


def stone_wool(tcs):
    """Stone-wool melting: "wool" in a main output or technology name."""
    text = " | ".join(t.main_name.lower() + " " + str(t.rec.get("technology") or "").lower() for t in tcs)
    return "wool" in text


def _makes_without_ammonia(tcs, product):
    """A section makes `product` and none makes ammonia: a downstream nitrogen unit."""
    names = _names(tcs)
    return product in names and "ammonia" not in names


def nitric_acid_unit(tcs):
    """A section makes nitric acid and none makes ammonia (it buys its ammonia)."""
    return _makes_without_ammonia(tcs, "nitric acid")


def urea_unit(tcs):
    """A section makes urea and none makes ammonia (it buys its ammonia and CO2)."""
    return _makes_without_ammonia(tcs, "urea")


TESTS = {f.__name__: f for f in (utilities_only, makes_hydrogen, steam_cracker,
                                 methanol_synthesis, salt_only, stone_wool,
                                 nitric_acid_unit, urea_unit)}


@functools.cache
def _check_exception_tests():
    """Every test named in sector_exceptions.csv must exist here."""
    for ex in tables.load().sector_exceptions:
        if ex.test not in TESTS:
            raise tables.TableError(f"sector_exceptions.csv: unknown test {ex.test!r} (known: {', '.join(TESTS)})")


def nace_sector(nace, nace_name):
    """(sector, source) of the first sector_nace.csv row that matches, else other_industry."""
    for rule in tables.load().nace_rules:
        if rule.matches(nace, nace_name):
            return rule.sector, rule.source
    return "other_industry", f"NACE {nace} not in the sector list"


def choose_sector(plant, nace, sections):
    """(sector, reason) of a midden.json plant; reason starts with 'exception' where the
    base configuration overrides the NACE sector."""
    sector, reason = nace_sector(nace, str(plant.get("NACE_name") or "").lower())
    _check_exception_tests()
    tcs = [s.tc for s in sections]
    for ex in tables.load().sector_exceptions:
        if ex.from_sector not in ("*", sector) or ex.sector == sector:
            continue
        if ex.nace is not None and nace != ex.nace:
            continue
        if TESTS[ex.test](tcs):
            return ex.sector, ex.reason
    return sector, reason
