// `eiisim appraise` output: a fixed-width table for people, or CSV (one row per option
// variant) for scripts. Both print the same rows, taken from the engine's breakdown.
#include <cmath>
#include <functional>
#include <limits>
#include <ostream>

#include <fmt/format.h>

#include "agents/energy_stack.hpp"
#include "appraise_command.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kColumnsPerBlock = 8;
constexpr double kMega = 1e6;
constexpr double kKilo = 1e3;

// One line of the terms table and one column of the CSV. A row without a value is a
// heading (table only).
struct Row {
    std::string label;   // table
    std::string column;  // CSV
    int decimals = 1;
    std::function<double(const OptionBreakdown&, const AppraisedVariant&)> value;
};

void add_cost_rows(std::vector<Row>& rows) {
    rows.push_back({"EUR per t product", "", 0, nullptr});
    const auto terms = cost_terms(OptionBreakdown{}, nullptr);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const bool ets = terms[i].first == kCostComponentNames[static_cast<std::size_t>(CostComponent::ets)];
        rows.push_back({ets ? "ets (outside EU: CBAM)" : terms[i].first, terms[i].first, 1, [i](const OptionBreakdown& o, const AppraisedVariant& v) {
                            return cost_terms(o, v.aid(o))[i].second;
                        }});
        if (terms[i].first != kCostComponentNames[static_cast<std::size_t>(CostComponent::energy)]) continue;
        for (std::size_t c = 0; c < kCarrierCount; ++c)
            rows.push_back({std::string("  ") + kCarrierNames[c], std::string("energy_") + kCarrierNames[c], 1,
                            [c](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.energy_eur_per_t[c]; }});
        for (std::size_t k = 0; k < kEnergyPartCount; ++k)  // the same total by part of the cost stack
            rows.push_back({std::string("  part ") + kEnergyPartNames[k], std::string("energy_part_") + kEnergyPartNames[k],
                            1, [k](const OptionBreakdown& o, const AppraisedVariant&) {
                                return o.cost.energy_part_eur_per_t[k];
                            }});
    }
    rows.push_back({"= total cost", "total_cost", 1,
                    [](const OptionBreakdown&, const AppraisedVariant& v) { return v.cost_eur_per_t; }});
    rows.push_back({"revenue", "revenue", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.revenue_eur_per_t; }});
    rows.push_back({"  CBAM in price", "revenue_cbam_in_price", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.cbam_price_eur_per_t; }});
    rows.push_back({"  green premium", "revenue_green_premium", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.green_premium_eur_per_t; }});
    rows.push_back({"= margin", "margin", 1,
                    [](const OptionBreakdown&, const AppraisedVariant& v) { return v.margin_eur_per_t; }});
    rows.push_back({"utility (before draw)", "utility", 2, [](const OptionBreakdown& o, const AppraisedVariant& v) {
                        return o.feasible() ? v.utility : std::numeric_limits<double>::quiet_NaN();
                    }});
}

