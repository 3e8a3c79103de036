// Green markets (docs/ODD.md §7.16): premium paths per sector, the green quota's clearing
// and the RED III hydrogen obligation.
#include <catch2/catch.hpp>

#include "agents/hydrogen_obligation.hpp"
#include "agents/price_view.hpp"
#include "cli/appraise_command.hpp"
#include "core/input_error.hpp"
#include "core/uncertain_targets.hpp"
#include "fixtures.hpp"
#include "inputs/green_market_loader.hpp"
#include "sim/green_quota.hpp"
#include "sim/phases.hpp"
#include "sim/run_state.hpp"

using namespace eiisim;
using eiisim::testing::small_inputs;

namespace {

int sector_of(const Inputs& in, const std::string& id) {
    for (std::size_t s = 0; s < in.sectors.size(); ++s)
        if (in.sectors[s].id == id) return static_cast<int>(s);
    throw std::invalid_argument("no sector " + id);
}

}  // namespace

TEST_CASE("hydrogen under the obligation costs the blend of the other supply and the compliance price",
          "[green_market]") {
    CHECK(obligated_hydrogen_eur_per_gj(30, 60, 0.0, 80) == 30);  // no obligation: unchanged
    CHECK(obligated_hydrogen_eur_per_gj(30, 60, 0.42, 80) == Approx(0.58 * 30 + 0.42 * 60));
    // A buy-out cheaper than renewable hydrogen is what complying costs.
    CHECK(obligated_hydrogen_eur_per_gj(30, 60, 0.5, 40) == Approx(0.5 * 30 + 0.5 * 40));
    // No buy-out set: the plant must buy renewable hydrogen.
    CHECK(obligated_hydrogen_eur_per_gj(30, 60, 0.5, 0) == Approx(45));

    Inputs in = small_inputs();
    Scenario& sc = in.scenario;
    const double other = actual_prices(sc, 2035).energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)];
    sc.prices.green_hydrogen_eur_per_gj = TimePath{80.0};
    sc.policy.hydrogen_obligation_share = TimePath{{{2025, 0.0}, {2035, 0.6}}};
    sc.policy.hydrogen_obligation_buyout_eur_per_gj = TimePath{100.0};
    CHECK(actual_prices(sc, 2035).energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)] ==
          Approx(0.4 * other + 0.6 * 80));
    CHECK(actual_prices(sc, 2024).energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)] ==
          actual_prices(small_inputs().scenario, 2024).energy_eur_per_gj[static_cast<int>(Carrier::hydrogen)]);
}

TEST_CASE("the hydrogen obligation's settlement: renewable use up to the supply, the rest short and bought out",
          "[green_market]") {
    // Ample supply: all of the obligation renewable.
    HydrogenSettlement s = settle_hydrogen_obligation(100, 0.42, 1000, 60, 80);
    CHECK(s.obligation_gj == Approx(42));
    CHECK(s.renewable_gj == Approx(42));
    CHECK(s.shortfall_gj == 0);
    CHECK(s.buyout_eur == 0);
    // Supply short: the shortfall pays the buy-out.
    s = settle_hydrogen_obligation(100, 0.42, 30, 60, 80);
    CHECK(s.renewable_gj == Approx(30));
    CHECK(s.shortfall_gj == Approx(12));
    CHECK(s.buyout_eur == Approx(12 * 80));
    // A buy-out cheaper than renewable hydrogen: nobody buys it.
    s = settle_hydrogen_obligation(100, 0.42, 1000, 60, 40);
    CHECK(s.renewable_gj == 0);
    CHECK(s.shortfall_gj == Approx(42));
    CHECK(s.buyout_eur == Approx(42 * 40));
    // A new hydrogen route must be able to buy the highest share while it runs.
    Scenario sc = small_inputs().scenario;
    sc.policy.hydrogen_obligation_share = TimePath{{{2025, 0.0}, {2030, 0.42}, {2035, 0.6}, {2050, 0.5}}};
    CHECK(highest_obligation_share(sc, 2028) == Approx(0.6));
    CHECK(highest_obligation_share(sc, 2040) == Approx(sc.policy.hydrogen_obligation_share.at(2040)));
}

