// Yearly series: the per-plant panels [run, year, plant(, carrier|cost_component)], the
// cluster aggregates [run, year, cluster(, kind)] and the national series [run, year],
// each as declared in core/observables.cpp. RunResult is year-major, so with one run its
// vectors are already in [run, year, ...] order and are written as they are.
#include <cstdint>
#include <type_traits>
#include <vector>

#include "hdf5_flags.hpp"
#include "hdf5_layout.hpp"

namespace eiisim::output {

namespace {

template <typename T>
h5::Flags<T> flags_of(FlagSet set, const Inputs& inputs) {
    switch (set) {
        case FlagSet::technology: {
            std::vector<std::string> ids;
            for (const auto& t : inputs.technologies) ids.push_back(t.id);
            return flags_from_names<T>(ids);
        }
        case FlagSet::kind: return flags_from_names<T>(kOptionKindNames);
        case FlagSet::status: return flags_from_names<T>(kPlantStatusNames);
        case FlagSet::none: break;
    }
    return {};
}

// Writes the rows that `wanted` selects, in table order.
template <typename Wanted>
void write_rows(h5::NcFile& file, const Inputs& inputs, const RunResult& r, Wanted wanted) {
    for (const Observable& o : observables())
        if (o.in_run_file() && wanted(o)) write_series(file, inputs, o, r);
}

}  // namespace

h5::VarAttrs series_attributes(const Observable& o) {
    h5::VarAttrs attrs{std::string(o.units), std::string(o.long_name)};
    if (!o.comment.empty()) attrs.text.emplace_back("comment", std::string(o.comment));
    return attrs;
}

void write_series(h5::NcFile& file, const Inputs& inputs, const Observable& o, const RunResult& r) {
    const std::string name(o.name);
    const std::vector<std::string> dims = o.dimensions();
    with_member(o, r, [&](const auto& values) {
        using T = typename std::remove_cvref_t<decltype(values)>::value_type;
        if (o.flags == FlagSet::none)
            file.add_variable<T>(name, dims, values, series_attributes(o));
        else
            file.add_variable<T>(name, dims, values, series_attributes(o), flags_of<T>(o.flags, inputs));
    });
}

void write_plant_panels(h5::NcFile& file, const Inputs& inputs, const RunResult& r) {
    write_rows(file, inputs, r, [](const Observable& o) { return o.level == Level::plant; });
}

void write_cluster_and_national_series(h5::NcFile& file, const Inputs& inputs, const RunResult& r) {
    write_rows(file, inputs, r, [](const Observable& o) { return o.level != Level::plant; });
}

void write_reference_series(h5::NcFile& file, const Inputs& inputs, const RunResult& reference,
                            const std::string& kind, int first_year) {
    check_result_shape(inputs, reference);
    write_reference_attributes(file, kind, first_year);
    for (const Observable& o : observables()) {
        if (!o.in_run_file() || o.level == Level::plant) continue;
        h5::VarAttrs attrs = series_attributes(o);
        attrs.long_name += " in the reference run (" + kind + ")";
        with_member(o, reference, [&](const auto& values) {
            using T = typename std::remove_cvref_t<decltype(values)>::value_type;
            file.add_variable<T>("reference_" + std::string(o.name), o.dimensions(), values, attrs);
        });
    }
}

void write_reference_attributes(h5::NcFile& file, const std::string& kind, int first_year) {
    file.set_global("reference", kind);
    file.set_global_number("reference_first_year", static_cast<std::int32_t>(first_year));
}

void write_saved_series(h5::NcFile& file, std::span<const std::vector<double>> values) {
    const auto saved = saved_observables();
    for (std::size_t i = 0; i < saved.size(); ++i)
        file.add_variable<double>(std::string(saved[i]->name), saved[i]->dimensions(), values[i],
                                  series_attributes(*saved[i]));
}

}  // namespace eiisim::output
