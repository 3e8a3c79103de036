#!/usr/bin/python3
"""Sanity check of the sector table and technology catalogue against a scenario.

For each sector it takes a TYPICAL base-year plant profile (hard-coded below, ESTIMATE)
and prints the levelised cost per t product of every catalogue option in selected years,
using the engine's formulas as specified for eiisim (effects relative to the plant's own
profile; see docs/input-format.md):

  fuel heat F = gas - feedstock gas + other fuel
  x = sum_b heat_share_b * electrify_share_b over bands already available
  gas/other heat fall by F*x, electricity rises by F*x / electric_efficiency, combustion CO2 falls by c*x
  hydrogen_fuel_share / bio_fuel_share move that share of the remaining fuel heat (and its CO2)
  process CO2 *(1-process_cut_share); feedstock gas *(1-feedstock_gas_cut_share)
  + hydrogen_feedstock_gj_per_t, + electricity_extra_gj_per_t
  everything *(1-import_share); buy import_share*intermediate_t_per_t at the import price
  captured = capture_rate * remaining gross CO2; capture energy (el + heat from gas) and T&S fee
  cost = capex*CRF(0.1, life)/0.85 + fixed/0.85 + var + energy + (net - free allocation)*ETS
         + levy + T&S + import purchase + other cost (calibrated: keep margin = base_margin_share in 2020)
  revenue = price * product_price_index + energy_cost_pass_through * (gas - gas_2020) * sector gas GJ/t;
  green premium in proportion to the CO2 cut against the base intensity

Subsidies, risk premiums, stranded assets and learning are left out: the numbers are
"before subsidy", at today's catalogue capex.

Margins use the revenue above; option costs are costs only (compare across a row).

Usage: /usr/bin/python3 tools/check_catalogue.py [scenario.toml ...] [--years 2025,2030,2040,2050]
       [--fa-all]  (apply the scenario's free-allocation factor to every sector, not only CBAM goods)
Standard library only.
"""
import csv
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UTIL = 0.85      # production / capacity
HURDLE = 0.10
GAS_CO2 = 0.0566  # t CO2 per GJ natural gas (MIDDEN)

