// The hindcast file layout (docs/output-format.md, "Hindcast files"): dimensions mode,
// series and year in the root group, as in run and sweep files.
#include "hdf5_hindcast_writer.hpp"

#include <functional>

#include "hdf5_atomic.hpp"
#include "hdf5_layout.hpp"
#include "hdf5_provenance.hpp"
#include "utc_timestamp.hpp"

namespace eiisim {
namespace {

using YearField = std::function<double(const HindcastYear&)>;

// [mode][series][year] of one per-mode field.
std::vector<double> by_mode(const HindcastResult& r, const YearField& field) {
    std::vector<double> out;
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m)
        for (const HindcastSeries& s : r.series)
            for (const HindcastYear& y : s.years[m]) out.push_back(field(y));
    return out;
}

// [series][year] of an observed field (the same in both modes: taken from the first).
std::vector<double> observed(const HindcastResult& r, const YearField& field) {
    std::vector<double> out;
    for (const HindcastSeries& s : r.series)
        for (const HindcastYear& y : s.years[0]) out.push_back(field(y));
    return out;
}

void write_dimensions(h5::NcFile& file, const HindcastResult& r) {
    std::vector<std::string> modes;
    for (HistoryMode m : kHindcastModes) modes.emplace_back(kHistoryModeNames[static_cast<std::size_t>(m)]);
    file.add_dimension("mode", std::span<const std::string>(modes), {"", "scenario.history of the runs"});
    std::vector<std::string> ids, names, scopes, plants;
    for (const HindcastSeries& s : r.series) {
        ids.push_back(s.observed.id);
        names.push_back(s.observed.name);
        scopes.emplace_back(kObservedScopeNames[static_cast<std::size_t>(s.observed.scope)]);
        plants.push_back(s.observed.plants_text);
    }
    file.add_dimension("series", std::span<const std::string>(ids), {"", "observed series (observed_emissions.csv id)"});
    std::vector<std::int32_t> years;
    for (int y = r.base_year; y <= r.last_year; ++y) years.push_back(y);
    file.add_dimension("year", std::span<const std::int32_t>(years), {"year", "calendar year"});
    file.add_variable("series_name", {"series"}, std::span<const std::string>(names), {"", "name of the series"});
    file.add_variable("series_scope", {"series"}, std::span<const std::string>(scopes),
                      {"", "national, installation or cluster"});
    file.add_variable("series_plants", {"series"}, std::span<const std::string>(plants),
                      {"", "model plants compared: plant ids, cluster:<id> or non-power"});
}

void write_years(h5::NcFile& file, const HindcastResult& r) {
    const std::vector<std::string> msy = {"mode", "series", "year"};
    auto put = [&](const std::string& name, const std::vector<std::string>& dims, const std::vector<double>& v,
                   const char* units, const char* what) {
        file.add_variable(name, dims, std::span<const double>(v), {units, what});
    };
    put("simulated_p05", msy, by_mode(r, [](const HindcastYear& y) { return y.simulated_p05_mt; }), "Mt",
        "net CO2 of the series' plants, 5 % quantile over seeds");
    put("simulated_median", msy, by_mode(r, [](const HindcastYear& y) { return y.simulated_median_mt; }), "Mt",
        "net CO2 of the series' plants, median over seeds");
    put("simulated_p95", msy, by_mode(r, [](const HindcastYear& y) { return y.simulated_p95_mt; }), "Mt",
        "net CO2 of the series' plants, 95 % quantile over seeds");
    put("simulated_change", msy, by_mode(r, [](const HindcastYear& y) { return y.simulated_change; }), "1",
        "change since the base year, median over seeds");
    put("simulated_yoy", msy, by_mode(r, [](const HindcastYear& y) { return y.simulated_yoy; }), "1",
        "change on the previous year, median over seeds (NaN in the base year)");
    put("error_pp", msy, by_mode(r, [](const HindcastYear& y) { return y.error_pp; }), "percentage points",
        "simulated minus observed change since the base year (NaN: no observation)");
    const auto sign = by_mode(r, [](const HindcastYear& y) { return static_cast<double>(y.sign_right); });
    const std::vector<std::int32_t> signs(sign.begin(), sign.end());
    file.add_variable("sign_right", msy, std::span<const std::int32_t>(signs),
                      {"1", "sign of the year-on-year change right"}, h5::Flags<std::int32_t>{{-1, 0, 1},
                                                                                    "not_comparable wrong right"});
    const std::vector<std::string> sy = {"series", "year"};
    put("observed", sy, observed(r, [](const HindcastYear& y) { return y.observed_mt; }), "Mt",
        "observed emissions (NaN: none)");
    put("observed_change", sy, observed(r, [](const HindcastYear& y) { return y.observed_change; }), "1",
        "observed change since the base year");
    put("observed_yoy", sy, observed(r, [](const HindcastYear& y) { return y.observed_yoy; }), "1",
        "observed change on the previous year");
    std::vector<std::string> labels;
    for (const HindcastSeries& s : r.series)
        for (const HindcastYear& y : s.years[0]) labels.push_back(y.label);
    file.add_variable("observed_label", sy, std::span<const std::string>(labels),
                      {"", "direct, derived or estimate; empty: no observation"});
}

void write_metrics(h5::NcFile& file, const HindcastResult& r) {
    std::vector<double> mae, mape;
    std::vector<std::int32_t> right, compared;
    for (std::size_t m = 0; m < kHindcastModes.size(); ++m)
        for (const HindcastSeries& s : r.series) {
            mae.push_back(s.metrics[m].mae_pp);
            mape.push_back(s.metrics[m].mape_pct);
            right.push_back(s.metrics[m].signs_right);
            compared.push_back(s.metrics[m].signs_compared);
        }
    const std::vector<std::string> ms = {"mode", "series"};
    file.add_variable("mae_change_pp", ms, std::span<const double>(mae),
                      {"percentage points", "mean absolute error of the change since the base year"});
    file.add_variable("mape", ms, std::span<const double>(mape),
                      {"percent", "mean absolute percentage error of the base-year-indexed level"});
    file.add_variable("signs_right", ms, std::span<const std::int32_t>(right),
                      {"1", "years whose year-on-year change has the observed sign"});
    file.add_variable("signs_compared", ms, std::span<const std::int32_t>(compared),
                      {"1", "years with an observed and a simulated year-on-year change"});
}

}  // namespace

void write_hindcast_hdf5(const std::filesystem::path& out, const Inputs& inputs, const HindcastResult& result) {
    output::write_hdf5_atomically(out, [&](h5::NcFile& file) {
        file.set_global("title", "eiisim hindcast: " + inputs.scenario.name);
        output::write_provenance(file, inputs, output::utc_timestamp_now());
        file.set_global_number("seeds", static_cast<std::int32_t>(result.seeds));
        file.set_global_number("hindcast_last_year", static_cast<std::int32_t>(result.last_year));
        file.set_global("layout", "see docs/output-format.md (Hindcast files) in the eiisim source tree");
        write_dimensions(file, result);
        write_years(file, result);
        write_metrics(file, result);
        output::write_input_files(file, inputs);
    });
}

}  // namespace eiisim
