#include "fuel_gas_balance.hpp"

#include "agents/fuel_gas_carbon.hpp"

namespace eiisim {
namespace {

// Calls `visit(buyer, base-year GJ per year the buyer takes from `supplier`)` for each
// fuel-gas buyer of `supplier`.
template <typename Visit>
void for_each_buyer(const Model& model, int supplier, const Visit& visit) {
    const ValueChainCsr& csr = model.value_chain;
    const auto s = static_cast<std::size_t>(supplier);
    for (int k = csr.customer_begin[s]; k < csr.customer_begin[s + 1]; ++k) {
        const EdgeSpec& edge = model.inputs.edges[static_cast<std::size_t>(csr.customer_edges[static_cast<std::size_t>(k)])];
        if (edge.coupling != EdgeCoupling::fuel_gas) continue;
        const auto c = static_cast<std::size_t>(edge.customer);
        const double base_gj = model.inputs.plants[c].energy_gj[static_cast<int>(Carrier::other_fuel)] *
                               model.baselines[c].process_gas_supplier_share;
        visit(edge.customer, base_gj);
    }
}

}  // namespace

ProcessGas process_gas_burnt(const Model& model, const RunResult& result, int row, int supplier) {
    ProcessGas burnt;
    for_each_buyer(model, supplier, [&](int buyer, double) {
        const PlantBaseline& base = model.baselines[static_cast<std::size_t>(buyer)];
        const std::size_t at = result.at(row, buyer);
        const double gj = result.energy_gj[at * kCarrierCount + static_cast<std::size_t>(Carrier::other_fuel)] *
                          base.process_gas_supplier_share;
        const double gross = result.co2_gross_t[at];
        const double emitted_share = gross > 0 ? result.co2_net_t[at] / gross : 0.0;
        burnt.gj += gj;
        burnt.co2_t += gj * base.process_gas_co2_t_per_gj;
        burnt.co2_emitted_t += gj * base.process_gas_co2_t_per_gj * emitted_share;
    });
    return burnt;
}

ProcessGas expected_flared_per_t(const Model& model, const RunState& state, int supplier) {
    const double production = model.inputs.plants[static_cast<std::size_t>(supplier)].production_t;
    ProcessGas flared;
    if (production <= 0) return flared;
    for_each_buyer(model, supplier, [&](int buyer, double base_gj) {
        const PlantStatus status = state.status[static_cast<std::size_t>(buyer)];
        if (!has_left(status)) return;
        flared.gj += base_gj / production;
        flared.co2_t += base_gj * model.baselines[static_cast<std::size_t>(buyer)].process_gas_co2_t_per_gj / production;
    });
    return flared;
}

}  // namespace eiisim
