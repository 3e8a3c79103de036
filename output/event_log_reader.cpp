// Reads the event log of a run file back into DecisionEvents (output/event_log_reader.hpp).
#include "event_log_reader.hpp"

#include "core/input_error.hpp"
#include "hdf5_reader.hpp"

namespace eiisim {
namespace {

// The option log's columns as the file holds them.
struct OptionColumns {
    std::vector<std::int64_t> event, rank, technology, subsidised, instrument, start_year, infeasible, refused, refused_by,
        chosen;
    std::vector<double> cost, margin, subsidy, terms, energy, energy_part, aid, risk, revenue, cbam, premium, systematic, bias, random;
};

OptionColumns read_option_columns(const h5::Reader& file) {
    OptionColumns c;
    c.event = file.integers("option_event");
    c.rank = file.integers("option_rank");
    c.technology = file.integers("option_technology");
    c.subsidised = file.integers("option_subsidised");
    // Before layout 6 a subsidised twin had one budget: call it instrument 0.
    if (file.has_variable("option_instrument")) c.instrument = file.integers("option_instrument");
    else for (const std::int64_t s : c.subsidised) c.instrument.push_back(s != 0 ? 0 : -1);
    c.start_year = file.integers("option_start_year");
    c.infeasible = file.integers("option_infeasible");
    c.refused = file.integers("option_refused");
    c.refused_by = file.integers("option_refused_by");
    c.chosen = file.integers("option_chosen");
    c.cost = file.doubles("option_cost");
    c.margin = file.doubles("option_margin");
    c.subsidy = file.doubles("option_subsidy");
    c.terms = file.doubles("option_cost_terms");
    c.energy = file.doubles("option_energy_cost");
    // Files before layout 7 have no energy parts: the parts read as 0.
    if (file.has_variable("option_energy_cost_part")) c.energy_part = file.doubles("option_energy_cost_part");
    c.aid = file.doubles("option_investment_aid");
    c.risk = file.doubles("option_risk_premium");
    c.revenue = file.doubles("option_revenue");
    c.cbam = file.doubles("option_cbam_in_price");
    c.premium = file.doubles("option_green_premium");
    c.systematic = file.doubles("option_utility_systematic");
    c.bias = file.doubles("option_utility_bias");
    c.random = file.doubles("option_utility_random");
    return c;
}

OptionAppraisal option_row(const OptionColumns& c, std::size_t i) {
    OptionAppraisal o;
    o.technology = static_cast<int>(c.technology[i]);
    o.subsidised = c.subsidised[i] != 0;
    o.instrument = static_cast<std::int8_t>(c.instrument[i]);
    o.rank = static_cast<int>(c.rank[i]);
    o.start_year = static_cast<int>(c.start_year[i]);
    o.infeasible = static_cast<std::uint8_t>(c.infeasible[i]);
    o.feasible = o.infeasible == 0;
    o.refused = c.refused[i] != 0;
    o.refused_by = static_cast<RefusedBy>(c.refused_by[i]);
    o.chosen = c.chosen[i] != 0;
    o.cost_eur_per_t = c.cost[i];
    o.margin_eur_per_t = c.margin[i];
    o.subsidy_eur_per_t = c.subsidy[i];
    for (std::size_t k = 0; k < kCostComponentCount; ++k) o.cost_terms_eur_per_t[k] = c.terms[i * kCostComponentCount + k];
    for (std::size_t k = 0; k < kCarrierCount; ++k) o.energy_eur_per_t[k] = c.energy[i * kCarrierCount + k];
    if (!c.energy_part.empty())
        for (std::size_t k = 0; k < kEnergyPartCount; ++k)
            o.energy_part_eur_per_t[k] = c.energy_part[i * kEnergyPartCount + k];
    o.investment_aid_eur_per_t = c.aid[i];
    o.risk_premium_eur_per_t = c.risk[i];
    o.revenue_eur_per_t = c.revenue[i];
    o.cbam_in_price_eur_per_t = c.cbam[i];
    o.green_premium_eur_per_t = c.premium[i];
    o.utility_systematic = c.systematic[i];
    o.utility_bias = c.bias[i];
    o.utility_random = c.random[i];
    return o;
}

void read_events(const h5::Reader& file, ExplainedRun& run) {
    const auto year = file.integers("event_year"), plant = file.integers("event_plant");
    const auto from = file.integers("event_from_technology"), to = file.integers("event_to_technology");
    const auto trigger = file.integers("event_trigger"), running = file.integers("event_running_from_year");
    const auto by_rule = file.integers("event_closed_by_rule");
    const auto subsidy = file.doubles("event_subsidy_committed"), closure = file.doubles("event_closure_margin");
    for (std::size_t e = 0; e < year.size(); ++e) {
        DecisionEvent d;
        d.year = static_cast<int>(year[e]);
        d.plant = static_cast<int>(plant[e]);
        d.from_technology = static_cast<int>(from[e]);
        d.to_technology = static_cast<int>(to[e]);
        d.trigger = static_cast<Trigger>(trigger[e]);
        d.running_from_year = static_cast<int>(running[e]);
        d.closed_by_rule = by_rule[e] != 0;
        d.subsidy_committed_eur = subsidy[e];
        d.closure_margin_eur_per_t = closure[e];
        run.events.push_back(std::move(d));
    }
    const OptionColumns c = read_option_columns(file);
    for (std::size_t i = 0; i < c.event.size(); ++i)
        run.events[static_cast<std::size_t>(c.event[i])].options.push_back(option_row(c, i));
}

}  // namespace

ExplainedRun read_explained_run(const std::string& path) {
    const h5::Reader file(path);
    const std::int64_t version = file.has_global("schema_version") ? file.global_integer("schema_version") : 0;
    if (version < 5 || !file.has_variable("option_utility_random"))
        throw InputError({path}, "schema_version",
                         "written with output layout version " + std::to_string(version) +
                             ", which logs no utility or cost terms per option (version 5 and later do); "
                             "run it again with this eiisim, or use --scenario");
    ExplainedRun run;
    run.scenario = file.global_text("scenario");
    run.source = path;
    run.seed = static_cast<std::uint64_t>(file.global_integer("seed"));
    run.run = static_cast<std::uint64_t>(file.global_integer("run"));
    run.plant_ids = file.strings("plant");
    run.plant_names = file.strings("plant_name");
    run.technology_names = file.strings("technology_name");
    run.instrument_ids = file.has_variable("instrument") ? file.strings("instrument") : std::vector<std::string>{"subsidy"};
    for (const std::int64_t kind : file.integers("technology_kind")) run.technology_kinds.push_back(static_cast<OptionKind>(kind));
    read_events(file, run);
    return run;
}

}  // namespace eiisim
