#include "appraisal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fuel_gas_coupling.hpp"
#include "route_profile.hpp"
#include "unit_cost.hpp"

namespace eiisim {
namespace {

constexpr double kGjPerMwh = 3.6;
constexpr double kHoursPerYear = 8760.0;
// Below this many t/yr of extra use a route does not count as needing the resource.
constexpr double kNegligible = 1e-9;

bool subsidy_eligible(OptionKind kind) {
    return kind == OptionKind::electrify || kind == OptionKind::ccs || kind == OptionKind::hydrogen ||
           kind == OptionKind::bio;
}

struct Appraised {
    UnitCost cost;
    double risk_premium_eur_per_t = 0;
    RouteProfile profile;
    bool feasible = true;
    int start_year = 0;
    double capex_eur = 0;
};

// std::stable_sort allocates a merge buffer on every call; the lists here hold a few
// dozen entries at most, where a stable insertion sort in place is faster and, being
// stable with the same comparison, gives the very same order.
template <typename T, typename Less>
void stable_sort_small(std::vector<T>& v, Less less) {
    for (std::size_t i = 1; i < v.size(); ++i) {
        if (!less(v[i], v[i - 1])) continue;
        T item = std::move(v[i]);
        std::size_t j = i;
        for (; j > 0 && less(item, v[j - 1]); --j) v[j] = std::move(v[j - 1]);
        v[j] = std::move(item);
    }
}

}  // namespace

double peak_mw(double gj_per_year, double load_factor) {
    if (gj_per_year <= 0) return 0.0;
    return gj_per_year / kGjPerMwh / kHoursPerYear / std::max(load_factor, 1e-6);
}

std::array<double, kOptionKindCount> draw_strategic_bias(const Behaviour& behaviour,
                                                        RandomStream& stream) {
    std::array<double, kOptionKindCount> bias{};
    for (auto& b : bias) b = behaviour.strategic_bias_sd * stream.normal();
    bias[static_cast<std::size_t>(OptionKind::keep)] = 0.0;  // the reference
    return bias;
}

PlantDecision appraise_options(const AppraisalContext& context, const PlantBaseline& base,
                               int plant, const PlantSnapshot& snapshot, Trigger trigger,
                               const std::array<double, kOptionKindCount>& bias,
                               RandomStream& choice_stream) {
    const Inputs& inputs = *context.inputs;
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    const SectorSpec& sector = inputs.sectors[static_cast<std::size_t>(spec.sector)];
    const ClusterSpec& cluster = inputs.clusters[static_cast<std::size_t>(spec.cluster)];
    const Behaviour& behaviour = inputs.scenario.behaviour;
    const PriceView& prices = *context.expected;
    const auto& options = inputs.plant_technologies[static_cast<std::size_t>(plant)];
    const int keep_index = inputs.sector_keep_technology[static_cast<std::size_t>(spec.sector)];
    const TechnologySpec& keep = inputs.technologies[static_cast<std::size_t>(keep_index)];

    const double production = spec.capacity_t * snapshot.utilisation;
    const double per_t = production > 0 ? 1.0 / production : 0.0;
    const double horizon = behaviour.horizon_y;
    const double stranded_per_t = snapshot.book_value_eur *
                                  capital_recovery_factor(spec.hurdle_rate, horizon) * per_t;
    const RouteProfile keep_profile = route_profile(base, keep, sector, context.year);

    // Levelised cost of one option (unsubsidised).
    const auto appraise = [&](const TechnologySpec& tech, int index, bool new_build = false) {
        Appraised a;
        // This year's transitions have already run: a route runs the next year at the earliest.
        a.start_year = context.year + std::max(tech.lead_time_y, 1);
        a.profile = route_profile(base, tech, sector, a.start_year);
        const bool staying = index == snapshot.technology;
        // Staying between reinvestments costs no new capital: it is sunk.
        const bool pays_capex = new_build || !staying || trigger == Trigger::reinvestment;
        const double capex =
            pays_capex ? tech.capex_eur_per_t_yr * (*context.learning_multiplier)[static_cast<std::size_t>(index)]
                       : 0.0;
        CostTerms terms = route_terms(tech, spec, capex, tech.lifetime_y, snapshot.utilisation);
        terms.stranded_eur_per_t = staying ? 0.0 : stranded_per_t;
        terms.value_chain_eur_per_t = snapshot.value_chain_eur_per_t;
        terms.export_share = snapshot.export_share;
        terms.export_discount = behaviour.export_discount;
        a.capex_eur = terms.capex_eur_per_t_yr * spec.capacity_t;
        if (tech.kind == OptionKind::relocate) {
            // Producing abroad needs the incumbent route built there too: its capex
            // joins the one-off move cost of the relocate row.
            const double keep_capex =
                keep.capex_eur_per_t_yr * (*context.learning_multiplier)[static_cast<std::size_t>(keep_index)];
            terms.capex_eur_per_t_yr += keep_capex;
            a.capex_eur = terms.capex_eur_per_t_yr * spec.capacity_t;
            terms.fixed_opex_eur_per_t_yr += keep.fixed_opex_eur_per_t_yr;
            terms.var_opex_eur_per_t += keep.var_opex_eur_per_t;
            terms.value_chain_eur_per_t = 0;  // the lost integration benefit is added abroad
            terms.export_share = 0;
            a.cost = abroad_unit_cost(base, sector, keep_profile, prices, terms);
            a.risk_premium_eur_per_t = behaviour.relocation_hurdle * a.cost.revenue_eur_per_t;
            a.feasible = spec.multinational && tech.available_year <= a.start_year;
            return a;
        }
        a.cost = domestic_unit_cost(base, sector, a.profile, prices, terms);

        // Feasibility: the technology exists, something is electrified, infrastructure
        // reaches the cluster by the time the route would run.
        const bool needs_co2 = a.profile.co2_captured_t_per_t > kNegligible;
        const bool needs_h2 =
            a.profile.energy_gj_per_t[static_cast<int>(Carrier::hydrogen)] > base.hydrogen_gj_per_t + kNegligible;
        a.feasible = tech.available_year <= a.start_year;
        // A decarbonisation option that changes nothing for this plant (no heat band
        // available yet, nothing to capture) is not a real option.
        if (tech.kind == OptionKind::electrify && a.profile.electrified_heat_share <= 0) a.feasible = false;
        if (tech.kind == OptionKind::ccs && !needs_co2) a.feasible = false;
        if (needs_co2 && cluster.co2_connection_year > a.start_year) a.feasible = false;
        if (needs_h2 && cluster.h2_connection_year > a.start_year) a.feasible = false;

        // Infrastructure that is not yet in place today carries a risk premium, lowered
        // when peers in the cluster already run the same kind of route.
        const bool infrastructure_pending = (needs_co2 && cluster.co2_connection_year > context.year) ||
                                            (needs_h2 && cluster.h2_connection_year > context.year);
        if (infrastructure_pending && !staying) {
            const double peers = (*context.cluster_peer_share)[static_cast<std::size_t>(tech.kind)];
            const double investment = a.cost[CostComponent::capex_annuity] + a.cost[CostComponent::fixed_opex];
            a.risk_premium_eur_per_t =
                behaviour.infrastructure_risk_premium * investment * (1.0 - behaviour.peer_risk_reduction * peers);
        }
        return a;
    };

    PlantDecision decision;
    decision.plant = plant;
    decision.trigger = trigger;
    decision.ranked.reserve(2 * options.size());  // each option at most twice
    if (context.record_appraisals) decision.appraisals.reserve(options.size());

    // The keep route with its reinvestment is the reference for subsidy gaps.
    const Appraised keep_reference = appraise(keep, keep_index, true);
    const double keep_reference_cost = keep_reference.cost.total();
    const double keep_net = keep_reference.profile.co2_net_t_per_t();

    const double price_ref = std::max(1.0, sector.product_price_eur_per_t * prices.product_price_index);
    double best_margin = -std::numeric_limits<double>::infinity();
    for (int index : options) {
        const TechnologySpec& tech = inputs.technologies[static_cast<std::size_t>(index)];
        if (tech.kind == OptionKind::close) {
            if (context.record_appraisals) decision.appraisals.push_back({index, 0.0, 0.0, 0.0, true, false});
            continue;
        }
        Appraised a = appraise(tech, index);
        // A plant on its supplier's process gas buys no fuel to switch and has no reason
        // to exist elsewhere: only keep and ccs stay open (fuel_gas_coupling.hpp).
        if (base.gas_coupled && !open_to_gas_coupled_plant(tech.kind)) a.feasible = false;
        // One Gumbel draw per option, shared by its subsidised and unsubsidised variants,
        // drawn even for infeasible options so that feasibility never shifts the stream.
        const double noise = behaviour.deterministic ? 0.0 : choice_stream.gumbel();
        const double cost = a.cost.total() + a.risk_premium_eur_per_t;
        const double margin = a.cost.revenue_eur_per_t - cost;

        Candidate base_candidate;
        base_candidate.technology = index;
        base_candidate.cost_eur_per_t = cost;
        base_candidate.margin_eur_per_t = margin;
        base_candidate.start_year = a.start_year;
        base_candidate.capex_eur = a.capex_eur;
        if (tech.kind != OptionKind::relocate) {
            base_candidate.grid_mw = peak_mw(
                (a.profile.energy_gj_per_t[static_cast<int>(Carrier::electricity)] - base.electricity_gj_per_t) *
                    production,
                behaviour.grid_load_factor);
            base_candidate.co2_storage_t = a.profile.co2_captured_t_per_t * production;
            const auto new_use = [&](Carrier carrier) {
                const double gj_per_t = a.profile.energy_gj_per_t[static_cast<int>(carrier)];
                return std::max(0.0, (gj_per_t - ledger_base_gj_per_t(base, carrier)) * production);
            };
            base_candidate.hydrogen_gj = new_use(Carrier::hydrogen);
            base_candidate.biomethane_gj = new_use(Carrier::biomethane);
        }
        const double avoided_t_per_t = keep_net - a.profile.co2_net_t_per_t();
        base_candidate.eur_per_tco2_avoided =
            avoided_t_per_t > kNegligible ? (cost - keep_reference_cost) / avoided_t_per_t
                                          : std::numeric_limits<double>::infinity();

        OptionAppraisal record{index, cost, margin, 0.0, a.feasible, false};
        if (a.feasible) {
            const auto utility_of = [&](double candidate_margin) {
                if (behaviour.deterministic) return candidate_margin;
                const double biased = candidate_margin - bias[static_cast<std::size_t>(tech.kind)] * price_ref;
                return biased / (behaviour.logit_scale * price_ref) + noise;
            };
            Candidate plain = base_candidate;
            plain.utility = utility_of(margin);
            decision.ranked.push_back(plain);
            best_margin = std::max(best_margin, margin);

            // SDE++-style operating subsidy: the unprofitable top against keeping,
            // capped per tonne of CO2 avoided, committed for subsidy_years.
            const Policy& policy = inputs.scenario.policy;
            const bool new_route = index != snapshot.technology;
            if (new_route && subsidy_eligible(tech.kind) && avoided_t_per_t > kNegligible) {
                const double gap = std::max(0.0, a.cost.total() - keep_reference_cost);
                const double subsidy =
                    std::min(gap, policy.subsidy_max_eur_per_tco2 * avoided_t_per_t);
                const double investment_aid = policy.investment_subsidy_share * a.capex_eur;
                const double investment_aid_per_t =
                    investment_aid * capital_recovery_factor(spec.hurdle_rate, tech.lifetime_y) * per_t;
                if (subsidy + investment_aid_per_t > kNegligible) {
                    Candidate aided = base_candidate;
                    aided.subsidised = true;
                    aided.subsidy_eur_per_t = subsidy;
                    aided.cost_eur_per_t = cost - subsidy - investment_aid_per_t;
                    aided.margin_eur_per_t = margin + subsidy + investment_aid_per_t;
                    aided.subsidy_budget_eur = subsidy * production * policy.subsidy_years + investment_aid;
                    aided.capex_eur = a.capex_eur - investment_aid;
                    aided.utility = utility_of(aided.margin_eur_per_t);
                    decision.ranked.push_back(aided);
                    best_margin = std::max(best_margin, aided.margin_eur_per_t);
                    record.cost_eur_per_t = aided.cost_eur_per_t;
                    record.margin_eur_per_t = aided.margin_eur_per_t;
                    record.subsidy_eur_per_t = subsidy;
                }
            }
        }
        if (context.record_appraisals) decision.appraisals.push_back(record);
    }

    // Closure when no option, not even relocating, is expected to earn a margin above
    // minus the closure threshold (closing has costs of its own).
    if (best_margin < -behaviour.closure_threshold * price_ref) {
        decision.close = true;
        decision.ranked.clear();
        return decision;
    }
    stable_sort_small(decision.ranked, [](const Candidate& a, const Candidate& b) {
        if (a.utility != b.utility) return a.utility > b.utility;
        if (a.technology != b.technology) return a.technology < b.technology;
        return a.subsidised && !b.subsidised;
    });
    // Order the event log by expected margin, best first (the ranking itself is by utility).
    stable_sort_small(decision.appraisals, [](const OptionAppraisal& a, const OptionAppraisal& b) {
        return a.margin_eur_per_t > b.margin_eur_per_t;
    });
    return decision;
}

}  // namespace eiisim
