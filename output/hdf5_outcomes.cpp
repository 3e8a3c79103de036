#include "hdf5_outcomes.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace eiisim::output {

void write_outcome_variables(h5::NcFile& file, const OutcomeColumns& o) {
    if (o.values.size() != outcomes().size())
        throw std::invalid_argument("write_outcome_variables: one value vector per outcome row expected");
    const std::vector<std::int32_t> milestones(o.milestones.begin(), o.milestones.end());
    file.add_dimension<std::int32_t>("milestone", milestones, {"year", "milestone year of the outcome KPIs"});
    for (std::size_t i = 0; i < outcomes().size(); ++i) {
        const Outcome& row = outcomes()[i];
        if (!row.present(o.extents)) continue;
        const std::vector<double>& values = o.values[i];
        const std::size_t per_run = row.size(o.extents);
        if (per_run == 0 || values.size() % per_run != 0)
            throw std::invalid_argument("write_outcome_variables: " + std::string(row.name) +
                                        " does not match the milestones and clusters");
        const std::string name(row.name);
        h5::VarAttrs attributes{std::string(row.units_text()), row.long_name_for(std::to_string(o.end_year))};
        if (!row.comment.empty()) attributes.text = {{"comment", std::string(row.comment)}};
        if (row.type == OutcomeType::int32) {
            const std::vector<std::int32_t> ints(values.begin(), values.end());
            file.add_variable<std::int32_t>(name, row.dimensions(), std::span<const std::int32_t>(ints), attributes);
        } else {
            file.add_variable<double>(name, row.dimensions(), std::span<const double>(values), attributes);
        }
    }
}

}  // namespace eiisim::output
