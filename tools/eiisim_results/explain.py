"""The text of ``explain()`` (reader.py): one logged decision in words, as ``eiisim explain``
prints it (cli/explain_report.cpp), read from a run file's event log."""

import math

COLUMNS_PER_BLOCK = 8  # as cli/explain_report.cpp

TRIGGER_WORDS = {
    "reinvestment": "its route in force reached the end of its reinvestment cycle",
    "consecutive_losses": "it made losses in consecutive years",
    "scenario_event": "a scenario event opened a window to re-decide (the route in force pays no new capex)",
    "value_chain": "a supplier or customer in its value chain changed",
    "conversion_done": "its conversion finished",
    "fuel_gas_supply_ended": "the process gas it burns is no longer made",
    "observed_history": "the observed history (history.csv) closed it or started its project",
    "support_agreement": "a support agreement (agreements.csv) that is binding in this run committed it to the agreed route",
    "entry_scheduled": "a new entrant with an investment decision (entrants.csv, scheduled) claims its resources to start in its year",
    "entry_candidate": "a candidate new entrant (entrants.csv) weighs building: it applies only when its margin, capex "
                       "included, is positive",
    "permit_refused": "its granted conversion's permit was refused at the end of the permit stage (permits.csv; "
                      "docs/ODD.md section 7.9), so it decides again",
}


def _name(row):
    return row["name"] + (" +" + row["instrument"] if row["instrument"] else "")


def _utility(row):
    return (f"{row['utility']:.3f} = {row['utility_systematic']:.3f} deterministic {row['utility_bias']:+.3f} bias "
            f"{row['utility_random']:+.3f} random")


def _outcome(ev, row):
    if row["chosen"]:
        return "stays (chosen)" if row["technology"] == ev["from_technology"] else "CHOSEN"
    if row["kind"] == "close":
        return "by the closure rule only"
    if not row["feasible"]:
        return "infeasible: " + row["infeasible"]
    if row["refused"]:
        return "refused by allocation: " + row["refused_by"]
    if ev["closed_by_rule"]:
        return "not ranked (closure rule)"
    return "ranked below the choice"


def _why(ev, rows):
    if ev["closed_by_rule"]:
        live = rows[rows["feasible"] & (rows["kind"] != "close")]
        best = live["margin_eur_per_t"].max() if len(live) else float("-inf")
        return [f"why: the closure rule. The best feasible margin, {best:.1f} EUR/t, is below "
                f"{ev['closure_margin_eur_per_t']:.1f} EUR/t (-closure_threshold x price): the plant closes "
                "without ranking its options."]
    chosen = rows[rows["chosen"]]
    if not len(chosen):
        return ["why: no variant was granted; the plant stays on its route and tries again next year."]
    c = chosen.iloc[0]
    lines = ["why: the highest utility U = deterministic part + strategic bias + random term among the feasible",
             "     variants that allocation granted (docs/ODD.md section 7.7):",
             f"     {_name(c):<32} U = {_utility(c)}"]
    for _, r in rows[rows["refused"]].iterrows():
        lines.append(f"     ranked above it but refused ({r['refused_by']}): {_name(r):<20} U = {_utility(r)}")
    below = rows[(rows["rank"] > c["rank"]) & ~rows["refused"]]
    if len(below):
        lines.append(f"     next in the ranking: {_name(below.iloc[0]):<32} U = {_utility(below.iloc[0])}")
    return lines


def _ranking(ev, rows):
    lines = ["", f"{'col':<4} {'rank':<4} {'option':<34} {'kind':<9} {'start':>5} {'cost':>9} {'margin':>9} "
                 f"{'determ.':>8} {'bias':>7} {'random':>7} {'U':>8}  outcome"]
    for i, (_, r) in enumerate(rows.iterrows(), start=1):
        if r["kind"] == "close":
            lines.append(f"{i:<4} {'-':<4} {_name(r):<34} {'close':<9} {'':>5} {'':>9} {'':>9} {'':>8} {'':>7} "
                         f"{'':>7} {'':>8}  {_outcome(ev, r)}")
            continue
        rank = str(r["rank"] + 1) if r["rank"] >= 0 else "-"
        lines.append(f"{i:<4} {rank:<4} {_name(r):<34} {r['kind']:<9} {r['start_year']:>5} {r['cost_eur_per_t']:>9.1f} "
                     f"{r['margin_eur_per_t']:>9.1f} {r['utility_systematic']:>8.3f} {r['utility_bias']:>7.3f} "
                     f"{r['utility_random']:>7.3f} {r['utility']:>8.3f}  {_outcome(ev, r)}")
    lines += ["EUR per t of product; +<instrument>: the subsidised twin under that support instrument. Variants of one kind share",
              "its bias and random term (nested choice). Infeasible variants are shown with the utility they would "
              "have had."]
    return lines


