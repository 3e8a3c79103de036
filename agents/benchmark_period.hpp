#pragma once
// The EU ETS benchmark values change with the allocation period (docs/ODD.md §7.4
// "Benchmark rule"): the 2021-2025 values of Implementing Regulation (EU) 2021/447 up to
// the 2025 allocation year, the 2026-2030 values of Implementing Regulation (EU) 2026/1412
// from 2026 (owlbrief.com brief 14232: "including the 2026 allocation year"). No values
// after 2030 are set in law, so the 2026-2030 ones are kept (docs/ODD.md §8).
//
// A plant's two values are fixed when its baseline is made (agents/plant_baseline.cpp);
// each use weighs them by how much of the allocation (or CBAM) factor falls in each period
// (PriceView's `*_from_2026` parts), so no sum is recomputed per year.

namespace eiisim {

// The first allocation year of the 2026-2030 benchmark values.
inline constexpr int kBenchmark2026From = 2026;

// The heat and fuel benchmarks from 2026 relative to 2021-2025: both fall from 76 % to
// 50 % of their 2013-2020 values (heat 62.3 -> 47.3 -> 31.15 allowances/TJ, fuel 56.1 ->
// 42.6 -> 28.05: the largest cut the law allows in each period, Directive 2003/87/EC Art.
// 10a(2); 2026-2030 at 50 %: European Aluminium, alulinking.com news 145, "a 50% cut
// compared with original Phase 3 levels"). Scales the combustion part of the sector
// fallback benchmark from 2026 (agents/plant_baseline.cpp).
inline constexpr double kHeatFuelBenchmark2026Ratio = 0.50 / 0.76;

// Allowances per t before phase-out times a factor whose part from 2026 is `from_2026`:
// the 2021-2025 benchmark on the part before 2026, the 2026-2030 one on the rest.
[[nodiscard]] inline double benchmark_times(double benchmark_2021, double benchmark_2026, double factor,
                                            double from_2026) {
    return benchmark_2021 * (factor - from_2026) + benchmark_2026 * from_2026;
}

}  // namespace eiisim
