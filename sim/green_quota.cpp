#include "green_quota.hpp"

#include <algorithm>

#include "phases.hpp"

namespace eiisim {

QuotaClearing clear_quota(double share, double demand_t, std::vector<GreenOffer> offers, double cap_eur_per_t) {
    QuotaClearing c;
    c.required_t = std::clamp(share, 0.0, 1.0) * std::max(0.0, demand_t);
    for (const GreenOffer& o : offers) c.offered_t += std::max(0.0, o.green_t);
    if (c.required_t <= 0) return c;
    if (c.offered_t < c.required_t) {
        c.premium_eur_per_t = cap_eur_per_t;  // short: the buy-out
    } else {
        // Merit order: the cheapest offers first, ties by position, so the result does not
        // depend on the sort's stability.
        std::stable_sort(offers.begin(), offers.end(), [](const GreenOffer& a, const GreenOffer& b) {
            return a.reservation_eur_per_t < b.reservation_eur_per_t;
        });
        double accepted = 0;
        for (const GreenOffer& o : offers) {
            if (o.green_t <= 0) continue;
            accepted += o.green_t;
            c.premium_eur_per_t = std::max(0.0, o.reservation_eur_per_t);
            if (accepted >= c.required_t) break;
        }
        c.premium_eur_per_t = std::min(c.premium_eur_per_t, cap_eur_per_t);
    }
    c.paid_eur_per_green_t = c.premium_eur_per_t * std::min(1.0, c.required_t / c.offered_t);
    return c;
}

bool has_green_quota(const Model& model) { return !model.inputs.scenario.policy.sector_green_quota_share.empty(); }

namespace {

std::size_t year_index(const Model& model, int year) {
    return static_cast<std::size_t>(year - model.inputs.scenario.base_year);
}

// `view` with each sector's cleared quota premium added to its green premium.
void add_quota_premiums(const std::vector<double>& premiums, PriceView& view) {
    if (view.sector_green_premium_eur_per_t.empty())
        view.sector_green_premium_eur_per_t.assign(premiums.size(), view.green_premium_eur_per_t);
    for (std::size_t s = 0; s < premiums.size(); ++s) view.sector_green_premium_eur_per_t[s] += premiums[s];
}

// Green tonnes of a plant this year: its production times the share of its base CO2
// intensity its route no longer emits (as the green premium counts them, §7.4).
double green_tonnes(const PlantBaseline& base, double production, double route_net_t_per_t) {
    if (base.co2_intensity_t_per_t <= 0 || production <= 0) return 0.0;
    return production * std::clamp(1.0 - route_net_t_per_t / base.co2_intensity_t_per_t, 0.0, 1.0);
}

}  // namespace

const PriceView& actual_view(const Model& model, const RunState& state, int year) {
    return has_green_quota(model) ? state.year_actual : model.actual[year_index(model, year)];
}

const PriceView& expected_view(const Model& model, const RunState& state, int year) {
    return has_green_quota(model) ? state.year_expected : model.expected[year_index(model, year)];
}

void prepare_quota_views(const Model& model, RunState& state, int year) {
    if (!has_green_quota(model)) return;
    state.year_actual = model.actual[year_index(model, year)];
    state.year_expected = model.expected[year_index(model, year)];
    add_quota_premiums(state.quota_premium_eur_per_t, state.year_actual);
    add_quota_premiums(state.quota_premium_eur_per_t, state.year_expected);
}

namespace {

// The quota's offers of one year, per sector: each plant's green tonnes and the premium per
// green t that would make its margin of the year, without the quota premium it was paid,
// break even (a plant that loses money offers its green tonnes only at a premium that
// covers the loss).
struct SectorOffers {
    std::vector<double> demand_t;
    std::vector<std::vector<GreenOffer>> offers;
};

SectorOffers collect_offers(const Model& model, const RunState& state, int year, const RunResult& result) {
    const Inputs& in = model.inputs;
    SectorOffers out{std::vector<double>(in.sectors.size(), 0.0),
                     std::vector<std::vector<GreenOffer>>(in.sectors.size())};
    const int row = panel_row(result, static_cast<int>(year_index(model, year)));
    for (std::size_t p = 0; p < in.plants.size(); ++p) {
        const auto s = static_cast<std::size_t>(in.plants[p].sector);
        const std::size_t at = result.at(row, static_cast<int>(p));
        const double production = result.production_t[at];
        out.demand_t[s] += production;
        const double green = green_tonnes(model.baselines[p], production, state.route_net_t_per_t[p]);
        if (green <= 0) continue;
        const double margin_without_quota = result.margin_eur[at] - state.quota_premium_eur_per_t[s] * green;
        out.offers[s].push_back({green, std::max(0.0, -margin_without_quota) / green});
    }
    return out;
}

}  // namespace

void clear_green_quotas(const Model& model, RunState& state, int year, RunResult& result) {
    if (!has_green_quota(model)) return;
    const Policy& policy = model.inputs.scenario.policy;
    const SectorOffers sectors = collect_offers(model, state, year, result);
    const std::size_t y = year_index(model, year);
    for (std::size_t s = 0; s < sectors.offers.size(); ++s) {
        // This year's requirement against this year's green tonnes, for the record...
        const QuotaClearing now = clear_quota(policy.sector_green_quota_share[s].at(year), sectors.demand_t[s],
                                              sectors.offers[s], policy.sector_green_quota_cap_eur_per_t[s].at(year));
        result.green_quota_required_t[y] += now.required_t;
        result.green_quota_offered_t[y] += now.required_t > 0 ? now.offered_t : 0.0;
        result.green_quota_premium_paid_eur[y] += state.quota_premium_eur_per_t[s] * now.offered_t;
        // ...and next year's premium: next year's share of this year's demand.
        const QuotaClearing next =
            clear_quota(policy.sector_green_quota_share[s].at(year + 1), sectors.demand_t[s], sectors.offers[s],
                        policy.sector_green_quota_cap_eur_per_t[s].at(year + 1));
        state.quota_premium_eur_per_t[s] = next.paid_eur_per_green_t;
    }
}

}  // namespace eiisim