TEST_CASE("a green quota's premium clears: the cap while green tonnes fall short, else the marginal offer",
          "[green_market]") {
    using Offers = std::vector<GreenOffer>;
    QuotaClearing c = clear_quota(0.1, 1000, Offers{{50, 0}}, 150);
    CHECK(c.required_t == Approx(100));
    CHECK(c.premium_eur_per_t == 150);
    CHECK(c.paid_eur_per_green_t == 150);  // every green t is needed
    c = clear_quota(0.1, 1000, Offers{{100, 0}}, 150);
    CHECK(c.premium_eur_per_t == 0);
    c = clear_quota(0.1, 1000, Offers{{300, 0}, {200, 0}}, 150);
    CHECK(c.offered_t == Approx(500));
    CHECK(c.premium_eur_per_t == 0);
    CHECK(c.paid_eur_per_green_t == 0);
    c = clear_quota(0.0, 1000, Offers{}, 150);
    CHECK(c.premium_eur_per_t == 0);
    // The requirement is capped by the demand volume.
    CHECK(clear_quota(1.7, 1000, Offers{}, 150).required_t == Approx(1000));
}

TEST_CASE("a long green quota clears in merit order at the reservation of the marginal tonne needed",
          "[green_market]") {
    using Offers = std::vector<GreenOffer>;
    // R = 100 t: the 60 t at 0 and 40 of the 80 t at 30 EUR/t are needed; the 90 EUR/t offer is not.
    const Offers offers{{80, 30}, {50, 90}, {60, 0}};
    QuotaClearing c = clear_quota(0.1, 1000, offers, 150);
    CHECK(c.offered_t == Approx(190));
    CHECK(c.premium_eur_per_t == Approx(30));
    CHECK(c.paid_eur_per_green_t == Approx(30 * 100.0 / 190.0));  // only the tonnes needed are paid
    // A larger requirement reaches the dearer offer; the cap bounds the premium.
    CHECK(clear_quota(0.15, 1000, offers, 150).premium_eur_per_t == Approx(90));
    CHECK(clear_quota(0.15, 1000, offers, 70).premium_eur_per_t == Approx(70));
    // Monotonic: a higher share never lowers the premium.
    double last = 0;
    for (double share = 0.0; share <= 0.25; share += 0.01) {
        const double premium = clear_quota(share, 1000, offers, 150).premium_eur_per_t;
        CHECK(premium >= last);
        last = premium;
    }
}

TEST_CASE("in a run the quota's premium is the cap after a year short of the share, at most the cap after a "
          "year that met it",
          "[green_market]") {
    Inputs in = small_inputs();
    const std::size_t sectors = in.sectors.size();
    const auto ammonia = static_cast<std::size_t>(sector_of(in, "ammonia"));
    constexpr double kCap = 400;
    in.scenario.policy.sector_green_quota_share.assign(sectors, TimePath{0.0});
    in.scenario.policy.sector_green_quota_cap_eur_per_t.assign(sectors, TimePath{0.0});
    in.scenario.policy.sector_green_quota_share[ammonia] = TimePath{0.3};
    in.scenario.policy.sector_green_quota_cap_eur_per_t[ammonia] = TimePath{kCap};
    const RunResult r = eiisim::testing::run(std::move(in), 3);
    const std::size_t years = r.green_quota_required_t.size();
    REQUIRE(r.green_quota_required_t[0] > 0);  // the ammonia plants run in the base year
    bool short_some_year = false;
    for (std::size_t y = 1; y < years; ++y) {
        const bool met = r.green_quota_offered_t[y - 1] >= r.green_quota_required_t[y - 1];
        short_some_year = short_some_year || !met;
        CHECK(r.green_quota_premium_paid_eur[y] >= 0);
        if (met)
            CHECK(r.green_quota_premium_paid_eur[y] <= kCap * r.green_quota_offered_t[y] + 1e-6);
        else
            CHECK(r.green_quota_premium_paid_eur[y] == Approx(kCap * r.green_quota_offered_t[y]));
    }
    CHECK(short_some_year);
}

