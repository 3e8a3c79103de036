#include "branch.hpp"

#include <fmt/format.h>

#include "core/scarce_resources.hpp"

namespace eiisim {
namespace {

template <typename T>
void compare_count(std::vector<std::string>& out, const char* what, const T& base, const T& variant) {
    if (base.size() != variant.size())
        out.push_back(fmt::format("{}: {} in the state's scenario, {} in the variant", what, base.size(), variant.size()));
}

}  // namespace

std::vector<std::string> branch_incompatibilities(const Model& base, const Model& variant) {
    const Inputs& a = base.inputs;
    const Inputs& b = variant.inputs;
    std::vector<std::string> out;
    if (a.scenario.base_year != b.scenario.base_year || a.scenario.end_year != b.scenario.end_year)
        out.push_back(fmt::format("years: {}-{} in the state's scenario, {}-{} in the variant", a.scenario.base_year,
                                  a.scenario.end_year, b.scenario.base_year, b.scenario.end_year));
    compare_count(out, "plants", a.plants, b.plants);
    compare_count(out, "clusters", a.clusters, b.clusters);
    compare_count(out, "technologies", a.technologies, b.technologies);
    compare_count(out, "sectors", a.sectors, b.sectors);
    compare_count(out, "support instruments ([[policy.instruments]])", a.scenario.policy.instruments,
                  b.scenario.policy.instruments);
    compare_count(out, "agreements", a.agreements, b.agreements);
    compare_count(out, "feedstocks", a.feedstocks, b.feedstocks);
    for (std::size_t p = 0; p < std::min(a.plants.size(), b.plants.size()); ++p)
        if (a.plants[p].id != b.plants[p].id) {
            out.push_back(fmt::format("plant {}: '{}' in the state's scenario, '{}' in the variant", p, a.plants[p].id,
                                      b.plants[p].id));
            break;
        }
    for (const ResourceSpec& r : resources())
        if (ledger_count(r, a) != ledger_count(r, b))
            out.push_back(fmt::format("{} ledgers: {} in the state's scenario, {} in the variant", r.name,
                                      ledger_count(r, a), ledger_count(r, b)));
    return out;
}

void adopt_variant(const Model& variant, int year, RunState& state) {
    const Inputs& in = variant.inputs;
    for (const ResourceSpec& r : resources()) {
        auto& ledgers = state.ledgers[static_cast<std::size_t>(r.id)];
        for (std::size_t k = 0; k < ledgers.size(); ++k)
            ledgers[k].take_capacity_from(CapacityLedger(r.capacity(in, k), in.scenario.base_year, in.year_count()), year);
    }
}

void simulate_branches(const Model& base, const std::vector<const Model*>& variants, int year, std::uint64_t seed,
                       std::uint64_t run, const std::function<void(std::size_t, const RunResult&)>& done) {
    RunWorkspace shared;
    start_run(base, seed, run, RecordLevel::full, shared);
    simulate_years(base, seed, run, RecordLevel::full, shared, base.inputs.scenario.base_year, year - 1);
    RunWorkspace branch;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        branch = shared;  // copies into the previous branch's buffers
        adopt_variant(*variants[i], year, branch.state);
        simulate_years(*variants[i], seed, run, RecordLevel::full, branch, year, variants[i]->inputs.scenario.end_year);
        done(i, branch.result);
    }
}

}  // namespace eiisim
