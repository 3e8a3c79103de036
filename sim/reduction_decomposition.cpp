#include "reduction_decomposition.hpp"

#include "agents/route_profile.hpp"

namespace eiisim {

double route_net_t_per_t(const Model& model, std::size_t p, int technology, int year) {
    const Inputs& in = model.inputs;
    const SectorSpec& sector = in.sectors[static_cast<std::size_t>(in.plants[p].sector)];
    return route_profile(model.baselines[p], in.technologies[static_cast<std::size_t>(technology)], sector, year)
        .co2_net_t_per_t();
}

ReductionBase reduction_base_of(const Model& model, const RunResult& result, std::size_t p, std::size_t at) {
    ReductionBase b;
    b.co2_net_t = result.co2_net_t[at];
    b.open_share = model.history.open_capacity_share(0, static_cast<int>(p));
    const int technology = result.technology[at];
    b.route_t_per_t = technology >= 0 ? route_net_t_per_t(model, p, technology, result.base_year) : 0.0;
    const double production = result.production_t[at];
    b.intensity_t_per_t = production > 0 ? b.co2_net_t / production : b.route_t_per_t;
    return b;
}

// With E, Q, s the year's net CO2, production and open capacity share, r the net CO2 per t
// of the route in force, and E0, s0, e0, k0 the base's:
//   closure      E0 (s/s0 - 1)              capacity closed at base-year output per capacity
//   utilisation  Q e0 - E0 s/s0             output of the open capacity, at base intensity
//   route kind   Q (r - k0)                 the route in force against the base route
//   bio          - F                        renewable feed carbon left out of fossil CO2 (§7.18)
//   process_gas  E + F - Q r - Q (e0 - k0)  what the books hold beyond the route (flared gas)
// They telescope to E - E0. A closed or relocated plant's E - E0 (= -E0) is all closure,
// relocation (outside the EU) or relocation_eu (to an EU neighbour).
void add_plant_reduction(const Model& model, const RunResult& result, const ReductionBase& base, std::size_t p,
                         int year, std::size_t at, double route_t_per_t, std::span<double> parts) {
    const auto part = [&](ReductionPart k) -> double& { return parts[static_cast<std::size_t>(k)]; };
    const double emitted = result.co2_net_t[at];
    const auto status = static_cast<PlantStatus>(result.status[at]);
    // An entrant had no base year: whatever it emits (or, gone again, no longer emits) is entry.
    if (model.inputs.plants[p].is_entrant()) {
        part(ReductionPart::entry) += emitted - base.co2_net_t;
        return;
    }
    if (has_left(status)) {
        const ReductionPart gone = status == PlantStatus::closed      ? ReductionPart::closure
                                   : status == PlantStatus::relocated ? ReductionPart::relocation
                                                                      : ReductionPart::relocation_eu;
        part(gone) += emitted - base.co2_net_t;
        return;
    }
    const int yi = year - result.base_year;
    const double open = model.history.open_capacity_share(yi, static_cast<int>(p));
    const double open_ratio = base.open_share > 0 ? open / base.open_share : 0.0;
    const double production = result.production_t[at];
    const double route = production > 0 ? route_t_per_t : base.route_t_per_t;
    const auto kind = static_cast<OptionKind>(result.kind[at]);
    part(ReductionPart::closure) += base.co2_net_t * (open_ratio - 1.0);
    part(ReductionPart::utilisation) += production * base.intensity_t_per_t - base.co2_net_t * open_ratio;
    part(route_part(kind)) += production * (route - base.route_t_per_t);
    // The renewable carbon of the feed (docs/ODD.md §7.18) is a bio effect whatever the route.
    const double renewable_feed = result.co2_renewable_feed_t[at];
    part(ReductionPart::bio) -= renewable_feed;
    part(ReductionPart::process_gas) +=
        emitted + renewable_feed - production * route - production * (base.intensity_t_per_t - base.route_t_per_t);
}

std::vector<double> sector_reduction(const Model& model, const RunResult& result, int year) {
    const Inputs& in = model.inputs;
    std::vector<double> parts(in.sectors.size() * kReductionPartCount, 0.0);
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const auto plant = static_cast<int>(p);
        const ReductionBase base = reduction_base_of(model, result, p, result.at(0, plant));
        const auto s = static_cast<std::size_t>(in.plants[p].sector);
        const std::size_t at = result.at(year - result.base_year, plant);
        const int technology = result.technology[at];
        // The route's intensity as the accounts booked it: an electrified route on the bands
        // of the year it was built.
        const double route =
            technology >= 0 ? route_net_t_per_t(model, p, technology, result.route_built_year[at]) : 0.0;
        add_plant_reduction(model, result, base, p, year, at, route,
                            std::span<double>(&parts[s * kReductionPartCount], kReductionPartCount));
    }
    return parts;
}

}  // namespace eiisim