# Typical base-year (2020) profile per t product, ESTIMATE, from ../shared/reference/installations.csv and
# MIDDEN v3 tc records: (gas GJ incl. feedstock, feedstock gas GJ, other fuel GJ, electricity GJ,
#  combustion CO2 t, process CO2 t, (heat share low, mid, high))
PROFILES = {
    # Tata IJmuiden 2020: 10.5 PJ gas, ~128 PJ coal, 2.07 TWh, 5.71 Mt over ~6.6 Mt steel; split comb/process ESTIMATE
    'steel': (1.6, 0, 19.4, 1.13, 0.25, 0.62, (0, 0.1, 0.9)),
    # Aldel: TC0217 54.8 GJ el/t, 1.58 t anode CO2/t (~1.5 at Aldel), 0.5 PJ gas
    'aluminium': (4.5, 0, 0, 55, 0.25, 1.5, (0, 0.3, 0.7)),
    # Nyrstar Budel: TC0078 14.8 GJ el, 0.77 GJ gas, 0.09 GJ gasoil, 0.133 t CO2/t
    'zinc': (0.8, 0, 0.1, 14.8, 0.05, 0.08, (0.3, 0.5, 0.2)),
    # TC0072: 34.1 GJ gas (~22 feedstock), 0.29 GJ el, 1.33 t process + 0.60 t combustion CO2
    'ammonia': (34.1, 22.0, 0, 0.29, 0.60, 1.33, (0, 0.2, 0.8)),
    # TC0352 SMR per t H2: 182 GJ gas (~130 feed), 0.48 GJ el, 9.0 t CO2 (syngas ~6.1, flue ~2.9)
    'hydrogen': (182, 130, 0, 0.48, 2.9, 6.1, (0, 0.1, 0.9)),
    'industrial_gases': (6, 4, 0, 1.5, 0.11, 0.22, (0, 0.2, 0.8)),
    # Pernis/BP/Exxon: ~0.15-0.2 t CO2 and ~3.6 GJ fuel per t crude; furnaces 350-450 C
    'refining': (1.4, 0.3, 2.0, 0.22, 0.17, 0.03, (0.05, 0.55, 0.40)),
    # TC0261: 8.28 GJ fuel + 4.31 GJ HP steam + 0.59 GJ el per t HVC; fuel partly own methane-rich gas
    'hvc': (5.5, 0, 7.0, 0.6, 0.70, 0.03, (0.02, 0.30, 0.68)),
    # TC0173: 32.7 GJ gas (incl. biogas), 0.13 GJ el, 0.48 t CO2 per t methanol
    'methanol': (32.7, 20.0, 0, 0.13, 0.36, 0.12, (0, 0.2, 0.8)),
    'organic_chemicals': (7, 1, 1, 1.5, 0.40, 0.10, (0.15, 0.6, 0.25)),
    'polymers': (3, 0, 0, 2.0, 0.17, 0, (0.2, 0.7, 0.1)),
    # Nobian Botlek: 1.79 TWh, 2.1 PJ gas, 0.117 Mt over ~680 kt Cl2; carbon black/SiC add process CO2
    'inorganic_chemicals': (4, 0, 0, 8, 0.2, 0.1, (0.2, 0.7, 0.1)),
    # Nobian Hengelo: 7.3 PJ gas, 0.253 Mt over ~2.7 Mt salt
    'salt': (2.7, 0, 0, 0.15, 0.15, 0, (0.1, 0.9, 0)),
    # TC0001: 3.95 GJ gas + 0.39 GJ el per t molten glass; carbonate CO2 with 76 % cullet
    'glass': (4.0, 0, 0, 0.4, 0.22, 0.07, (0, 0.1, 0.9)),
    # TC0327/0328: drying + 1.5 GJ gas firing, 0.17 t CO2/t
    'ceramics': (2.3, 0, 0, 0.25, 0.13, 0.04, (0, 0.35, 0.65)),
    # ENCI IJmuiden: TC0319 0.28 GJ el/t, slag dryer gas, 0.012 Mt over ~1.1 Mt
    'cement': (0.2, 0, 0, 0.28, 0.011, 0, (0, 1, 0)),
    # TC0228 5.0 GJ LP steam + 2.1 GJ el per t (gas CHP)
    'paper': (5.5, 0, 0, 1.5, 0.31, 0, (0.1, 0.9, 0)),
    'food': (4.0, 0, 0, 1.0, 0.23, 0.01, (0.35, 0.65, 0)),
    # per MWh useful output of a gas CHP (~80 % total efficiency)
    'power': (4.5, 0, 0, 0.05, 0.255, 0, (0.1, 0.9, 0)),
    'other_industry': (5, 0, 0, 1.5, 0.27, 0.02, (0.3, 0.5, 0.2)),
}


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith('#')]
    return list(csv.DictReader(lines))


def path_value(p, year):
    if isinstance(p, (int, float)):
        return float(p)
    pts = sorted((int(k), float(v)) for k, v in p.items())
    if year <= pts[0][0]:
        return pts[0][1]
    if year >= pts[-1][0]:
        return pts[-1][1]
    for (y0, v0), (y1, v1) in zip(pts, pts[1:]):
        if y0 <= year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    raise ValueError


def crf(rate, n):
    n = max(1, n)
    return rate / (1 - (1 + rate) ** -n)


