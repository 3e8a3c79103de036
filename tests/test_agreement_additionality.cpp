// The additionality check of `eiisim agreements` (sweep/agreement_additionality.hpp): an
// agreement that commits a plant to the route it takes anyway adds nothing; a binding
// conversion the plant would not make alone adds a reduction; a bad id is bad input.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/input_error.hpp"
#include "fixtures.hpp"
#include "sweep/agreement_additionality.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

constexpr std::uint64_t kSeed = 1;  // run_additionality's first seed

AgreementSpec binding_agreement(const std::string& id, int stage_year, int start_year, int target_year, int plant,
                                int technology) {
    AgreementSpec a;
    a.id = id;
    a.firm = "test firm";
    a.stage = AgreementStage::binding;
    a.stage_year = stage_year;
    a.start_year = start_year;
    a.target_year = target_year;
    a.reduction_t = 1e5;
    a.units.push_back({plant, technology, "test"});
    return a;
}

// The first decision of the run that changes a plant's route (not an exit).
const DecisionEvent* first_conversion(const Inputs& in, const RunResult& r) {
    for (const DecisionEvent& e : r.events) {
        if (e.to_technology < 0 || e.to_technology == e.from_technology) continue;
        const OptionKind kind = in.technologies[static_cast<std::size_t>(e.to_technology)].kind;
        if (kind != OptionKind::close && kind != OptionKind::relocate) return &e;
    }
    return nullptr;
}

// A plant on a keep route in every year of the run.
int plant_kept_throughout(const RunResult& r) {
    for (int p = 0; p < r.plants; ++p) {
        bool kept = true;
        for (int y = 0; y < r.years; ++y)
            kept = kept && r.kind[r.at(y, p)] == static_cast<std::uint8_t>(OptionKind::keep) &&
                   r.status[r.at(y, p)] == static_cast<std::uint8_t>(PlantStatus::operating);
        if (kept) return p;
    }
    return -1;
}

int option_of_kind(const Inputs& in, int plant, OptionKind kind) {
    for (int t : in.plant_technologies[static_cast<std::size_t>(plant)])
        if (in.technologies[static_cast<std::size_t>(t)].kind == kind) return t;
    return -1;
}

}  // namespace

TEST_CASE("an agreement on the route the plant takes anyway adds no reduction", "[agreements][additionality]") {
    Inputs in = small_inputs();
    const RunResult alone = run(in, kSeed);
    const DecisionEvent* e = first_conversion(in, alone);
    REQUIRE(e != nullptr);
    // Binding the year after the plant decided, for the route it decided on: nothing changes.
    in.agreements.push_back(binding_agreement("anyway", e->year + 1, e->running_from_year, in.scenario.end_year,
                                              e->plant, e->to_technology));
    const AdditionalityResult r = run_additionality(in, agreements_to_check(in), 1);
    REQUIRE(r.agreements.size() == 1);
    const AgreementAdditionality& a = r.agreements[0];
    CHECK(a.binding_share == 1.0);
    CHECK(a.additional_t[1] == 0.0);
    CHECK(a.national_t[1] == 0.0);
    CHECK(a.cumulative_additional_t == 0.0);
    CHECK(std::isnan(a.eur_per_t));
}

TEST_CASE("a binding conversion the plant would not make alone adds a reduction", "[agreements][additionality]") {
    Inputs in = small_inputs();
    const RunResult alone = run(in, kSeed);
    const int plant = plant_kept_throughout(alone);
    REQUIRE(plant >= 0);
    const int ccs = option_of_kind(in, plant, OptionKind::ccs);
    REQUIRE(ccs >= 0);
    in.agreements.push_back(binding_agreement("convert", 2034, 2036, 2040, plant, ccs));
    const AdditionalityResult r = run_additionality(in, agreements_to_check(in), 2);
    REQUIRE(r.agreements.size() == 1);
    const AgreementAdditionality& a = r.agreements[0];
    CHECK(a.year == 2040);
    // Seed 1 without the agreement is the run above: the difference is its units' CO2.
    const RunResult with = run(in, kSeed);
    const double without_t = alone.co2_net_t[alone.at(2040 - alone.base_year, plant)];
    const double with_t = with.co2_net_t[with.at(2040 - with.base_year, plant)];
    REQUIRE(without_t - with_t > 0);
    CHECK(a.additional_t[0] > 0);
    CHECK(a.additional_t[1] > 0);
    CHECK(a.cumulative_additional_t > a.additional_t[1]);  // it runs from 2036 to the end
    CHECK(a.national_t[1] > 0);
    CHECK(a.aid_eur == 0.0);  // no instrument, no aid
}

TEST_CASE("agreements to check: all but stopped ones, or the one named; an unknown id is bad input",
          "[agreements][additionality]") {
    Inputs in = small_inputs();
    in.agreements.push_back(binding_agreement("a", 2025, 2027, 2030, 0, -1));
    in.agreements.push_back(binding_agreement("b", 2025, 2027, 2030, 1, -1));
    in.agreements[1].stage = AgreementStage::stopped;
    CHECK(agreements_to_check(in) == std::vector<std::size_t>{0});
    CHECK(agreements_to_check(in, static_cast<int>(agreement_index(in, "b"))) == std::vector<std::size_t>{1});
    CHECK_THROWS_AS(agreement_index(in, "nope"), InputError);
    CHECK_THROWS_WITH(agreement_index(in, "nope"), Catch::Contains("--agreement") && Catch::Contains("known: a, b"));
}
