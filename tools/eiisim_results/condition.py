"""Conditions on a sweep's outcomes, for PRIM and feature scoring:

    OUTCOME[YEAR] OP VALUE [and OUTCOME[YEAR] OP VALUE ...]

OUTCOME a yearly outcome (co2_net_national, co2_net_<cluster id>) or a KPI (then no
[YEAR]); OP one of > >= < <=; VALUE a number in the outcome's unit (t/yr for emissions),
a number with the suffix Mt (millions), or the id of a climate target (targets.csv, e.g.
industry_residual_2030: its path on the model's scope in YEAR, from the sweep file).
Example: "co2_net_national[2030] > industry_residual_2030".
"""

import operator
import re

import numpy as np

from .sweep_file import outcome_at

_OPS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
_TERM = re.compile(r"^\s*([A-Za-z_][\w]*)(?:\[(\d{4})\])?\s*(>=|<=|>|<)\s*(\S+)\s*$")


def _value(sweep, text, year):
    if text in sweep.targets:
        hits = np.flatnonzero(sweep.target_years == year)
        if not len(hits):
            raise SystemExit(f"target {text} has no value in year {year}")
        return float(sweep.targets[text][hits[0]])
    scale = 1e6 if text.lower().endswith("mt") else 1.0
    try:
        return float(text[:-2] if scale != 1.0 else text) * scale
    except ValueError:
        raise SystemExit(f"condition: {text!r} is not a number, a number with Mt, nor a target "
                         f"({', '.join(sweep.targets) or 'the file has none'})") from None


def evaluate(sweep, condition):
    """(0/1 per run, the condition with its thresholds written out)."""
    result = np.ones(sweep.runs, dtype=bool)
    described = []
    for term in re.split(r"\s+and\s+", condition.strip()):
        m = _TERM.match(term)
        if not m:
            raise SystemExit(f"condition: cannot read {term!r}; expected OUTCOME[YEAR] OP VALUE, "
                             "e.g. co2_net_national[2030] > industry_residual_2030")
        name, year, op, value = m.group(1), int(m.group(2)) if m.group(2) else None, m.group(3), m.group(4)
        threshold = _value(sweep, value, year)
        result &= _OPS[op](outcome_at(sweep, name, year), threshold)
        described.append(f"{name}{f'[{year}]' if year else ''} {op} {threshold:.6g}")
    return result, " and ".join(described)
