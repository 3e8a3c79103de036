"""Plant options (plant_options.csv): every MIDDEN alternative configuration of a written
plant, mapped to an option of kind electrify, ccs, hydrogen or bio, or reported with the
reason it is not mapped.

Each option has the columns of the sector catalogue (technologies.csv) with `plant`
instead of `sector`, and is named midden_<slug>. Mapping table: tables/option_rules.csv;
derivation: docs/dataset.md "Plant options".
"""
import re

from . import tables
from .catalogue import read_catalogue
from .energy import section_extras
from .formatting import fmt_sig, slug
from .money import apply_catalogue_money, option_money
from .option_effects import (BANDS, OPTION_BOILER_EFF, SectionDelta, bio_columns, ccs_columns,
                             electrify_columns, hydrogen_columns, option_shares, option_timing)
from .option_records import Baseline, Configuration, NotMapped, OptionDraft, OptionsLog
from .sections import Section, is_utility, section_activity
from .units import eur2023_factors

GENERIC_CONFIGS = {"alternative", "add-on", "add-on technology"}
REVIEW_FACTOR = 5           # capex above 5x the catalogue's high value is read by hand


def option_rule(text):
    """(kind, reason) of the first tables/option_rules.csv row matching `text`."""
    t = text.lower()
    for rule in tables.load().option_rules:
        if re.search(rule.pattern, t):
            return rule.kind, rule.reason
    return None, None


def alternative_groups(rows):
    """Split one plant's alternative pcd rows into Configurations. A generic name
    ('Alternative', 'Add-on ...') is a menu, one option per row; a named configuration is
    one option unless several of its rows replace the same base section (variants, e.g.
    CO2 transport as gas or liquid): one option per variant, each with the
    configuration's other rows."""
    by = {}
    for r in sorted(rows, key=lambda r: r["configuration_id"]):
        by.setdefault(str(r.get("configuration")).strip(), []).append(r)
    out = []
    for c, rs in by.items():
        if c.lower() in GENERIC_CONFIGS:
            out.extend(Configuration(c, [r], slug(str(r.get("technology") or r["configuration_id"]))) for r in rs)
            continue
        cnt = {}
        for r in rs:
            cnt[_slot(r)] = cnt.get(_slot(r), 0) + 1
        if all(v == 1 for v in cnt.values()):
            out.append(Configuration(c, rs, slug(c)))
            continue
        common = [r for r in rs if cnt[_slot(r)] == 1]
        out.extend(Configuration(c, common + [r], slug(c, 40) + "_" + _variant_suffix(r))
                   for r in rs if cnt[_slot(r)] > 1)
    return out


def _slot(r):
    """The base section a pcd row replaces (substituted tc ids and section name)."""
    sub = ",".join(sorted(re.findall(r"TC\d{4}", str(r.get("substitute_for_base_technology") or ""))))
    if not sub and "captur" not in str(r.get("technology") or "").lower():
        return (r["configuration_id"], "")    # added section (e.g. entirely new configuration)
    return (sub, str(r.get("section") or "").strip().lower())


def _variant_suffix(r):
    """Name suffix of a variant row: the CO2 transport phase, else its tc id."""
    t = str(r.get("technology") or "").lower()
    if "gaseous" in t:
        return "gaseous"
    if "liquid" in t or "liquef" in t:
        return "liquid"
    return str(r.get("technology_id")).lower()


def classify(cfg):
    """(kind, reason): the configuration name first, then its technology names."""
    kind, why = (None, None) if cfg.name.lower() in GENERIC_CONFIGS else option_rule(cfg.name)
    if kind is None and why is None:
        kind, why = option_rule(cfg.techs)
    if kind is None:
        raise NotMapped(why or f"no entry of the mapping table matches the configuration or its technologies ({cfg.techs[:80]})")
    return kind, why