def _cell(value):
    return f"{value + 0.0:.1f}" if math.isfinite(value) else "-"  # + 0.0: no "-0.0", as the C++


def _terms(ds, rows):
    live = rows[rows["kind"] != "close"]
    labels = [(f"cost_{c}", "ets (abroad: CBAM)" if c == "ets" else c) for c in ds["cost_component"].values]
    table = []
    for column, label in labels:
        table.append((column, label))
        if label == "energy":
            table += [(f"energy_{c}", f"  {c}") for c in ds["carrier"].values]
            if "energy_part" in ds.dims:
                table += [(f"energy_part_{p}", f"  part {p}") for p in ds["energy_part"].values]
    table += [("investment_aid", "investment_aid"), ("risk_premium", "risk_premium"),
              ("cost_eur_per_t", "= total cost"), ("revenue_eur_per_t", "revenue"),
              ("cbam_in_price", "  CBAM in price"), ("green_premium", "  green premium"),
              ("margin_eur_per_t", "= margin")]
    lines = []
    for first in range(0, len(live), COLUMNS_PER_BLOCK):
        block = live.iloc[first:first + COLUMNS_PER_BLOCK]
        lines += ["", f"{'cost terms, EUR/t  col':<24}" + "".join(f"{i + 1:>10}" for i in block.index)]
        for column, label in table:
            lines.append(f"{label:<24}" + "".join(f"{_cell(v):>10}" for v in block[column]))
    return lines


def _permit_delay(ev, rows):
    """As cli/explain_report.cpp: a granted route that starts later than appraised (its permit stage ran on)."""
    if ev["to_technology"] == ev["from_technology"]:
        return ""
    for row in rows[rows["chosen"].astype(bool)].itertuples():
        if row.start_year > 0 and ev["running_from_year"] > row.start_year:  # a close row has none: 0
            return (f" (appraised to start in {row.start_year}: its permit stage ran on "
                    f"{ev['running_from_year'] - row.start_year} year(s))")
    return ""


def explain_text(ds, events, options, plant, year):
    """``events``/``options``: the reader's tables of the decoded dataset ``ds``."""
    mine = events[(events["plant"] == plant) & (events["year"] == year)]
    if not len(mine):
        decided = events[events["plant"] == plant]
        years = ", ".join(f"{e.year} ({e.trigger}{' -> ' + e.to_name if e.to_technology != e.from_technology else ''})"
                          for e in decided.itertuples())
        return (f"{plant} made no decision in {year}.\n"
                + (f"Its decisions: {years}\n" if years else "It made no decision in the whole run.\n"))
    event_id = mine.index[0]
    ev = mine.iloc[0]
    rows = options[options["event"] == event_id].reset_index(drop=True)
    lines = [f"{plant} {ev['plant_name']}: decision in {year} (scenario {ds.attrs.get('scenario', '')}, "
             f"seed {ds.attrs.get('seed', '')})",
             f"trigger: {ev['trigger']} ({TRIGGER_WORDS.get(ev['trigger'], '')})",
             f"outcome: {ev['from_name'] or 'none'} -> {ev['to_name'] or 'none'}"
             + (" (stays)" if ev["to_technology"] == ev["from_technology"] else f", running from {ev['running_from_year']}")
             + _permit_delay(ev, rows)
             + (f", subsidy committed {ev['subsidy_committed_eur'] / 1e6:.1f} MEUR" if ev["subsidy_committed_eur"] > 0 else "")]
    if not len(rows):
        lines.append("no options were weighed: the event records a consequence, not a choice")
        return "\n".join(lines) + "\n"
    lines += _why(ev, rows) + _ranking(ev, rows) + _terms(ds, rows)
    return "\n".join(lines) + "\n"