TEST_CASE("appraise shows the green quota's premium of the year, the one the run pays", "[green_market][appraise]") {
    Inputs in = small_inputs();
    const std::size_t sectors = in.sectors.size();
    const auto ammonia = static_cast<std::size_t>(sector_of(in, "ammonia"));
    in.scenario.policy.sector_green_quota_share.assign(sectors, TimePath{0.0});
    in.scenario.policy.sector_green_quota_cap_eur_per_t.assign(sectors, TimePath{0.0});
    in.scenario.policy.sector_green_quota_share[ammonia] = TimePath{0.3};
    in.scenario.policy.sector_green_quota_cap_eur_per_t[ammonia] = TimePath{400};
    const Model model = build_model(std::move(in));
    constexpr std::uint64_t kSeed = 3;
    const RunResult r = simulate(model, kSeed);
    const int yara = eiisim::testing::plant_index(model.inputs, "yara_sluiskil");
    int compared = 0;
    bool premium_seen = false;
    for (std::size_t y = 1; y < r.green_quota_offered_t.size(); ++y) {
        if (r.green_quota_offered_t[y] <= 0) continue;  // nobody paid: no rate to compare
        const int year = model.inputs.scenario.base_year + static_cast<int>(y);
        const PlantAppraisal a = appraise_plant(model, kSeed, yara, year);
        if (!a.appraised()) continue;  // the plant has left
        const double paid = r.green_quota_premium_paid_eur[y] / r.green_quota_offered_t[y];
        CHECK(a.quota_premium_eur_per_t == Approx(paid));
        // the path's premium (the model's expected prices hold no quota) plus the quota's
        CHECK(a.green_premium_eur_per_t == Approx(model.expected[y].green_premium(static_cast<int>(ammonia)) + paid));
        premium_seen = premium_seen || paid > 0;
        ++compared;
    }
    CHECK(compared > 0);
    CHECK(premium_seen);
}

TEST_CASE("a sweep sample on the default or the per-sector green premium reaches the engine's per-sector paths",
          "[green_market][sweep]") {
    Inputs base = small_inputs();
    base.scenario.policy.green_premium_eur_per_t = TimePath{10.0};
    base.scenario.policy.green_premium_sector_names = {"ammonia"};
    base.scenario.policy.green_premium_sector_paths = {TimePath{80.0}};
    resolve_green_market(base.scenario.policy, base.sectors, "test.toml", base.scenario.setting_lines);
    const int ammonia = sector_of(base, "ammonia");
    const int refining = sector_of(base, "refining");
    const auto premium = [](const Inputs& in, int sector) {
        return in.scenario.policy.sector_green_premium_eur_per_t[static_cast<std::size_t>(sector)].at(2035);
    };
    const int by_sector = find_uncertain_target("policy.green_premium_by_sector_eur_per_t");
    const int fallback = find_uncertain_target("policy.green_premium_eur_per_t");
    REQUIRE(by_sector >= 0);
    REQUIRE(fallback >= 0);

    Inputs work = base;
    apply_uncertain_target(by_sector, work, 2.0, UncertainScale::factor);
    CHECK(premium(work, ammonia) == Approx(160.0));
    CHECK(premium(work, refining) == Approx(10.0));
    // The default's sample moves the sectors on the default, not those with their own path.
    apply_uncertain_target(fallback, work, 3.0, UncertainScale::factor);
    CHECK(premium(work, ammonia) == Approx(160.0));
    CHECK(premium(work, refining) == Approx(30.0));
    const Model model = build_model(work);
    const std::size_t y2035 = static_cast<std::size_t>(2035 - model.inputs.scenario.base_year);
    CHECK(model.expected[y2035].green_premium(ammonia) == Approx(160.0));
    CHECK(model.expected[y2035].green_premium(refining) == Approx(30.0));

    reset_uncertain_target(by_sector, work, base);
    reset_uncertain_target(fallback, work, base);
    CHECK(premium(work, ammonia) == Approx(80.0));
    CHECK(premium(work, refining) == Approx(10.0));
}

TEST_CASE("green premium paths per sector replace the default; unknown sectors and capless quotas are errors",
          "[green_market]") {
    Inputs in = small_inputs();
    Policy& policy = in.scenario.policy;
    policy.green_premium_eur_per_t = TimePath{5.0};
    policy.green_premium_sector_names = {"ammonia"};
    policy.green_premium_sector_paths = {TimePath{100.0}};
    resolve_green_market(policy, in.sectors, "scenario.toml", in.scenario.setting_lines);
    REQUIRE(policy.sector_green_premium_eur_per_t.size() == in.sectors.size());
    const PriceView view = actual_prices(in.scenario, 2035);
    CHECK(view.green_premium(sector_of(in, "ammonia")) == 100);
    CHECK(view.green_premium(sector_of(in, "refining")) == 5);

    policy.green_premium_sector_names = {"steel_x"};
    try {
        resolve_green_market(policy, in.sectors, "scenario.toml", in.scenario.setting_lines);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.field() == "policy.green_premium_by_sector_eur_per_t.steel_x");
        CHECK(e.where().file == "scenario.toml");
    }
    policy.green_premium_sector_names = {"ammonia"};
    policy.green_quota_sector_names = {"ammonia"};
    policy.green_quota_share_paths = {TimePath{0.1}};
    CHECK_THROWS_AS(resolve_green_market(policy, in.sectors, "scenario.toml", in.scenario.setting_lines), InputError);
}

