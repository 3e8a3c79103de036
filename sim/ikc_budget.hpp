#pragma once
// Indirect cost compensation within its yearly budget (docs/ODD.md §7.4). The accounts book
// every eligible plant's full claim; when the claims exceed the year's budget every claim
// is cut by the same share (Regeling nationale EZK- en LNV-subsidies, titel 4.4, Stcrt.
// 2022, 23127: applications are cut "met een gelijk percentage"), and the plant's energy
// cost and margin follow. The year's full claims are kept for next year's expectations.
#include "core/run_result.hpp"
#include "model.hpp"
#include "run_state.hpp"

namespace eiisim {

void cut_ikc_to_budget(const Model& model, RunState& state, int year, RunResult& result);

}  // namespace eiisim
