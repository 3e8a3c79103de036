// Relocation in the Dutch dataset (issue 21, error 4): producing abroad can never earn
// more than the product sells for, and a plant whose calibrated other cost is negative
// (site-bound income) does not take that income abroad.
#include <catch2/catch.hpp>

#include <array>
#include <vector>

#include "agents/appraisal.hpp"
#include "fixtures.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

int relocate_row_of(const Inputs& inputs, int sector) {
    for (std::size_t t = 0; t < inputs.technologies.size(); ++t) {
        const TechnologySpec& tech = inputs.technologies[t];
        if (tech.kind == OptionKind::relocate && tech.sector == sector && tech.plant < 0) return static_cast<int>(t);
    }
    return -1;
}

// The relocate option of `plant` as it would be appraised in `year` by a plant still on
// its keep route at base utilisation, nothing left to strand.
OptionBreakdown relocation(const Model& model, int plant, int year) {
    const Inputs& inputs = model.inputs;
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    const PlantBaseline& base = model.baselines[static_cast<std::size_t>(plant)];
    static const std::array<double, kOptionKindCount> no_peers{};
    const std::vector<double> learning(inputs.technologies.size(), 1.0);
    AppraisalContext context;
    context.inputs = &inputs;
    context.year = year;
    context.expected = &model.expected[static_cast<std::size_t>(year - inputs.scenario.base_year)];
    context.learning_multiplier = &learning;
    context.cluster_peer_share = &no_peers;
    context.record_appraisals = false;
    PlantSnapshot snapshot;
    snapshot.technology = inputs.sector_keep_technology[static_cast<std::size_t>(spec.sector)];
    snapshot.utilisation = base.utilisation;
    const AppraisalBasis basis = appraisal_basis(context, base, plant, snapshot, Trigger::reinvestment);
    return appraise_option(basis, relocate_row_of(inputs, spec.sector));
}

}  // namespace

TEST_CASE("relocation: no plant's margin abroad exceeds the price of its product", "[abroad]") {
    const Model model = build_model(dutch_inputs());
    int negative_residuals = 0;
    for (int p = 0; p < static_cast<int>(model.inputs.plants.size()); ++p) {
        const PlantBaseline& base = model.baselines[static_cast<std::size_t>(p)];
        if (base.utilisation <= 0) continue;
        INFO("plant " << model.inputs.plants[static_cast<std::size_t>(p)].id);
        for (const int year : {2023, 2030, 2040}) {
            const OptionBreakdown abroad = relocation(model, p, year);
            CHECK(abroad.margin_eur_per_t() <= abroad.cost.revenue_eur_per_t);
            CHECK(abroad.cost[CostComponent::other_cost] >= 0.0);
        }
        if (base.other_cost_eur_per_t < 0) ++negative_residuals;
    }
    INFO("plants with a negative calibrated other cost: " << negative_residuals);
    SUCCEED();
}
