#include "agreements_table.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "core/input_error.hpp"
#include "csv_reader.hpp"
#include "plant_option_lookup.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

constexpr std::array<const char*, 4> kAidForms = {"investment", "operating", "mixed", "none"};
// Aid beyond this (EUR 100 bn) is a typing error, not an agreement.
constexpr Bounds kAidMeur{0.0, 1e5};
constexpr Bounds kReductionKt{0.0, 1e5};

template <std::size_t N>
std::size_t read_choice(const CsvTable& table, const CsvRow& row, std::string_view column,
                        const std::array<const char*, N>& names) {
    const std::string text = csv_text(table, row, column, false);
    std::string expected;
    for (std::size_t k = 0; k < N; ++k) {
        if (text == names[k]) return k;
        expected += (k == 0 ? "" : ", ") + std::string(names[k]);
    }
    table.fail(row, column, "unknown value '" + text + "'; expected one of: " + expected);
}

// The aid, its form as agreed and the instrument paying it, which the scenario must have.
void read_aid(const CsvTable& table, const CsvRow& row, const std::vector<InstrumentSpec>& instruments,
              AgreementSpec& a) {
    a.aid_eur = csv_number_or(table, row, "aid_meur", kAidMeur, 0.0) * 1e6;
    a.aid_form = kAidForms[read_choice(table, row, "aid_form", kAidForms)];
    a.instrument = csv_text(table, row, "instrument", true);
    if (a.aid_form == "none" && a.aid_eur > 0)
        table.fail(row, "aid_form", "expected a form for aid of " + format_number(a.aid_eur / 1e6) + " MEUR, got none");
    if (a.aid_eur > 0 && a.instrument.empty())
        table.fail(row, "instrument", "expected the instrument that pays the aid");
    if (a.instrument.empty()) return;
    const auto it = std::find_if(instruments.begin(), instruments.end(),
                                 [&](const InstrumentSpec& i) { return i.id == a.instrument; });
    if (it == instruments.end())
        table.fail(row, "instrument", "instrument '" + a.instrument + "' is not among the scenario's [[instruments]]");
    a.instrument_index = static_cast<int>(it - instruments.begin());
    const bool operating = it->form == AidForm::operating;
    if ((a.aid_form == "operating") != operating && a.aid_form != "none")
        table.fail(row, "aid_form", "'" + a.aid_form + "' aid paid by the " + kAidFormNames[static_cast<std::size_t>(it->form)] +
                                        " instrument '" + a.instrument + "'");
}

AgreementSpec read_agreement(const CsvTable& table, const CsvRow& row, const std::vector<InstrumentSpec>& instruments) {
    AgreementSpec a;
    a.id = csv_text(table, row, "id", false);
    a.firm = csv_text(table, row, "firm", false);
    a.stage = static_cast<AgreementStage>(read_choice(table, row, "stage", kAgreementStageNames));
    a.stage_year = csv_integer(table, row, "stage_year", kYear);
    a.target_year = csv_integer_or(table, row, "target_year", kYear, 0);
    a.start_year = csv_integer_or(table, row, "start_year", kYear, a.target_year);
    if (a.stage != AgreementStage::stopped && a.start_year == 0)
        table.fail(row, "start_year", "expected the year the agreed routes run (or a target_year)");
    const double reduction_kt = csv_number_or(table, row, "reduction_kt", kReductionKt, -1.0);
    a.reduction_t = reduction_kt < 0 ? -1.0 : reduction_kt * 1e3;
    read_aid(table, row, instruments, a);
    a.conditions = csv_text(table, row, "conditions", true);
    a.source = csv_text(table, row, "source", false);
    return a;
}

// `capture_kt`: the volume a CCS contract fixes (Porthos, Northern Lights). It sizes the
// plant's own capture option (plant_options.csv) to capture that much of the plant's
// base-year CO2, its capital and fixed cost scaled with it (docs/dataset.md "Agreements").
void size_capture(const CsvTable& table, const CsvRow& row, const PlantSpec& plant, int plant_index,
                  TechnologySpec& tech) {
    const double capture_t = csv_number(table, row, "capture_kt", kReductionKt) * 1e3;
    const double gross_t = plant.co2_combustion_t + plant.co2_process_t;
    if (tech.kind != OptionKind::ccs || tech.plant != plant_index)
        table.fail(row, "capture_kt", "applies to the plant's own CCS options (plant_options.csv) only");
    if (capture_t <= 0 || capture_t > gross_t || tech.capture_rate <= 0)
        table.fail(row, "capture_kt", "expected a volume in (0, " + format_number(gross_t / 1e3) +
                                          "] kt, the plant's base-year CO2");
    const double scale = capture_t / gross_t / tech.capture_rate;
    tech.capture_rate = capture_t / gross_t;
    for (double* money : {&tech.capex_eur_per_t_yr, &tech.capex_low_eur_per_t_yr, &tech.capex_high_eur_per_t_yr,
                          &tech.fixed_opex_eur_per_t_yr, &tech.var_opex_eur_per_t})
        *money *= scale;
    tech.source += "; capture sized to the contracted " + format_number(capture_t / 1e3) + " kt/yr (agreement_plants.csv)";
}

}  // namespace

