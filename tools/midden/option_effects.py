"""Effects of a plant option: the sections it adds compared with the base sections it
replaces, per year, as shares of the plant's base profile (plant_options.csv columns).

Fuel heat removed goes to electricity (electrify), hydrogen or biomethane (bio); process
CO2 and feedstock gas cut; CO2 captured (ccs). Every share is clamped to [0, 1] and each
clamp is reported. docs/dataset.md "Effects".
"""
import re
from dataclasses import dataclass

from .energy import carrier_of, energy_balance, section_extras
from .formatting import fmt_sig
from .option_records import NotMapped
from .report import Report
from .units import amount_gj

OPTION_BOILER_EFF = 0.9     # ESTIMATE: fuel per GJ of steam/heat input no longer needed
BANDS = ("low", "mid", "high")


@dataclass
class SectionDelta:
    """Removed minus added sections (or added minus removed where that is the gain)."""
    heat: float             # fuel heat removed, GJ/yr (steam/heat inputs at boiler efficiency)
    feedstock: float        # feedstock gas removed
    electricity: float      # net electricity added
    hydrogen: float         # hydrogen bought added
    process: float          # process CO2 removed
    steam_removed: float
    steam_added: float
    biomass_added: float
    captured_added: float
    captured_removed: float
    co2_removed: float
    co2_added: float

    @classmethod
    def of(cls, sector, removed, added, pid):
        quiet = Report()    # notes about the base sections are in the plant's own record
        bR, bA = energy_balance(sector, removed, quiet, pid), energy_balance(sector, added, quiet, pid)
        xR, xA = section_extras(removed), section_extras(added)
        eR, eA = bR.energy, bA.energy
        fR, fA = bR.feedstock_gas, bA.feedstock_gas
        heat = ((eR["gas"] - fR + eR["other_fuel"] + xR.steam_in_gj / OPTION_BOILER_EFF)
                - (eA["gas"] - fA + eA["other_fuel"] + xA.steam_in_gj / OPTION_BOILER_EFF))
        return cls(heat=heat, feedstock=fR - fA,
                   electricity=bA.net_electricity - bR.net_electricity,
                   hydrogen=(eA["hydrogen"] - xA.hydrogen_out_gj) - (eR["hydrogen"] - xR.hydrogen_out_gj),
                   process=bR.co2_process - bA.co2_process,
                   steam_removed=xR.steam_in_gj, steam_added=xA.steam_in_gj,
                   biomass_added=xA.biomass_in_gj, captured_added=xA.captured_t,
                   captured_removed=xR.captured_t, co2_removed=bR.co2_total, co2_added=bA.co2_total)


@dataclass
class Shares:
    """Fuel-heat share moved, feedstock-gas cut and process-CO2 cut of an option."""
    heat: float
    feedstock_cut: float
    process_cut: float


def option_shares(draft, delta, clamps):
    """Shares of the plant's fuel heat, feedstock gas and process CO2 the option removes."""
    b = draft.base
    if delta.heat < 0:
        draft.notes.append(f"fuel heat rises by {-delta.heat / 1e6:.3f} PJ/yr (not modelled: share 0)")
        delta.heat = 0.0
    share = delta.heat / b.fuel_heat_gj if b.fuel_heat_gj > 0 else 0.0
    if share > 1.001:
        clamps.append(f"{draft.label}: fuel-heat share {share:.2f} clamped to 1")
    share = min(share, 1.0)
    feed_cut = delta.feedstock / b.feedstock_gj if b.feedstock_gj > 0 and delta.feedstock > 0 else 0.0
    if feed_cut > 1.001:
        clamps.append(f"{draft.label}: feedstock cut {feed_cut:.2f} clamped to 1")
    feed_cut = min(feed_cut, 1.0)
    proc_cut = delta.process / b.process_co2_t if b.process_co2_t and delta.process > 0 else 0.0
    if proc_cut > 1.0:
        clamps.append(f"{draft.label}: process cut {proc_cut:.2f} clamped to 1")
        proc_cut = 1.0
    return Shares(share, feed_cut, proc_cut)


@dataclass
class Timing:
    """When an option can be built and how its cost learns."""
    available_year: int
    lead_time_y: int
    learning_rate: str
    learning_seed_t_yr: str
    text: str                   # for the source column
    band_years: list            # electrify_year_low/mid/high


def option_timing(draft, trls, sec_row, catalogue):
    """Timing from the sector catalogue row of the same kind, else from the TRL
    (ESTIMATE); never before the MIDDEN configuration year."""
    sector, kind = draft.base.sector, draft.kind
    tr = min(trls) if trls else None
    if sec_row is not None:
        avail = int(sec_row["available_year"])
        lead = int(sec_row["lead_time_y"])
        lr, seed = sec_row["learning_rate"], sec_row["learning_seed_t_yr"]
        text = f"lead time, learning and available year of the sector catalogue row {sector}/{sec_row['name']}"
    else:
        avail = 2020 if tr is not None and tr >= 9 else 2028 if tr is not None and tr >= 7 else 2035
        lead, lr, seed = 3, "0", "1000000"
        draft.est.append(f"no {sector} catalogue row of kind {kind}: lead time 3 y, no learning; available year from TRL {tr} (>=9: 2020, 7-8: 2028, <=6: 2035)")
        text = "available year from TRL (ESTIMATE)"
    pcd_year = max(int(r.get("year") or 0) for r in draft.cfg.rows)
    if pcd_year > avail:
        avail = pcd_year
        text += f"; available year raised to the MIDDEN configuration year {pcd_year}"
    years = [avail, avail, avail]
    if kind == "electrify":
        erow = catalogue.get((sector, "electrify"))
        if erow is not None:
            years = [max(avail, int(erow[f"electrify_year_{b}"])) for b in BANDS]
        elif tr is not None and tr >= 8:
            years = [max(avail, y) for y in (2020, 2030, 2035)]
    return Timing(avail, lead, lr, seed, text, years)


