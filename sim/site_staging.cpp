#include "site_staging.hpp"

#include "agents/permit_terms.hpp"

namespace eiisim {

bool site_conversion_under_way(const Model& model, const RunState& state, std::size_t plant) {
    const Inputs& in = model.inputs;
    for (int q = model.next_site_unit[plant]; static_cast<std::size_t>(q) != plant;
         q = model.next_site_unit[static_cast<std::size_t>(q)]) {
        const auto u = static_cast<std::size_t>(q);
        const int target = state.target_technology[u];
        // An entrant building at the site is a new unit, not a conversion of one.
        if (target < 0 || state.status[u] == PlantStatus::not_built) continue;
        const OptionKind kind = in.technologies[static_cast<std::size_t>(target)].kind;
        if (kind == OptionKind::close || is_relocation(kind)) continue;
        if (is_large_conversion(state.target_capex_eur[u], in.scenario.behaviour)) return true;
    }
    return false;
}

}  // namespace eiisim