std::vector<AgreementSpec> read_agreements_table(const std::filesystem::path& file,
                                                 const std::vector<InstrumentSpec>& instruments) {
    static constexpr std::array<CsvColumn, 12> kColumns{{{"id"}, {"firm"}, {"stage"}, {"stage_year"},
        {"start_year"}, {"target_year"}, {"reduction_kt"}, {"aid_meur"}, {"aid_form"}, {"instrument"},
        {"conditions"}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::vector<AgreementSpec> agreements;
    for (const CsvRow& row : table.rows()) {
        AgreementSpec a = read_agreement(table, row, instruments);
        if (std::any_of(agreements.begin(), agreements.end(), [&](const AgreementSpec& o) { return o.id == a.id; }))
            table.fail(row, "id", "agreement '" + a.id + "' is listed twice");
        agreements.push_back(std::move(a));
    }
    return agreements;
}

void read_agreement_units(const std::filesystem::path& file, const std::vector<PlantSpec>& plants,
                          std::vector<TechnologySpec>& technologies,
                          const std::vector<std::vector<int>>& plant_technologies,
                          std::vector<AgreementSpec>& agreements) {
    static constexpr std::array<CsvColumn, 5> kColumns{{{"agreement"}, {"plant"}, {"technology"},
                                                        {"capture_kt", false}, {"source"}}};
    const CsvTable table = CsvTable::read(file, kColumns);
    std::map<std::string, int, std::less<>> plant_index;
    for (std::size_t p = 0; p < plants.size(); ++p) plant_index.emplace(plants[p].id, static_cast<int>(p));
    for (const CsvRow& row : table.rows()) {
        const std::string id = csv_text(table, row, "agreement", false);
        const auto agreement = std::find_if(agreements.begin(), agreements.end(),
                                            [&](const AgreementSpec& a) { return a.id == id; });
        if (agreement == agreements.end()) table.fail(row, "agreement", "unknown agreement '" + id + "' (not in agreements.csv)");
        const std::string plant_id = csv_text(table, row, "plant", false);
        const auto it = plant_index.find(plant_id);
        if (it == plant_index.end()) table.fail(row, "plant", "unknown plant '" + plant_id + "' (not in plants.csv)");
        AgreementUnit unit;
        unit.plant = it->second;
        const auto p = static_cast<std::size_t>(unit.plant);
        const CsvField* route = table.field(row, "technology");
        if (route != nullptr && !route->text.empty())
            unit.technology = plant_option_named(table, row, "technology", technologies, plant_technologies[p], plants[p]);
        else if (agreement->stage != AgreementStage::stopped)
            table.fail(row, "technology", "expected the route agreement '" + id + "' commits the plant to");
        const CsvField* capture = table.field(row, "capture_kt");
        if (capture != nullptr && !capture->text.empty()) {
            if (unit.technology < 0) table.fail(row, "capture_kt", "needs the route it sizes");
            size_capture(table, row, plants[p], unit.plant, technologies[static_cast<std::size_t>(unit.technology)]);
        }
        if (std::any_of(agreement->units.begin(), agreement->units.end(),
                        [&](const AgreementUnit& u) { return u.plant == unit.plant; }))
            table.fail(row, "plant", "plant '" + plant_id + "' is listed twice for agreement '" + id + "'");
        unit.source = csv_text(table, row, "source", false);
        agreement->units.push_back(std::move(unit));
    }
}

std::vector<AgreementSpec> load_agreements(const std::filesystem::path& agreements_file,
                                           const std::filesystem::path& units_file,
                                           const std::vector<PlantSpec>& plants,
                                           std::vector<TechnologySpec>& technologies,
                                           const std::vector<std::vector<int>>& plant_technologies,
                                           const std::vector<InstrumentSpec>& instruments) {
    if (!optional_input_present(agreements_file)) {
        if (optional_input_present(units_file))
            throw InputError({units_file.string(), 0, 0}, "agreement",
                             "agreement_plants.csv needs agreements.csv beside it");
        return {};
    }
    std::vector<AgreementSpec> agreements = read_agreements_table(agreements_file, instruments);
    read_agreement_units(units_file, plants, technologies, plant_technologies, agreements);
    return agreements;
}

}  // namespace eiisim
