#include "scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/price_year.hpp"
#include "core/settings_schema.hpp"
#include "loader_toml.hpp"
#include "instruments_loader.hpp"
#include "uncertainty_loader.hpp"

namespace eiisim {
namespace {

// The sum of two piecewise-linear paths is piecewise linear with kinks only at the
// anchors of either, so evaluating both at the union of their anchors is exact.
// One-anchor paths are constant and add no kinks (their year may be a placeholder).
TimePath sum_paths(const TimePath& a, const TimePath& b) {
    std::set<int> years;
    for (const TimePath* path : {&a, &b}) {
        if (path->anchors().size() > 1)
            for (const auto& anchor : path->anchors()) years.insert(anchor.first);
    }
    if (years.empty()) return TimePath(a.at(0) + b.at(0));
    std::vector<std::pair<int, double>> anchors;
    for (const int year : years) anchors.emplace_back(year, a.at(year) + b.at(year));
    return TimePath(std::move(anchors));
}

std::uint64_t read_seed(const TomlSection& s, std::string_view key) {
    const toml::node* seed = s.find(key);
    const auto* value = seed != nullptr ? seed->as_integer() : nullptr;
    if (value == nullptr || value->get() < 0)
        s.fail(key, "expected an integer >= 0, got " + (seed != nullptr ? describe_toml_value(*seed) : "nothing"));
    return static_cast<std::uint64_t>(value->get());
}

void read_path_table(const TomlSection& s, const SettingSpec& spec, Scenario& scenario) {
    const auto table = s.section(spec.name(), std::nullopt);
    for (const auto& name : table.keys_in_file_order()) {
        scenario.setting_lines.line_of[table.field(name)] = table.key_where(name).line;
        spec.named_paths.names(scenario).push_back(name);
        spec.named_paths.paths(scenario).push_back(table.path(name, spec.bounds, spec.to_engine));
    }
}

// One setting, by its schema row: absent optional keys keep the Scenario{} default.
void read_setting(const TomlSection& s, const SettingSpec& spec, Scenario& scenario) {
    const std::string_view key = spec.name();
    if (!spec.required && s.find(key) == nullptr) return;
    scenario.setting_lines.line_of[s.field(key)] = s.key_where(key).line;
    switch (spec.type) {
        case SettingType::text: spec.text(scenario) = s.text(key); break;
        case SettingType::integer: spec.integer(scenario) = s.integer(key, spec.bounds); break;
        case SettingType::seed: spec.seed(scenario) = read_seed(s, key); break;
        case SettingType::number: spec.number(scenario) = s.number(key, spec.bounds) * spec.to_engine; break;
        case SettingType::boolean: spec.boolean(scenario) = s.boolean(key); break;
        case SettingType::choice: spec.choice.set(scenario, static_cast<int>(s.choice(key, spec.choice.names))); break;
        case SettingType::path: {
            TimePath path = s.path(key, spec.bounds, spec.to_engine);
            TimePath& field = spec.path(scenario);
            field = spec.merge == Merge::add ? sum_paths(field, path) : std::move(path);
            break;
        }
        case SettingType::path_table: read_path_table(s, spec, scenario); break;
        case SettingType::sweep_only: break;
    }
}

// Every schema setting of one table of the file; `extra` lists keys read elsewhere.
// Returns the table, for the rules between its settings (std::nullopt: an absent optional table).
std::optional<TomlSection> read_table(const TomlSection& root, const SettingTable& table, Scenario& scenario,
                                      std::vector<std::string_view> extra = {}) {
    std::vector<std::string_view> keys = setting_keys(table.name);
    keys.insert(keys.end(), extra.begin(), extra.end());
    const auto section = table.required ? std::optional(root.section(table.name, keys))
                                        : root.optional_section(table.name, keys);
    if (!section) return section;
    for (const SettingSpec& spec : settings_schema())
        if (spec.in_file() && spec.table() == table.name) read_setting(*section, spec, scenario);
    return section;
}

// Rules between header settings, which single rows cannot state.
void check_header(const TomlSection& s, ScenarioFile& out, const std::filesystem::path& file) {
    Scenario& scenario = out.scenario;
    if (scenario.end_year < scenario.base_year)
        s.fail("end_year", "expected a year >= base_year (" + std::to_string(scenario.base_year) +
                               "), got " + std::to_string(scenario.end_year));
    if (s.find("calibration_year") == nullptr) scenario.calibration_year = scenario.base_year;
    if (scenario.calibration_year < scenario.base_year || scenario.calibration_year > scenario.end_year)
        s.fail("calibration_year", "expected a year between base_year and end_year, got " +
                                       std::to_string(scenario.calibration_year));
    if (scenario.dataset.empty()) s.fail("dataset", "expected the path of the dataset folder, got \"\"");
    out.dataset = {scenario.dataset, s.field("dataset"), s.where("dataset")};
    out.dataset_dir = file.parent_path() / scenario.dataset;
}

// The connection levels are nested: a plant on 220/380 kV draws at least what one on
// 110/150 kV does (docs/ODD.md §7.4).
void check_connection_thresholds(const TomlSection& s, const EnergyCostPolicy& energy) {
    if (energy.hv_min_mw > energy.ehv_min_mw)
        s.fail(s.find("hv_connection_min_mw") != nullptr ? "hv_connection_min_mw" : "ehv_connection_min_mw",
               "expected hv_connection_min_mw <= ehv_connection_min_mw, got " + format_number(energy.hv_min_mw) +
                   " > " + format_number(energy.ehv_min_mw));
}

std::optional<ScenarioReference> read_reference(const TomlSection& section, std::string_view key) {
    const auto id = section.optional_text(key);
    if (!id) return std::nullopt;
    if (id->empty()) section.fail(key, "expected a non-empty id, got \"\"");
    return ScenarioReference{*id, section.field(key), section.where(key)};
}

void read_cluster_overrides(const TomlSection& root, std::vector<ClusterOverride>& overrides) {
    const auto infrastructure = root.optional_section("infrastructure", std::nullopt);
    if (!infrastructure) return;
    const auto clusters = infrastructure->optional_section("clusters", std::nullopt);
    if (!clusters) return;
    for (const auto& id : clusters->keys_in_file_order()) {
        const auto c = clusters->section(id, {{"co2_connection_year", "h2_connection_year", "grid_headroom_mw"}});
        ClusterOverride o{{id, clusters->field(id), clusters->key_where(id)}, {}, {}, {}};
        o.co2_connection_year = c.optional_integer("co2_connection_year", kConnectionYear);
        o.h2_connection_year = c.optional_integer("h2_connection_year", kConnectionYear);
        o.grid_headroom_mw = c.optional_path("grid_headroom_mw", kNonNegative);
        overrides.push_back(std::move(o));
    }
}

void read_buildout_limits(const TomlSection& root, std::vector<BuildoutLimit>& limits) {
    const auto section = root.optional_section("buildout_limits", std::nullopt);
    if (!section) return;
    for (std::size_t k = 0; k < kOptionKindNames.size(); ++k) {
        if (section->find(kOptionKindNames[k]) != nullptr)
            limits.push_back({static_cast<OptionKind>(k),
                              section->integer(kOptionKindNames[k], Bounds{0.0, 1e6})});
    }
    for (const auto& entry : section->table()) {
        const toml::key& key = entry.first;  // a named key, not a binding: clang 14 cannot capture bindings
        const bool known = std::any_of(kOptionKindNames.begin(), kOptionKindNames.end(),
                                       [&](const char* name) { return key.str() == name; });
        if (!known)
            throw InputError(toml_where(section->file(), key.source()), section->field(key.str()),
                             "unknown option kind; expected keep, electrify, ccs, hydrogen, "
                             "import, bio, relocate, close or relocate_eu");
    }
}

// Tables whose keys are names, read by their own functions below: not schema settings.
std::vector<std::string_view> subtables_of(std::string_view table) {
    if (table == "infrastructure") return {"clusters"};
    if (table == "agreements") return {"fixed"};
    return {};
}

// An agreement is binding on time, late or fails: the first two cannot exceed certainty.
void check_agreement_outcomes(const TomlSection& s, const AgreementOutcomes& a) {
    const auto check = [&](const char* stage, double on_time, double delayed) {
        if (on_time + delayed > 1.0 + 1e-12)
            s.fail(std::string(stage) + "_delayed_probability",
                   "expected at most 1 - " + std::string(stage) + "_binding_probability (" + format_number(1.0 - on_time) +
                       "), got " + format_number(delayed));
    };
    check("jloi", a.jloi_binding_probability, a.jloi_delayed_probability);
    check("eop", a.eop_binding_probability, a.eop_delayed_probability);
}

// [agreements.fixed]: `tata_2025 = "late"`. Which ids exist, and that each is an EoP or JLoI,
// is checked against agreements.csv once the dataset is read (dataset_loader.cpp).
void read_fixed_agreements(const TomlSection& root, ScenarioFile& out) {
    const auto agreements = root.optional_section("agreements", std::nullopt);
    if (!agreements) return;
    const auto fixed = agreements->optional_section("fixed", std::nullopt);
    if (!fixed) return;
    // Only the three fates a draw can give; as_agreed and stopped belong to the data's stage.
    static constexpr std::array<const char*, 3> kFixable = {"on_time", "late", "failed"};
    for (const std::string& id : fixed->keys_in_file_order()) {
        const std::size_t k = fixed->choice(id, kFixable);
        const AgreementFate fate = k == 0 ? AgreementFate::on_time : k == 1 ? AgreementFate::late : AgreementFate::failed;
        out.scenario.agreements.fixed.push_back({id, fate});
        out.fixed_agreements.push_back({id, fixed->field(id), fixed->key_where(id)});
    }
}

void read_events(const TomlSection& root, ScenarioFile& out) {
    const toml::node* node = root.find("events");
    if (node == nullptr) return;
    const auto* array = node->as_array();
    if (array != nullptr && array->empty()) return;  // `events = []`: no events
    if (array == nullptr || !array->is_array_of_tables())
        root.fail("events", "expected [[events]] tables, got " + describe_toml_value(*node));
    int index = 0;
    for (const toml::node& element : *array) {
        ++index;
        const TomlSection e(*element.as_table(), root.file(), "events[" + std::to_string(index) + "]",
                            {{"year", "cluster", "sector", "plant", "kinds", "cbam_sectors_only", "description"}});
        PendingEvent pending;
        pending.event.year = e.integer("year", Bounds{static_cast<double>(out.scenario.base_year),
                                                      static_cast<double>(out.scenario.end_year)});
        pending.event.description = e.text("description");
        pending.event.kinds = read_option_kinds(e, "kinds");
        pending.event.cbam_sectors_only = e.optional_boolean("cbam_sectors_only").value_or(false);
        pending.cluster = read_reference(e, "cluster");
        pending.sector = read_reference(e, "sector");
        pending.plant = read_reference(e, "plant");
        out.events.push_back(std::move(pending));
    }
}

}  // namespace

ScenarioFile load_scenario_file(const std::filesystem::path& file) {
    TomlDocument doc = read_toml_file(file);
    std::vector<std::string_view> tables;
    for (const SettingTable& t : setting_tables()) tables.push_back(t.name);
    tables.insert(tables.end(), {"buildout_limits", "events", "instruments", "uncertain"});
    const TomlSection root(doc.root, doc.file, "", tables);
    ScenarioFile out;
    for (const SettingTable& table : setting_tables()) {
        const auto section = read_table(root, table, out.scenario, subtables_of(table.name));
        if (table.name == "scenario") check_header(*section, out, file);
        if (table.name == "agreements" && section) check_agreement_outcomes(*section, out.scenario.agreements);
        if (table.name == "policy") check_connection_thresholds(*section, out.scenario.policy.energy);
    }
    // Nominal ETS forecasts to EUR2023, once, here (core/price_year.hpp).
    PricePaths& prices = out.scenario.prices;
    if (prices.ets_nominal_from > 0)
        prices.ets_eur_per_t = nominal_anchors_to_model_year(prices.ets_eur_per_t, prices.ets_nominal_from);
    // A scenario silent on the ship chain gives ship-connected plants the pipeline fee.
    if (prices.co2_ship_transport_storage_eur_per_t.empty())
        prices.co2_ship_transport_storage_eur_per_t = prices.co2_transport_storage_eur_per_t;
    // A scenario silent on a neighbour's energy cost gives it the Dutch one: no advantage.
    for (int n = 0; n < kNeighbourCount; ++n) {
        Neighbours& neighbours = out.scenario.neighbours;
        if (neighbours.gas_eur_per_gj[n].empty()) neighbours.gas_eur_per_gj[n] = prices.gas_eur_per_gj;
        if (neighbours.electricity_eur_per_gj[n].empty())
            neighbours.electricity_eur_per_gj[n] = prices.electricity_eur_per_gj;
    }
    read_cluster_overrides(root, out.cluster_overrides);
    read_buildout_limits(root, out.scenario.buildout_limits);
    read_events(root, out);
    read_fixed_agreements(root, out);
    out.scenario.policy.instruments = read_instruments(root);
    out.scenario.uncertain = read_uncertain_settings(root);
    out.scenario.text = std::move(doc.text);
    return out;
}

}  // namespace eiisim
