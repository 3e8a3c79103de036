#pragma once
// The value-chain rule for by-product fuel gas (docs/ODD.md §7.9). A plant with an
// incoming `fuel_gas` edge (a gas-coupled plant: the Velsen and IJmond power plants on
// Tata Steel's blast-furnace and coke-oven gas) burns its supplier's process gas
// instead of buying fuel. Both halves of the rule live here so they stay consistent:
//  - what such a plant may choose (agents/appraisal.cpp marks the rest infeasible);
//  - which supplier routes still make the gas (sim/transitions.cpp closes the plant
//    in the year its supplier's route stops making it).
#include "core/inputs.hpp"

namespace eiisim {

// A gas-coupled plant buys no fuel, so switching fuel (electrify, hydrogen, bio) or
// buying the intermediate (import) is not open to it; relocating a plant that exists
// only to burn a neighbour's gas makes no sense. It keeps its route, adds capture or closes.
[[nodiscard]] constexpr bool open_to_gas_coupled_plant(OptionKind kind) {
    return kind == OptionKind::keep || kind == OptionKind::ccs || kind == OptionKind::close;
}

// Supplier routes that still export process gas. CCS counts: with top-gas recycling and
// capture some gas is still exported (a simplification, docs/ODD.md §8). Every other
// route (a DRI or electric steel route, import, relocation, closure) ends the supply.
[[nodiscard]] constexpr bool route_makes_process_gas(OptionKind kind) {
    return kind == OptionKind::keep || kind == OptionKind::ccs;
}

}  // namespace eiisim