def changed_sections(draft, technologies):
    """(added Sections, tc ids of the base sections they replace). 'Entirely new'
    replaces the whole base; an add-on that makes a base product replaces that section;
    an on-site electrolyser of a hydrogen option is left out (hydrogen is bought)."""
    base = draft.base
    added, removed_tc = [], set()
    for r in draft.cfg.rows:
        tid = r.get("technology_id")
        if tid not in technologies:
            raise NotMapped(f"units not reconciled: technology {tid} not in tc.json")
        tc = technologies[tid]
        cap, act, err = section_activity(r, tc)
        if err:
            raise NotMapped(f"units not reconciled: {r['configuration_id']}: {err}")
        if draft.kind == "hydrogen" and tc.main_name.lower().startswith("hydrogen") and "electroly" in str(tc.rec.get("technology", "")).lower():
            draft.notes.append(f"on-site electrolyser {r['configuration_id']} ({tid}) left out: hydrogen is bought as a carrier")
            continue
        added.append(Section(r, tc, cap, act))
        comment = str(r.get("configuration_comment") or "").lower()
        subs = set(re.findall(r"TC\d{4}", str(r.get("substitute_for_base_technology") or "")))
        if "entirely new" in comment:
            removed_tc |= base.base_tc
        elif subs:
            removed_tc |= subs & base.base_tc
            if subs - base.base_tc:
                draft.notes.append(f"substitutes {','.join(sorted(subs - base.base_tc))} not in the base configuration")
        elif not tc.main_name.lower().startswith("carbon dioxide"):
            same = {s.tc.id for s in base.sections if s.tc.main_name.strip().lower() == tc.main_name.strip().lower() and not is_utility(s.tc)}
            if same:
                removed_tc |= same
                draft.notes.append(f"{r['configuration_id']} makes the base product of {','.join(sorted(same))}: treated as replacing it")
    return added, removed_tc


def _cost_and_life_columns(draft, v, money, sec_row, catalogue, timing):
    """Money per t/yr of plant capacity, raw-material cost, lifetime and timing columns."""
    cap_t, sector = draft.base.capacity_t, draft.base.sector
    for col, k in (("capex_eur_per_t_yr", 0), ("capex_low_eur_per_t_yr", 1), ("capex_high_eur_per_t_yr", 2)):
        v[col] = fmt_sig(money.capex[k] / cap_t)
    v["fixed_opex_eur_per_t_yr"] = fmt_sig(money.opex / cap_t)
    # Raw materials stay with the plant under every option kind mapped here, so the
    # option carries the variable cost of the sector's catalogue row of its kind (or of
    # the keep row): MIDDEN's tc records price equipment and energy, not ore or alumina.
    var_row = sec_row if sec_row is not None else catalogue.get((sector, "keep"))
    var_opex = float(var_row["var_opex_eur_per_t"]) if var_row is not None else 0.0
    v["var_opex_eur_per_t"] = fmt_sig(var_opex)
    if var_opex > 0:
        draft.notes.append(f"var_opex {fmt_sig(var_opex)} EUR/t = raw materials of the catalogue row {sector}/{var_row['name']}")
    v["import_share"] = "0"
    life = max(money.lifetimes) if money.lifetimes else (int(sec_row["lifetime_y"]) if sec_row else 25)
    if not money.lifetimes:
        draft.est.append("no technical lifetime in the tc records: sector catalogue row's (or 25 y)")
    v["lifetime_y"] = str(min(100, max(1, life)))
    v["lead_time_y"] = str(timing.lead_time_y)
    v["available_year"] = str(timing.available_year)
    v["learning_rate"] = str(timing.learning_rate)
    v["learning_seed_t_yr"] = str(timing.learning_seed_t_yr)


def _option_source(draft, money, removed_tc, timing, delta):
    """The option's source: MIDDEN records, currency factors, mapping, notes, ESTIMATEs."""
    cfg = draft.cfg
    factors = eur2023_factors()
    fac = ", ".join(f"EUR{y}->2023 x{factors[y]:.3f}" for y in sorted(money.years))
    src = (f"MIDDEN v3 pcd {cfg.ids} ('{cfg.name}'); tc {','.join(money.tc_used) or '-'}"
           + (f" ({'; '.join(money.sources)})" if money.sources else "") + (f"; {fac}" if fac else "")
           + f"; mapping: {draft.why}; effects = MIDDEN sections added vs base sections replaced"
           + (f" ({','.join(sorted(removed_tc))})" if removed_tc else " (add-on)")
           + f", relative to the plant's base profile; {timing.text}")
    if money.corrections:
        src += "; corrected: " + "; ".join(money.corrections)
    if draft.notes:
        src += "; notes: " + "; ".join(draft.notes)
    est_all = list(draft.est)
    estimated = money.years & tables.load().hicp_estimated_years
    if estimated:
        est_all.append("HICP factor for " + ",".join(str(y) for y in sorted(estimated)))
    if delta.steam_removed > 0 or delta.steam_added > 0:
        est_all.append(f"steam/heat inputs counted as fuel at boiler efficiency {OPTION_BOILER_EFF}")
    if est_all:
        src += "; ESTIMATE: " + "; ".join(est_all)
    return src


def _unique_name(stem, used_names):
    """midden_<stem>, numbered from _2 when the plant already has that name."""
    name = "midden_" + stem
    k = 2
    while name in used_names:
        name = f"midden_{stem}_{k}"
        k += 1
    used_names.add(name)
    return name