class Prices:
    def __init__(self, sc, year):
        p, pol = sc['prices'], sc['policy']
        v = lambda k: path_value(p[k], year)
        self.ets = v('ets_eur_per_t')
        self.gas = v('gas_eur_per_mwh') / 3.6
        self.el = (v('electricity_eur_per_mwh') + v('network_tariff_eur_per_mwh')) / 3.6
        self.h2 = v('hydrogen_eur_per_kg') / 0.12
        self.bio = v('biomethane_eur_per_mwh') / 3.6
        self.oth = v('other_fuel_eur_per_gj')
        self.ts = v('co2_transport_storage_eur_per_t')
        self.fgas = v('foreign_gas_eur_per_mwh') / 3.6
        self.fel = v('foreign_electricity_eur_per_mwh') / 3.6
        self.idx = v('product_price_index')
        self.imp = {k: path_value(x, year) for k, x in p['import_eur_per_t'].items()}
        self.fa = path_value(pol['free_allocation_factor'], year)
        self.cbam = path_value(pol['cbam_factor'], year)
        self.levy = path_value(pol['co2_levy_eur_per_t'], year) if pol.get('co2_levy', True) else 0.0
        self.disp = path_value(pol['dispensation_factor'], year)
        self.green = path_value(pol['green_premium_eur_per_t'], year)
        self.pass_through = float(sc.get('behaviour', {}).get('energy_cost_pass_through', 0.5))
        self.gas_base = path_value(p['gas_eur_per_mwh'], sc['scenario']['base_year']) / 3.6

    def revenue(self, price, gas_gj_per_t):
        # engine: product price follows a share of the gas-price change against the base year
        return max(0.0, price * self.idx + self.pass_through * (self.gas - self.gas_base) * gas_gj_per_t)


def fnum(row, k):
    return float(row[k]) if row.get(k, '') != '' else 0.0


def option_physics(prof, t, year):
    """Energy (GJ/t) by carrier and CO2 (t/t) of option row t for a plant with profile prof."""
    g, fg, o, e, c, q, hs = prof
    gh = g - fg
    F = gh + o
    x = 0.0
    for b, band in enumerate(('low', 'mid', 'high')):
        if year >= int(float(t['electrify_year_' + band])):
            x += hs[b] * fnum(t, 'electrify_share_' + band)
    eta = fnum(t, 'electric_efficiency') or 1.0
    e2 = e + F * x / eta
    gh2, o2, c2 = gh * (1 - x), o * (1 - x), c * (1 - x)
    R = F * (1 - x)
    h, b = fnum(t, 'hydrogen_fuel_share'), fnum(t, 'bio_fuel_share')
    h2 = R * h
    bio = R * b
    keep_share = max(0.0, 1 - h - b)
    gh2, o2, c2 = gh2 * keep_share, o2 * keep_share, c2 * keep_share
    q2 = q * (1 - fnum(t, 'process_cut_share'))
    fg2 = fg * (1 - fnum(t, 'feedstock_gas_cut_share'))
    h2 += fnum(t, 'hydrogen_feedstock_gj_per_t')
    e2 += fnum(t, 'electricity_extra_gj_per_t')
    s = 1 - fnum(t, 'import_share')
    gas, oth, el, h2, bio, c2, q2 = (gh2 + fg2) * s, o2 * s, e2 * s, h2 * s, bio * s, c2 * s, q2 * s
    gross = c2 + q2
    cap = fnum(t, 'capture_rate') * gross
    el += fnum(t, 'capture_electricity_gj_per_tco2') * cap
    gas += fnum(t, 'capture_heat_gj_per_tco2') * cap
    return dict(gas=gas, oth=oth, el=el, h2=h2, bio=bio, gross=gross, cap=cap, net=gross - cap)


def option_cost(sec, prof, t, pr, year, fa_all, other):
    ph = option_physics(prof, t, year)
    base_int = prof[4] + prof[5]
    imp_share = fnum(t, 'import_share')
    fa_factor = pr.fa if (fa_all or sec['cbam_covered'] == '1') else 1.0
    alloc = float(sec['free_allocation_share']) * base_int * fa_factor * (1 - imp_share)
    life = int(float(t['lifetime_y']))
    capex = fnum(t, 'capex_eur_per_t_yr') * crf(HURDLE, life) / UTIL
    fixed = fnum(t, 'fixed_opex_eur_per_t_yr') / UTIL
    var = fnum(t, 'var_opex_eur_per_t')
    energy = ph['gas'] * pr.gas + ph['oth'] * pr.oth + ph['el'] * pr.el + ph['h2'] * pr.h2 + ph['bio'] * pr.bio
    carbon = (ph['net'] - alloc) * pr.ets
    levy = max(0.0, pr.levy - pr.ets) * max(0.0, ph['net'] - pr.disp * base_int)
    ts = ph['cap'] * pr.ts
    imp = 0.0
    if imp_share > 0:
        imp = imp_share * float(sec['intermediate_t_per_t'] or 0) * pr.imp.get(sec['import_price'], 0.0)
    cost = capex + fixed + var + energy + carbon + levy + ts + imp + other
    return cost, ph


