#include "hdf5_outcomes.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

#include "hdf5_flags.hpp"

namespace eiisim::output {

namespace {

// The row's values in its declared type (integers are held as doubles, exactly), with the
// code meanings of a coded row.
template <typename T>
void write_integer_row(h5::NcFile& file, const Outcome& row, const std::vector<double>& values,
                       const h5::VarAttrs& attributes) {
    const std::vector<T> ints(values.begin(), values.end());
    const std::string name(row.name);
    if (row.flag_meanings.empty())
        file.add_variable<T>(name, row.dimensions(), std::span<const T>(ints), attributes);
    else
        file.add_variable<T>(name, row.dimensions(), std::span<const T>(ints), attributes,
                             flags_from_names<T>(row.flag_meanings));
}

}  // namespace

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
                                        " does not match the milestones, clusters and agreements");
        h5::VarAttrs attributes{std::string(row.units_text()), row.long_name_for(std::to_string(o.end_year))};
        if (!row.comment.empty()) attributes.text = {{"comment", std::string(row.comment)}};
        switch (row.type) {
            case OutcomeType::int32: write_integer_row<std::int32_t>(file, row, values, attributes); break;
            case OutcomeType::uint8: write_integer_row<std::uint8_t>(file, row, values, attributes); break;
            case OutcomeType::float64:
                file.add_variable<double>(std::string(row.name), row.dimensions(), std::span<const double>(values),
                                          attributes);
                break;
        }
    }
}

}  // namespace eiisim::output