namespace {

// A plant's import option as it appraises it in `year` on its keep route, as a candidate.
Candidate import_candidate(const Inputs& in, const char* plant, int year) {
    const int p = testing::plant_index(in, plant);
    const testing::AppraisalBench bench(in, year);
    const auto& inputs = bench.model.inputs;
    PlantSnapshot snapshot;
    snapshot.technology =
        inputs.sector_keep_technology[static_cast<std::size_t>(inputs.plants[static_cast<std::size_t>(p)].sector)];
    snapshot.utilisation = bench.model.baselines[static_cast<std::size_t>(p)].utilisation;
    const AppraisalBasis basis =
        appraisal_basis(bench.context, bench.model.baselines[static_cast<std::size_t>(p)], p, snapshot, Trigger::event);
    const OptionBreakdown a = appraise_option(basis, testing::technology_index(inputs, "ammonia/import_ammonia"));
    Candidate c;
    c.technology = a.technology;
    c.start_year = a.start_year;
    c.claim = a.claim;
    return c;
}

}  // namespace

TEST_CASE("the import cap of a green intermediate binds: a second importer is refused when the world's supply is "
          "taken", "[green_market]") {
    constexpr int kYear = 2030;
    Inputs in = small_inputs();
    const Candidate yara = import_candidate(in, "yara_sluiskil", kYear);
    const Candidate oci = import_candidate(in, "oci_geleen", kYear);
    const double yara_t = amount_of(yara.claim, Resource::ammonia_imports);
    REQUIRE(yara_t > 0);  // an import route claims its intermediate
    REQUIRE(amount_of(oci.claim, Resource::ammonia_imports) > 0);
    CHECK(amount_of(yara.claim, Resource::dri_imports) == 0);
    // Room for Yara's ammonia and half of OCI's.
    in.scenario.infrastructure.ammonia_import_cap_t =
        TimePath(yara_t + 0.5 * amount_of(oci.claim, Resource::ammonia_imports));
    const Model model = build_model(std::move(in));
    RunState state = make_initial_state(model, 1, 0);
    const auto yara_p = static_cast<std::size_t>(testing::plant_index(model.inputs, "yara_sluiskil"));
    const auto oci_p = static_cast<std::size_t>(testing::plant_index(model.inputs, "oci_geleen"));
    REQUIRE(ledger_misfit(model, state, oci_p, oci, kYear) == RefusedBy::none);  // alone it fits
    REQUIRE(ledger_misfit(model, state, yara_p, yara, kYear) == RefusedBy::none);
    grant_conversion(model, state, yara_p, yara, kYear, nullptr);
    CHECK(ledger_of(state, Resource::ammonia_imports, 0).used(yara.start_year) == Approx(yara_t));
    CHECK(ledger_misfit(model, state, oci_p, oci, kYear) == RefusedBy::ammonia_imports);
}

TEST_CASE("an import cap of zero stops the imports a run without it makes", "[green_market]") {
    // Cheap low-carbon ammonia, so that some plant imports it when nothing stops it.
    const auto runs_imports = [](bool capped) {
        Inputs in = small_inputs();
        for (TimePath& price : in.scenario.prices.import_eur_per_t) price = TimePath(60.0);
        if (capped) in.scenario.infrastructure.ammonia_import_cap_t = TimePath(0.0);
        const RunResult r = eiisim::testing::run(std::move(in), 5);
        int importing = 0;
        for (int y = 1; y < r.years; ++y)
            for (int p = 0; p < r.plants; ++p)
                importing += r.kind[r.at(y, p)] == static_cast<std::uint8_t>(OptionKind::import_intermediate);
        return importing;
    };
    REQUIRE(runs_imports(false) > 0);
    CHECK(runs_imports(true) == 0);
}
