// The SDE++-style operating subsidy in the appraisal (docs/ODD.md §7.7, §7.14): paid yearly
// for its instrument's contract years, it enters the levelised cost as the present value of those payments
// spread over the route's lifetime, and its gap leaves out the stranded book value of
// the route in force.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "agents/appraisal.hpp"
#include "fixtures.hpp"

using namespace eiisim;
using eiisim::testing::dutch_inputs;

namespace {

struct Appraiser {
    Model model;
    std::vector<double> learning;
    std::array<double, kOptionKindCount> peers{};
    AppraisalContext context;

    explicit Appraiser(Inputs inputs, int year) : model(build_model(std::move(inputs))) {
        learning.assign(model.inputs.technologies.size(), 1.0);
        context.inputs = &model.inputs;
        context.year = year;
        context.expected = &model.expected[static_cast<std::size_t>(year - model.inputs.scenario.base_year)];
        context.learning_multiplier = &learning;
        context.cluster_peer_share = &peers;
    }
    // A plant on keep, mid-cycle, with `book_value_eur` still on its books.
    PlantSnapshot on_keep(int plant, double book_value_eur) const {
        const PlantSpec& spec = model.inputs.plants[static_cast<std::size_t>(plant)];
        PlantSnapshot s;
        s.technology = model.inputs.sector_keep_technology[static_cast<std::size_t>(spec.sector)];
        s.asset_age_y = 5;
        s.utilisation = model.baselines[static_cast<std::size_t>(plant)].utilisation;
        s.book_value_eur = book_value_eur;
        return s;
    }
};

// Every operating-subsidy offer of every plant on keep in `year`, with its basis's keep reference.
template <typename Check>
int for_each_aided_option(const Appraiser& a, double book_share, Check check) {
    int checked = 0;
    const Inputs& in = a.model.inputs;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        const PlantSpec& spec = in.plants[static_cast<std::size_t>(plant)];
        const PlantSnapshot snapshot = a.on_keep(plant, book_share * spec.capacity_t * 100.0);
        const AppraisalBasis basis =
            appraisal_basis(a.context, a.model.baselines[static_cast<std::size_t>(plant)], plant, snapshot, Trigger::event);
        for (int tech : in.plant_technologies[static_cast<std::size_t>(plant)]) {
            if (in.technologies[static_cast<std::size_t>(tech)].kind == OptionKind::close) continue;
            const OptionBreakdown o = appraise_option(basis, tech);
            for (const AidOffer& offer : o.aid_offers()) {
                if (offer.subsidy_eur_per_t <= 0) continue;
                check(basis, o, offer);
                ++checked;
            }
        }
    }
    return checked;
}

}  // namespace

TEST_CASE("subsidy: paid for the contract years, levelised over the route's lifetime", "[subsidy]") {
    const Appraiser a(dutch_inputs(), 2030);
    const Policy& policy = a.model.inputs.scenario.policy;
    const int checked = for_each_aided_option(a, 0.0, [&](const AppraisalBasis& basis, const OptionBreakdown& o,
                                                          const AidOffer& offer) {
        const InstrumentSpec& instrument = policy.instruments[static_cast<std::size_t>(offer.instrument)];
        REQUIRE(instrument.contract_years == 15);
        const TechnologySpec& tech = a.model.inputs.technologies[static_cast<std::size_t>(o.technology)];
        const double r = a.model.inputs.plants[static_cast<std::size_t>(basis.plant)].hurdle_rate;
        const double n = tech.lifetime_y;
        const double paid = std::min<double>(instrument.contract_years, n);
        const double levelised = offer.subsidy_eur_per_t * capital_recovery_factor(r, n) / capital_recovery_factor(r, paid);
        INFO("plant " << basis.plant << " option " << tech.id << " n " << n << " instrument " << instrument.id);
        // The ranked cost takes the present value of 15 payments over n years, not n payments.
        CHECK(o.aided_cost_eur_per_t(offer) ==
              Approx(o.cost_eur_per_t() - levelised - offer.investment_aid_eur_per_t).epsilon(1e-12).margin(1e-9));
        // The budget commits the most the contract can pay: its yearly cap for 15 years,
        // never less than the payment the award expects.
        const Candidate c = aided_candidate(o, offer);
        const AidContract contract = aid_contract(basis, o, offer);
        CHECK(contract.max_payment_eur_per_t >= offer.subsidy_eur_per_t);
        CHECK(offer.budget_eur == Approx(contract.max_payment_eur_per_t * basis.production_t * instrument.contract_years));
        CHECK(amount_of(c.claim, Resource::subsidy_budget) == offer.budget_eur);
    });
    CHECK(checked > 0);
}

