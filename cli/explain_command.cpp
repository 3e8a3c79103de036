// `eiisim explain`: where the event log comes from (a run file, or a run of the scenario).
// The printing is in explain_report.cpp.
#include "explain_command.hpp"

#include <iostream>

#include "core/input_error.hpp"
#include "inputs/dataset_loader.hpp"
#include "output/event_log_reader.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace eiisim {
namespace {

ExplainedRun from_model(const Model& model, const std::string& source, std::uint64_t seed) {
    const Inputs& in = model.inputs;
    ExplainedRun run;
    run.scenario = in.scenario.name;
    run.source = source;
    run.seed = seed;
    for (const PlantSpec& p : in.plants) {
        run.plant_ids.push_back(p.id);
        run.plant_names.push_back(p.name);
    }
    for (const TechnologySpec& t : in.technologies) {
        run.technology_names.push_back(t.name);  // as the file stores it
        run.technology_kinds.push_back(t.kind);
    }
    for (const InstrumentSpec& i : in.scenario.policy.instruments) run.instrument_ids.push_back(i.id);
    run.events = simulate(model, seed).events;
    return run;
}

}  // namespace

std::vector<std::pair<std::string, double>> cost_terms(const OptionAppraisal& option) {
    std::vector<std::pair<std::string, double>> terms;
    for (std::size_t k = 0; k < kCostComponentCount; ++k)
        terms.emplace_back(kCostComponentNames[k], option.cost_terms_eur_per_t[k] + 0.0);  // + 0.0: no "-0"
    terms.emplace_back("investment_aid", option.investment_aid_eur_per_t + 0.0);
    terms.emplace_back("risk_premium", option.risk_premium_eur_per_t);
    return terms;
}

int explain_command(const ExplainCliOptions& options) {
    ExplainedRun run;
    if (!options.result.empty()) {
        run = read_explained_run(options.result);
    } else {
        Inputs inputs = load_inputs(options.scenario);
        if (options.seed_given) inputs.scenario.seed = options.seed;
        const Model model = build_model(std::move(inputs));
        run = from_model(model, options.scenario, model.inputs.scenario.seed);
    }
    int plant = -1;
    for (std::size_t p = 0; p < run.plant_ids.size(); ++p)
        if (run.plant_ids[p] == options.plant) plant = static_cast<int>(p);
    if (plant < 0)
        throw InputError({"--plant"}, "",
                         "no plant with id '" + options.plant + "' in the run (the id column of its plants.csv)");
    return print_explanation(std::cout, run, plant, options.year) ? 0 : 1;
}

}  // namespace eiisim
