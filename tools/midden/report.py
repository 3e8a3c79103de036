"""The import report (import_report.txt): what was mapped, what not and why, and checks.

Every MIDDEN record that is not mapped is listed with its reason, so that the dataset can
be audited against the database; the notes list zero or missing emissions, unit fixes
and estimates; the sanity check lists implausible implied emission factors.
"""
from dataclasses import dataclass, field

from . import tables

TITLE = "MIDDEN import report (tools/import_midden.py)"


@dataclass
class Report:
    """Collects unmapped records, notes and outliers while the import runs."""
    unmapped: list = field(default_factory=list)     # (kind, record id, reason)
    notes: list = field(default_factory=list)
    outliers: list = field(default_factory=list)

    def skip(self, kind, rid, reason):
        self.unmapped.append((kind, rid, reason))

    def note(self, text):
        self.notes.append(text)


@dataclass
class ImportCounts:
    """Record counts of the MIDDEN files and how many of them were used."""
    midden_plants: int
    current_plants: int
    pcd_rows: int
    base_rows: int
    alternative_rows: int
    tc_records: int
    used_tc: set


def _summary_lines(counts, records, options):
    """Counts of MIDDEN records read and mapped."""
    with_cfg = sum(1 for r in records if r.profile.pcd_ids)
    mapped_pcd = sum(len(r.profile.pcd_ids) for r in records)
    return [
        TITLE, "=" * 60,
        f"midden.json plants: {counts.midden_plants}; current (in_current_database == 1): {counts.current_plants}; plants written: {len(records)}",
        f"plants with a usable base configuration: {with_cfg}; without (ESTIMATE from emissions): {len(records) - with_cfg}",
        f"pcd.json rows: {counts.pcd_rows}; base-configuration rows of current plants: {counts.base_rows}; mapped: {mapped_pcd}; "
        f"alternative-configuration rows of current plants (mapped to plant options, see 'Plant options' below): {counts.alternative_rows}",
        f"tc.json records: {counts.tc_records}; used by mapped base configurations: {len(counts.used_tc)}; used by mapped plant options only: {len(options.tc_ids - counts.used_tc)}; the others belong to unmapped alternatives or no current plant",
    ]


def _sector_lines(records):
    """Plants and NEa emissions per sector, in sector_defaults.csv order."""
    lines = ["", "Sectors (plants, NEa 2020 t CO2):"]
    secs = {}
    for r in records:
        s = secs.setdefault(r.sector, [0, 0.0])
        s[0] += 1
        s[1] += r.nea
    for s in tables.load().sectors:
        if s in secs:
            lines.append(f"  {s:22s} {secs[s][0]:4d} {secs[s][1]:14,.0f}")
    return lines


def _cluster_lines(records):
    """Plants and emissions per cluster, and the sector exceptions."""
    lines = ["", "Clusters (plants, NEa 2020 t CO2, combustion, process):"]
    for c in tables.load().cluster_order:
        rs = [r for r in records if r.cluster == c]
        lines.append(f"  {c:22s} {len(rs):4d} {sum(r.nea for r in rs):14,.0f} {sum(r.number('co2_combustion_t') for r in rs):14,.0f} {sum(r.number('co2_process_t') for r in rs):14,.0f}")
    lines.append(f"  {'national':22s} {len(records):4d} {sum(r.nea for r in records):14,.0f}")
    lines += ["", "Sector exceptions (NACE code overridden from the base configuration's technology):"]
    for r in records:
        reason = r.profile.sector_reason
        if reason.startswith("exception"):
            lines.append(f"  {r.id} {r.columns['name']}: {r.sector} ({reason})")
    return lines


def _record_lines(report, edges, ref_status):
    """Edges, reference links, unmapped records, notes and the sanity check."""
    lines = ["", f"Edges written: {len(edges)}", "Reference links (value_chain_edges.csv):"]
    lines += [f"  {tag}: {st}" for tag, st in ref_status]
    lines += ["", "Records not mapped (each with its reason):"]
    lines += [f"  [{kind}] {rid}: {reason}" for kind, rid, reason in sorted(report.unmapped)]
    lines += ["", "Notes (zero or missing emissions, unit fixes, estimates):"]
    lines += ["  " + n for n in report.notes]
    lines += ["", "Sanity check: implied combustion emission factor outside 30-120 kg CO2/GJ fuel (gas - feedstock + other fuel):"]
    lines += ["  " + o for o in report.outliers]
    return lines


def _unmapped_reasons(unmapped):
    """Count of unmapped configurations per reason (unit and mapping-table reasons grouped
    by their text before the first ':')."""
    reasons = {}
    for u in unmapped:
        key = u[3] if not u[3].startswith(("units not reconciled", "no entry of the mapping")) else u[3].split(":")[0]
        reasons[key] = reasons.get(key, 0) + 1
    return reasons


def option_lines(log):
    """The 'Plant options' section of the report."""
    lines = ["", "Plant options (plant_options.csv): MIDDEN alternative configurations of current plants",
             "-" * 60,
             f"alternative pcd rows: {log.alternative_rows}; configurations mapped: {len(log.mapped)}; configurations not mapped: {len(log.unmapped)}"]
    for k in tables.OPTION_KINDS:
        lines.append(f"  mapped {k:10s} {sum(1 for m in log.mapped if m[2] == k):4d}")
    reasons = _unmapped_reasons(log.unmapped)
    lines.append("Not mapped, by reason:")
    lines += [f"  {reasons[k]:4d}  {k}" for k in sorted(reasons, key=lambda x: (-reasons[x], x))]
    lines.append("Mapped configurations:")
    lines += [f"  [mapped] {pid} {name} ({kind}): pcd {ids}" for pid, name, kind, ids in sorted(log.mapped)]
    lines.append("Configurations not mapped (each with its reason):")
    lines += [f"  [not mapped] {pid} '{cname}' (pcd {ids}): {reason}" for pid, cname, ids, reason in sorted(log.unmapped)]
    lines.append("Clamped shares and rates:")
    lines += ["  " + c for c in log.clamps]
    lines.append("Unit corrections of MIDDEN money figures (evidence from each tc record's own comment):")
    for (tid, what), c in sorted(tables.load().money_corrections.items()):
        users = sorted(log.corrected_by.get((tid, what), ()))
        lines.append(f"  {tid} {'investment' if what == 'inv' else 'O&M'} x{c.factor:.4g}: {c.evidence}; used by {', '.join(users) or 'no mapped option'}")
    lines.append("Reviewed (capex above 5x the sector catalogue's high value, kept: MIDDEN prices a larger scope):")
    lines += ["  " + c for c in log.reviewed]
    lines.append(f"Doubtful (above 5x the sector catalogue's high capex and not reviewed): {len(log.doubtful)}")
    lines += ["  " + c for c in log.doubtful]
    return lines


def write_report(path, report, counts, records, edges, ref_status, options):
    """Write import_report.txt."""
    lines = (_summary_lines(counts, records, options) + _sector_lines(records)
             + _cluster_lines(records) + _record_lines(report, edges, ref_status)
             + option_lines(options) + [""])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
