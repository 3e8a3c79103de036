#include "observed_prices_loader.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/bounds.hpp"
#include "core/settings_schema.hpp"
#include "csv_reader.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

constexpr std::array<CsvColumn, 5> kColumns = {
    {{"series"}, {"year"}, {"value"}, {"unit"}, {"source"}}};
constexpr std::string_view kSectorIndex = "product_price_index.";
constexpr std::string_view kImport = "import_eur_per_t.";

// The unit a series is written in, or "" when the series is unknown (with why in `problem`).
std::string series_unit(const std::string& series, const std::vector<SectorSpec>& sectors,
                        const std::vector<std::string>& import_names, std::string& problem) {
    if (series.starts_with(kSectorIndex)) {
        const std::string id = series.substr(kSectorIndex.size());
        const auto found = std::find_if(sectors.begin(), sectors.end(), [&](const SectorSpec& s) { return s.id == id; });
        if (found == sectors.end()) problem = "unknown sector '" + id + "' (not in sectors.csv)";
        else if (found->product_price_eur_per_t <= 0) problem = "sector '" + id + "' has no product price";
        else return "1";
        return "";
    }
    if (series.starts_with(kImport)) {
        const std::string name = series.substr(kImport.size());
        if (std::find(import_names.begin(), import_names.end(), name) != import_names.end()) return "EUR/t";
        problem = "unknown import price '" + name + "' (not a key of the scenario's [prices.import_eur_per_t])";
        return "";
    }
    const int index = find_setting("prices." + series);
    if (index >= 0 && settings_schema()[static_cast<std::size_t>(index)].type == SettingType::path)
        return std::string(settings_schema()[static_cast<std::size_t>(index)].unit);
    problem = "unknown series '" + series + "': expected a [prices] path key, " + std::string(kImport) + "<name> or " +
              std::string(kSectorIndex) + "<sector>";
    return "";
}

// The network tariffs of the connection levels are one schedule (a plant's level decides
// which it pays): observed, they must all be observed for the same years, or a year would
// compare an observed tariff at one level with an assumed one at another.
void check_tariff_series(const std::vector<ObservedPriceSeries>& all, const std::string& file) {
    constexpr std::array<std::string_view, 3> kTogether = {
        "network_tariff_ehv_eur_per_mwh", "network_tariff_hv_eur_per_mwh", "network_tariff_regional_eur_per_mwh"};
    const auto years = [](const ObservedPriceSeries& s) {
        std::vector<int> out;
        for (const auto& [year, value] : s.values) out.push_back(year);
        return out;
    };
    const ObservedPriceSeries* first = nullptr;
    std::size_t found = 0;
    for (const std::string_view name : kTogether) {
        const auto it =
            std::find_if(all.begin(), all.end(), [&](const ObservedPriceSeries& s) { return s.series == name; });
        if (it == all.end()) continue;
        ++found;
        if (first == nullptr) first = &*it;
        else if (years(*it) != years(*first))
            throw InputError({file, it->line, 0}, "series",
                             std::string(name) + " covers other years than " + first->series +
                                 ": the network tariffs of all connection levels must be observed for the same years");
    }
    if (found != 0 && found != kTogether.size())
        throw InputError({file, first->line, 0}, "series",
                         "only some connection levels' network tariffs are observed: observe network_tariff_ehv, _hv "
                         "and _regional (eur_per_mwh) together, for the same years");
}

}  // namespace

std::vector<ObservedPriceSeries> load_observed_prices(const std::filesystem::path& file,
                                                      const std::vector<SectorSpec>& sectors,
                                                      const std::vector<std::string>& import_names) {
    if (!optional_input_present(file)) return {};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::vector<ObservedPriceSeries> out;
    std::map<std::string, std::size_t, std::less<>> index;
    for (const CsvRow& row : table.rows()) {
        const std::string series = csv_text(table, row, "series", false);
        std::string problem;
        const std::string unit = series_unit(series, sectors, import_names, problem);
        if (unit.empty()) table.fail(row, "series", problem);
        const int year = csv_integer(table, row, "year", kYear);
        const double value = csv_number(table, row, "value", kNonNegative);
        if (csv_text(table, row, "unit", false) != unit)
            table.fail(row, "unit", "series '" + series + "' is given in " + unit);
        (void)csv_text(table, row, "source", false);
        const auto [it, added] = index.try_emplace(series, out.size());
        if (added) out.push_back({series, {}, table.file(), row.line});
        ObservedPriceSeries& s = out[it->second];
        if (!s.values.empty() && year != s.values.back().first + 1)
            table.fail(row, "year",
                       "years of series '" + series + "' must be consecutive and ascending: " + std::to_string(year) +
                           " follows " + std::to_string(s.values.back().first));
        s.values.emplace_back(year, value);
    }
    check_tariff_series(out, table.file());
    return out;
}

}  // namespace eiisim
