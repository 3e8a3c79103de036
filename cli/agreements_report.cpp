// Printing an AdditionalityResult: tonnes as Mt CO2 in the table, t in CSV and JSON; an
// agreed reduction that is not stated and EUR per t without an additional reduction print
// as "-" in the table, empty in CSV and null in JSON.
#include "agreements_report.hpp"

#include <cmath>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "json_text.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;

double agreed_or_nan(double reduction_t) { return reduction_t < 0 ? std::nan("") : reduction_t; }

std::string mt_or_dash(double t) { return std::isnan(t) ? "-" : fmt::format("{:.2f}", t / kMt); }

std::string eur_per_t_text(double v) { return std::isnan(v) ? "-" : fmt::format("{:.0f}", v); }

}  // namespace

void print_additionality_table(std::ostream& out, const AdditionalityResult& r) {
    out << fmt::format("Additionality of the agreements: {}, seeds 1..{}, each against a run without it\n",
                       r.scenario, r.seeds);
    out << "(Mt CO2/yr in the compared year; aid MEUR committed, median; EUR/t: mean aid over mean additional\n"
           " reduction summed over every year of the run)\n";
    out << fmt::format("{:<28} {:<14} {:<8} {:>7} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7} {:>8} {:>8} {:>7}\n",
                       "agreement", "firm", "stage", "binding", "agreed", "year", "modelled", "addition", "5%",
                       "95%", "national", "aid MEUR", "EUR/t");
    for (const AgreementAdditionality& a : r.agreements)
        out << fmt::format("{:<28} {:<14.14} {:<8} {:>6.0f}% {:>6} {:>6} {:>8.2f} {:>8.2f} {:>7.2f} {:>7.2f} {:>8.2f} "
                           "{:>8.1f} {:>7}\n",
                           a.id, a.firm, a.stage, 100.0 * a.binding_share, mt_or_dash(agreed_or_nan(a.agreed_reduction_t)),
                           a.year, a.modelled_reduction_t / kMt, a.additional_t[1] / kMt, a.additional_t[0] / kMt,
                           a.additional_t[2] / kMt, a.national_t[1] / kMt, a.aid_eur / kMt, eur_per_t_text(a.eur_per_t));
}

void print_additionality_csv(std::ostream& out, const AdditionalityResult& r) {
    out << "scenario,seeds,agreement,firm,stage,binding_share,agreed_reduction_t,agreed_target_year,year,"
           "modelled_reduction_t,additional_p05_t,additional_median_t,additional_p95_t,national_p05_t,"
           "national_median_t,national_p95_t,aid_eur,cumulative_additional_t,eur_per_t\n";
    for (const AgreementAdditionality& a : r.agreements)
        out << fmt::format("{},{},{},\"{}\",{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", r.scenario, r.seeds, a.id,
                           a.firm, a.stage, csv_number(a.binding_share), csv_number(agreed_or_nan(a.agreed_reduction_t)),
                           a.agreed_target_year, a.year, csv_number(a.modelled_reduction_t),
                           csv_number(a.additional_t[0]), csv_number(a.additional_t[1]), csv_number(a.additional_t[2]),
                           csv_number(a.national_t[0]), csv_number(a.national_t[1]), csv_number(a.national_t[2]),
                           csv_number(a.aid_eur), csv_number(a.cumulative_additional_t), csv_number(a.eur_per_t));
}

void print_additionality_json(std::ostream& out, const AdditionalityResult& r) {
    out << fmt::format("{{\"scenario\": {}, \"seeds\": {}, \"base_year\": {}, \"end_year\": {}, \"agreements\": [",
                       json_string(r.scenario), r.seeds, r.base_year, r.end_year);
    bool first = true;
    for (const AgreementAdditionality& a : r.agreements) {
        out << (first ? "\n  " : ",\n  ");
        first = false;
        out << fmt::format(
            "{{\"id\": {}, \"firm\": {}, \"stage\": {}, \"binding_share\": {}, \"agreed_reduction_t\": {}, "
            "\"agreed_target_year\": {}, \"year\": {}, \"modelled_reduction_t\": {}, \"additional_t\": [{}, {}, {}], "
            "\"national_t\": [{}, {}, {}], \"aid_eur\": {}, \"cumulative_additional_t\": {}, \"eur_per_t\": {}}}",
            json_string(a.id), json_string(a.firm), json_string(a.stage), json_or_null(a.binding_share),
            json_or_null(agreed_or_nan(a.agreed_reduction_t)), a.agreed_target_year, a.year,
            json_or_null(a.modelled_reduction_t), json_or_null(a.additional_t[0]), json_or_null(a.additional_t[1]),
            json_or_null(a.additional_t[2]), json_or_null(a.national_t[0]), json_or_null(a.national_t[1]),
            json_or_null(a.national_t[2]), json_or_null(a.aid_eur), json_or_null(a.cumulative_additional_t),
            json_or_null(a.eur_per_t));
    }
    out << "\n]}\n";
}

}  // namespace eiisim