def _review(draft, name, money, sec_row, log):
    """List an option whose capex exceeds 5x the catalogue's high value: reviewed when a
    tc record of it is in tables/reviewed_scope.csv, else doubtful."""
    cap_t, sector = draft.base.capacity_t, draft.base.sector
    if sec_row is None:
        return
    if not money.capex[0] / cap_t > REVIEW_FACTOR * float(sec_row["capex_high_eur_per_t_yr"] or sec_row["capex_eur_per_t_yr"]):
        return
    line = f"{draft.base.pid} {name}: capex {money.capex[0] / cap_t:.0f} EUR per t/yr > 5x the high capex of {sector}/{sec_row['name']} ({sec_row['capex_high_eur_per_t_yr']})"
    scope = tables.load().reviewed_scope
    why_kept = [f"{t}: {scope[t]}" for t in money.tc_used if t in scope]
    if why_kept:
        log.reviewed.append(f"{line}; kept: {'; '.join(why_kept)}")
    else:
        log.doubtful.append(line)


def map_configuration(base, cfg, technologies, columns, catalogue, log, used_names):
    """The plant_options.csv row of one configuration; raises NotMapped with the reason."""
    kind, why = classify(cfg)
    draft = OptionDraft(base, cfg, kind, why)
    added, removed_tc = changed_sections(draft, technologies)
    if not base.sections and not (kind == "ccs" and section_extras(added).captured_t > 0):
        raise NotMapped("plant has no usable base configuration: effects relative to it cannot be derived")
    removed = [s for s in base.sections if s.tc.id in removed_tc]
    money = option_money(draft, added, log.corrected_by)
    sec_row = catalogue.get((base.sector, kind))
    apply_catalogue_money(draft, money, sec_row)
    delta = SectionDelta.of(base.sector, removed, added, base.pid)
    v = {c: "0" for c in columns}
    v["name"] = ""
    v["kind"] = kind
    shares = option_shares(draft, delta, log.clamps)
    timing = option_timing(draft, money.trls, sec_row, catalogue)
    if kind == "electrify":
        electrify_columns(draft, v, shares.heat, delta, log.clamps)
    else:
        v["electric_efficiency"] = "1"
        v["electricity_extra_gj_per_t"] = fmt_sig(max(0.0, delta.electricity) / base.production_t if base.production_t > 0 else 0.0)
    if kind == "hydrogen":
        hydrogen_columns(draft, v, shares.heat, delta)
    if kind == "bio":
        bio_columns(draft, v, shares.heat, delta)
    if kind == "ccs":
        ccs_columns(draft, v, shares, delta, added, log.clamps)
    v["process_cut_share"] = fmt_sig(shares.process_cut)
    v["feedstock_gas_cut_share"] = fmt_sig(shares.feedstock_cut)
    for b, k in enumerate(BANDS):
        v[f"electrify_year_{k}"] = str(timing.band_years[b])
    _cost_and_life_columns(draft, v, money, sec_row, catalogue, timing)
    v["name"] = _unique_name(cfg.stem, used_names)
    v["source"] = _option_source(draft, money, removed_tc, timing, delta)
    v["plant"] = base.pid
    _review(draft, v["name"], money, sec_row, log)
    log.tc_ids.update(money.tc_used)
    return v


def build_plant_options(records, alt_rows, technologies, catalogue_path):
    """Map every alternative configuration of the written plants. Returns (plant_options
    columns, OptionsLog with the rows sorted by plant and name)."""
    columns, catalogue = read_catalogue(catalogue_path)
    log = OptionsLog(alternative_rows=len(alt_rows))
    by_plant = {}
    for r in alt_rows:
        by_plant.setdefault(r["plant_id"], []).append(r)
    written = {r.id: r for r in records}
    for pid in sorted(by_plant):
        if pid not in written:
            for r in by_plant[pid]:
                log.unmapped.append((pid, str(r.get("configuration")).strip(), r["configuration_id"], "plant not written to plants.csv"))
            continue
        base = Baseline.of(written[pid])
        used_names = set()
        for cfg in alternative_groups(by_plant[pid]):
            try:
                v = map_configuration(base, cfg, technologies, columns, catalogue, log, used_names)
            except NotMapped as e:
                log.unmapped.append((pid, cfg.name, cfg.ids, e.reason))
                continue
            log.rows.append(v)
            log.mapped.append((pid, v["name"], v["kind"], cfg.ids))
    log.rows.sort(key=lambda v: (v["plant"], v["name"]))
    return ["plant"] + columns, log
