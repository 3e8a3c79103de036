"""The EU ETS benchmark of a plant whose product has none of its own: the sum of its
product-benchmark sub-installations per t of product (tables/sub_installation_benchmarks.csv).

Tata's crude steel: hot metal, coke and sinter per t of crude steel times their benchmarks;
a cracker's ethylene: the high-value chemicals per t of ethylene times the steam-cracking
benchmark. docs/ODD.md §7.4 "Benchmark rule".
"""
from . import tables
from .units import amount_gj, amount_t, unit_kind

# The 2026-2030 benchmark values (Implementing Regulation (EU) 2026/1412) are the 2013-2020
# values of Decision 2011/278/EU cut by 0.3-2.5 % a year over the 20 years 2008-2028, i.e.
# by 6-50 % (Directive 2003/87/EC Art. 10a(2) as amended by Directive (EU) 2023/959; "capped
# between 6% and 50%", owlbrief.com brief 14232). Where the adopted value is not at hand the
# plant gets both ends: the least cut (ESTIMATE, the least change the law allows; never above
# the 2021-2025 value, as a rise would need the best 10 % of 2021-2022 to have done worse
# than those of 2016-2017, against the Commission's finding that "for a significant number
# of installations this performance is significantly better", eurometal.net 2026-05) and the
# largest; the engine's policy.unknown_benchmark_cut_position picks a point between them.
LEAST_CUT_2026 = 0.06
LARGEST_CUT_2026 = 0.50


def period_2026_values(value_2021, value_2026, value_2013):
    """(least-cut value, largest-cut value) of one benchmark for 2026-2030: the adopted value
    twice where it is known, else the bounds of Directive 2003/87/EC Art. 10a(2)."""
    if value_2026 is not None:
        return value_2026, value_2026
    least = min(value_2013 * (1.0 - LEAST_CUT_2026), value_2021)
    return least, value_2013 * (1.0 - LARGEST_CUT_2026)


def row_values(row):
    """{period: allowances per t} of a sub_installation_benchmarks.csv row: 2021-2025, and
    2026-2030 at the least and at the largest cut."""
    least, largest = period_2026_values(row.benchmark_t_co2_per_t, row.benchmark_2026_t_co2_per_t,
                                        row.benchmark_2013_t_co2_per_t)
    return {"2021": row.benchmark_t_co2_per_t, "2026": least, "2026_max_cut": largest}


def _output_t_per_unit(tc, name):
    """t of output `name` per unit of the tc's main output, or 0."""
    scale = unit_kind(tc.main_unit)[1]
    for f in tc.outputs:
        if f.name.strip().lower() == name:
            t = amount_t(f.amount, f.unit)
            return t / scale if t and scale else 0.0
    return 0.0


def _input_gj_per_unit(tc, name):
    """GJ of input `name` per unit of the tc's main output, or 0."""
    scale = unit_kind(tc.main_unit)[1]
    gj = sum(amount_gj(f.amount, f.unit) or 0.0 for f in tc.inputs if f.name.strip().lower() == name)
    return gj / scale if scale else 0.0


def _row_quantity(row, section, is_product):
    """t (or GJ for bought heat) of what `row` counts in one base section."""
    main_t = section.activity * (unit_kind(section.tc.main_unit)[1] or 0.0)
    if row.counted_in == "any":
        return main_t if section.tc.main_name.strip().lower() == row.output else 0.0
    if not is_product:
        return 0.0
    if row.counted_in == "bought_heat":
        return main_t * _input_gj_per_unit(section.tc, row.output)
    return main_t * _output_t_per_unit(section.tc, row.output)


def summed_benchmark(sector, sections, rule, production_t, plant_id=""):
    """({period: t CO2 allowances per t of product} as row_values, [parts of 2021-2025]) from
    the base sections, or (None, [])."""
    rows = tables.load().sub_installation_benchmarks.get(sector, [])
    if not rows or production_t <= 0:
        return None, []
    allowances, parts = {"2021": 0.0, "2026": 0.0, "2026_max_cut": 0.0}, []
    for s in sections:
        is_product = rule.matches(s.tc.main_name.lower())
        for row in rows:
            if row.plants and plant_id not in row.plants:
                continue
            quantity = _row_quantity(row, s, is_product)
            if quantity <= 0:
                continue
            for period, value in row_values(row).items():
                allowances[period] += quantity * row.share * value
            unit = "GJ" if row.counted_in == "bought_heat" else "t"
            parts.append(f"{row.output} {quantity * row.share / production_t:.4g} {unit} {row.benchmark_product}/t x "
                         f"{row.benchmark_t_co2_per_t:g} ({s.configuration_id})")
    return ({k: v / production_t for k, v in allowances.items()}, parts) if parts else (None, [])
