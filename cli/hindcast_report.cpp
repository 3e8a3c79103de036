// Printing a HindcastResult. NaN (no observation, no comparison) prints as blank in the
// table, empty in CSV and null in JSON.
#include "hindcast_report.hpp"

#include <cmath>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "json_text.hpp"

namespace eiisim {
namespace {

const char* mode_name(std::size_t m) { return kHistoryModeNames[static_cast<std::size_t>(kHindcastModes[m])]; }

std::string percent(double fraction, int width) {
    return std::isnan(fraction) ? std::string(static_cast<std::size_t>(width), ' ')
                                : fmt::format("{:+{}.1f}%", 100.0 * fraction, width - 1);
}

std::string sign_text(int sign_right) { return sign_right < 0 ? "" : (sign_right == 1 ? "right" : "wrong"); }

std::string metrics_text(const HindcastMetrics& m) {
    return fmt::format("MAE of the change {:.1f} pp, MAPE {:.1f} %, sign {}/{}", m.mae_pp, m.mape_pct, m.signs_right,
                       m.signs_compared);
}

void print_series_table(std::ostream& out, const HindcastSeries& s) {
    const ObservedSeries& o = s.observed;
    out << fmt::format("\n{} ({}: {}), net CO2 in Mt; changes since {}\n", o.name,
                       kObservedScopeNames[static_cast<std::size_t>(o.scope)], o.plants_text, s.years[0].front().year);
    out << fmt::format("{:>4}  {:>6} {:>7} {:>7} {:<8}", "year", "obs Mt", "change", "yoy", "label");
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m)
        out << fmt::format(" | {:<6} {:>6} [{:>5}-{:>5}] {:>7} {:>6} {:<5}", mode_name(m), "median", "5%", "95%",
                           "change", "err pp", "sign");
    out << "\n";
    for (std::size_t y = 0; y < s.years[0].size(); ++y) {
        const HindcastYear& first = s.years[0][y];
        out << fmt::format("{:>4}  {:>6} {} {} {:<8}", first.year,
                           std::isnan(first.observed_mt) ? "" : fmt::format("{:.2f}", first.observed_mt),
                           percent(first.observed_change, 7), percent(first.observed_yoy, 7), first.label);
        for (std::size_t m = 0; m < kHindcastModes.size(); ++m) {
            const HindcastYear& r = s.years[m][y];
            out << fmt::format(" | {:<6} {:6.2f} [{:5.2f}-{:5.2f}] {} {:>6} {:<5}", "", r.simulated_median_mt,
                               r.simulated_p05_mt, r.simulated_p95_mt, percent(r.simulated_change, 7),
                               std::isnan(r.error_pp) ? "" : fmt::format("{:+.1f}", r.error_pp),
                               sign_text(r.sign_right));
        }
        out << "\n";
    }
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m)
        out << fmt::format("  {:<6} {}\n", mode_name(m), metrics_text(s.metrics[m]));
}

std::string json_year(const HindcastYear& r) {
    return fmt::format(
        "{{\"year\": {}, \"simulated_p05_mt\": {}, \"simulated_median_mt\": {}, \"simulated_p95_mt\": {}, "
        "\"simulated_change\": {}, \"simulated_yoy\": {}, \"observed_mt\": {}, \"observed_change\": {}, "
        "\"observed_yoy\": {}, \"observed_label\": {}, \"error_pp\": {}, \"sign_right\": {}}}",
        r.year, json_or_null(r.simulated_p05_mt), json_or_null(r.simulated_median_mt),
        json_or_null(r.simulated_p95_mt), json_or_null(r.simulated_change), json_or_null(r.simulated_yoy),
        json_or_null(r.observed_mt), json_or_null(r.observed_change), json_or_null(r.observed_yoy),
        r.label.empty() ? "null" : json_string(r.label), json_or_null(r.error_pp),
        r.sign_right < 0 ? "null" : (r.sign_right == 1 ? "true" : "false"));
}

std::string json_metrics(const HindcastMetrics& m) {
    const double accuracy = m.signs_compared == 0 ? std::nan("") : static_cast<double>(m.signs_right) / m.signs_compared;
    return fmt::format("{{\"mae_change_pp\": {}, \"mape_pct\": {}, \"signs_right\": {}, \"signs_compared\": {}, "
                       "\"sign_accuracy\": {}}}",
                       json_or_null(m.mae_pp), json_or_null(m.mape_pct), m.signs_right, m.signs_compared,
                       json_or_null(accuracy));
}

void print_json_series(std::ostream& out, const HindcastSeries& s) {
    const ObservedSeries& o = s.observed;
    out << fmt::format("    {{\"id\": {}, \"name\": {}, \"scope\": {}, \"plants\": {}, \"modes\": {{", json_string(o.id),
                       json_string(o.name), json_string(kObservedScopeNames[static_cast<std::size_t>(o.scope)]),
                       json_string(o.plants_text));
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m) {
        out << (m == 0 ? "\n" : ",\n") << fmt::format("      {}: {{\"metrics\": {}, \"years\": [", json_string(mode_name(m)),
                                                     json_metrics(s.metrics[m]));
        for (std::size_t y = 0; y < s.years[m].size(); ++y)
            out << (y == 0 ? "\n" : ",\n") << "        " << json_year(s.years[m][y]);
        out << "]}";
    }
    out << "}}";
}

}  // namespace

void print_hindcast_table(std::ostream& out, const HindcastResult& r) {
    out << fmt::format("Hindcast of {}: seeds 1-{}, {}-{}, modes forced and free (scenario.history)\n", r.scenario,
                       r.seeds, r.base_year, r.last_year);
    out << "Simulated: net CO2 of the plants the series names, median and 5-95 % over seeds; changes are\n"
           "medians over seeds. Compared like for like: changes since the base year, not levels.\n";
    for (const HindcastSeries& s : r.series) print_series_table(out, s);
}

void print_hindcast_csv(std::ostream& out, const HindcastResult& r) {
    out << "mode,series,scope,year,simulated_p05_mt,simulated_median_mt,simulated_p95_mt,simulated_change,"
           "simulated_yoy,observed_mt,observed_change,observed_yoy,observed_label,error_pp,sign_right\n";
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m)
        for (const HindcastSeries& s : r.series)
            for (const HindcastYear& y : s.years[m])
                out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", mode_name(m), s.observed.id,
                                   kObservedScopeNames[static_cast<std::size_t>(s.observed.scope)], y.year,
                                   csv_number(y.simulated_p05_mt), csv_number(y.simulated_median_mt),
                                   csv_number(y.simulated_p95_mt), csv_number(y.simulated_change),
                                   csv_number(y.simulated_yoy), csv_number(y.observed_mt),
                                   csv_number(y.observed_change), csv_number(y.observed_yoy), y.label,
                                   csv_number(y.error_pp), y.sign_right < 0 ? "" : std::to_string(y.sign_right));
}

void print_hindcast_json(std::ostream& out, const HindcastResult& r) {
    out << fmt::format("{{\n  \"scenario\": {}, \"seeds\": {}, \"base_year\": {}, \"last_year\": {},\n"
                       "  \"modes\": [\"{}\", \"{}\"],\n  \"series\": [",
                       json_string(r.scenario), r.seeds, r.base_year, r.last_year, mode_name(0), mode_name(1));
    for (std::size_t s = 0; s < r.series.size(); ++s) {
        out << (s == 0 ? "\n" : ",\n");
        print_json_series(out, r.series[s]);
    }
    out << "\n  ]\n}\n";
}

}  // namespace eiisim
