#pragma once
// The allowed range of one input number, shared by the CSV and the TOML readers so that
// both say what was expected in the same words ("expected a number in [0, 1]").
//
// Every range is finite (issue 16): a number that passes its check cannot overflow a
// double in the engine's products of a few inputs, so no run writes an infinity or a NaN
// that an input put there. The ranges of the kinds of quantity below are declared once
// here and used by the settings schema (core/settings_schema.cpp) and the dataset readers.
#include <limits>
#include <string>

namespace eiisim {

struct Bounds {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_open = false;  // true: min itself is not allowed (capacity > 0)
    bool max_open = false;  // true: max itself is not allowed (a margin < 1)

    // NaN and infinities are never inside, whatever the bounds: no NaN gets through.
    [[nodiscard]] bool contains(double value) const;
    // "a number >= 0", "an integer in [1900, 2200]", "a number > 0", ...
    [[nodiscard]] std::string describe(bool integer) const;
};

// The largest magnitude of any number in an input file that has no narrower range: larger
// than any quantity of the Dutch industry in the units the files use (the largest shipped
// value is a learning seed of 1.2e9 t/yr; the Netherlands' final energy use is about 2e9
// GJ/yr), and small enough that a product of several inputs stays far below the largest
// double (1.8e308).
inline constexpr double kLargestInput = 1e12;

inline constexpr Bounds kAnyNumber{-kLargestInput, kLargestInput};
inline constexpr Bounds kNonNegative{0.0, kLargestInput};
inline constexpr Bounds kPositive{0.0, kLargestInput, true};
inline constexpr Bounds kShare{0.0, 1.0};
// A margin may be negative: a sector that was loss-making in its calibration year. At -1
// its costs would be twice its revenue and at 1 its product would cost nothing to make:
// neither describes a plant that ran in that year.
inline constexpr Bounds kMarginShare{-1.0, 1.0, true, true};
inline constexpr Bounds kYear{1900.0, 2200.0};
// Infrastructure connection years: 9999 means "never connected".
inline constexpr Bounds kConnectionYear{1900.0, 9999.0};

// Ranges of prices and multipliers, in the units the files write them. Each is far wider
// than any value a stress test would use, and bounds what a sweep factor can reach.
// Per tonne (CO2 or product): 100,000 EUR/t is 40x the dearest bulk product of
// sectors.csv (primary aluminium, 2,500 EUR/t) and over 300x the highest EU ETS price
// projections for 2050 (about 300 EUR/t).
inline constexpr Bounds kEurPerTonne{0.0, 1e5};
inline constexpr Bounds kPositiveEurPerTonne{0.0, 1e5, true};
// Per MWh of electricity or gas: 2.5x the EU day-ahead market's harmonised maximum
// clearing price of 4,000 EUR/MWh (SDAC, 2023), 30x the 2022 TTF peak of about 340.
inline constexpr Bounds kEurPerMwh{0.0, 1e4};
// Per GJ: the same 10,000 EUR/MWh bound, 2,780 EUR/GJ, rounded up.
inline constexpr Bounds kEurPerGj{0.0, 3e3};
// Per kg of hydrogen: 100 EUR/kg is about 15x the 2022 cost of electrolytic hydrogen
// (IEA Global Hydrogen Review 2023: 5-7 EUR/kg).
inline constexpr Bounds kEurPerKgHydrogen{0.0, 100.0};
// Energy tax per kWh and per m3: 10 EUR/kWh and 100 EUR/m3 are over 100x the highest
// Dutch rates (2024: 0.108 EUR/kWh and 0.70 EUR/m3 in the first bands).
inline constexpr Bounds kEurPerKwh{0.0, 10.0};
inline constexpr Bounds kEurPerM3{0.0, 100.0};
// Budgets in EUR million: one trillion euro, about the Dutch GDP.
inline constexpr Bounds kEurMillion{0.0, 1e6};
// Dimensionless multipliers and indices (1 = as in the dataset or the base year): a
// hundredfold change is beyond any scenario and most likely a typo.
inline constexpr Bounds kMultiplier{0.0, 100.0};
inline constexpr Bounds kPositiveMultiplier{0.0, 100.0, true};
// Grid connection thresholds: 100 GW, over 5x the Dutch peak electricity demand.
inline constexpr Bounds kMegawatts{0.0, 1e5};
// National volumes per year: 1,000 Mt/yr and 10,000 PJ/yr, above the Netherlands' whole
// throughput of goods (about 600 Mt/yr in its seaports) and 3x its primary energy use.
inline constexpr Bounds kMegatonnesPerYear{0.0, 1e3};
inline constexpr Bounds kPetajoulesPerYear{0.0, 1e4};
// Emission factors per MWh: 10 t/MWh is 10x the most carbon-intensive power (lignite).
inline constexpr Bounds kTonnesPerMwh{0.0, 10.0};

// Shortest text that reads back to the same double ("0.12", "1e+12").
[[nodiscard]] std::string format_number(double value);

}  // namespace eiisim
