#pragma once
// The scarce shared resources plants compete for, as one indexed family (like Carrier):
// grid headroom and free industrial land per cluster, national CO2 storage, hydrogen and new biomethane supply,
// the yearly budget of each support instrument, CO2 shipping slots abroad, and the yearly
// national supply of each alternative feedstock (docs/ODD.md §7.18). Each has a
// ledger per scope (one per cluster, one national, or one per instrument), a booking rule,
// and the capacity path it is read from; a plant's claim on
// them is a ResourceAmounts, and allocation (sim/allocation.cpp) grants an option only
// when every claim fits, in the scenario's priority order.
//
// To add a resource: add its enum value and its row in kResources (core/scarce_resources.cpp),
// its capacity path to the inputs (core/inputs.hpp and its loader), the claim an option
// makes on it where candidates are built (agents/appraisal.cpp), and its output series
// (RunResult, sim/aggregates.cpp and the output table).
#include <array>
#include <cstdint>
#include <string>

#include "inputs.hpp"
#include "run_result.hpp"

namespace eiisim {

enum class Resource : std::uint8_t {
    grid, co2_storage, hydrogen, biomethane, subsidy_budget, co2_shipping, green_hydrogen,
    ammonia_imports, dri_imports, methanol_imports,  // green intermediates bought abroad (docs/ODD.md §7.16)
    feedstock,  // recycled, bio and CCU feed: one ledger per feedstock of feedstocks.csv (§7.18)
    space       // free industrial land per cluster that a new site takes (§7.20)
};
inline constexpr int kResourceCount = 12;

enum class ResourceScope : std::uint8_t {
    cluster,     // one ledger per cluster; a plant claims its own cluster's
    national,    // one ledger for the country
    instrument,  // one ledger per support instrument; a claim names its instrument
    feedstock,   // one ledger per alternative feedstock (Inputs::feedstocks)
};

enum class Booking : std::uint8_t {
    // Held while the route runs: reserved from the year it starts running through the
    // end of the run, released from the year the plant leaves the route, so capacity
    // promised today is never handed out twice.
    while_running,
    // Drawn once from the budget of the year the decision is made (subsidy rounds renew
    // every year); never given back.
    decision_year,
    // A yearly market, not a route claim: the ledger is the year's supply, shared out each
    // year by the market's own clearing (sim/feedstock_market.cpp) and booked in that year
    // only. No option claims it and allocation never checks it.
    yearly,
};

struct ResourceSpec {
    Resource id;
    const char* name;   // "co2_storage"
    const char* unit;   // of claims and capacity: "MW", "t/yr", "GJ/yr", "EUR"
    ResourceScope scope;
    Booking booking;
    // The capacity path of ledger `index` (a cluster, an instrument; ignored for national resources).
    const TimePath& (*capacity)(const Inputs& inputs, std::size_t index);
    const char* doc;
};

[[nodiscard]] const std::array<ResourceSpec, kResourceCount>& resources();
[[nodiscard]] inline const ResourceSpec& resource(Resource r) { return resources()[static_cast<std::size_t>(r)]; }
// Number of ledgers a resource has for `inputs`: its cluster or instrument count, or 1.
[[nodiscard]] std::size_t ledger_count(const ResourceSpec& spec, const Inputs& inputs);
// The import cap a sector's intermediate (SectorSpec::intermediate: "ammonia", "dri",
// "methanol") draws on, or nullptr for an intermediate without one.
[[nodiscard]] const ResourceSpec* import_cap_of(const std::string& intermediate);

// An amount of every resource: a claim, or what a route holds.
using ResourceAmounts = std::array<double, kResourceCount>;
[[nodiscard]] inline double& amount_of(ResourceAmounts& a, Resource r) { return a[static_cast<std::size_t>(r)]; }
[[nodiscard]] inline double amount_of(const ResourceAmounts& a, Resource r) { return a[static_cast<std::size_t>(r)]; }

// The event log's name for a refusal by resource `r` (core/run_result.hpp RefusedBy).
[[nodiscard]] inline RefusedBy refused_by(Resource r) {
    static_assert(static_cast<int>(RefusedBy::grid) == 1 && kResourceCount == 12 &&
                  static_cast<int>(RefusedBy::subsidy_budget) == 1 + static_cast<int>(Resource::subsidy_budget) &&
                  static_cast<int>(RefusedBy::co2_shipping) == 1 + static_cast<int>(Resource::co2_shipping) &&
                  static_cast<int>(RefusedBy::green_hydrogen) == 1 + static_cast<int>(Resource::green_hydrogen) &&
                  static_cast<int>(RefusedBy::methanol_imports) == 1 + static_cast<int>(Resource::methanol_imports) &&
                  static_cast<int>(RefusedBy::feedstock) == 1 + static_cast<int>(Resource::feedstock) &&
                  static_cast<int>(RefusedBy::space) == 1 + static_cast<int>(Resource::space) &&
                  static_cast<int>(RefusedBy::buildout_limit) == 1 + kResourceCount);
    return static_cast<RefusedBy>(1 + static_cast<int>(r));
}

}  // namespace eiisim