def _band_order(techs):
    """Heat bands an electric technology serves first: heat pumps low, boilers mid,
    anything else (furnaces) high."""
    tl = techs.lower()
    if re.search(r"heat pump|mvr|recompression|low pressure|hot water", tl):
        return [0, 1, 2]
    if re.search(r"boiler|steam|evaporat|dryer|drying", tl):
        return [1, 0, 2]
    return [2, 1, 0]


def electrify_columns(draft, v, share, delta, clamps):
    """Fill the fuel heat moved into the plant's heat bands; efficiency = heat moved per
    unit of electricity added (1 where feedstock is replaced; the rest is extra)."""
    b = draft.base
    hs, prod_t = b.heat_shares, b.production_t
    left = share   # share of all fuel heat; band i holds hs[i] of it
    bands = [0.0, 0.0, 0.0]
    for i in _band_order(draft.cfg.techs):
        if hs[i] <= 0 or left <= 1e-12:
            continue
        take = min(left, hs[i])
        bands[i] = take / hs[i]
        left -= take
    if left > 1e-6:
        clamps.append(f"{draft.label}: {left:.3f} of fuel heat beyond the plant's heat bands (sum {sum(hs):.2f}) not moved")
    for i, k in enumerate(BANDS):
        v[f"electrify_share_{k}"] = fmt_sig(bands[i])
    moved = sum(bands[i] * hs[i] for i in range(3)) * b.fuel_heat_gj
    d_el = delta.electricity
    if delta.feedstock > 0.01 * max(b.feedstock_gj, 1.0) and b.feedstock_gj > 0:
        eff = 1.0
        extra = max(0.0, d_el - moved) / prod_t if prod_t > 0 else 0.0
        draft.notes.append("feedstock replaced: heat moved 1:1, the rest of the added electricity is extra")
    elif moved > 0 and d_el > 0:
        eff = moved / d_el
        extra = 0.0
    else:
        eff = 1.0
        extra = max(0.0, d_el) / prod_t if prod_t > 0 else 0.0
    if eff < 0.3 or eff > 7:
        clamps.append(f"{draft.label}: electric efficiency {eff:.2f} clamped to [0.3, 7] (input-format: 3-7 for heat pumps)")
        eff = min(7.0, max(0.3, eff))
    v["electric_efficiency"] = fmt_sig(eff)
    v["electricity_extra_gj_per_t"] = fmt_sig(extra)


def hydrogen_columns(draft, v, share, delta):
    """Fuel heat moved to hydrogen 1:1; hydrogen beyond that is feedstock."""
    b = draft.base
    v["hydrogen_fuel_share"] = fmt_sig(share)
    moved = share * b.fuel_heat_gj
    v["hydrogen_feedstock_gj_per_t"] = fmt_sig(max(0.0, delta.hydrogen - moved) / b.production_t if b.production_t > 0 else 0.0)
    if delta.hydrogen < 0.9 * moved:
        draft.notes.append(f"hydrogen added {delta.hydrogen / 1e6:.3f} PJ < fuel heat removed {moved / 1e6:.3f} PJ (engine moves heat 1:1)")


def bio_columns(draft, v, share, delta):
    """Fuel heat moved to biomethane (solid biomass priced as biomethane)."""
    v["bio_fuel_share"] = fmt_sig(share)
    if delta.biomass_added > 0:
        draft.notes.append("solid/raw biomass priced as biomethane (engine has one bio carrier)")


def _capture_inputs_gj(cap_sec):
    """(electricity, heat) per year of the capture sections."""
    def total(pred):
        return sum(s.activity * sum((amount_gj(f.amount, f.unit) or 0.0) for f in s.tc.inputs if pred(f.name))
                   for s in cap_sec)
    el = total(lambda n: carrier_of(n) == "electricity")
    ht = total(lambda n: carrier_of(n) == "gas" or n.strip().lower() in ("heat", "steam")
               or n.strip().lower().startswith("steam"))
    return el, ht


def ccs_columns(draft, v, shares, delta, added, clamps):
    """Capture rate (CO2 captured / the plant's gross CO2) and the capture section's
    energy per t CO2. Where the option has no capture section, the captured CO2 is the
    replaced sections' CO2 minus the new ones' and is not also a process cut."""
    b = draft.base
    captured = delta.captured_added - delta.captured_removed
    if captured <= 0 and delta.co2_removed > delta.co2_added:
        captured = delta.co2_removed - delta.co2_added
        # The new sections' lower CO2 is the captured stream itself: counting it
        # as a process cut as well would remove it twice.
        shares.process_cut = 0.0
        draft.notes.append("captured CO2 = CO2 of the replaced sections minus the new ones (no separate process cut)")
    rate = captured / b.gross_co2_t if b.gross_co2_t > 0 else 0.0
    if rate > 1.0:
        clamps.append(f"{draft.label}: capture rate {rate:.2f} clamped to 1")
        rate = 1.0
    v["capture_rate"] = fmt_sig(max(0.0, rate))
    cap_sec = [s for s in added if s.tc.main_name.lower().startswith("carbon dioxide")]
    if cap_sec and captured > 0:
        el, ht = _capture_inputs_gj(cap_sec)
        v["capture_electricity_gj_per_tco2"] = fmt_sig(el / captured)
        v["capture_heat_gj_per_tco2"] = fmt_sig(ht / captured)
        v["electricity_extra_gj_per_t"] = "0"
    if rate <= 0:
        raise NotMapped("capture configuration without a readable captured CO2 amount")
