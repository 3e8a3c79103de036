#include "hdf5_outcomes.hpp"

#include <string>

namespace eiisim::output {

void write_outcome_variables(h5::NcFile& file, const OutcomeColumns& o) {
    const std::vector<std::int32_t> milestones(o.milestones.begin(), o.milestones.end());
    file.add_dimension<std::int32_t>("milestone", milestones, {"year", "milestone year of the outcome KPIs"});
    const std::string end = std::to_string(o.end_year);
    file.add_variable<double>("net_co2", {"run", "milestone"}, o.net_co2_t,
                              {"t/yr", "national net CO2 emitted in the Netherlands in the milestone year"});
    file.add_variable<double>("cluster_net_co2", {"run", "milestone", "cluster"}, o.cluster_net_co2_t,
                              {"t/yr", "cluster net CO2 emitted in the milestone year"});
    file.add_variable<double>("cumulative_subsidy", {"run"}, o.cumulative_subsidy_eur,
                              {"EUR", "operating subsidy paid, sum over all years"});
    file.add_variable<double>("relocated_co2", {"run"}, o.relocated_co2_t,
                              {"t/yr", "CO2 emitted abroad by relocated production in " + end});
    file.add_variable<double>("production_retained", {"run"}, o.production_retained,
                              {"1", "national production in " + end + " as a share of the base year"});
    file.add_variable<std::int32_t>(
        "unmet_infrastructure_years", {"run"}, o.unmet_infrastructure_years,
        {"year", "years in which some plant was refused a scarce allocation it wanted",
         {{"comment", "CO2 storage, hydrogen, grid headroom, subsidy budget or build-out limit; "
                      "counted from the decision log's refused flags"}}});
}

}  // namespace eiisim::output