void add_physical_rows(std::vector<Row>& rows) {
    rows.push_back({"t per t product", "", 0, nullptr});
    rows.push_back({"net CO2", "co2_net_t_per_t", 3,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.profile.co2_net_t_per_t(); }});
    rows.push_back({"captured CO2", "co2_captured_t_per_t", 3,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.profile.co2_captured_t_per_t; }});
    rows.push_back({"free allocation", "free_allocation_t_per_t", 3,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.free_allocation_t_per_t; }});
    rows.push_back({"levy-liable CO2", "levy_liable_t_per_t", 3,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.cost.levy_liable_t_per_t; }});
    // relocate_eu: the neighbour it would produce at (kNeighbourNames order); blank otherwise.
    rows.push_back({"EU site (0 be, 1 de, 2 fr)", "eu_neighbour", 0, [](const OptionBreakdown& o, const AppraisedVariant&) {
                        return o.cost.neighbour >= 0 ? o.cost.neighbour : std::numeric_limits<double>::quiet_NaN();
                    }});
    rows.push_back({"intermediate bought", "intermediate_t_per_t", 3,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.profile.intermediate_t_per_t; }});
    rows.push_back({"requests (allocation)", "", 0, nullptr});
    rows.push_back({"capex MEUR", "capex_eur", 1, [](const OptionBreakdown& o, const AppraisedVariant& v) {
                        return o.capex_eur - (v.subsidised() ? v.aid(o)->investment_aid_eur : 0.0);
                    }});
    rows.push_back({"grid MW", "grid_mw", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return amount_of(o.claim, Resource::grid); }});
    rows.push_back({"CO2 storage kt/yr", "co2_storage_t", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return amount_of(o.claim, Resource::co2_storage); }});
    rows.push_back({"hydrogen TJ/yr", "hydrogen_gj", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return amount_of(o.claim, Resource::hydrogen); }});
    rows.push_back({"biomethane TJ/yr", "biomethane_gj", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return amount_of(o.claim, Resource::biomethane); }});
    rows.push_back({"subsidy budget MEUR", "subsidy_budget_eur", 1, [](const OptionBreakdown& o, const AppraisedVariant& v) {
                        return v.subsidised() ? v.aid(o)->budget_eur : 0.0;
                    }});
    rows.push_back({"EUR per t CO2 avoided", "eur_per_tco2_avoided", 1,
                    [](const OptionBreakdown& o, const AppraisedVariant&) { return o.eur_per_tco2_avoided; }});
}

std::vector<Row> rows() {
    std::vector<Row> rows;
    add_cost_rows(rows);
    add_physical_rows(rows);
    return rows;
}

// Table units differ from the CSV's SI-like ones for a few rows.
double table_scale(const std::string& column) {
    if (column == "capex_eur" || column == "subsidy_budget_eur") return 1.0 / kMega;
    if (column == "co2_storage_t" || column == "hydrogen_gj" || column == "biomethane_gj") return 1.0 / kKilo;
    return 1.0;
}

std::string instrument_id(const Model& model, const AppraisedVariant& v) {
    return model.inputs.scenario.policy.instruments[static_cast<std::size_t>(v.instrument)].id;
}

std::string label_of(const AppraisedVariant& v) {
    if (!v.subsidised()) return std::to_string(v.option + 1);
    return std::to_string(v.option + 1) + "s" + (v.offer > 0 ? std::to_string(v.offer + 1) : "");
}

std::string reasons(const OptionBreakdown& option, const char* separator) {
    std::string text;
    for (int r = 0; r < kInfeasibleCount; ++r)
        if (option.infeasible_for(static_cast<Infeasible>(r)))
            text.append(text.empty() ? "" : separator).append(kInfeasibleNames[static_cast<std::size_t>(r)]);
    return text;
}

// What the run did with this variant in the year, as the event log says: chosen, stays
// (the route in force), refused (for which resource or limit), or nothing.
std::string run_outcome(const PlantAppraisal& a, const AppraisedVariant& v) {
    if (!a.event) return "";
    const DecisionEvent& event = *a.event;
    const int tech = a.options[v.option].technology;
    for (const OptionAppraisal& o : event.options) {
        if (o.technology != tech || o.instrument != v.instrument) continue;
        if (o.chosen) return event.to_technology == event.from_technology ? "stays" : "chosen";
        if (o.refused) return std::string("refused:") + kRefusedByNames[static_cast<std::size_t>(o.refused_by)];
    }
    return "";
}

const char* trigger_name(Trigger trigger) { return kTriggerNames[static_cast<std::size_t>(trigger)]; }

const TechnologySpec& tech_of(const Model& model, int index) {
    return model.inputs.technologies[static_cast<std::size_t>(index)];
}

// "ccs" for a sector row, "midden_hisarna_ccs*" for the plant's own (plant_options.csv);
// "none" for no route (an entrant not built yet, docs/ODD.md §7.20).
std::string option_name(const Model& model, int index) {
    if (index < 0) return "none";
    const TechnologySpec& tech = tech_of(model, index);
    return tech.name + (tech.plant >= 0 ? "*" : "");
}

std::string cell(double value, int decimals) {
    if (std::isnan(value) || std::isinf(value)) return "-";
    return fmt::format("{:.{}f}", value, decimals);
}

