#include "instruments_loader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace eiisim {
namespace {

// Money and intensity bounds: beyond them a value is a typing error, not a policy (the
// largest Dutch support round, SDE++ 2024, committed EUR 11.5 bn).
constexpr Bounds kBudgetMeur{0.0, 1e6};
constexpr Bounds kIntensity{0.0, 1e4};
constexpr Bounds kContractYears{1.0, 100.0};

constexpr double kEurPerMeur = 1e6;

bool is_identifier(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '_';
    });
}

// Keys that belong to the other form are an error rather than silently ignored.
void reject_keys_of_other_form(const TomlSection& t, AidForm form) {
    const std::vector<std::string_view> operating_only = {"max_eur_per_tco2", "contract_years",
                                                          "correction_floor_share"};
    const auto& wrong = form == AidForm::operating ? std::vector<std::string_view>{"capex_share"} : operating_only;
    for (std::string_view key : wrong)
        if (t.find(key) != nullptr)
            t.fail(key, std::string("applies to ") +
                            (form == AidForm::operating ? "investment" : "operating") + " instruments only");
}

// `technologies = ["electrolysis", ...]`: option names, checked against the catalogue
// once the dataset is loaded (resolve_instrument_technologies).
std::vector<std::string> read_names(const TomlSection& t, std::string_view key) {
    std::vector<std::string> names;
    const toml::node* node = t.find(key);
    if (node == nullptr) return names;
    const auto* array = node->as_array();
    if (array == nullptr || array->empty())
        t.fail(key, "expected a non-empty list of option names, got " + describe_toml_value(*node));
    for (const toml::node& item : *array) {
        const auto* name = item.as_string();
        if (name == nullptr)
            throw InputError(toml_where(t.file(), item.source()), t.field(key),
                             "expected an option name, got " + describe_toml_value(item));
        names.push_back(name->get());
    }
    return names;
}

InstrumentSpec read_instrument(const TomlSection& t) {
    InstrumentSpec spec;
    spec.id = t.text("id");
    if (!is_identifier(spec.id)) t.fail("id", "expected lower-case letters, digits and '_', got \"" + spec.id + "\"");
    spec.form = static_cast<AidForm>(t.choice("form", kAidFormNames));
    spec.kinds = read_option_kinds(t, "kinds");
    spec.technology_names = read_names(t, "technologies");
    if (const toml::node* names = t.find("technologies"))
        spec.technology_names_line = static_cast<int>(names->source().begin.line);
    spec.applications = t.optional_boolean("applications").value_or(true);
    if (spec.applications && spec.kinds == 0 && spec.technology_names.empty())
        t.fail("kinds", "an instrument that takes applications needs the option kinds or technologies it supports");
    spec.budget_eur = t.path("budget_meur", kBudgetMeur, kEurPerMeur);
    reject_keys_of_other_form(t, spec.form);
    if (spec.form == AidForm::operating) {
        spec.max_eur_per_tco2 = t.number("max_eur_per_tco2", kIntensity);
        spec.contract_years = t.integer("contract_years", kContractYears);
        spec.correction_floor_share = t.optional_number("correction_floor_share", kShare).value_or(2.0 / 3.0);
    } else if (spec.applications || t.find("capex_share") != nullptr) {
        // an agreements-only envelope pays what each agreement says, not a share
        spec.capex_share = t.number("capex_share", kShare);
    }
    spec.source = t.text("source");
    return spec;
}

}  // namespace

std::vector<InstrumentSpec> read_instruments(const TomlSection& root) {
    std::vector<InstrumentSpec> out;
    const toml::node* node = root.find("instruments");
    if (node == nullptr) return out;
    const auto* array = node->as_array();
    if (array != nullptr && array->empty()) return out;  // `instruments = []`: none
    if (array == nullptr || !array->is_array_of_tables())
        root.fail("instruments", "expected [[instruments]] tables, got " + describe_toml_value(*node));
    int index = 0;
    std::array<int, kOptionKindCount> per_kind{};
    for (const toml::node& element : *array) {
        ++index;
        if (index > kMaxInstruments)
            root.fail("instruments", "at most " + std::to_string(kMaxInstruments) + " [[instruments]] tables");
        const TomlSection t(*element.as_table(), root.file(), "instruments[" + std::to_string(index) + "]",
                            {{"id", "form", "kinds", "technologies", "applications", "budget_meur", "max_eur_per_tco2",
                              "contract_years", "correction_floor_share", "capex_share", "source"}});
        InstrumentSpec spec = read_instrument(t);
        if (std::any_of(out.begin(), out.end(), [&](const InstrumentSpec& o) { return o.id == spec.id; }))
            t.fail("id", "instrument \"" + spec.id + "\" is declared twice");
        for (int k = 0; k < kOptionKindCount && spec.applications; ++k)
            if (spec.kinds == 0 || (spec.kinds & (1u << static_cast<unsigned>(k))) != 0)
                if (++per_kind[static_cast<std::size_t>(k)] > kMaxOffersPerKind)
                    t.fail("kinds", std::string("more than ") + std::to_string(kMaxOffersPerKind) +
                                        " instruments that take applications support option kind " +
                                        kOptionKindNames[static_cast<std::size_t>(k)]);
        out.push_back(std::move(spec));
    }
    return out;
}

void resolve_instrument_technologies(std::vector<InstrumentSpec>& instruments,
                                     const std::vector<TechnologySpec>& technologies, const std::string& scenario_file) {
    for (std::size_t i = 0; i < instruments.size(); ++i) {
        InstrumentSpec& spec = instruments[i];
        spec.technologies.clear();
        for (const std::string& name : spec.technology_names) {
            bool found = false;
            for (std::size_t t = 0; t < technologies.size(); ++t)
                if (technologies[t].name == name) {
                    spec.technologies.push_back(static_cast<int>(t));
                    found = true;
                }
            if (!found)
                throw InputError({scenario_file, spec.technology_names_line, 0},
                                 "instruments[" + std::to_string(i + 1) + "].technologies",
                                 "no option named '" + name + "' in technologies.csv or plant_options.csv");
        }
        std::sort(spec.technologies.begin(), spec.technologies.end());
    }
}

}  // namespace eiisim
