// The event log's variants, flattened into the option_considered dimension: row i belongs
// to event option_event[i], in the order of the ranking that decided. Each row carries
// what the choice used (docs/ODD.md section 7.7): cost terms, revenue, margin, the three
// parts of the random utility, feasibility, allocation's answer and the chosen flag.
#include <cstdint>
#include <string>
#include <vector>

#include "hdf5_flags.hpp"
#include "hdf5_layout.hpp"

namespace eiisim::output {

namespace {

using Rows = std::vector<OptionAppraisal>;

template <typename T, typename Get>
std::vector<T> column(const Rows& rows, Get get) {
    std::vector<T> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(static_cast<T>(get(row)));
    return out;
}

void add_doubles(h5::NcFile& file, const char* name, const Rows& rows, double (*get)(const OptionAppraisal&),
                 const char* units, const char* long_name) {
    file.add_variable<double>(name, {"option_considered"}, column<double>(rows, get), {units, long_name});
}

// A matrix [option_considered][second] of per-row arrays.
template <typename Array>
void add_matrix(h5::NcFile& file, const char* name, const char* second, const Rows& rows,
                const Array& (*get)(const OptionAppraisal&), const char* long_name) {
    std::vector<double> values;
    values.reserve(rows.size() * std::tuple_size_v<Array>);
    for (const auto& row : rows) values.insert(values.end(), get(row).begin(), get(row).end());
    file.add_variable<double>(name, {"option_considered", second}, values, {"EUR/t", long_name});
}

std::string infeasible_bits() {
    std::string text = "bit set of reasons the option is not open (0: feasible):";
    for (int r = 0; r < kInfeasibleCount; ++r)
        text += " " + std::to_string(1 << r) + " " + kInfeasibleNames[static_cast<std::size_t>(r)];
    return text;
}

void write_identity(h5::NcFile& file, const std::vector<std::int32_t>& event_of, const Rows& rows) {
    const std::vector<std::string> opt{"option_considered"};
    file.add_variable<std::int32_t>("option_event", opt, event_of, {"1", "event the option belongs to, index into event"});
    file.add_variable<std::int32_t>("option_rank", opt, column<std::int32_t>(rows, [](const OptionAppraisal& o) { return o.rank; }),
                                    {"1", "place in the random-utility ranking that decided, 0 = first; -1: not ranked "
                                          "(infeasible, close, or the closure rule decided)"});
    file.add_variable<std::int32_t>("option_technology", opt,
                                    column<std::int32_t>(rows, [](const OptionAppraisal& o) { return o.technology; }),
                                    {"1", "option, index into the technology dimension"});
    file.add_variable<std::uint8_t>("option_subsidised", opt,
                                    column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return o.subsidised; }),
                                    {"1", "the subsidised twin of the option (operating subsidy and investment aid)"},
                                    yes_no_flags<std::uint8_t>());
    file.add_variable<std::int32_t>("option_instrument", opt,
                                    column<std::int32_t>(rows, [](const OptionAppraisal& o) { return o.instrument; }),
                                    {"1", "support instrument of a subsidised twin, index into the instrument dimension "
                                          "(-1: none)"});
    file.add_variable<std::int32_t>("option_start_year", opt,
                                    column<std::int32_t>(rows, [](const OptionAppraisal& o) { return o.start_year; }),
                                    {"year", "first year the route would run"});
}