void print_state(std::ostream& out, const Model& model, const PlantAppraisal& a) {
    const PlantSpec& plant = model.inputs.plants[static_cast<std::size_t>(a.plant)];
    const PlantSnapshot& s = a.snapshot;
    out << fmt::format("state at the {} appraisal (after that year's transitions and accounts): {}", a.year,
                       kPlantStatusNames[static_cast<std::size_t>(a.status)]);
    if (a.appraised()) out << " on " << option_name(model, s.technology);
    if (a.target_technology >= 0)
        out << fmt::format(", granted: {} from {}", option_name(model, a.target_technology), a.target_year);
    out << "\n";
    if (a.last_change) {
        const DecisionEvent& e = *a.last_change;
        out << fmt::format("  last route change: {} -> {}, decided in {} ({}), running from {}\n",
                           option_name(model, e.from_technology), option_name(model, e.to_technology), e.year,
                           trigger_name(e.trigger), e.running_from_year);
    }
    if (!a.appraised()) return;
    out << fmt::format("  asset age {} y, utilisation {:.3f}, production {:.0f} t/yr, export share {:.3f}, "
                       "value-chain cost {:.1f} EUR/t\n",
                       s.asset_age_y, s.utilisation, a.production_t, s.export_share, s.value_chain_eur_per_t);
    out << fmt::format("  book value {:.1f} MEUR (stranded {:.1f} EUR/t on any other route); capacity {:.0f} t/yr\n",
                       s.book_value_eur / kMega, a.stranded_eur_per_t, plant.capacity_t);
}

void print_decision(std::ostream& out, const Model& model, const PlantAppraisal& a) {
    const Behaviour& behaviour = model.inputs.scenario.behaviour;
    if (a.trigger)
        out << fmt::format("decides in {}: trigger {}\n", a.year, trigger_name(*a.trigger));
    else
        out << fmt::format("no decision in {} (no trigger): appraised as if a scenario event opened a window "
                           "(the route in force pays no new capex)\n", a.year);
    if (behaviour.deterministic)
        out << "choice: deterministic, the best margin first (P = 1 for it)\n";
    else
        out << fmt::format("choice: multinomial logit, cost spread logit_scale x price = {:.1f} EUR/t; "
                           "P = probability of ranking first, before allocation\n",
                           behaviour.logit_scale * a.price_ref_eur_per_t);
    if (!behaviour.deterministic) {
        out << "strategic bias, EUR/t taken off the margin in the utility:";
        for (std::size_t k = 0; k < kOptionKindCount; ++k)
            if (a.bias[k] != 0.0 && k != static_cast<std::size_t>(OptionKind::close)) out << fmt::format(" {} {:+.1f}", kOptionKindNames[k], a.bias[k] * a.price_ref_eur_per_t);
        out << "\n";
    }
    if (a.closes)
        out << fmt::format("closure rule: best margin {:.1f} < -{} x {:.1f} EUR/t: the plant closes\n",
                           a.best_margin_eur_per_t, behaviour.closure_threshold, a.price_ref_eur_per_t);
    out << fmt::format("subsidy reference: keep as a new build, cost {:.1f} EUR/t, net CO2 {:.3f} t/t\n",
                       a.keep_reference.cost_eur_per_t(), a.keep_reference.profile.co2_net_t_per_t());
    if (!a.event) {
        out << fmt::format("the run: no decision of this plant in {}\n", a.year);
        return;
    }
    const DecisionEvent& e = *a.event;
    out << fmt::format("the run: {} -> {}, running from {}", option_name(model, e.from_technology),
                       option_name(model, e.to_technology), e.running_from_year);
    if (e.subsidy_committed_eur > 0) out << fmt::format(", subsidy committed {:.1f} MEUR", e.subsidy_committed_eur / kMega);
    out << "\n";
}

