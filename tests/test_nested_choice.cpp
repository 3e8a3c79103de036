// The choice among a plant's options is nested (docs/ODD.md §7.7): a plant chooses a kind
// of route (keep, electrify, ccs, ...) with one taste draw per kind, and within the kind the
// variant with the best margin. Offering one more catalogue variant of a kind, here an
// exact duplicate, must not make that kind more likely (the logit's independence of
// irrelevant alternatives would: each variant brought its own draw).
#include <catch2/catch.hpp>

#include <vector>

#include "agents/appraisal.hpp"
#include "fixtures.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;

namespace {

constexpr int kYear = 2035;
constexpr int kDraws = 2000;

struct Chooser : testing::AppraisalBench {
    explicit Chooser(Inputs inputs) : AppraisalBench(std::move(inputs), kYear) {}
    PlantSnapshot on_keep(int plant) const {
        const PlantSpec& spec = model.inputs.plants[static_cast<std::size_t>(plant)];
        PlantSnapshot s;
        s.technology = model.inputs.sector_keep_technology[static_cast<std::size_t>(spec.sector)];
        s.utilisation = model.baselines[static_cast<std::size_t>(plant)].utilisation;
        return s;
    }
    // The kind ranked first in each of kDraws independent decisions (-1: closes).
    std::vector<int> first_kinds(int plant) const {
        const PlantSnapshot snapshot = on_keep(plant);
        std::vector<int> kinds;
        for (std::uint64_t run = 0; run < kDraws; ++run) {
            const TasteDraw taste = lasting_taste(1, run, plant);
            const PlantDecision d = appraise_options(context, model.baselines[static_cast<std::size_t>(plant)], plant,
                                                     snapshot, Trigger::reinvestment, {}, taste);
            kinds.push_back(d.close ? -1 : static_cast<int>(model.inputs.technologies[static_cast<std::size_t>(d.ranked.front().technology)].kind));
        }
        return kinds;
    }
};

double share_of(const std::vector<int>& kinds, int kind) {
    double n = 0;
    for (int k : kinds) n += k == kind ? 1.0 : 0.0;
    return n / static_cast<double>(kinds.size());
}

// A plant and a feasible non-keep option whose kind is chosen sometimes but not always.
bool contested_option(const Chooser& c, int& plant_out, int& tech_out, std::vector<int>& kinds_out) {
    const Inputs& in = c.model.inputs;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        const std::vector<int> kinds = c.first_kinds(plant);
        for (int tech : in.plant_technologies[static_cast<std::size_t>(plant)]) {
            const OptionKind kind = in.technologies[static_cast<std::size_t>(tech)].kind;
            if (kind == OptionKind::keep || kind == OptionKind::close) continue;
            const double share = share_of(kinds, static_cast<int>(kind));
            if (share < 0.1 || share > 0.6) continue;
            plant_out = plant;
            tech_out = tech;
            kinds_out = kinds;
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("choice: a duplicated catalogue variant does not make its kind more likely", "[choice]") {
    const Chooser base(dutch_inputs());
    int plant = -1;
    int tech = -1;
    std::vector<int> before;
    REQUIRE(contested_option(base, plant, tech, before));

    Inputs twin = dutch_inputs();
    TechnologySpec copy = twin.technologies[static_cast<std::size_t>(tech)];
    copy.id += "_duplicate";
    twin.technologies.push_back(copy);
    twin.plant_technologies[static_cast<std::size_t>(plant)].push_back(static_cast<int>(twin.technologies.size()) - 1);
    const Chooser doubled(std::move(twin));
    const std::vector<int> after = doubled.first_kinds(plant);

    const int kind = static_cast<int>(base.model.inputs.technologies[static_cast<std::size_t>(tech)].kind);
    INFO("plant " << base.model.inputs.plants[static_cast<std::size_t>(plant)].id << " option "
                  << base.model.inputs.technologies[static_cast<std::size_t>(tech)].id << " share "
                  << share_of(before, kind) << " -> " << share_of(after, kind));
    // Within sampling noise (2000 draws: sd of a share below 0.011)...
    CHECK(share_of(after, kind) == Approx(share_of(before, kind)).margin(0.03));
    // ...and in fact draw for draw: the kind's taste draw does not depend on how many variants it has.
    CHECK(after == before);
}
