"""Energy use by carrier and CO2 (total and process) of a set of sections.

Used for a plant's base configuration (plants.csv) and for the sections an option adds or
replaces (plant_options.csv). Per section: activity x tc input per unit, by carrier
(tables/fuels.csv); the tc CO2 per unit split into process CO2 (feedstock or reductant
carbon) and combustion CO2. Steam and heat inputs are not counted: they are made on site
from counted fuels, or bought from a utility plant that carries the fuel and the CO2.
"""
import re
from dataclasses import dataclass, field

from . import tables
from .units import amount_gj, amount_t, hydrogen_gj, unit_kind

SMR_FEEDSTOCK_CO2_T_PER_T_H2 = 5.5      # CH4 + 2 H2O -> CO2 + 4 H2: 44/8 t CO2 per t H2
METHANOL_LHV_GJ_PER_T = 19.9            # carbon/energy embodied in the product
HEAT_INPUTS = ("heat", "hot oil", "residual heat", "steam and hot oil")
BIOMASS_INPUT = r"biomass|wood|culms|bio-?oil|biogas|green gas|pellets \(bio"


def natural_gas_t_co2_per_gj():
    """MIDDEN's natural-gas emission factor (56.6 kg CO2/GJ), from tables/fuels.csv."""
    return tables.load().fuels["natural gas"].t_co2_per_gj


def is_steam_or_heat(name):
    """A steam, heat or hot-oil input (lower-case, stripped name)."""
    return name.startswith("steam") or name in HEAT_INPUTS


def carrier_of(name):
    """Map a tc input name to an energy carrier, or None for a material/intermediate."""
    n = name.strip().lower()
    if is_steam_or_heat(n):
        return None    # produced on site by counted fuels, or bought from a utility plant
    if "electricity" in n:
        return "electricity"
    fuel = tables.load().fuels.get(n)
    if fuel is not None:
        return fuel.carrier
    if n.startswith("natural gas"):
        return "gas"
    return None


@dataclass
class EnergyBalance:
    """Annual energy use by carrier (GJ), feedstock gas (GJ), modelled CO2 (t)."""
    energy: dict = field(default_factory=lambda: {c: 0.0 for c in tables.CARRIERS})
    feedstock_gas: float = 0.0
    co2_total: float = 0.0
    co2_process: float = 0.0
    co2_known: bool = False      # some section's tc record gives CO2
    electricity_out: float = 0.0
    hydrogen_made_gj: float = 0.0         # hydrogen made on site (net_site_hydrogen)
    hydrogen_used_on_site_gj: float = 0.0  # of which used on site, not bought
    derived_fuel_exported: float = 0.0   # GJ/yr of derived fuels made beyond own use

    @property
    def net_electricity(self):
        return self.energy["electricity"] - self.electricity_out


def energy_balance(sector, sections, report, pid, net_site_hydrogen=False):
    """Energy by carrier, feedstock gas and modelled CO2 (total, process) of `sections`.

    net_site_hydrogen: the sections are a plant's whole base configuration, so hydrogen
    made in it (reformers, gasifiers, catalytic reformers, chlor-alkali cells) is netted
    against the hydrogen it uses, stream by stream; only the shortfall is bought
    (`hydrogen_made_gj` keeps what was made). Option deltas compare partial section sets
    and net hydrogen themselves (option_effects.SectionDelta)."""
    balance = EnergyBalance()
    produced = _energy_made(sections)
    consumed_derived = {}
    netted = _site_hydrogen_streams(produced) if net_site_hydrogen else set()
    for sec in sections:
        comb_est = _burn(sector, sec, produced, consumed_derived, balance, report, pid, netted)
        for f in sec.tc.outputs:
            if f.name.lower() == "electricity":
                g = amount_gj(f.amount, f.unit)
                if g:
                    balance.electricity_out += sec.activity * g
        co2 = _section_co2(sec, comb_est)
        if co2 is not None:
            sec_co2, proc, feed = co2
            balance.co2_known = True
            balance.feedstock_gas += feed
            balance.co2_total += sec_co2
            balance.co2_process += min(sec_co2, proc or 0.0)
    # net derived fuels (e.g. Tata's COG/BFG consumed beyond what it produces is bought);
    # on-site hydrogen likewise: only the shortfall is bought
    for nl, used in consumed_derived.items():
        extra = used - produced.get(nl, 0.0)
        if extra > 0:
            balance.energy["hydrogen" if nl in netted else "other_fuel"] += extra
    balance.hydrogen_made_gj = sum(produced.get(nl, 0.0) for nl in netted)
    balance.hydrogen_used_on_site_gj = sum(min(used, produced.get(nl, 0.0))
                                           for nl, used in consumed_derived.items() if nl in netted)
    _net_exported_derived_fuels(balance, produced, consumed_derived)
    return balance


def _site_hydrogen_streams(produced):
    """Hydrogen streams (lower-case names) the sections make: their use is netted."""
    return {nl for nl, g in produced.items() if g > 0 and carrier_of(nl) == "hydrogen"}


def _net_exported_derived_fuels(balance, produced, consumed_derived):
    """Derived fuels made beyond the plant's own use leave it (Tata's surplus BFG, BOFG and
    COG fire the Velsen and IJmond power plants, whose records count them as their other
    fuel): their energy is taken off the plant's other fuel, from which they were made, so
    the site's energy is counted once. The plant's CO2 (NEa, verified) already excludes
    what the buyers emit."""
    fuels = tables.load().fuels
    for nl, made in produced.items():
        fuel = fuels.get(nl)
        if fuel is None or not fuel.steelworks_derived:
            continue
        surplus = made - consumed_derived.get(nl, 0.0)
        if surplus > 0:
            balance.derived_fuel_exported += surplus
            balance.energy["other_fuel"] = max(0.0, balance.energy["other_fuel"] - surplus)