// The plant's Dutch energy cost stack (docs/ODD.md §7.4): its grid, the stack's rates in
// EUR/MWh (gas per MWh of NCV) and whether it claims IKC.
void print_energy_stack(std::ostream& out, const Model& model, const PlantAppraisal& a, const PriceView& e) {
    constexpr double kGjPerMwh = 3.6;
    const PlantBaseline& base = model.baselines[static_cast<std::size_t>(a.plant)];
    const auto level = static_cast<std::size_t>(base.connection_level);
    out << fmt::format("  energy cost stack (EUR/MWh): grid {} tariff {:.2f}, gas network {:.2f}; electricity tax "
                       "{}, gas tax {}; IKC {} ({:.2f} before the budget's cut, expected share paid {:.2f}); other "
                       "compensation {:.2f}\n",
                       kConnectionLevelNames[level], e.network_tariff_eur_per_gj[level] * kGjPerMwh,
                       e.gas_network_tariff_eur_per_gj * kGjPerMwh, base.electricity_tax_exempt ? "exempt" : "by bracket",
                       base.gas_tax_exempt ? "exempt" : "by bracket on fuel (not feedstock)",
                       ikc_eligible(base, e) ? "eligible" : "not eligible", ikc_full_eur_per_gj(e) * kGjPerMwh,
                       a.ikc_pro_rata, e.electricity_compensation_eur_per_gj * kGjPerMwh);
}

void print_prices(std::ostream& out, const Model& model, const PlantAppraisal& a) {
    const Scenario& scenario = model.inputs.scenario;
    const PriceView& e = model.expected[static_cast<std::size_t>(a.year - scenario.base_year)];
    const SectorSpec& sector =
        model.inputs.sectors[static_cast<std::size_t>(model.inputs.plants[static_cast<std::size_t>(a.plant)].sector)];
    const auto energy = [&](Carrier c) { return e.energy_eur_per_gj[static_cast<std::size_t>(c)]; };
    out << fmt::format("expected prices of {} (EUR/GJ): gas {:.2f}, electricity {:.2f}, hydrogen {:.2f}, "
                       "biomethane {:.2f}, other fuel {:.2f}; abroad gas {:.2f}, electricity {:.2f}\n",
                       a.year, energy(Carrier::gas), energy(Carrier::electricity), energy(Carrier::hydrogen),
                       energy(Carrier::biomethane), energy(Carrier::other_fuel), e.foreign_gas_eur_per_gj,
                       e.foreign_electricity_eur_per_gj);
    out << fmt::format("  ETS {:.1f} EUR/t, levy {:.1f} EUR/t (dispensation {:.3f}), free allocation factor {:.3f} "
                       "(non-CBAM {:.3f}), CBAM {:.3f}, T&S {:.1f} EUR/t, product {:.1f} EUR/t ({}, CBAM {})\n",
                       e.ets_eur_per_t, e.co2_levy_eur_per_t, e.dispensation_factor, e.free_allocation_factor,
                       e.free_allocation_factor_non_cbam, e.cbam_factor, e.transport_storage_eur_per_t,
                       sector.product_price_eur_per_t * e.product_index(model.inputs.plants[static_cast<std::size_t>(a.plant)].sector), sector.id,
                       sector.cbam_covered ? "covered" : "not covered");
    // The run's own view: the path's green premium plus the quota's premium of the year.
    out << fmt::format("  green premium {:.1f} EUR per green t (green quota's premium {:.1f})\n",
                       a.green_premium_eur_per_t, a.quota_premium_eur_per_t);
    print_energy_stack(out, model, a, e);
}

