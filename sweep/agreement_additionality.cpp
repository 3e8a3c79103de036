#include "agreement_additionality.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/input_error.hpp"
#include "hindcast.hpp"
#include "parallel_runs.hpp"
#include "sim/agreements.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"
#include "sweep_assemble.hpp"

namespace eiisim {
namespace {

constexpr double kMt = 1e6;
constexpr std::size_t kP05 = 0, kMedian = 2, kP95 = 4;  // positions in kSweepQuantiles

// What one run says about one agreement: its units' net CO2 each year (Mt) and the aid
// committed to them by the agreement (EUR).
struct UnitsInRun {
    std::vector<double> net_mt;
    double aid_eur = 0;
};

// Every run of one model: [agreement checked][seed] for its units, [seed] for the nation.
struct ModelRuns {
    std::vector<std::vector<UnitsInRun>> units;
    std::vector<std::vector<double>> national_mt;
};

std::vector<int> unit_plants(const AgreementSpec& agreement) {
    std::vector<int> plants;
    for (const AgreementUnit& unit : agreement.units) plants.push_back(unit.plant);
    std::sort(plants.begin(), plants.end());
    plants.erase(std::unique(plants.begin(), plants.end()), plants.end());
    return plants;
}

// The aid is the agreement's when a support_agreement decision moved one of its units to
// its agreed route: a plant can be in two agreements (talks that stopped and a contract).
UnitsInRun units_in_run(const RunResult& result, const AgreementSpec& agreement, const std::vector<int>& plants) {
    UnitsInRun out{series_net_co2_mt(result, plants), 0.0};
    for (const DecisionEvent& e : result.events) {
        if (e.trigger != Trigger::agreement) continue;
        const bool agreed = std::any_of(agreement.units.begin(), agreement.units.end(), [&](const AgreementUnit& u) {
            return u.plant == e.plant && u.technology >= 0 && u.technology == e.to_technology;
        });
        if (agreed) out.aid_eur += e.subsidy_committed_eur;
    }
    return out;
}

std::vector<double> national_net_mt(const RunResult& result) {
    std::vector<double> mt(static_cast<std::size_t>(result.years), 0.0);
    for (int y = 0; y < result.years; ++y)
        for (int c = 0; c < result.clusters; ++c)
            mt[static_cast<std::size_t>(y)] += result.cluster_co2_net_t[result.at_cluster(y, c)] / kMt;
    return mt;
}

SeedBand band(std::vector<double> values) {
    std::array<double, kSweepQuantiles.size()> q{};
    quantiles_of(values, q);
    return {q[kP05], q[kMedian], q[kP95]};
}

// The year compared: the agreed target year when the run reaches it, else the run's end.
int compared_year(const AgreementSpec& agreement, int base_year, int end_year) {
    return agreement.target_year > base_year && agreement.target_year <= end_year ? agreement.target_year : end_year;
}

double binding_share(const Inputs& inputs, std::size_t a, int seeds) {
    int binding = 0;
    for (int s = 1; s <= seeds; ++s) {
        const AgreementOutcome o = draw_agreement_outcome(inputs.agreements[a], inputs.scenario.agreements,
                                                          static_cast<std::uint64_t>(s), 0, a);
        if (o.binding_year != 0 && o.binding_year <= inputs.scenario.end_year) ++binding;
    }
    return static_cast<double>(binding) / seeds;
}

// The row of agreement `a` from its runs with it (`with`) and without it, paired by seed.
AgreementAdditionality compare_runs(const Inputs& inputs, std::size_t a, const std::vector<UnitsInRun>& with,
                                    const std::vector<UnitsInRun>& without,
                                    const std::vector<std::vector<double>>& national_with,
                                    const std::vector<std::vector<double>>& national_without) {
    const AgreementSpec& spec = inputs.agreements[a];
    AgreementAdditionality row;
    row.id = spec.id;
    row.firm = spec.firm;
    row.stage = kAgreementStageNames[static_cast<std::size_t>(spec.stage)];
    const int base = inputs.scenario.base_year;
    row.binding_share = binding_share(inputs, a, static_cast<int>(with.size()));
    row.agreed_reduction_t = spec.reduction_t;
    row.agreed_target_year = spec.target_year;
    row.year = compared_year(spec, base, inputs.scenario.end_year);
    const auto y = static_cast<std::size_t>(row.year - base);
    std::vector<double> modelled, additional, national, aid, cumulative;
    for (std::size_t s = 0; s < with.size(); ++s) {
        modelled.push_back((with[s].net_mt[0] - with[s].net_mt[y]) * kMt);
        additional.push_back((without[s].net_mt[y] - with[s].net_mt[y]) * kMt);
        national.push_back((national_without[s][y] - national_with[s][y]) * kMt);
        aid.push_back(with[s].aid_eur);
        double sum = 0;
        for (std::size_t k = 0; k < with[s].net_mt.size(); ++k) sum += without[s].net_mt[k] - with[s].net_mt[k];
        cumulative.push_back(sum * kMt);
    }
    const double total_aid = std::accumulate(aid.begin(), aid.end(), 0.0);
    const double total_additional = std::accumulate(cumulative.begin(), cumulative.end(), 0.0);
    row.eur_per_t = total_additional > 0 ? total_aid / total_additional : std::numeric_limits<double>::quiet_NaN();
    row.modelled_reduction_t = band(std::move(modelled))[1];
    row.additional_t = band(std::move(additional));
    row.national_t = band(std::move(national));
    row.aid_eur = band(std::move(aid))[1];
    row.cumulative_additional_t = band(std::move(cumulative))[1];
    return row;
}

// Model 0 is the scenario as is; model 1 + k has agreement checked[k] stopped.
std::vector<Model> models_of(const Inputs& inputs, const std::vector<std::size_t>& checked) {
    std::vector<Model> models;
    models.push_back(build_model(inputs));
    for (std::size_t a : checked) {
        Inputs copy = inputs;
        copy.agreements[a].stage = AgreementStage::stopped;
        models.push_back(build_model(std::move(copy)));
    }
    return models;
}

}  // namespace

std::size_t agreement_index(const Inputs& inputs, const std::string& id) {
    std::string known;
    for (std::size_t a = 0; a < inputs.agreements.size(); ++a) {
        if (inputs.agreements[a].id == id) return a;
        known += (known.empty() ? "" : ", ") + inputs.agreements[a].id;
    }
    throw InputError({inputs.provenance.scenario_file, 0, 0}, "--agreement",
                     "no agreement '" + id + "' in the dataset's agreements.csv (known: " +
                         (known.empty() ? "none" : known) + ")");
}

std::vector<std::size_t> agreements_to_check(const Inputs& inputs, int only) {
    std::vector<std::size_t> checked;
    for (std::size_t a = 0; a < inputs.agreements.size(); ++a)
        if (only >= 0 ? a == static_cast<std::size_t>(only) : inputs.agreements[a].stage != AgreementStage::stopped)
            checked.push_back(a);
    return checked;
}

AdditionalityResult run_additionality(const Inputs& inputs, const std::vector<std::size_t>& checked, int seeds) {
    const std::vector<Model> models = models_of(inputs, checked);
    const auto n = static_cast<std::size_t>(seeds);
    const std::size_t k = checked.size();
    std::vector<std::vector<int>> plants;
    for (std::size_t a : checked) plants.push_back(unit_plants(inputs.agreements[a]));
    // runs[m]: model m's runs; the scenario as is records every agreement, the others theirs.
    std::vector<ModelRuns> runs(models.size());
    for (std::size_t m = 0; m < models.size(); ++m) {
        runs[m].units.assign(m == 0 ? k : 1, std::vector<UnitsInRun>(n));
        runs[m].national_mt.resize(n);
    }
    for_each_run_parallel(models.size() * n, [&](std::size_t, std::size_t job) {
        const std::size_t m = job / n, s = job % n;
        const RunResult result = simulate(models[m], static_cast<std::uint64_t>(s + 1));
        runs[m].national_mt[s] = national_net_mt(result);
        for (std::size_t i = 0; i < runs[m].units.size(); ++i) {
            const std::size_t c = m == 0 ? i : m - 1;
            runs[m].units[i][s] = units_in_run(result, inputs.agreements[checked[c]], plants[c]);
        }
    });
    AdditionalityResult out{inputs.scenario.name, inputs.scenario.base_year, inputs.scenario.end_year, seeds, {}};
    for (std::size_t i = 0; i < k; ++i)
        out.agreements.push_back(compare_runs(inputs, checked[i], runs[0].units[i], runs[1 + i].units[0],
                                              runs[0].national_mt, runs[1 + i].national_mt));
    return out;
}

}  // namespace eiisim