def _energy_made(sections):
    """GJ per year of every energy output (by lower-case name): derived fuels made inside
    the plant (steelworks) are netted against their use, not counted twice. Hydrogen in
    mass units counts at its LHV (the wet 27 % chlor-alkali stream at its hydrogen
    content, units.hydrogen_gj)."""
    produced = {}
    for sec in sections:
        for f in sec.tc.outputs:
            g = _flow_gj(f)
            if g is not None:
                nl = f.name.strip().lower()
                produced[nl] = produced.get(nl, 0.0) + sec.activity * g
    return produced


def _flow_gj(f):
    """GJ of an input or output: hydrogen streams by hydrogen_gj, the rest by energy unit."""
    if carrier_of(f.name) == "hydrogen":
        return hydrogen_gj(f.amount, f.unit, f.name)
    return amount_gj(f.amount, f.unit)


def _burn(sector, sec, produced, consumed_derived, balance, report, pid, netted):
    """Add the section's energy inputs to `balance` (derived fuels and hydrogen made on
    site to `consumed_derived`); return its combustion CO2 estimate (t/yr)."""
    fuels = tables.load().fuels
    comb_est = 0.0
    a = sec.activity
    for f in sec.tc.inputs:
        nl = f.name.strip().lower()
        car = carrier_of(f.name)
        if car is None:
            continue
        g = _flow_gj(f)
        if g is None:
            report.note(f"{pid}: input '{f.name}' of {sec.tc.id} in unit '{f.unit}' not converted to GJ; left out")
            continue
        fuel = fuels.get(nl)
        if (nl in netted or (fuel is not None and fuel.steelworks_derived)) and produced.get(nl, 0.0) > 0:
            consumed_derived[nl] = consumed_derived.get(nl, 0.0) + a * g
        else:
            balance.energy[car] += a * g
        if sector == "steel" and fuel is not None and fuel.steel_reductant:
            continue      # reductant carbon -> process CO2, not combustion
        comb_est += a * g * (fuel.t_co2_per_gj if fuel is not None else 0.0)
    return comb_est


def _gas_input_gj(sec):
    """Natural gas into a section per year (GJ): the ceiling of its feedstock gas."""
    return sum(sec.activity * (amount_gj(f.amount, f.unit) or 0)
               for f in sec.tc.inputs if carrier_of(f.name) == "gas")


def _section_co2(sec, comb_est):
    """(CO2, process CO2, feedstock gas) of a section per year, or None when its tc record
    gives no CO2. Process CO2 is (a) the high-purity CO2 output, (b) 5.5 t per t hydrogen
    from SMR/ATR (all CO2 for residue gasification), (c) none for methanol (the carbon
    stays in the product), (d) otherwise the tc CO2 beyond the combustion estimate."""
    tc, a = sec.tc, sec.activity
    if tc.co2_t is None or tc.co2_t <= 0:
        return None
    gas_ef = natural_gas_t_co2_per_gj()
    sec_co2 = a * tc.co2_t
    mn = tc.main_name.lower()
    feed = 0.0
    hp = next((f for f in tc.outputs if f.name.lower() == "carbon dioxide"), None)
    if hp is not None:
        t = amount_t(hp.amount, hp.unit)
        proc = a * t if t is not None else None
        feed = min(_gas_input_gj(sec), (proc or 0.0) / gas_ef)
    elif mn.startswith("hydrogen"):
        gas_in = _gas_input_gj(sec)
        if gas_in > 0:
            proc = min(sec_co2, a * SMR_FEEDSTOCK_CO2_T_PER_T_H2 * unit_kind(tc.main_unit)[1])
            feed = min(gas_in, proc / gas_ef)
        else:
            proc = sec_co2      # gasification of residual oil: all feedstock carbon
    elif mn == "methanol":
        feed = min(_gas_input_gj(sec), a * unit_kind(tc.main_unit)[1] * METHANOL_LHV_GJ_PER_T)
        proc = 0.0
    else:
        proc = max(0.0, sec_co2 - comb_est)
    return sec_co2, proc, feed


@dataclass
class SectionExtras:
    """What energy_balance leaves out but an option's effects need (per year)."""
    steam_in_gj: float = 0.0        # steam/heat bought or made on site
    hydrogen_out_gj: float = 0.0    # hydrogen produced
    biomass_in_gj: float = 0.0      # solid/other biomass in
    captured_t: float = 0.0         # CO2 captured (capture sections' activity)


def section_extras(sections):
    """Steam/heat in, hydrogen out, biomass in and CO2 captured of `sections`."""
    x = SectionExtras()
    for sec in sections:
        a = sec.activity
        for f in sec.tc.inputs:
            nl = f.name.strip().lower()
            g = amount_gj(f.amount, f.unit)
            if g is None:
                continue
            if is_steam_or_heat(nl):
                x.steam_in_gj += a * g
            elif carrier_of(f.name) is None and re.search(BIOMASS_INPUT, nl):
                x.biomass_in_gj += a * g
        for f in sec.tc.outputs:
            if carrier_of(f.name) == "hydrogen":      # not hydrogen sulphide
                g = hydrogen_gj(f.amount, f.unit, f.name)
                if g:
                    x.hydrogen_out_gj += a * g
        if sec.tc.main_name.strip().lower().startswith("carbon dioxide"):
            d, s = unit_kind(sec.tc.main_unit)
            if d == "mass":
                x.captured_t += a * s
    return x
