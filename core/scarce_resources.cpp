#include "scarce_resources.hpp"

namespace eiisim {
namespace {

const TimePath& grid_headroom(const Inputs& in, std::size_t cluster) { return in.clusters[cluster].grid_headroom_mw; }
const TimePath& free_space(const Inputs& in, std::size_t cluster) { return in.clusters[cluster].space_ha; }
const TimePath& co2_storage(const Inputs& in, std::size_t) { return in.national.co2_storage_t; }
const TimePath& hydrogen_supply(const Inputs& in, std::size_t) { return in.national.hydrogen_supply_gj; }
const TimePath& biomethane_supply(const Inputs& in, std::size_t) { return in.national.biomethane_supply_gj; }
const TimePath& subsidy_budget(const Inputs& in, std::size_t instrument) {
    return in.scenario.policy.instruments[instrument].budget_eur;
}
const TimePath& co2_shipping(const Inputs& in, std::size_t) { return in.national.co2_shipping_t; }
const TimePath& ammonia_imports(const Inputs& in, std::size_t) { return in.scenario.infrastructure.ammonia_import_cap_t; }
const TimePath& dri_imports(const Inputs& in, std::size_t) { return in.scenario.infrastructure.dri_import_cap_t; }
const TimePath& methanol_imports(const Inputs& in, std::size_t) { return in.scenario.infrastructure.methanol_import_cap_t; }
const TimePath& feedstock_supply(const Inputs& in, std::size_t feedstock) { return in.feedstocks[feedstock].supply_t; }
const TimePath& green_hydrogen_supply(const Inputs& in, std::size_t) {
    return in.scenario.infrastructure.green_hydrogen_supply_gj;
}

constexpr std::array<ResourceSpec, kResourceCount> kResources{{
    {Resource::grid, "grid", "MW", ResourceScope::cluster, Booking::while_running, &grid_headroom,
     "new industrial electric peak load the cluster's grid can take (infrastructure.toml grid_headroom_mw)"},
    {Resource::co2_storage, "co2_storage", "t/yr", ResourceScope::national, Booking::while_running, &co2_storage,
     "CO2 injection capacity (Porthos, Aramis, ...; infrastructure.toml co2_storage_mt)"},
    {Resource::hydrogen, "hydrogen", "GJ/yr", ResourceScope::national, Booking::while_running, &hydrogen_supply,
     "hydrogen deliverable to industry beyond the base-year use (infrastructure.toml hydrogen_supply_pj)"},
    {Resource::biomethane, "biomethane", "GJ/yr", ResourceScope::national, Booking::while_running,
     &biomethane_supply, "new biomethane deliverable to industry (infrastructure.toml biomethane_supply_pj)"},
    {Resource::subsidy_budget, "subsidy_budget", "EUR", ResourceScope::instrument, Booking::decision_year,
     &subsidy_budget, "commitments a support instrument can make in the decision year ([[instruments]] budget_meur)"},
    {Resource::co2_shipping, "co2_shipping", "t/yr", ResourceScope::national, Booking::while_running, &co2_shipping,
     "CO2 shipped to storage abroad by ship-connected plants (Northern Lights; infrastructure.toml co2_shipping_mt)"},
    {Resource::green_hydrogen, "green_hydrogen", "GJ/yr", ResourceScope::national, Booking::while_running,
     &green_hydrogen_supply,
     "renewable (RFNBO) hydrogen: a new hydrogen route holds the obligation's share of its new use "
     "(scenario infrastructure.green_hydrogen_supply_pj; docs/ODD.md §7.16)"},
    {Resource::ammonia_imports, "ammonia_imports", "t/yr", ResourceScope::national, Booking::while_running,
     &ammonia_imports, "low-carbon ammonia the world market can deliver to NL plants (infrastructure.ammonia_import_cap_mt)"},
    {Resource::dri_imports, "dri_imports", "t/yr", ResourceScope::national, Booking::while_running, &dri_imports,
     "low-carbon HBI/DRI the world market can deliver to NL plants (infrastructure.dri_import_cap_mt)"},
    {Resource::methanol_imports, "methanol_imports", "t/yr", ResourceScope::national, Booking::while_running,
     &methanol_imports,
     "low-carbon methanol the world market can deliver to NL plants (infrastructure.methanol_import_cap_mt)"},
    {Resource::feedstock, "feedstock", "t/yr", ResourceScope::feedstock, Booking::yearly, &feedstock_supply,
     "national supply of an alternative feedstock, shared out each year pro rata to the plants' demand "
     "(infrastructure.toml [feedstock_supply] x feedstock.supply_factor; docs/ODD.md §7.18)"},
    {Resource::space, "space", "ha", ResourceScope::cluster, Booking::while_running, &free_space,
     "free industrial land a new site takes in the cluster; conversions on a plant's own site claim none "
     "(infrastructure.toml space_ha; entrants.csv space_ha; docs/ODD.md §7.20)"},
}};

// The enum and the table must list the resources in the same order.
constexpr bool rows_in_enum_order() {
    for (std::size_t i = 0; i < kResources.size(); ++i)
        if (static_cast<std::size_t>(kResources[i].id) != i) return false;
    return true;
}
static_assert(rows_in_enum_order());

}  // namespace

const std::array<ResourceSpec, kResourceCount>& resources() { return kResources; }

const ResourceSpec* import_cap_of(const std::string& intermediate) {
    if (intermediate == "ammonia") return &resource(Resource::ammonia_imports);
    if (intermediate == "dri") return &resource(Resource::dri_imports);
    if (intermediate == "methanol") return &resource(Resource::methanol_imports);
    return nullptr;
}

std::size_t ledger_count(const ResourceSpec& spec, const Inputs& inputs) {
    switch (spec.scope) {
        case ResourceScope::cluster: return inputs.clusters.size();
        case ResourceScope::instrument: return inputs.scenario.policy.instruments.size();
        case ResourceScope::feedstock: return inputs.feedstocks.size();
        case ResourceScope::national: break;
    }
    return 1;
}

}  // namespace eiisim
