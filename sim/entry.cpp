// New entrants (docs/ODD.md §7.20): when a plant that is not built yet decides to build,
// and which of its appraised variants it may apply with. The grant itself goes through
// the same allocation as every conversion (sim/allocation.cpp): its claims on grid,
// hydrogen, biomethane, CO2 storage and land (space), in the scenario's priority order.
// A supplying entrant adds its output to a national supply ledger (count_entrant_supply).
#include <algorithm>
#include <limits>

#include "phases.hpp"

namespace eiisim {
namespace {

// Years from an entrant's decision to its start: its route's lead time, at least one.
int entry_lead_time_y(const Inputs& in, const EntrySpec& entry) {
    return std::max(in.technologies[static_cast<std::size_t>(entry.technology)].lead_time_y, 1);
}

}  // namespace

std::optional<Trigger> entry_trigger(const Model& model, const RunState& state, int year, int plant) {
    const auto p = static_cast<std::size_t>(plant);
    if (state.target_technology[p] >= 0) return std::nullopt;  // granted: waits for its start year
    const Inputs& in = model.inputs;
    const EntrySpec& entry = in.plants[p].entry;
    // A route starts lead time after its decision, at the earliest in the entrant's first year.
    if (year + entry_lead_time_y(in, entry) < entry.earliest_year) return std::nullopt;
    // An investment decision already taken is a fact, like an observed project: it claims
    // its resources whatever the history mode or a frozen-technology reference.
    if (entry.status == EntryStatus::scheduled) return Trigger::entry_scheduled;
    if (year < model.history.last_observed_year || in.scenario.behaviour.frozen_technology) return std::nullopt;
    return Trigger::entry_candidate;
}

void restrict_to_entry(const Inputs& in, PlantDecision& decision) {
    const EntrySpec& entry = in.plants[static_cast<std::size_t>(decision.plant)].entry;
    // Not built, it has nothing to close; it builds its own route or nothing.
    decision.close = false;
    const bool scheduled = entry.status == EntryStatus::scheduled;
    std::erase_if(decision.ranked, [&](const Candidate& c) {
        // A candidate builds only on a positive business case: its margin is revenue less
        // the levelised cost with its capex annualised at its hurdle rate over its lifetime,
        // so a positive margin is a positive NPV at the prices it expects.
        return c.technology != entry.technology || (!scheduled && c.margin_eur_per_t <= 0);
    });
    // The log keeps what the entry weighed: its own route's variants, ranked as above; a
    // candidate's variant without a positive margin shows as not feasible (no business case).
    std::erase_if(decision.appraisals, [&](const OptionAppraisal& a) { return a.technology != entry.technology; });
    int rank = 0;
    for (OptionAppraisal& a : decision.appraisals) {
        const bool kept = std::any_of(decision.ranked.begin(), decision.ranked.end(), [&](const Candidate& c) {
            return c.technology == a.technology && c.instrument == a.instrument;
        });
        if (kept && a.rank >= 0) {
            a.rank = rank++;
        } else {
            a.rank = -1;
            a.feasible = false;
        }
    }
}

namespace {

constexpr int kNoExit = std::numeric_limits<int>::max();

// The years a supplier makes its output, as the state stands at the start of `year`: granted
// and not built, from its start year; scheduled and not granted yet, once it may decide (its
// investment decision is a fact, so the plants deciding with it in the same year can count on
// its output), from the earliest start a grant this year could give it, so a refused one
// moves on with each recount and never adds to a year it cannot run in; on site, from now
// until a granted exit takes effect.
bool supply_years(const Inputs& in, const RunState& state, std::size_t p, int year, int& from, int& until) {
    const int target = state.target_technology[p];
    from = year;
    until = kNoExit;
    if (state.status[p] == PlantStatus::not_built) {
        const EntrySpec& entry = in.plants[p].entry;
        if (target >= 0) {
            from = std::max(year, state.target_year[p]);
            return true;
        }
        if (entry.status != EntryStatus::scheduled) return false;
        const int lead_y = entry_lead_time_y(in, entry);
        if (year + lead_y < entry.earliest_year) return false;  // before its decision window (entry_trigger)
        from = std::max(entry.earliest_year, year + lead_y);
        return true;
    }
    if (has_left(state.status[p])) return false;
    if (target >= 0) {
        const OptionKind kind = in.technologies[static_cast<std::size_t>(target)].kind;
        if (kind == OptionKind::close || is_relocation(kind)) until = state.target_year[p];
    }
    return until > from;
}

}  // namespace

void count_entrant_supply(const Model& model, RunState& state, int year) {
    const Inputs& in = model.inputs;
    const auto supplied = [&](const EntrySpec& e) -> CapacityLedger& {
        if (e.supplies == EntrySupply::feedstock) return ledger_of(state, Resource::feedstock, 0, e.supplied_feedstock);
        return ledger_of(state, Resource::hydrogen, 0);
    };
    bool cleared = false;
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const EntrySpec& entry = in.plants[p].entry;
        if (!entry.supplies_anything()) continue;
        if (!cleared) {  // recount from this year on; what earlier years had stays booked
            for (Resource r : {Resource::hydrogen, Resource::green_hydrogen, Resource::feedstock})
                for (CapacityLedger& ledger : state.ledgers[static_cast<std::size_t>(r)]) ledger.clear_added(year);
            cleared = true;
        }
        int from = 0, until = 0;
        if (!supply_years(in, state, p, year, from, until)) continue;
        const double amount = in.plants[p].capacity_t * entry.utilisation * entry.supply_per_t;
        const auto add = [&](CapacityLedger& ledger) {
            ledger.add_capacity(amount, from);
            if (until != kNoExit) ledger.add_capacity(-amount, until);
        };
        add(supplied(entry));
        if (entry.supplies == EntrySupply::green_hydrogen) add(ledger_of(state, Resource::green_hydrogen, 0));
    }
}

}  // namespace eiisim
