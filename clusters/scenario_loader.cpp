#include "scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "loader_toml.hpp"
#include "uncertainty_loader.hpp"

namespace eiisim {
namespace {

// Unit conversions done once here, so the engine only sees GJ, t and EUR.
constexpr double kGjPerMwh = 3.6;
constexpr double kGjPerKgHydrogen = 0.12;  // lower heating value
constexpr double kEurPerMillion = 1e6;
constexpr double kPerMwhToPerGj = 1.0 / kGjPerMwh;

constexpr Bounds kDelay{-100.0, 100.0};
constexpr Bounds kYearCount{1.0, 100.0};
constexpr Bounds kLoadFactor{0.0, 1.0, true};

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

template <std::size_t N>
std::size_t read_choice(const TomlSection& section, std::string_view key,
                        const std::array<const char*, N>& names, std::size_t fallback) {
    const auto value = section.optional_text(key);
    if (!value) return fallback;
    for (std::size_t i = 0; i < N; ++i)
        if (*value == names[i]) return i;
    std::string expected;
    for (const char* name : names) expected += (expected.empty() ? "" : " | ") + std::string(name);
    section.fail(key, "expected one of " + expected + ", got \"" + *value + "\"");
}

std::optional<ScenarioReference> read_reference(const TomlSection& section, std::string_view key) {
    const auto id = section.optional_text(key);
    if (!id) return std::nullopt;
    if (id->empty()) section.fail(key, "expected a non-empty id, got \"\"");
    return ScenarioReference{*id, section.field(key), section.where(key)};
}

void read_header(const TomlSection& root, ScenarioFile& out, const std::filesystem::path& file) {
    const auto s = root.section("scenario", {{"name", "description", "base_year", "end_year", "calibration_year", "seed", "dataset"}});
    Scenario& scenario = out.scenario;
    scenario.name = s.text("name");
    scenario.description = s.optional_text("description").value_or("");
    scenario.base_year = s.integer("base_year", kYear);
    scenario.end_year = s.integer("end_year", kYear);
    if (scenario.end_year < scenario.base_year)
        s.fail("end_year", "expected a year >= base_year (" + std::to_string(scenario.base_year) +
                               "), got " + std::to_string(scenario.end_year));
    scenario.calibration_year = s.optional_integer("calibration_year", kYear).value_or(scenario.base_year);
    if (scenario.calibration_year < scenario.base_year || scenario.calibration_year > scenario.end_year)
        s.fail("calibration_year", "expected a year between base_year and end_year, got " +
                                       std::to_string(scenario.calibration_year));
    if (const toml::node* seed = s.find("seed")) {
        const auto* value = seed->as_integer();
        if (value == nullptr || value->get() < 0)
            s.fail("seed", "expected an integer >= 0, got " + describe_toml_value(*seed));
        scenario.seed = static_cast<std::uint64_t>(value->get());
    }
    const std::string dataset = s.text("dataset");
    if (dataset.empty()) s.fail("dataset", "expected the path of the dataset folder, got \"\"");
    out.dataset = {dataset, s.field("dataset"), s.where("dataset")};
    out.dataset_dir = file.parent_path() / dataset;
}

void read_prices(const TomlSection& root, PricePaths& prices) {
    const auto p = root.section(
        "prices", {{"ets_eur_per_t", "gas_eur_per_mwh", "electricity_eur_per_mwh",
                    "network_tariff_eur_per_mwh", "hydrogen_eur_per_kg", "biomethane_eur_per_mwh",
                    "other_fuel_eur_per_gj", "co2_transport_storage_eur_per_t",
                    "foreign_gas_eur_per_mwh", "foreign_electricity_eur_per_mwh",
                    "product_price_index", "import_eur_per_t"}});
    prices.ets_eur_per_t = p.path("ets_eur_per_t", kNonNegative);
    prices.gas_eur_per_gj = p.path("gas_eur_per_mwh", kNonNegative, kPerMwhToPerGj);
    prices.electricity_eur_per_gj =
        sum_paths(p.path("electricity_eur_per_mwh", kNonNegative, kPerMwhToPerGj),
                  p.path("network_tariff_eur_per_mwh", kNonNegative, kPerMwhToPerGj));
    prices.hydrogen_eur_per_gj = p.path("hydrogen_eur_per_kg", kNonNegative, 1.0 / kGjPerKgHydrogen);
    prices.biomethane_eur_per_gj = p.path("biomethane_eur_per_mwh", kNonNegative, kPerMwhToPerGj);
    prices.other_fuel_eur_per_gj = p.path("other_fuel_eur_per_gj", kNonNegative);
    prices.co2_transport_storage_eur_per_t = p.path("co2_transport_storage_eur_per_t", kNonNegative);
    prices.foreign_gas_eur_per_gj = p.path("foreign_gas_eur_per_mwh", kNonNegative, kPerMwhToPerGj);
    prices.foreign_electricity_eur_per_gj =
        p.path("foreign_electricity_eur_per_mwh", kNonNegative, kPerMwhToPerGj);
    prices.product_price_index = p.path("product_price_index", kNonNegative);
    // Optional: a dataset whose sectors name no import path needs none.
    if (const auto imports = p.optional_section("import_eur_per_t", std::nullopt)) {
        for (const auto& name : imports->keys_in_file_order()) {
            prices.import_names.push_back(name);
            prices.import_eur_per_t.push_back(imports->path(name, kNonNegative));
        }
    }
}

void read_policy(const TomlSection& root, Policy& policy) {
    const auto p = root.section(
        "policy", {{"free_allocation_factor", "free_allocation_factor_non_cbam", "cbam_factor", "co2_levy", "co2_levy_eur_per_t",
                    "dispensation_factor", "subsidy_budget_meur", "subsidy_max_eur_per_tco2",
                    "subsidy_years", "investment_subsidy_share", "green_premium_eur_per_t"}});
    policy.free_allocation_factor = p.path("free_allocation_factor", kShare);
    if (auto other = p.optional_path("free_allocation_factor_non_cbam", kShare))
        policy.free_allocation_factor_non_cbam = std::move(*other);
    policy.cbam_factor = p.path("cbam_factor", kShare);
    policy.co2_levy_enabled = p.boolean("co2_levy");
    policy.co2_levy_eur_per_t = p.path("co2_levy_eur_per_t", kNonNegative);
    policy.dispensation_factor = p.path("dispensation_factor", kNonNegative);
    policy.subsidy_budget_eur = p.path("subsidy_budget_meur", kNonNegative, kEurPerMillion);
    policy.subsidy_max_eur_per_tco2 = p.number("subsidy_max_eur_per_tco2", kNonNegative);
    policy.subsidy_years = p.integer("subsidy_years", kYearCount);
    policy.investment_subsidy_share = p.number("investment_subsidy_share", kShare);
    policy.green_premium_eur_per_t = p.path("green_premium_eur_per_t", kNonNegative);
}

void read_infrastructure(const TomlSection& root, InfrastructureSettings& infra) {
    const auto section = root.optional_section(
        "infrastructure", {{"co2_delay_y", "h2_delay_y", "grid_headroom_factor",
                            "co2_storage_factor", "hydrogen_supply_factor", "biomethane_supply_factor", "clusters"}});
    if (!section) return;
    const TomlSection& s = *section;
    infra.co2_delay_y = s.optional_integer("co2_delay_y", kDelay).value_or(0);
    infra.h2_delay_y = s.optional_integer("h2_delay_y", kDelay).value_or(0);
    infra.grid_headroom_factor = s.optional_number("grid_headroom_factor", kNonNegative).value_or(1.0);
    infra.co2_storage_factor = s.optional_number("co2_storage_factor", kNonNegative).value_or(1.0);
    infra.hydrogen_supply_factor = s.optional_number("hydrogen_supply_factor", kNonNegative).value_or(1.0);
    infra.biomethane_supply_factor = s.optional_number("biomethane_supply_factor", kNonNegative).value_or(1.0);
    const auto clusters = s.optional_section("clusters", std::nullopt);
    if (!clusters) return;
    for (const auto& id : clusters->keys_in_file_order()) {
        const auto c = clusters->section(id, {{"co2_connection_year", "h2_connection_year", "grid_headroom_mw"}});
        ClusterOverride o{{id, clusters->field(id), clusters->key_where(id)}, {}, {}, {}};
        o.co2_connection_year = c.optional_integer("co2_connection_year", kConnectionYear);
        o.h2_connection_year = c.optional_integer("h2_connection_year", kConnectionYear);
        o.grid_headroom_mw = c.optional_path("grid_headroom_mw", kNonNegative);
        infra.clusters.push_back(std::move(o));
    }
}

void read_behaviour(const TomlSection& root, Behaviour& b) {
    // Every behaviour key is optional: the defaults in core/inputs.hpp are the
    // calibrated values, and scenarios differ mainly in prices and policy.
    const auto section = root.optional_section(
        "behaviour", {{"expectation", "adaptive_weight", "horizon_y", "deterministic", "logit_scale",
                       "strategic_bias_sd", "loss_years_trigger", "infrastructure_risk_premium",
                       "peer_risk_reduction", "export_fraction", "export_discount",
                       "grid_load_factor", "energy_cost_pass_through", "relocation_hurdle", "closure_threshold", "curtailed_utilisation", "priority"}});
    if (!section) return;
    const TomlSection& s = *section;
    constexpr std::array<const char*, 3> kExpectations = {"myopic", "perfect_foresight", "adaptive"};
    constexpr std::array<const char*, 3> kPriorities = {"maatwerk_then_cost_effectiveness",
                                                        "cost_effectiveness", "queue"};
    b.expectation = static_cast<Expectation>(
        read_choice(s, "expectation", kExpectations, static_cast<std::size_t>(b.expectation)));
    b.priority = static_cast<PriorityRule>(
        read_choice(s, "priority", kPriorities, static_cast<std::size_t>(b.priority)));
    b.adaptive_weight = s.optional_number("adaptive_weight", kShare).value_or(b.adaptive_weight);
    b.horizon_y = s.optional_integer("horizon_y", kYearCount).value_or(b.horizon_y);
    b.deterministic = s.optional_boolean("deterministic").value_or(b.deterministic);
    b.logit_scale = s.optional_number("logit_scale", kPositive).value_or(b.logit_scale);
    b.strategic_bias_sd = s.optional_number("strategic_bias_sd", kNonNegative).value_or(b.strategic_bias_sd);
    b.loss_years_trigger = s.optional_integer("loss_years_trigger", kYearCount).value_or(b.loss_years_trigger);
    b.infrastructure_risk_premium =
        s.optional_number("infrastructure_risk_premium", kNonNegative).value_or(b.infrastructure_risk_premium);
    b.peer_risk_reduction = s.optional_number("peer_risk_reduction", kShare).value_or(b.peer_risk_reduction);
    b.export_fraction = s.optional_number("export_fraction", kShare).value_or(b.export_fraction);
    b.export_discount = s.optional_number("export_discount", kShare).value_or(b.export_discount);
    b.grid_load_factor = s.optional_number("grid_load_factor", kLoadFactor).value_or(b.grid_load_factor);
    b.energy_cost_pass_through =
        s.optional_number("energy_cost_pass_through", kShare).value_or(b.energy_cost_pass_through);
    b.relocation_hurdle = s.optional_number("relocation_hurdle", kShare).value_or(b.relocation_hurdle);
    b.closure_threshold = s.optional_number("closure_threshold", kShare).value_or(b.closure_threshold);
    b.curtailed_utilisation =
        s.optional_number("curtailed_utilisation", kShare).value_or(b.curtailed_utilisation);
}

void read_buildout_limits(const TomlSection& root, std::vector<BuildoutLimit>& limits) {
    const auto section = root.optional_section("buildout_limits", std::nullopt);
    if (!section) return;
    for (std::size_t k = 0; k < kOptionKindNames.size(); ++k) {
        if (section->find(kOptionKindNames[k]) != nullptr)
            limits.push_back({static_cast<OptionKind>(k),
                              section->integer(kOptionKindNames[k], Bounds{0.0, 1e6})});
    }
    for (auto&& [key, value] : section->table()) {
        const bool known = std::any_of(kOptionKindNames.begin(), kOptionKindNames.end(),
                                       [&](const char* name) { return key.str() == name; });
        if (!known)
            throw InputError(toml_where(section->file(), key.source()), section->field(key.str()),
                             "unknown option kind; expected keep, electrify, ccs, hydrogen, "
                             "import, bio, relocate or close");
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
                            {{"year", "cluster", "sector", "plant", "description"}});
        PendingEvent pending;
        pending.event.year = e.integer("year", Bounds{static_cast<double>(out.scenario.base_year),
                                                      static_cast<double>(out.scenario.end_year)});
        pending.event.description = e.text("description");
        pending.cluster = read_reference(e, "cluster");
        pending.sector = read_reference(e, "sector");
        pending.plant = read_reference(e, "plant");
        out.events.push_back(std::move(pending));
    }
}

}  // namespace

ScenarioFile load_scenario_file(const std::filesystem::path& file) {
    TomlDocument doc = read_toml_file(file);
    const TomlSection root(doc.root, doc.file, "",
                           {{"scenario", "prices", "policy", "infrastructure", "behaviour",
                             "buildout_limits", "events", "uncertain"}});
    ScenarioFile out;
    read_header(root, out, file);
    read_prices(root, out.scenario.prices);
    read_policy(root, out.scenario.policy);
    read_infrastructure(root, out.infrastructure);
    read_behaviour(root, out.scenario.behaviour);
    read_buildout_limits(root, out.scenario.buildout_limits);
    read_events(root, out);
    out.scenario.uncertain = read_uncertain_settings(root);
    out.scenario.text = std::move(doc.text);
    return out;
}

}  // namespace eiisim
