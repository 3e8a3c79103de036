"""The EU ETS benchmark of a plant whose product has none of its own: the sum of its
product-benchmark sub-installations per t of product (tables/sub_installation_benchmarks.csv).

Tata's crude steel: hot metal, coke and sinter per t of crude steel times their benchmarks;
a cracker's ethylene: the high-value chemicals per t of ethylene times the steam-cracking
benchmark. docs/ODD.md §7.4 "Benchmark rule".
"""
from . import tables
from .units import amount_gj, amount_t, unit_kind


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
    """(t CO2 allowances per t of product, [parts]) from the base sections, or (None, [])."""
    rows = tables.load().sub_installation_benchmarks.get(sector, [])
    if not rows or production_t <= 0:
        return None, []
    allowances, parts = 0.0, []
    for s in sections:
        is_product = rule.matches(s.tc.main_name.lower())
        for row in rows:
            if row.plants and plant_id not in row.plants:
                continue
            quantity = _row_quantity(row, s, is_product)
            if quantity <= 0:
                continue
            allowances += quantity * row.share * row.benchmark_t_co2_per_t
            unit = "GJ" if row.counted_in == "bought_heat" else "t"
            parts.append(f"{row.output} {quantity * row.share / production_t:.4g} {unit} {row.benchmark_product}/t x "
                         f"{row.benchmark_t_co2_per_t:g} ({s.configuration_id})")
    return (allowances / production_t, parts) if parts else (None, [])
