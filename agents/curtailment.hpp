#pragma once
// Short-run dispatch (docs/ODD.md §7.10): in a year whose cash margin is negative a plant
// runs at behaviour.curtailed_utilisation of its normal utilisation, as Yara and others
// did in the 2022 gas-price shock. The route stays; only this year's output falls.
#include "unit_cost.hpp"

namespace eiisim {

// Revenue less the costs that stop when a tonne is not made: energy, carbon, transport and
// storage, variable opex, bought intermediates and the calibrated other cost, net of
// production-linked subsidy. Capital and fixed opex run on whether the plant runs or not.
// The other cost counts because the accounts charge it per tonne: it holds the raw
// materials the catalogue does not itemise (crude, monomers, fibre, beet), and a negative
// one is income that comes with each tonne (co-products, heat sales; docs/ODD.md §5).
[[nodiscard]] double cash_margin_eur_per_t(const UnitCost& unit);

// Whether a plant whose unit cost at normal utilisation is `unit` curtails this year:
// when its cash margin is below `margin_needed_share` of its revenue. That share is 0 for a
// plant that ran normally last year and behaviour.restart_margin_share for one the rule
// curtailed (restart hysteresis: restarting has costs, and a firm waits for a margin it
// trusts; Dixit 1989, "Entry and exit decisions under uncertainty", J. Polit. Econ. 97(3)).
// `curtailed_utilisation` = 1 means never.
[[nodiscard]] bool curtails(const UnitCost& unit, double curtailed_utilisation, double margin_needed_share = 0.0);

}  // namespace eiisim
