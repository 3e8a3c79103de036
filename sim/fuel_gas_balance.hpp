#pragma once
// The supplier's side of the fuel-gas carbon rule (agents/fuel_gas_carbon.hpp) in a run:
// how much of its process gas its buyers burn, booked or expected. Internal to the engine.
#include "agents/fuel_gas_carbon.hpp"
#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

// `supplier`'s process gas its fuel-gas buyers burnt in panel row `row` of `result` (their
// booked other fuel, times the share that comes from this supplier, at their CO2 per GJ).
// The buyers must be booked first (sim/accounts.cpp books suppliers after everyone else).
[[nodiscard]] ProcessGas process_gas_burnt(const Model& model, const RunResult& result, int row, int supplier);

// What `supplier` would flare per t if things stay as they are: the base-year gas of its
// buyers that have closed (or relocated). What an appraisal expects.
[[nodiscard]] ProcessGas expected_flared_per_t(const Model& model, const RunState& state, int supplier);

}  // namespace eiisim
