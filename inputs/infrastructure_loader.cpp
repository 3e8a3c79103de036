#include "infrastructure_loader.hpp"

#include <algorithm>

#include "loader_toml.hpp"

namespace eiisim {
namespace {

constexpr double kTonnesPerMegatonne = 1e6;
constexpr double kGjPerPetajoule = 1e6;

int delayed(int year, int delay) { return year >= kNeverConnected ? year : year + delay; }

constexpr double kTonnesPerKilotonne = 1e3;
constexpr std::string_view kKtSuffix = "_kt";

// [feedstock_supply] (optional): `<feedstock id>_kt = { year = kt/yr, ... }` per alternative
// feedstock of feedstocks.csv, and a source (docs/input-format.md).
void load_feedstock_supply(const TomlSection& root, NationalInfrastructure& national) {
    const auto supply = root.optional_section("feedstock_supply", std::nullopt);
    if (!supply) return;
    for (const std::string& key : supply->keys_in_file_order()) {
        if (key == "source") continue;
        if (key.size() <= kKtSuffix.size() || !key.ends_with(kKtSuffix))
            supply->fail(key, "expected '<feedstock id>_kt' (a supply path in kt/yr) or 'source'");
        national.feedstock_supply_names.push_back(key.substr(0, key.size() - kKtSuffix.size()));
        national.feedstock_supply_t.push_back(supply->path(key, kNonNegative, kTonnesPerKilotonne));
    }
    national.feedstock_supply_source = supply->optional_text("source").value_or("");
    if (national.feedstock_supply_source.empty())
        supply->fail("source", "expected a source (or 'ESTIMATE: ...'), got \"\"");
}

}  // namespace

InfrastructureData load_infrastructure(const std::filesystem::path& file) {
    const TomlDocument doc = read_toml_file(file);
    const TomlSection root(doc.root, doc.file, "", {{"clusters", "national", "feedstock_supply"}});
    InfrastructureData data;

    const auto clusters = root.section("clusters", std::nullopt);
    for (const auto& id : clusters.keys_in_file_order()) {
        const auto c = clusters.section(
            id, {{"name", "grid_headroom_mw", "space_ha", "co2_connection_year", "h2_connection_year", "source"}});
        ClusterSpec spec;
        spec.id = id;
        spec.name = c.text("name");
        spec.grid_headroom_mw = c.path("grid_headroom_mw", kNonNegative);
        spec.space_ha = c.path("space_ha", kNonNegative);
        spec.co2_connection_year = c.optional_integer("co2_connection_year", kConnectionYear).value_or(kNeverConnected);
        spec.h2_connection_year = c.optional_integer("h2_connection_year", kConnectionYear).value_or(kNeverConnected);
        spec.source = c.text("source");
        if (spec.source.empty()) c.fail("source", "expected a source (or 'ESTIMATE: ...'), got \"\"");
        data.clusters.push_back(std::move(spec));
    }
    if (data.clusters.empty())
        throw InputError(clusters.where(), "clusters", "expected at least one [clusters.<id>] table");

    const auto national =
        root.section("national", {{"co2_storage_mt", "co2_shipping_mt", "hydrogen_supply_pj", "biomethane_supply_pj",
                                   "source"}});
    data.national.co2_storage_t = national.path("co2_storage_mt", kNonNegative, kTonnesPerMegatonne);
    // Optional: a dataset without ship-connected plants needs no shipping capacity.
    data.national.co2_shipping_t =
        national.optional_path("co2_shipping_mt", kNonNegative, kTonnesPerMegatonne).value_or(TimePath(0.0));
    data.national.hydrogen_supply_gj = national.path("hydrogen_supply_pj", kNonNegative, kGjPerPetajoule);
    data.national.biomethane_supply_gj = national.path("biomethane_supply_pj", kNonNegative, kGjPerPetajoule);
    data.national.source = national.text("source");
    if (data.national.source.empty())
        national.fail("source", "expected a source (or 'ESTIMATE: ...'), got \"\"");
    load_feedstock_supply(root, data.national);
    return data;
}

void apply_infrastructure_settings(const InfrastructureFactors& settings,
                                   const std::vector<ClusterOverride>& overrides, InfrastructureData& data) {
    for (ClusterSpec& cluster : data.clusters) {
        cluster.co2_connection_year = delayed(cluster.co2_connection_year, settings.co2_delay_y);
        cluster.h2_connection_year = delayed(cluster.h2_connection_year, settings.h2_delay_y);
        cluster.grid_headroom_mw = cluster.grid_headroom_mw.scaled(settings.grid_headroom_factor);
    }
    NationalInfrastructure& national = data.national;
    national.co2_storage_t = national.co2_storage_t.shifted(settings.co2_delay_y).scaled(settings.co2_storage_factor);
    // Ship slots abroad are contracted, not built here: the CO2 delay leaves them be.
    national.co2_shipping_t = national.co2_shipping_t.scaled(settings.co2_shipping_factor);
    national.hydrogen_supply_gj =
        national.hydrogen_supply_gj.shifted(settings.h2_delay_y).scaled(settings.hydrogen_supply_factor);
    national.biomethane_supply_gj = national.biomethane_supply_gj.scaled(settings.biomethane_supply_factor);

    for (const ClusterOverride& o : overrides) {
        const auto it = std::find_if(data.clusters.begin(), data.clusters.end(),
                                     [&](const ClusterSpec& c) { return c.id == o.cluster.id; });
        if (it == data.clusters.end()) {
            std::string known;
            for (const auto& c : data.clusters) known += (known.empty() ? "" : ", ") + c.id;
            throw InputError(o.cluster.where, o.cluster.field,
                             "unknown cluster '" + o.cluster.id + "'; infrastructure.toml defines: " + known);
        }
        if (o.co2_connection_year) it->co2_connection_year = *o.co2_connection_year;
        if (o.h2_connection_year) it->h2_connection_year = *o.h2_connection_year;
        if (o.grid_headroom_mw) it->grid_headroom_mw = *o.grid_headroom_mw;
    }
}

}  // namespace eiisim
