#pragma once
// The random term of a plant's utility (docs/ODD.md §7.7 "Persistent taste"): one value per
// option kind, shared by every variant of the kind (nested choice). It stands for what the
// model does not see of a plant's lasting circumstances (site layout, management, risk
// appetite, relations with suppliers), so it is drawn once per plant and run and kept:
//
//     eps[p, kind, y] = g[p, kind] + taste_innovation_sd x eta[p, kind, y]
//
// g ~ Gumbel(0, 1) from the plant's Purpose::taste stream (year 0), eta ~ N(0, 1) fresh
// each year from its Purpose::taste_innovation stream. This is the one place the draw is
// made; the event log records the TasteDraw a decision used.
#include <array>
#include <cstdint>

#include "core/inputs.hpp"
#include "core/random_stream.hpp"

namespace eiisim {

struct TasteDraw {
    std::array<double, kOptionKindCount> epsilon{};  // per option kind, in kind order
};

// The lasting part g: one Gumbel value per kind, in kind order, from `stream`.
[[nodiscard]] TasteDraw draw_lasting_taste(RandomStream& stream);

// The plant's lasting taste in run (seed, run): its Purpose::taste stream, year 0.
[[nodiscard]] TasteDraw lasting_taste(std::uint64_t seed, std::uint64_t run, int plant);

// The draw a decision of `plant` in `year` uses: the lasting part plus the year's
// innovation (none when taste_innovation_sd is 0); all zero in deterministic mode.
[[nodiscard]] TasteDraw decision_taste(const Behaviour& behaviour, const TasteDraw& lasting,
                                       std::uint64_t seed, std::uint64_t run, int plant, int year);

}  // namespace eiisim
