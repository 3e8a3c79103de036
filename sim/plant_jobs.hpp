#pragma once
// Jobs of one plant in one year (docs/ODD.md §7.12, "Jobs"), in FTE:
//
//     J = N × s × λ
//
// with N the plant's employees (plants.csv, de-duplicated per site by the importer), s the
// share of its capacity still open (observed partial closures; 1 when none) and λ the
// labour factor of its state:
//   - closed or relocated (inside or outside the EU): 0, the staff go with the plant;
//   - on an import route (OptionKind::import_intermediate) that buys share m of the upstream
//     step abroad: 1 − m × u, with u the sector's upstream_labour_share (sectors.csv): the
//     replaced step's staff go, the downstream staff stay;
//   - otherwise (its base route or a domestic conversion, converting or not): 1.
// Lower utilisation keeps the staff (λ = 1): firms keep their people through a downturn
// and use short-time work rather than lay-offs; only a closure, relocation or an import
// of the upstream step removes jobs.
#include "core/run_result.hpp"

namespace eiisim {

struct PlantJobsState {
    PlantStatus status = PlantStatus::operating;
    OptionKind kind = OptionKind::keep;  // of the route in force
    double import_share = 0;             // the route's share of the upstream step bought abroad
    double open_share = 1;               // share of capacity still open
};

[[nodiscard]] double labour_factor(const PlantJobsState& state, double upstream_labour_share);
[[nodiscard]] double plant_jobs(double employees, const PlantJobsState& state, double upstream_labour_share);

}  // namespace eiisim