def relocate_cost(sec, prof, keep, reloc, pr, other):
    g, fg, o, e, c, q, hs = prof
    energy = g * pr.fgas + o * pr.oth + e * pr.fel
    cbam = pr.cbam * pr.ets * (c + q) if sec['cbam_covered'] == '1' else 0.0
    capex = fnum(reloc, 'capex_eur_per_t_yr') * crf(HURDLE, int(float(reloc['lifetime_y']))) / UTIL
    return (other * float(sec['abroad_cost_factor']) + fnum(keep, 'var_opex_eur_per_t') + energy + cbam
            + float(sec['transport_eur_per_t']) + capex)


def main(argv):
    years = [2025, 2030, 2040, 2050]
    fa_all = '--fa-all' in argv
    scen = [a for a in argv if a.endswith('.toml')]
    if '--years' in argv:
        years = [int(y) for y in argv[argv.index('--years') + 1].split(',')]
    if not scen:
        scen = [os.path.join(ROOT, 'scenarios', 'current-policy.toml')]
    sectors = {r['id']: r for r in read_csv(os.path.join(ROOT, 'clusters', 'nl', 'sectors.csv'))}
    techs = read_csv(os.path.join(ROOT, 'clusters', 'nl', 'technologies.csv'))
    for path in scen:
        with open(path, 'rb') as f:
            sc = tomllib.load(f)
        print(f"=== scenario {sc['scenario']['name']}: levelised cost EUR/t product before subsidy "
              f"(hurdle {HURDLE}, utilisation {UTIL}); net CO2 t/t in brackets; '-' = not yet available")
        p2020 = Prices(sc, 2020)
        for sid, sec in sectors.items():
            prof = PROFILES.get(sid)
            if prof is None:
                print(f"-- {sid}: no typical profile in this script")
                continue
            rows = [t for t in techs if t['sector'] == sid]
            keep = [t for t in rows if t['kind'] == 'keep']
            if len(keep) != 1:
                print(f"!! {sid}: {len(keep)} keep rows")
                continue
            keep = keep[0]
            price = float(sec['product_price_eur_per_t'])
            m = float(sec['base_margin_share'])
            k2020, _ = option_cost(sec, prof, keep, p2020, 2020, fa_all, 0.0)
            other = price * (1 - m) - k2020
            line = f"-- {sid}: price {price:.0f}, other cost {other:.0f} EUR/t"
            if other < 0:
                line += "  !! NEGATIVE other cost"
            margins = []
            for y in [2022, 2025] + years:
                pr = Prices(sc, y)
                kc, _ = option_cost(sec, prof, keep, pr, y, fa_all, other)
                rev = pr.revenue(price, prof[0])
                margins.append(f"{y}:{(rev - kc) / rev:+.0%}")
            print(line + "; keep margin " + " ".join(dict.fromkeys(margins)))
            reloc = [t for t in techs if t['sector'] == '*' and t['kind'] == 'relocate']
            print(f"   {'option':24s}" + "".join(f"{y:>16d}" for y in years))
            for t in rows:
                cells = []
                for y in years:
                    if y < int(t['available_year']):
                        cells.append(f"{'-':>16s}")
                        continue
                    pr = Prices(sc, y)
                    cst, ph = option_cost(sec, prof, t, pr, y, fa_all, other)
                    base_int = prof[4] + prof[5]
                    if base_int > 0:
                        cst -= pr.green * min(1.0, max(0.0, 1 - ph['net'] / base_int))
                    cells.append(f"{cst:10.0f} ({ph['net']:.2f})"[:16].rjust(16))
                print(f"   {t['name']:24s}" + "".join(cells))
            if reloc:
                cells = []
                for y in years:
                    pr = Prices(sc, y)
                    cells.append(f"{relocate_cost(sec, prof, keep, reloc[0], pr, other):10.0f} (abrd)".rjust(16))
                print(f"   {'relocate':24s}" + "".join(cells))
        print()


if __name__ == '__main__':
    main(sys.argv[1:])