TEST_CASE("subsidy: r = 0.10, n = 25, 15 years of payments are worth 83.8 % of 25", "[subsidy]") {
    const double ratio = capital_recovery_factor(0.10, 25) / capital_recovery_factor(0.10, 15);
    CHECK(ratio == Approx(0.8380).margin(1e-4));
}

TEST_CASE("subsidy: the gap leaves out the stranded book value of the route in force", "[subsidy]") {
    const Appraiser a(dutch_inputs(), 2030);
    const Policy& policy = a.model.inputs.scenario.policy;
    int stranded_seen = 0;
    const auto cap_of = [&](const AidOffer& offer) {
        return policy.instruments[static_cast<std::size_t>(offer.instrument)].max_eur_per_tco2;
    };
    // A plant on keep with 100 EUR per t/yr of capacity still on its books:
    // every other route carries the stranded annuity, the keep reference does not.
    const int checked = for_each_aided_option(a, 1.0, [&](const AppraisalBasis& basis, const OptionBreakdown& o,
                                                          const AidOffer& offer) {
        const double stranded = o.cost[CostComponent::stranded];
        if (stranded > 0) ++stranded_seen;
        const OptionBreakdown& ref = basis.keep_reference;
        const double avoided = ref.profile.co2_net_t_per_t() - o.profile.co2_net_t_per_t();
        const double gap = std::max(0.0, (o.cost.total() - stranded) - (ref.cost.total() - ref.cost[CostComponent::stranded]));
        INFO("plant " << basis.plant << " option " << o.technology << " stranded " << stranded);
        CHECK(offer.subsidy_eur_per_t == Approx(std::min(gap, cap_of(offer) * avoided)).epsilon(1e-12).margin(1e-9));
    });
    CHECK(checked > 0);
    CHECK(stranded_seen > 0);
}

TEST_CASE("capex: one lifetime per route in appraisal, calibration and accounts", "[capex]") {
    const Appraiser a(dutch_inputs(), 2030);
    const Inputs& in = a.model.inputs;
    int differing = 0;
    for (int plant = 0; plant < static_cast<int>(in.plants.size()); ++plant) {
        const PlantSpec& spec = in.plants[static_cast<std::size_t>(plant)];
        // An entrant's incumbent route is its own (entrants.csv), not its sector's keep.
        const int keep = keep_technology_of(in, plant);
        const TechnologySpec& tech = in.technologies[static_cast<std::size_t>(keep)];
        if (tech.capex_eur_per_t_yr <= 0) continue;
        if (tech.lifetime_y != spec.reinvestment_cycle_y) ++differing;
        const PlantSnapshot snapshot = a.on_keep(plant, 0.0);
        if (snapshot.utilisation <= 0) continue;
        const AppraisalBasis basis = appraisal_basis(a.context, a.model.baselines[static_cast<std::size_t>(plant)],
                                                     plant, snapshot, Trigger::reinvestment);
        const OptionBreakdown o = appraise_option(basis, keep);
        // The incumbent is reinvested in every reinvestment_cycle_y years (the trigger, the
        // book value and the calibration use that cycle), so its capex is annualised over it.
        INFO(spec.id << " cycle " << spec.reinvestment_cycle_y << " catalogue " << tech.lifetime_y);
        CHECK(o.lifetime_y == spec.reinvestment_cycle_y);
        CHECK(o.cost[CostComponent::capex_annuity] ==
              Approx(tech.capex_eur_per_t_yr * capital_recovery_factor(spec.hurdle_rate, spec.reinvestment_cycle_y) /
                     snapshot.utilisation).epsilon(1e-12));
    }
    CHECK(differing > 0);
}
