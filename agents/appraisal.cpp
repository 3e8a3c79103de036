#include "appraisal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "appraisal_record.hpp"
#include "eu_relocation_cost.hpp"
#include "core/co2_connection.hpp"
#include "fuel_gas_coupling.hpp"
#include "hydrogen_obligation.hpp"
#include "permit_terms.hpp"
#include "route_lifetime.hpp"

namespace eiisim {
namespace {

constexpr double kGjPerMwh = 3.6;
constexpr double kHoursPerYear = 8760.0;
// Below this many t/yr of extra use a route does not count as needing the resource.
constexpr double kNegligible = 1e-9;

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

const PlantSpec& plant_of(const AppraisalBasis& basis) {
    return basis.context->inputs->plants[static_cast<std::size_t>(basis.plant)];
}

// Producing abroad on the keep route: the relocate (or relocate_eu) row's move cost plus the
// keep route built there, at foreign (or an EU neighbour's) prices, with the relocation
// hurdle as its risk premium.
void appraise_abroad(const AppraisalBasis& basis, const TechnologySpec& tech, CostTerms terms,
                     OptionBreakdown& a) {
    const AppraisalContext& context = *basis.context;
    const Inputs& inputs = *context.inputs;
    const PlantSpec& spec = plant_of(basis);
    const TechnologySpec& keep = inputs.technologies[static_cast<std::size_t>(basis.keep_index)];
    const Behaviour& behaviour = inputs.scenario.behaviour;
    // Producing abroad needs the incumbent route built there too: its capex joins the
    // one-off move cost of the relocate row.
    const double keep_capex =
        keep.capex_eur_per_t_yr * (*context.learning_multiplier)[static_cast<std::size_t>(basis.keep_index)];
    terms.capex_eur_per_t_yr += keep_capex;
    a.capex_eur = terms.capex_eur_per_t_yr * spec.capacity_t;
    terms.fixed_opex_eur_per_t_yr += keep.fixed_opex_eur_per_t_yr;
    terms.var_opex_eur_per_t += keep.var_opex_eur_per_t;
    terms.value_chain_eur_per_t = 0;  // the lost integration benefit is added abroad
    terms.feedstock_eur_per_t = 0;    // no Dutch feed mandate abroad; its feed is in the foreign cost
    terms.export_share = 0;
    const SectorSpec& sector = inputs.sectors[static_cast<std::size_t>(spec.sector)];
    a.cost = tech.kind == OptionKind::relocate_eu
                 ? eu_abroad_unit_cost(*basis.base, sector, inputs.scenario.neighbours, basis.keep_profile,
                                       *context.expected, terms)
                 : abroad_unit_cost(*basis.base, sector, basis.keep_profile, *context.expected, terms);
    a.risk_premium_eur_per_t = behaviour.relocation_hurdle * a.cost.revenue_eur_per_t;
    if (!spec.multinational) a.mark(Infeasible::not_multinational);
    if (tech.available_year > a.start_year) a.mark(Infeasible::not_available);
}

// Feasibility at home and the infrastructure risk premium.
void assess_domestic(const AppraisalBasis& basis, const TechnologySpec& tech, bool staying, OptionBreakdown& a) {
    const AppraisalContext& context = *basis.context;
    const Inputs& inputs = *context.inputs;
    const ClusterSpec& cluster = inputs.clusters[static_cast<std::size_t>(plant_of(basis).cluster)];
    // The plant's own CO2 connection (co2_connections.csv) or its cluster's pipeline.
    const int co2_year = co2_connection(inputs, basis.plant).first_year;
    const Behaviour& behaviour = inputs.scenario.behaviour;
    // Feasibility: the technology exists, something is electrified, infrastructure
    // reaches the cluster by the time the route would run.
    const bool needs_co2 = a.profile.co2_captured_t_per_t > kNegligible;
    const bool needs_h2 = a.profile.energy_gj_per_t[static_cast<int>(Carrier::hydrogen)] >
                          basis.base->hydrogen_gj_per_t + kNegligible;
    if (tech.available_year > a.start_year) a.mark(Infeasible::not_available);
    // A decarbonisation option that changes nothing for this plant (no heat band
    // available yet, nothing to capture) is not a real option.
    if (tech.kind == OptionKind::electrify && a.profile.electrified_heat_share <= 0)
        a.mark(Infeasible::nothing_electrified);
    if (tech.kind == OptionKind::ccs && !needs_co2) a.mark(Infeasible::nothing_captured);
    if (needs_co2 && co2_year > a.start_year) a.mark(Infeasible::no_co2_connection);
    if (needs_h2 && cluster.h2_connection_year > a.start_year) a.mark(Infeasible::no_h2_connection);

    // Infrastructure that is not yet in place today carries a risk premium, lowered
    // when peers in the cluster already run the same kind of route.
    const bool infrastructure_pending = (needs_co2 && co2_year > context.year) ||
                                        (needs_h2 && cluster.h2_connection_year > context.year);
    if (infrastructure_pending && !staying) {
        const double peers = (*context.cluster_peer_share)[static_cast<std::size_t>(tech.kind)];
        const double investment = a.cost[CostComponent::capex_annuity] + a.cost[CostComponent::fixed_opex];
        a.risk_premium_eur_per_t =
            behaviour.infrastructure_risk_premium * investment * (1.0 - behaviour.peer_risk_reduction * peers);
    }
}

// Levelised cost of one option, unsubsidised, with its feasibility.
OptionBreakdown appraise_route(const AppraisalBasis& basis, int index, bool new_build) {
    const AppraisalContext& context = *basis.context;
    const Inputs& inputs = *context.inputs;
    const PlantSpec& spec = plant_of(basis);
    const SectorSpec& sector = inputs.sectors[static_cast<std::size_t>(spec.sector)];
    const TechnologySpec& tech = inputs.technologies[static_cast<std::size_t>(index)];
    const PlantSnapshot& snapshot = *basis.snapshot;
    OptionBreakdown a;
    a.technology = index;
    const bool staying = index == snapshot.technology;
    // Staying between reinvestments costs no new capital: it is sunk.
    const bool pays_capex = new_build || !staying || basis.trigger == Trigger::reinvestment;
    const double capex =
        pays_capex ? tech.capex_eur_per_t_yr * (*context.learning_multiplier)[static_cast<std::size_t>(index)]
                   : 0.0;
    // A large conversion waits for its permit, then builds (agents/permit_terms.hpp).
    const int permit_y = staying ? 0 : permit_years(tech, capex * spec.capacity_t, inputs.scenario.behaviour);
    a.start_year = context.year + decision_to_operation_y(tech, permit_y);
    a.profile = route_profile(*basis.base, tech, sector, a.start_year);
    // The accounts flare the gas no buyer burns on a route that makes it, and its maker pays
    // for the gas's carbon wherever it burns: so does the appraisal (buyers as they are now,
    // burning their base-year share without capture).
    if (route_makes_process_gas(tech.kind) && basis.base->process_gas_made_co2_t_per_t > 0) {
        flare_process_gas(a.profile, snapshot.flared_process_gas_per_t);
        pay_for_buyers_gas_carbon(a.profile, basis.base->process_gas_made_co2_t_per_t -
                                                 snapshot.flared_process_gas_per_t.co2_t);
    }
    leave_gas_carbon_to_maker(a.profile, *basis.base);
    a.lifetime_y = route_lifetime_y(inputs, basis.plant, index);
    CostTerms terms = route_terms(tech, spec, capex, a.lifetime_y, snapshot.utilisation);
    terms.stranded_eur_per_t = staying ? 0.0 : basis.stranded_eur_per_t;
    terms.value_chain_eur_per_t = snapshot.value_chain_eur_per_t;
    terms.feedstock_eur_per_t = snapshot.feedstock_eur_per_t;
    terms.export_share = snapshot.export_share;
    terms.export_discount = inputs.scenario.behaviour.export_discount;
    terms.production_t = basis.production_t;
    terms.ikc_pro_rata = context.ikc_pro_rata;
    a.capex_eur = terms.capex_eur_per_t_yr * spec.capacity_t;
    // The route in force keeps its subsidy contract; any other option forfeits it (SDE++ is
    // an operating subsidy paid per unit produced, with no repayment: docs/ODD.md §7.7).
    if (staying) {
        a.contract_subsidy_levelised_eur_per_t =
            remaining_contract_levelised(snapshot.contract_subsidy_eur_per_t, a.start_year,
                                         snapshot.contract_until_year, a.lifetime_y, spec.hurdle_rate);
        terms.subsidy_eur_per_t = a.contract_subsidy_levelised_eur_per_t;
    }
    if (is_relocation(tech.kind)) {
        appraise_abroad(basis, tech, terms, a);
        return a;
    }
    a.cost = domestic_unit_cost(*basis.base, sector, a.profile, *context.expected, terms);
    assess_domestic(basis, tech, staying, a);
    return a;
}

// What the route would ask of scarce capacity, and its cost per t CO2 avoided.
void add_requests(const AppraisalBasis& basis, const TechnologySpec& tech, OptionBreakdown& a) {
    const PlantBaseline& base = *basis.base;
    const double production = basis.production_t;
    if (!is_relocation(tech.kind)) {
        amount_of(a.claim, Resource::grid) = peak_mw(
            (a.profile.energy_gj_per_t[static_cast<int>(Carrier::electricity)] - grid_base_gj_per_t(base)) *
                production,
            basis.context->inputs->scenario.behaviour.grid_load_factor);
        // Shipped CO2 takes a shipping slot abroad instead of national storage.
        const Resource co2_sink = base.co2_by_ship ? Resource::co2_shipping : Resource::co2_storage;
        amount_of(a.claim, co2_sink) = a.profile.co2_captured_t_per_t * production;
        const auto new_use = [&](Carrier carrier) {
            const double gj_per_t = a.profile.energy_gj_per_t[static_cast<int>(carrier)];
            return std::max(0.0, (gj_per_t - ledger_base_gj_per_t(base, carrier)) * production);
        };
        const double new_hydrogen = new_use(Carrier::hydrogen);
        amount_of(a.claim, Resource::hydrogen) = new_hydrogen;
        // The renewable share the obligation will require of the new use, at its highest
        // while the route runs (docs/ODD.md §7.16).
        if (new_hydrogen > 0)
            amount_of(a.claim, Resource::green_hydrogen) =
                highest_obligation_share(basis.context->inputs->scenario, a.start_year) * new_hydrogen;
        amount_of(a.claim, Resource::biomethane) = new_use(Carrier::biomethane);
        // A new site holds its land on every route it runs; a conversion on an incumbent's
        // own site takes none (docs/ODD.md §7.20).
        amount_of(a.claim, Resource::space) =
            basis.context->inputs->plants[static_cast<std::size_t>(basis.plant)].entry.space_ha;
        // An import route holds its share of the world's low-carbon intermediate (§7.16).
        if (tech.kind == OptionKind::import_intermediate)
            if (const ResourceSpec* cap = import_cap_of(basis.context->inputs->sectors[static_cast<std::size_t>(base.sector)].intermediate))
                amount_of(a.claim, cap->id) = a.profile.intermediate_t_per_t * production;
    }
    a.avoided_t_per_t = basis.keep_reference.profile.co2_net_t_per_t() - a.profile.co2_net_t_per_t();
    a.eur_per_tco2_avoided = a.avoided_t_per_t > kNegligible
                                 ? (a.cost_eur_per_t() - basis.keep_reference.cost.total()) / a.avoided_t_per_t
                                 : std::numeric_limits<double>::infinity();
}

// The cost the subsidy gap compares: the levelised cost less the stranded book value of
// the route in force. SDE++ pays the unprofitable top of the new installation against
// the reference, not the firm's sunk capital (docs/ODD.md §7.7).
double cost_without_stranded(const OptionBreakdown& a) {
    return a.cost.total() - a.cost[CostComponent::stranded];
}

// What option `a` avoids and saves per t against the keep route built new: the quantities
// an SDE++ contract's correction amount values (agents/aid_contract.hpp).
AidContract contract_basis(const AppraisalBasis& basis, const OptionBreakdown& a, int instrument) {
    AidContract contract;
    contract.instrument = instrument;
    contract.avoided_t_per_t = a.avoided_t_per_t;
    for (std::size_t c = 0; c < contract.energy_saving_gj_per_t.size(); ++c)
        contract.energy_saving_gj_per_t[c] =
            basis.keep_reference.profile.energy_gj_per_t[c] - a.profile.energy_gj_per_t[c];
    return contract;
}

}  // namespace

Candidate plain_candidate(const OptionBreakdown& a) {
    Candidate c;
    c.technology = a.technology;
    c.cost_eur_per_t = a.cost_eur_per_t();
    c.margin_eur_per_t = a.margin_eur_per_t();
    c.start_year = a.start_year;
    c.capex_eur = a.capex_eur;
    c.claim = a.claim;
    c.eur_per_tco2_avoided = a.eur_per_tco2_avoided;
    return c;
}

namespace {

// The event log's rows of one option: as appraised, and each subsidised twin the ranking
// offers (feasible and aided), each with the parts of its utility.
void record_variants(std::vector<OptionAppraisal>& records, const Behaviour& behaviour, const OptionBreakdown& a,
                     double kind_bias, double price_ref_eur_per_t, double noise) {
    const auto push = [&](const AidOffer* offer) {
        OptionAppraisal r = record_variant(a, offer);
        const UtilityParts u = utility_parts(behaviour, r.margin_eur_per_t, kind_bias, price_ref_eur_per_t, noise);
        r.utility_systematic = u.systematic;
        r.utility_bias = u.bias;
        r.utility_random = u.random;
        records.push_back(r);
    };
    push(nullptr);
    if (!a.feasible()) return;
    for (const AidOffer& offer : a.aid_offers()) push(&offer);
}

// Every instrument that takes applications and supports the option's kind offers its aid.
void add_aid(const AppraisalBasis& basis, const TechnologySpec& tech, OptionBreakdown& a) {
    const auto& instruments = basis.context->inputs->scenario.policy.instruments;
    for (std::size_t i = 0; i < instruments.size() && a.offer_count < kMaxOffersPerKind; ++i) {
        if ((basis.context->open_instruments & (1u << i)) == 0) continue;
        if (!instruments[i].applications || !instruments[i].supports(tech.kind, a.technology)) continue;
        const AidOffer offer = aid_offer(basis, a, static_cast<int>(i));
        if (offer.instrument >= 0) a.offers[static_cast<std::size_t>(a.offer_count++)] = offer;
    }
}

}  // namespace

// SDE++ pays the unprofitable top against keeping, capped per tonne of CO2 avoided, yearly
// for the contract years; an investment grant pays a share of the capex. The levelised
// cost runs over the route's lifetime n, so the payments enter it as their present value
// spread over n years: s x crf(r, n) / crf(r, min(contract years, n)).
AidOffer aid_offer(const AppraisalBasis& basis, const OptionBreakdown& a, int instrument) {
    const InstrumentSpec& spec = basis.context->inputs->scenario.policy.instruments[static_cast<std::size_t>(instrument)];
    AidOffer offer;
    const bool new_route = a.technology != basis.snapshot->technology;
    if (!new_route || a.avoided_t_per_t <= kNegligible) return offer;
    const double rate = plant_of(basis).hurdle_rate;
    const double lifetime = a.lifetime_y;
    if (spec.form == AidForm::operating) {
        const double gap = std::max(0.0, cost_without_stranded(a) - cost_without_stranded(basis.keep_reference));
        const double subsidy = std::min(gap, spec.max_eur_per_tco2 * a.avoided_t_per_t);
        const double paid_years = std::min<double>(spec.contract_years, lifetime);
        if (subsidy <= kNegligible || paid_years <= 0) return offer;
        offer.subsidy_eur_per_t = subsidy;
        offer.subsidy_levelised_eur_per_t =
            subsidy * capital_recovery_factor(rate, lifetime) / capital_recovery_factor(rate, paid_years);
    } else {
        const double per_t = basis.production_t > 0 ? 1.0 / basis.production_t : 0.0;
        offer.investment_aid_eur = spec.capex_share * a.capex_eur;
        offer.investment_aid_eur_per_t = offer.investment_aid_eur * capital_recovery_factor(rate, lifetime) * per_t;
        if (offer.investment_aid_eur_per_t <= kNegligible) return offer;
    }
    offer.instrument = instrument;
    int years = 0;
    if (spec.form == AidForm::operating) {
        AidContract contract = contract_basis(basis, a, instrument);
        set_correction_terms(contract, offer.subsidy_eur_per_t, *basis.context->expected, spec);
        offer.base_eur_per_t = contract.base_eur_per_t;
        offer.correction_floor_eur_per_t = contract.correction_floor_eur_per_t;
        offer.max_payment_eur_per_t = contract.max_payment_eur_per_t;
        years = contract.years;
    }
    // The budget commits the most the contract can pay: SDE++ reserves the payments at
    // the correction floor over the whole contract.
    offer.budget_eur = offer.max_payment_eur_per_t * basis.production_t * years + offer.investment_aid_eur;
    return offer;
}

AidContract aid_contract(const AppraisalBasis& basis, const OptionBreakdown& a, const AidOffer& offer) {
    const InstrumentSpec& spec =
        basis.context->inputs->scenario.policy.instruments[static_cast<std::size_t>(offer.instrument)];
    AidContract contract = contract_basis(basis, a, offer.instrument);
    if (spec.form == AidForm::operating) {
        contract.payment_eur_per_t = offer.subsidy_eur_per_t;
        contract.base_eur_per_t = offer.base_eur_per_t;
        contract.correction_floor_eur_per_t = offer.correction_floor_eur_per_t;
        contract.max_payment_eur_per_t = offer.max_payment_eur_per_t;
        contract.years = spec.contract_years;
    }
    contract.investment_aid_eur = offer.investment_aid_eur;
    contract.committed_eur = offer.budget_eur;
    return contract;
}

Candidate aided_candidate(const OptionBreakdown& a, const AidOffer& offer) {
    Candidate c = plain_candidate(a);
    c.instrument = static_cast<std::int16_t>(offer.instrument);
    c.cost_eur_per_t = a.aided_cost_eur_per_t(offer);
    c.margin_eur_per_t = a.aided_margin_eur_per_t(offer);
    amount_of(c.claim, Resource::subsidy_budget) = offer.budget_eur;
    c.capex_eur = a.capex_eur - offer.investment_aid_eur;
    return c;
}

double remaining_contract_levelised(double eur_per_t, int start_year, int until_year, int lifetime_y, double rate) {
    const int years_left = std::min(until_year - start_year, lifetime_y);
    if (eur_per_t <= 0 || years_left <= 0 || lifetime_y <= 0) return 0.0;
    return eur_per_t * capital_recovery_factor(rate, lifetime_y) / capital_recovery_factor(rate, years_left);
}

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

AppraisalBasis appraisal_basis(const AppraisalContext& context, const PlantBaseline& base, int plant,
                               const PlantSnapshot& snapshot, Trigger trigger) {
    const Inputs& inputs = *context.inputs;
    const PlantSpec& spec = inputs.plants[static_cast<std::size_t>(plant)];
    const SectorSpec& sector = inputs.sectors[static_cast<std::size_t>(spec.sector)];
    AppraisalBasis basis;
    basis.context = &context;
    basis.base = &base;
    basis.snapshot = &snapshot;
    basis.plant = plant;
    basis.trigger = trigger;
    basis.keep_index = keep_technology_of(inputs, plant);
    basis.production_t = spec.capacity_t * snapshot.utilisation;
    const double per_t = basis.production_t > 0 ? 1.0 / basis.production_t : 0.0;
    basis.stranded_eur_per_t = snapshot.book_value_eur *
                               capital_recovery_factor(spec.hurdle_rate, inputs.scenario.behaviour.horizon_y) *
                               per_t;
    const TechnologySpec& keep = inputs.technologies[static_cast<std::size_t>(basis.keep_index)];
    basis.keep_profile = route_profile(base, keep, sector, context.year);
    basis.price_ref_eur_per_t = std::max(1.0, sector.product_price_eur_per_t * context.expected->product_index(spec.sector));
    // The keep route with its reinvestment is the reference for subsidy gaps.
    basis.keep_reference = appraise_route(basis, basis.keep_index, true);
    return basis;
}

namespace {

// A unit whose agreed route runs under a binding agreement stays on it while the agreement
// binds it: no way back to its fossil route, no other route, no relocation (docs/ODD.md
// §7.15). A unit of a joint letter of intent under negotiation keeps its route until the
// talks end. Only the closure rule can still end either.
bool bound_by_agreement(const AppraisalBasis& basis, int technology, int start_year) {
    const PlantSnapshot& snapshot = *basis.snapshot;
    if (technology == snapshot.technology) return false;
    return snapshot.exit_barred_until_year > start_year || snapshot.negotiating;
}

}  // namespace

OptionBreakdown appraise_option(const AppraisalBasis& basis, int technology) {
    const TechnologySpec& tech = basis.context->inputs->technologies[static_cast<std::size_t>(technology)];
    OptionBreakdown a = appraise_route(basis, technology, false);
    // A plant on its supplier's process gas buys no fuel to switch and has no reason
    // to exist elsewhere: only keep and ccs stay open (fuel_gas_coupling.hpp).
    if (basis.base->gas_coupled && !open_to_gas_coupled_plant(tech.kind)) a.mark(Infeasible::gas_coupled);
    if (bound_by_agreement(basis, technology, a.start_year)) a.mark(Infeasible::agreement_commitment);
    add_requests(basis, tech, a);
    add_aid(basis, tech, a);
    return a;
}

double systematic_utility(const Behaviour& behaviour, double margin_eur_per_t, double bias,
                          double price_ref_eur_per_t) {
    if (behaviour.deterministic) return margin_eur_per_t;
    const double biased = margin_eur_per_t - bias * price_ref_eur_per_t;
    return biased / (behaviour.logit_scale * price_ref_eur_per_t);
}

bool closes(const Behaviour& behaviour, double best_margin_eur_per_t, double price_ref_eur_per_t) {
    return best_margin_eur_per_t < -behaviour.closure_threshold * price_ref_eur_per_t;
}

PlantDecision appraise_options(const AppraisalContext& context, const PlantBaseline& base,
                               int plant, const PlantSnapshot& snapshot, Trigger trigger,
                               const std::array<double, kOptionKindCount>& bias,
                               const TasteDraw& taste) {
    const Inputs& inputs = *context.inputs;
    const Behaviour& behaviour = inputs.scenario.behaviour;
    const auto& options = inputs.plant_technologies[static_cast<std::size_t>(plant)];
    const AppraisalBasis basis = appraisal_basis(context, base, plant, snapshot, trigger);

    PlantDecision decision;
    decision.plant = plant;
    decision.trigger = trigger;
    decision.ranked.reserve(2 * options.size());  // each option at most twice
    if (context.record_appraisals) decision.appraisals.reserve(2 * options.size());

    // One taste value per option kind, shared by every variant of the kind (nested choice,
    // docs/ODD.md §7.7); the plant's own lasting draw (agents/taste_draw.hpp).
    const std::array<double, kOptionKindCount>& kind_noise = taste.epsilon;

    double best_margin = -std::numeric_limits<double>::infinity();
    for (int index : options) {
        const TechnologySpec& tech = inputs.technologies[static_cast<std::size_t>(index)];
        if (tech.kind == OptionKind::close) {
            if (context.record_appraisals) decision.appraisals.push_back(record_close(index));
            continue;
        }
        const OptionBreakdown a = appraise_option(basis, index);
        const double noise = kind_noise[static_cast<std::size_t>(tech.kind)];
        const double kind_bias = bias[static_cast<std::size_t>(tech.kind)];
        if (a.feasible()) {
            const auto utility_of = [&](double margin) {
                const double v = systematic_utility(behaviour, margin, kind_bias, basis.price_ref_eur_per_t);
                return behaviour.deterministic ? v : v + noise;
            };
            Candidate plain = plain_candidate(a);
            plain.utility = utility_of(plain.margin_eur_per_t);
            decision.ranked.push_back(plain);
            best_margin = std::max(best_margin, plain.margin_eur_per_t);
            for (const AidOffer& offer : a.aid_offers()) {
                Candidate aided = aided_candidate(a, offer);
                aided.contract = static_cast<std::int16_t>(decision.contracts.size());
                decision.contracts.push_back(aid_contract(basis, a, offer));
                aided.utility = utility_of(aided.margin_eur_per_t);
                decision.ranked.push_back(aided);
                best_margin = std::max(best_margin, aided.margin_eur_per_t);
            }
        }
        if (context.record_appraisals)
            record_variants(decision.appraisals, behaviour, a, kind_bias, basis.price_ref_eur_per_t, noise);
    }

    decision.closure_margin_eur_per_t = -behaviour.closure_threshold * basis.price_ref_eur_per_t;
    // The closure rule concerns a plant on site: an entrant not built yet has nothing to close
    // (a scheduled one builds whatever its margin, a candidate only on a positive one, §7.20).
    const bool built = snapshot.technology >= 0;
    if (built && closes(behaviour, best_margin, basis.price_ref_eur_per_t)) {
        decision.close = true;
        decision.ranked.clear();
        if (context.record_appraisals) rank_records(decision.ranked, decision.appraisals);
        return decision;
    }
    stable_sort_small(decision.ranked, [](const Candidate& a, const Candidate& b) {
        if (a.utility != b.utility) return a.utility > b.utility;
        if (a.technology != b.technology) return a.technology < b.technology;
        // A subsidised twin before its plain option, twins in instrument order.
        const auto order = [](const Candidate& c) { return c.subsidised() ? int{c.instrument} : kMaxInstruments; };
        return order(a) < order(b);
    });
    // The event log in the order that decided.
    if (context.record_appraisals) rank_records(decision.ranked, decision.appraisals);
    return decision;
}

}  // namespace eiisim
