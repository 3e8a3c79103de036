"""The EU ETS benchmark of a plant whose product has none of its own: the sum of its
product-benchmark sub-installations per t of product (tables/sub_installation_benchmarks.csv).

Tata's crude steel: hot metal, coke and sinter per t of crude steel times their benchmarks;
a cracker's ethylene: the high-value chemicals per t of ethylene times the steam-cracking
benchmark. docs/ODD.md §7.4 "Benchmark rule".
"""
from . import tables
from .units import amount_t, unit_kind


def _output_t_per_unit(tc, name):
    """t of output `name` per unit of the tc's main output, or 0."""
    scale = unit_kind(tc.main_unit)[1]
    for f in tc.outputs:
        if f.name.strip().lower() == name:
            t = amount_t(f.amount, f.unit)
            return t / scale if t and scale else 0.0
    return 0.0


def summed_benchmark(sector, sections, rule, production_t):
    """(t CO2 allowances per t of product, [parts]) from the base sections, or (None, [])."""
    rows = tables.load().sub_installation_benchmarks.get(sector, [])
    if not rows or production_t <= 0:
        return None, []
    allowances, parts = 0.0, []
    for s in sections:
        main_t = s.activity * (unit_kind(s.tc.main_unit)[1] or 0.0)
        is_product = rule.matches(s.tc.main_name.lower())
        for row in rows:
            if row.counted_in == "any":
                if s.tc.main_name.strip().lower() != row.output:
                    continue
                output_t = main_t
            elif is_product:
                output_t = main_t * _output_t_per_unit(s.tc, row.output)
            else:
                continue
            if output_t <= 0:
                continue
            allowances += output_t * row.share * row.benchmark_t_co2_per_t
            parts.append(f"{row.output} {output_t * row.share / production_t:.4g} t {row.benchmark_product}/t x "
                         f"{row.benchmark_t_co2_per_t:g} ({s.configuration_id})")
    return (allowances / production_t, parts) if parts else (None, [])