void write_costs(h5::NcFile& file, const Rows& rows) {
    add_doubles(file, "option_cost", rows, [](const OptionAppraisal& o) { return o.cost_eur_per_t; }, "EUR/t",
                "levelised cost of production incl. subsidy if any (the sum of option_cost_terms, "
                "option_investment_aid and option_risk_premium)");
    add_doubles(file, "option_margin", rows, [](const OptionAppraisal& o) { return o.margin_eur_per_t; }, "EUR/t",
                "expected revenue minus cost");
    add_doubles(file, "option_subsidy", rows, [](const OptionAppraisal& o) { return o.subsidy_eur_per_t; }, "EUR/t",
                "operating subsidy per t of product, paid yearly for the contract term");
    add_matrix(file, "option_cost_terms", "cost_component", rows,
               +[](const OptionAppraisal& o) -> const auto& { return o.cost_terms_eur_per_t; },
               "terms of the levelised cost (subsidy: the twin's operating subsidy, levelised; ets outside the EU: "
               "CBAM, at an EU neighbour: the EU ETS)");
    add_matrix(file, "option_energy_cost", "carrier", rows,
               +[](const OptionAppraisal& o) -> const auto& { return o.energy_eur_per_t; },
               "the energy term by carrier");
    add_matrix(file, "option_energy_cost_part", "energy_part", rows,
               +[](const OptionAppraisal& o) -> const auto& { return o.energy_part_eur_per_t; },
               "the energy term by part of the Dutch cost stack (docs/ODD.md §7.4; compensation negative)");
    add_doubles(file, "option_investment_aid", rows, [](const OptionAppraisal& o) { return o.investment_aid_eur_per_t; },
                "EUR/t", "investment aid, annualised (negative: the twin's)");
    add_doubles(file, "option_risk_premium", rows, [](const OptionAppraisal& o) { return o.risk_premium_eur_per_t; },
                "EUR/t", "risk premium: pending infrastructure, or the relocation hurdle");
    add_doubles(file, "option_revenue", rows, [](const OptionAppraisal& o) { return o.revenue_eur_per_t; }, "EUR/t",
                "expected revenue per t (export discount, CBAM in the price and green premium included)");
    add_doubles(file, "option_cbam_in_price", rows, [](const OptionAppraisal& o) { return o.cbam_in_price_eur_per_t; },
                "EUR/t", "CBAM's uplift of the product price, part of the revenue");
    add_doubles(file, "option_green_premium", rows, [](const OptionAppraisal& o) { return o.green_premium_eur_per_t; },
                "EUR/t", "green premium, part of the revenue");
}

void write_choice(h5::NcFile& file, const Rows& rows) {
    const std::vector<std::string> opt{"option_considered"};
    add_doubles(file, "option_utility_systematic", rows, [](const OptionAppraisal& o) { return o.utility_systematic; },
                "1", "deterministic part of the utility: margin / (logit_scale x price); deterministic mode: the margin");
    add_doubles(file, "option_utility_bias", rows, [](const OptionAppraisal& o) { return o.utility_bias; }, "1",
                "strategic bias part of the utility: -bias of the kind / logit_scale");
    add_doubles(file, "option_utility_random", rows, [](const OptionAppraisal& o) { return o.utility_random; }, "1",
                "random term of the utility (the kind's Gumbel draw, shared by its variants)");
    add_doubles(file, "option_utility", rows, [](const OptionAppraisal& o) { return o.utility(); }, "1",
                "total utility the ranking used: systematic + bias + random");
    file.add_variable<std::uint8_t>("option_feasible", opt,
                                    column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return o.feasible; }),
                                    {"1", "option was feasible (availability, infrastructure, relocation rule)"},
                                    yes_no_flags<std::uint8_t>());
    file.add_variable<std::uint8_t>("option_infeasible", opt,
                                    column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return o.infeasible; }),
                                    {"1", infeasible_bits()});
    file.add_variable<std::uint8_t>("option_refused", opt,
                                    column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return o.refused; }),
                                    {"1", "wanted, but allocation refused it (scarce capacity, budget or build-out limit)"},
                                    yes_no_flags<std::uint8_t>());
    file.add_variable<std::uint8_t>(
        "option_refused_by", opt,
        column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return static_cast<std::uint8_t>(o.refused_by); }),
        {"1", "what allocation refused it for"}, flags_from_names<std::uint8_t>(kRefusedByNames));
    file.add_variable<std::uint8_t>("option_chosen", opt,
                                    column<std::uint8_t>(rows, [](const OptionAppraisal& o) { return o.chosen; }),
                                    {"1", "the variant the decision took (the route in force when the plant stays)"},
                                    yes_no_flags<std::uint8_t>());
}

}  // namespace

void write_option_log(h5::NcFile& file, const RunResult& r) {
    std::vector<std::int32_t> event_of;
    Rows rows;
    for (std::size_t e = 0; e < r.events.size(); ++e)
        for (const auto& o : r.events[e].options) {
            event_of.push_back(static_cast<std::int32_t>(e));
            rows.push_back(o);
        }
    write_identity(file, event_of, rows);
    write_costs(file, rows);
    write_choice(file, rows);
}

}  // namespace eiisim::output