void print_option_list(std::ostream& out, const Model& model, const PlantAppraisal& a) {
    out << fmt::format("\n{:<4} {:<32} {:<9} {:>5} {:>9} {:>9} {:>6} {:>4}  {:<8} {}\n", "#", "option", "kind",
                       "start", "cost", "margin", "P", "rank", "run", "feasible");
    for (const AppraisedVariant& v : a.variants) {
        const OptionBreakdown& o = a.options[v.option];
        const TechnologySpec& tech = tech_of(model, o.technology);
        const std::string name = option_name(model, o.technology) + (v.subsidised() ? " +" + instrument_id(model, v) : "");
        out << fmt::format("{:<4} {:<32} {:<9} {:>5} {:>9.1f} {:>9.1f} {:>6.3f} {:>4}  {:<8} {}\n", label_of(v),
                           name, kOptionKindNames[static_cast<std::size_t>(tech.kind)], o.start_year,
                           v.cost_eur_per_t, v.margin_eur_per_t, v.probability,
                           v.rank > 0 ? std::to_string(v.rank) : "-", run_outcome(a, v),
                           o.feasible() ? "yes" : "no: " + reasons(o, ", "));
    }
    if (a.close_technology >= 0) {
        const bool closing = a.event && a.event->to_technology == a.close_technology;
        out << fmt::format("{:<4} {:<32} {:<9} {:>5} {:>9} {:>9} {:>6.3f} {:>4}  {:<8} {}\n", "-",
                           option_name(model, a.close_technology), "close", "", "", "", a.closes ? 1.0 : 0.0, "-",
                           closing ? "chosen" : "", "by the closure rule only");
    }
    out << "* the plant's own option (plant_options.csv); +<instrument>: the subsidised twin under that support "
           "instrument ([[instruments]]: operating subsidy or investment aid)\n";
}

void print_terms(std::ostream& out, const PlantAppraisal& a) {
    const std::vector<Row> table = rows();
    for (std::size_t first = 0; first < a.variants.size(); first += kColumnsPerBlock) {
        const std::size_t last = std::min(a.variants.size(), first + kColumnsPerBlock);
        out << "\n";
        for (const Row& row : table) {
            out << fmt::format("{:<24}", row.label);
            for (std::size_t i = first; i < last; ++i) {
                const AppraisedVariant& v = a.variants[i];
                const std::string text = row.value ? cell(row.value(a.options[v.option], v) * table_scale(row.column),
                                                          row.decimals)
                                                   : label_of(v);
                out << fmt::format("{:>10}", text);
            }
            out << "\n";
        }
    }
}

}  // namespace

void print_appraisal_table(std::ostream& out, const Model& model, const std::string& scenario_file,
                           const PlantAppraisal& a) {
    const Inputs& in = model.inputs;
    const PlantSpec& plant = in.plants[static_cast<std::size_t>(a.plant)];
    out << fmt::format("{} {} ({}), sector {}, cluster {}\n", plant.id, plant.name, plant.operator_name,
                       in.sectors[static_cast<std::size_t>(plant.sector)].id,
                       in.clusters[static_cast<std::size_t>(plant.cluster)].id);
    out << fmt::format("scenario {} ({}), seed {}, run 0, year {}\n", in.scenario.name, scenario_file, a.seed, a.year);
    print_state(out, model, a);
    if (!a.appraised()) {
        out << "the plant no longer produces here: it weighs no options\n";
        return;
    }
    print_decision(out, model, a);
    print_prices(out, model, a);
    print_option_list(out, model, a);
    print_terms(out, a);
}

void print_appraisal_csv(std::ostream& out, const Model& model, const PlantAppraisal& a) {
    const std::vector<Row> table = rows();
    out << "plant,year,seed,option,technology,kind,variant,start_year,feasible,infeasible,trigger,rank,probability,run";
    for (const Row& row : table)
        if (row.value) out << "," << row.column;
    out << "\n";
    const PlantSpec& plant = model.inputs.plants[static_cast<std::size_t>(a.plant)];
    const std::string trigger = a.trigger ? trigger_name(*a.trigger) : "";
    for (const AppraisedVariant& v : a.variants) {
        const OptionBreakdown& o = a.options[v.option];
        const TechnologySpec& tech = tech_of(model, o.technology);
        out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}", plant.id, a.year, a.seed, label_of(v),
                           tech.id, kOptionKindNames[static_cast<std::size_t>(tech.kind)],
                           v.subsidised() ? instrument_id(model, v) : "plain", o.start_year, o.feasible() ? 1 : 0,
                           reasons(o, ";"), trigger, v.rank, v.probability, run_outcome(a, v));
        for (const Row& row : table)
            if (row.value) out << "," << fmt::format("{}", row.value(o, v));
        out << "\n";
    }
}

}  // namespace eiisim
