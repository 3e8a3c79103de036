// Static tables (plants, clusters, technologies) and the decision event log with every
// option considered, flattened into its own dimension so the file needs no ragged arrays
// (netCDF-4 variable-length types are poorly supported by readers).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/production_value.hpp"
#include "hdf5_flags.hpp"
#include "hdf5_layout.hpp"

namespace eiisim::output {

namespace {

using Dims = std::vector<std::string>;

template <typename T, typename Rows, typename Get>
std::vector<T> column(const Rows& rows, Get get) {
    std::vector<T> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(static_cast<T>(get(row)));
    return out;
}

// Base-year production by value (core/production_value.hpp): the weights of an honest
// production share, as tonnes of unlike products and MWh of power do not add up.
void write_base_value(h5::NcFile& file, const Inputs& in) {
    const std::vector<SectorValuation> valuations = sector_valuations(in);
    file.add_variable<double>(
        "plant_base_value", {"plant"},
        column<double>(in.plants,
                       [&](const PlantSpec& p) {
                           return p.production_t * valuations[static_cast<std::size_t>(p.sector)].product_eur_per_t;
                       }),
        {"EUR/yr", "base-year production at reference prices (0 for the power sector)"});
}

// The dataset's support agreements (dimension `agreement`) and, per plant, the agreement
// that covers it: the first that is not stopped talks, else the first (-1: none).
void write_agreements(h5::NcFile& file, const Inputs& in) {
    const auto& agreements = in.agreements;
    add_category_dimension(file, in, "agreement");
    const Dims dim{"agreement"};
    file.add_variable("agreement_firm", dim, column<std::string>(agreements, [](const AgreementSpec& a) { return a.firm; }),
                      {"1", "firm"});
    file.add_variable<std::uint8_t>(
        "agreement_stage", dim,
        column<std::uint8_t>(agreements, [](const AgreementSpec& a) { return static_cast<std::uint8_t>(a.stage); }),
        {"1", "stage reached in the data"}, flags_from_names<std::uint8_t>(kAgreementStageNames));
    file.add_variable<std::int32_t>("agreement_stage_year", dim,
                                    column<std::int32_t>(agreements, [](const AgreementSpec& a) { return a.stage_year; }),
                                    {"year", "year the stage was reached"});
    file.add_variable<std::int32_t>("agreement_start_year", dim,
                                    column<std::int32_t>(agreements, [](const AgreementSpec& a) { return a.start_year; }),
                                    {"year", "first year the agreed routes run, as agreed (0: none)"});
    file.add_variable<double>("agreement_aid", dim,
                              column<double>(agreements, [](const AgreementSpec& a) { return a.aid_eur; }),
                              {"EUR", "public aid ceiling"});
    file.add_variable<std::int32_t>("agreement_instrument", dim,
                                    column<std::int32_t>(agreements, [](const AgreementSpec& a) { return a.instrument_index; }),
                                    {"1", "instrument paying the aid, index into the instrument dimension (-1: none)"});
    std::vector<std::int32_t> covered(in.plants.size(), -1);
    for (std::size_t a = 0; a < agreements.size(); ++a)
        for (const AgreementUnit& unit : agreements[a].units) {
            std::int32_t& slot = covered[static_cast<std::size_t>(unit.plant)];
            const bool stopped = agreements[a].stage == AgreementStage::stopped;
            if (slot < 0 || (!stopped && agreements[static_cast<std::size_t>(slot)].stage == AgreementStage::stopped))
                slot = static_cast<std::int32_t>(a);
        }
    file.add_variable<std::int32_t>("plant_agreement", {"plant"}, covered,
                                    {"1", "support agreement covering the plant, index into the agreement dimension "
                                          "(-1: none; stopped talks only when no other covers it)"});
}

void write_instruments(h5::NcFile& file, const Inputs& in) {
    const auto& instruments = in.scenario.policy.instruments;
    const Dims dim{"instrument"};
    file.add_variable<std::uint8_t>(
        "instrument_form", dim,
        column<std::uint8_t>(instruments, [](const InstrumentSpec& i) { return static_cast<std::uint8_t>(i.form); }),
        {"1", "how the instrument pays"}, flags_from_names<std::uint8_t>(kAidFormNames));
    file.add_variable<std::uint8_t>(
        "instrument_applications", dim,
        column<std::uint8_t>(instruments, [](const InstrumentSpec& i) { return i.applications; }),
        {"1", "plants apply to it in the yearly allocation (else it only funds agreements)"}, yes_no_flags<std::uint8_t>());
    file.add_variable("instrument_source", dim,
                      column<std::string>(instruments, [](const InstrumentSpec& i) { return i.source; }),
                      {"1", "source of the instrument's figures"});
}

// The scenario's demand volume paths (docs/ODD.md §7.19): dimension `sector` (the ids of
// sectors.csv) and `sector_volume_index [year, sector]`, the path v'_s(y) after the
// [demand] variant, overrides and factor; 1 for a sector without a path and without
// [demand]. The engine chains it to the last observed year's activity; national
// production per sector is the plant panel `production` summed by `plant_sector`.
void write_demand_paths(h5::NcFile& file, const Inputs& in) {
    const std::vector<std::string> ids = column<std::string>(in.sectors, [](const SectorSpec& s) { return s.id; });
    file.add_dimension("sector", std::span<const std::string>(ids), {"1", "sector id (sectors.csv)"});
    const std::vector<TimePath>& paths = in.scenario.prices.sector_volume_index;
    std::vector<double> index;
    index.reserve(static_cast<std::size_t>(in.year_count()) * ids.size());
    for (int y = in.scenario.base_year; y <= in.scenario.end_year; ++y)
        for (std::size_t s = 0; s < ids.size(); ++s)
            index.push_back(s < paths.size() && !paths[s].empty() ? paths[s].at(y) : 1.0);
    file.add_variable<double>("sector_volume_index", {"year", "sector"}, index,
                              {"1", "demand volume path of the sector relative to its base year 2025 ([demand] "
                                    "variant, overrides and factor; 1: no path); after the last observed year the "
                                    "engine runs the sector at its observed activity of that year times the path's "
                                    "change since then"});
}

std::string sector_id_of(const Inputs& in, int s) {
    return s >= 0 && static_cast<std::size_t>(s) < in.sectors.size() ? in.sectors[static_cast<std::size_t>(s)].id
                                                                     : std::string();
}

}  // namespace

void write_plant_identity(h5::NcFile& file, const Inputs& in) {
    const Dims plant{"plant"};
    const auto& plants = in.plants;
    auto sector_id = [&](int s) { return sector_id_of(in, s); };
    auto cluster_name = [&](int c) {
        return c >= 0 && static_cast<std::size_t>(c) < in.clusters.size() ? in.clusters[static_cast<std::size_t>(c)].name
                                                                           : std::string();
    };
    file.add_variable("plant_name", plant, column<std::string>(plants, [](const PlantSpec& p) { return p.name; }),
                      {"1", "plant name"});
    file.add_variable("plant_operator", plant,
                      column<std::string>(plants, [](const PlantSpec& p) { return p.operator_name; }),
                      {"1", "operating company"});
    file.add_variable<std::int32_t>("plant_cluster", plant,
                                    column<std::int32_t>(plants, [](const PlantSpec& p) { return p.cluster; }),
                                    {"1", "cluster of the plant, index into the cluster dimension"});
    file.add_variable("plant_cluster_name", plant,
                      column<std::string>(plants, [&](const PlantSpec& p) { return cluster_name(p.cluster); }),
                      {"1", "cluster name of the plant"});
    file.add_variable("plant_sector", plant,
                      column<std::string>(plants, [&](const PlantSpec& p) { return sector_id(p.sector); }),
                      {"1", "sector id of the plant"});
}

void write_static_tables(h5::NcFile& file, const Inputs& in) {
    const Dims plant{"plant"};
    const auto& plants = in.plants;
    auto sector_id = [&](int s) { return sector_id_of(in, s); };
    write_plant_identity(file, in);
    file.add_variable<double>("plant_capacity", plant, column<double>(plants, [](const PlantSpec& p) { return p.capacity_t; }),
                              {"t/yr", "production capacity"});
    file.add_variable<double>("plant_base_production", plant,
                              column<double>(plants, [](const PlantSpec& p) { return p.production_t; }),
                              {"t/yr", "production in the base year (MWh/yr for the power sector)"});
    write_base_value(file, in);
    file.add_variable<double>("plant_base_co2_combustion", plant,
                              column<double>(plants, [](const PlantSpec& p) { return p.co2_combustion_t; }),
                              {"t/yr", "scope-1 combustion CO2 in the base year"});
    file.add_variable<double>("plant_base_co2_process", plant,
                              column<double>(plants, [](const PlantSpec& p) { return p.co2_process_t; }),
                              {"t/yr", "scope-1 process CO2 in the base year"});
    file.add_variable<std::uint8_t>("plant_multinational", plant,
                                    column<std::uint8_t>(plants, [](const PlantSpec& p) { return p.multinational; }),
                                    {"1", "parent is a multinational (relocation is an option)"}, yes_no_flags<std::uint8_t>());
    write_agreements(file, in);
    write_instruments(file, in);
    write_demand_paths(file, in);
    write_target_years(file, in);

    file.add_variable("cluster_name", {"cluster"},
                      column<std::string>(in.clusters, [](const ClusterSpec& c) { return c.name; }), {"1", "cluster name"});

    const Dims tech{"technology"};
    file.add_variable("technology_name", tech,
                      column<std::string>(in.technologies, [](const TechnologySpec& t) { return t.name; }),
                      {"1", "option name"});
    file.add_variable("technology_sector", tech,
                      column<std::string>(in.technologies, [&](const TechnologySpec& t) { return sector_id(t.sector); }),
                      {"1", "sector id the technology serves"});
    file.add_variable<std::uint8_t>(
        "technology_kind", tech,
        column<std::uint8_t>(in.technologies, [](const TechnologySpec& t) { return static_cast<std::uint8_t>(t.kind); }),
        {"1", "option kind"}, flags_from_names<std::uint8_t>(kOptionKindNames));
}

void write_target_years(h5::NcFile& file, const Inputs& in) {
    if (in.targets.empty()) return;  // no targets.csv: the paths are 0, no year is due
    file.add_variable<std::int32_t>("target_year", {"target"},
                                    column<std::int32_t>(in.targets, [](const TargetSpec& t) { return t.year; }),
                                    {"year", "year the climate target is due (targets.csv year); its path "
                                             "target_co2_net reaches its level then and stays there"});
}

void write_event_log(h5::NcFile& file, const RunResult& r) {
    const Dims ev{"event"};
    const auto& events = r.events;
    file.add_variable<std::int32_t>("event_year", ev, column<std::int32_t>(events, [](const DecisionEvent& e) { return e.year; }),
                                    {"year", "year the decision was taken"});
    file.add_variable<std::int32_t>("event_plant", ev,
                                    column<std::int32_t>(events, [](const DecisionEvent& e) { return e.plant; }),
                                    {"1", "deciding plant, index into the plant dimension"});
    file.add_variable<std::int32_t>("event_from_technology", ev,
                                    column<std::int32_t>(events, [](const DecisionEvent& e) { return e.from_technology; }),
                                    {"1", "route before the decision, index into the technology dimension (-1: none)"});
    file.add_variable<std::int32_t>("event_to_technology", ev,
                                    column<std::int32_t>(events, [](const DecisionEvent& e) { return e.to_technology; }),
                                    {"1", "route chosen, index into the technology dimension (-1: none)"});
    file.add_variable<std::uint8_t>(
        "event_trigger", ev,
        column<std::uint8_t>(events, [](const DecisionEvent& e) { return static_cast<std::uint8_t>(e.trigger); }),
        {"1", "what made the plant decide"}, flags_from_names<std::uint8_t>(kTriggerNames));
    file.add_variable<std::int32_t>("event_running_from_year", ev,
                                    column<std::int32_t>(events, [](const DecisionEvent& e) { return e.running_from_year; }),
                                    {"year", "first year the chosen route runs"});
    file.add_variable<double>("event_subsidy_committed", ev,
                              column<double>(events, [](const DecisionEvent& e) { return e.subsidy_committed_eur; }),
                              {"EUR", "subsidy committed to the decision over the whole contract"});
    file.add_variable<std::int32_t>("event_instrument", ev,
                                    column<std::int32_t>(events, [](const DecisionEvent& e) { return e.instrument; }),
                                    {"1", "support instrument of the chosen route, index into the instrument dimension "
                                          "(-1: none)"});
    file.add_variable<std::uint8_t>("event_closed_by_rule", ev,
                                    column<std::uint8_t>(events, [](const DecisionEvent& e) { return e.closed_by_rule; }),
                                    {"1", "the closure rule decided (best margin below event_closure_margin): no ranking"},
                                    yes_no_flags<std::uint8_t>());
    file.add_variable<double>("event_closure_margin", ev,
                              column<double>(events, [](const DecisionEvent& e) { return e.closure_margin_eur_per_t; }),
                              {"EUR/t", "closure rule: the plant closes when its best margin is below this"});

    write_option_log(file, r);
}

}  // namespace eiisim::output
