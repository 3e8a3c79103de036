#pragma once
// The parts the change in net CO2 since the base year is split into (docs/ODD.md §7.12,
// "Reduction decomposition"): what a reduction is made of. The parts of a plant, a
// cluster or the country add up exactly to its net CO2 of the year less that of the base
// year.
#include <array>
#include <cstdint>

#include "inputs.hpp"

namespace eiisim {

enum class ReductionPart : std::uint8_t {
    keep_intensity,  // the base route's own intensity change over time (none in the catalogue: 0)
    electrify,       // route effect of an electrify route
    ccs,             // route effect of a ccs route
    hydrogen,        // route effect of a hydrogen route
    bio,             // route effect of a bio route
    import,          // route effect of an import route: the upstream share bought abroad
    utilisation,     // lower (or higher) output of open capacity: curtailment, lost offtake, outages
    closure,         // closed plants and closed shares of capacity (partial closures)
    relocation,      // plants relocated outside the EU (carbon leakage)
    process_gas,     // a fuel-gas maker's flared process gas per t (its buyers burn less of it)
    relocation_eu,   // plants relocated to an EU neighbour (emissions stay under the EU ETS)
    entry,           // new entrants (docs/ODD.md §7.20): all their net CO2, as they had no base year
};
inline constexpr int kReductionPartCount = 12;
inline constexpr std::array<const char*, kReductionPartCount> kReductionPartNames = {
    "keep_intensity", "electrify", "ccs", "hydrogen", "bio", "import",
    "utilisation", "closure", "relocation", "process_gas", "relocation_eu", "entry"};

// The part a route's effect goes to, by the kind of the route in force (an operating
// plant's route is never relocate or close).
[[nodiscard]] constexpr ReductionPart route_part(OptionKind kind) {
    switch (kind) {
        case OptionKind::electrify: return ReductionPart::electrify;
        case OptionKind::ccs: return ReductionPart::ccs;
        case OptionKind::hydrogen: return ReductionPart::hydrogen;
        case OptionKind::bio: return ReductionPart::bio;
        case OptionKind::import_intermediate: return ReductionPart::import;
        case OptionKind::relocate: return ReductionPart::relocation;
        case OptionKind::relocate_eu: return ReductionPart::relocation_eu;
        case OptionKind::close: return ReductionPart::closure;
        case OptionKind::keep: break;
    }
    return ReductionPart::keep_intensity;
}

// A plant's base year, kept for the later years (an aggregates-only run's panel holds
// only the year in hand).
struct ReductionBase {
    double co2_net_t = 0;           // E0
    double open_share = 1;          // s0: share of capacity open (observed partial closures)
    double intensity_t_per_t = 0;   // e0 = E0 / Q0 (the base route's profile if Q0 = 0)
    double route_t_per_t = 0;       // k0: the base route's profile net CO2 per t in the base year
};

}  // namespace eiisim
