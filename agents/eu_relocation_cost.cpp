#include "eu_relocation_cost.hpp"

namespace eiisim {

int eu_destination(const Neighbours& neighbours, const RouteProfile& keep_profile, const PriceView& prices) {
    if (neighbours.destination != NeighbourChoice::cheapest) return static_cast<int>(neighbours.destination) - 1;
    const double gas_gj = keep_profile.energy_gj_per_t[static_cast<int>(Carrier::gas)];
    const double electricity_gj = keep_profile.energy_gj_per_t[static_cast<int>(Carrier::electricity)];
    int best = 0;
    double best_cost = 0;
    for (int n = 0; n < kNeighbourCount; ++n) {
        const auto i = static_cast<std::size_t>(n);
        const double cost =
            gas_gj * prices.neighbour_gas_eur_per_gj[i] + electricity_gj * prices.neighbour_electricity_eur_per_gj[i];
        if (n == 0 || cost < best_cost) {
            best = n;
            best_cost = cost;
        }
    }
    return best;
}

UnitCost eu_abroad_unit_cost(const PlantBaseline& base, const SectorSpec& sector, const Neighbours& neighbours,
                             const RouteProfile& keep_profile, const PriceView& prices, const CostTerms& terms) {
    // The neighbour's site is an EU installation: the home accounts apply (EU ETS with the
    // home free allocation, no CBAM obligation, the EU market price with its CBAM uplift),
    // at the neighbour's energy cost, without the Dutch levy and without Dutch support.
    const int country = eu_destination(neighbours, keep_profile, prices);
    // One scratch view per thread: assigning into it reuses its vectors' storage, where a
    // fresh copy allocated five vectors per appraised EU relocation.
    thread_local PriceView there;
    there = prices;
    there.energy_eur_per_gj = neighbour_energy_eur_per_gj(prices, country);
    there.co2_levy_eur_per_t = 0;
    there.green_premium_eur_per_t = 0;
    CostTerms site_terms = terms;
    site_terms.subsidy_eur_per_t = 0;
    site_terms.dutch_energy_stack = false;
    UnitCost cost = domestic_unit_cost(base, sector, keep_profile, there, site_terms);
    // Shipped back the short way, away from the Dutch cluster's integration, at the
    // neighbour's non-energy cost level; like extra-EU relocation, site-bound income stays.
    cost[CostComponent::variable_opex] += neighbours.transport_share * sector.transport_eur_per_t;
    cost[CostComponent::value_chain] += base.integration_benefit_eur_per_t;
    cost[CostComponent::other_cost] = site_independent_other_cost_eur_per_t(base) * neighbours.other_cost_factor;
    // An EU site is bound by an EU-wide feed mandate too (docs/ODD.md §7.18, "Price").
    cost[CostComponent::feedstock] += eu_feed_mandate_cost_eur_per_t(base, sector, prices);
    cost.levy_liable_t_per_t = 0;
    cost.neighbour = country;
    return cost;
}

}  // namespace eiisim
