// The output series table (core/observables.cpp): its rows are consistent, every
// RunResult member has the size its level implies after a run of the small scenario, and
// the run file holds exactly the table's series, in table order, with their dimensions,
// types, units and long_names (read back with the HDF5 C API).
#include <catch2/catch.hpp>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/observables.hpp"
#include "core/reduction_parts.hpp"
#include "core/strategic_products.hpp"
#include "fixtures.hpp"
#include "output/hdf5_layout.hpp"
#include "output/hdf5_writer.hpp"
#include "sim/kpis.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

int members(const Observable& o) { return (o.f64 != nullptr) + (o.i16 != nullptr) + (o.u8 != nullptr); }

// Names of the datasets of the root group, in creation order (the order written).
std::vector<std::string> variables_in(hid_t file) {
    std::vector<std::string> names;
    auto visit = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
    };
    REQUIRE(H5Literate(file, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, visit, &names) >= 0);
    return names;
}

// The names of the dimension scales attached to a variable, in dimension order.
std::vector<std::string> dimension_names(hid_t ds) {
    std::vector<std::string> dims;
    if (H5DSis_scale(ds) > 0) return dims;
    const hid_t space = H5Dget_space(ds);
    const int rank = H5Sget_simple_extent_ndims(space);
    H5Sclose(space);
    for (int i = 0; i < rank; ++i) {
        std::string name;
        auto visit = [](hid_t, unsigned, hid_t scale, void* data) -> herr_t {
            char buffer[256] = {};
            H5DSget_scale_name(scale, buffer, sizeof buffer);
            *static_cast<std::string*>(data) = buffer;
            return 1;
        };
        H5DSiterate_scales(ds, static_cast<unsigned>(i), nullptr, visit, &name);
        dims.push_back(name);
    }
    return dims;
}

std::string text_attribute(hid_t obj, const char* name) {
    const hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
    REQUIRE(attr >= 0);
    const hid_t type = H5Aget_type(attr);
    std::string value(H5Tget_size(type), '\0');
    REQUIRE(H5Aread(attr, type, value.data()) >= 0);
    H5Tclose(type);
    H5Aclose(attr);
    return value.substr(0, value.find('\0'));
}

hid_t native_type(DType t) {
    switch (t) {
        case DType::int16: return H5T_NATIVE_INT16;
        case DType::uint8: return H5T_NATIVE_UINT8;
        case DType::float64: return H5T_NATIVE_DOUBLE;
    }
    return H5T_NATIVE_DOUBLE;
}

}  // namespace

TEST_CASE("the observables table is consistent", "[observables]") {
    std::set<std::string> names;
    std::vector<int> bands;
    for (const Observable& o : observables()) {
        INFO(o.name);
        CHECK(names.insert(std::string(o.name)).second);
        CHECK_FALSE(o.units.empty());
        CHECK_FALSE(o.long_name.empty());
        if (o.in_run_file()) {
            CHECK(members(o) == 1);
            CHECK(o.from.empty());
        } else {
            CHECK(members(o) == 0);  // derived: a band of a run-file cluster series
            const Observable* from = find_observable(o.from);
            REQUIRE(from != nullptr);
            CHECK(from->in_run_file());
            CHECK(from->level == Level::cluster);
            CHECK(from->extra == o.extra);
            CHECK(o.banded());
            // National sums and shares; a per-cluster share stays per cluster.
            CHECK(o.level == (o.derive == Derive::share_of_cluster_base_production ? Level::cluster : Level::national));
        }
        if (o.flags != FlagSet::none) CHECK(o.dtype() != DType::float64);
        if (o.banded()) {
            bands.push_back(o.band);
            CHECK(o.dtype() == DType::float64);
            CHECK(o.level != Level::plant);  // the record holds no plant panels
        }
        if (o.saved) {
            CHECK(o.in_run_file());
            CHECK(o.level == Level::cluster);
            CHECK(o.extra == Extra::none);
            CHECK(o.dtype() == DType::float64);
        }
    }
    std::sort(bands.begin(), bands.end());
    for (std::size_t i = 0; i < bands.size(); ++i) CHECK(bands[i] == static_cast<int>(i));
    REQUIRE(banded_observables().size() == bands.size());
    for (std::size_t i = 0; i < bands.size(); ++i) {
        CHECK(banded_observables()[i]->band == static_cast<int>(i));
        CHECK(names.count(banded_observables()[i]->band_name()) == 0);
        CHECK(band_index(banded_observables()[i]->name) == i);
    }
    CHECK_THROWS_AS(band_index("production"), std::out_of_range);
    CHECK(saved_index("cluster_co2_net") < saved_observables().size());
}

TEST_CASE("every observable's RunResult member has the size its level implies", "[observables]") {
    const Inputs inputs = testing::small_inputs();
    RunResult r = testing::run(inputs);
    const auto years = static_cast<std::size_t>(r.years);
    const std::size_t instruments = inputs.scenario.policy.instruments.size();
    REQUIRE(instruments > 0);
    const std::size_t by_level[] = {years * inputs.plants.size(), years * inputs.clusters.size(), years,
                                    years * instruments};
    const std::size_t by_extra[] = {1, kCarrierCount, kCostComponentCount, kOptionKindCount, kReductionPartCount,
                                    kEnergyPartCount, kStrategicProductCount,
                                    kEmissionTargetCount, kFeedOriginCount};
    static_assert(std::size(by_extra) == kExtraNames.size());
    std::size_t checked = 0;
    for (const Observable& o : observables()) {
        if (!o.in_run_file()) continue;
        INFO(o.name);
        const std::size_t expected =
            by_level[static_cast<std::size_t>(o.level)] * by_extra[static_cast<std::size_t>(o.extra)];
        CHECK(with_member(o, r, [](const auto& v) { return v.size(); }) == expected);
        CHECK(years * o.per_year(inputs.plants.size(), inputs.clusters.size(), instruments) == expected);
        ++checked;
    }
    CHECK(checked >= 30);
    REQUIRE_NOTHROW(output::check_result_shape(inputs, r));
    r.cluster_grid_headroom_mw.pop_back();
    CHECK_THROWS_WITH(output::check_result_shape(inputs, r), Catch::Contains("cluster_grid_headroom"));
}

TEST_CASE("the run file holds exactly the table's series with their units", "[observables][output]") {
    const Inputs inputs = testing::small_inputs();
    const RunResult r = testing::run(inputs);
    const fs::path path = fs::temp_directory_path() / ("eiisim-observables-" + std::to_string(::getpid()) + ".h5");
    const std::vector<int> milestones = kpi_milestones(inputs.scenario.base_year, inputs.scenario.end_year);
    const RunKpis kpis = compute_kpis(r, milestones);
    write_run_hdf5(path, inputs, r, &kpis, milestones);

    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    REQUIRE(file >= 0);
    std::int32_t version = 0;
    const hid_t attr = H5Aopen(file, "schema_version", H5P_DEFAULT);
    REQUIRE(attr >= 0);
    H5Aread(attr, H5T_NATIVE_INT32, &version);
    H5Aclose(attr);
    CHECK(version == kSchemaVersion);

    // The variables along [run, year, ...] are the series, and nothing else.
    std::vector<std::string> series;
    for (const std::string& name : variables_in(file)) {
        const hid_t ds = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
        const std::vector<std::string> dims = dimension_names(ds);
        H5Dclose(ds);
        if (dims.size() >= 2 && dims[0] == "run" && dims[1] == "year") series.push_back(name);
    }
    std::vector<std::string> expected;
    for (const Observable& o : observables())
        if (o.in_run_file()) expected.emplace_back(o.name);
    CHECK(series == expected);

    for (const Observable& o : observables()) {
        if (!o.in_run_file()) continue;
        INFO(o.name);
        const hid_t ds = H5Dopen2(file, std::string(o.name).c_str(), H5P_DEFAULT);
        REQUIRE(ds >= 0);
        CHECK(dimension_names(ds) == o.dimensions());
        CHECK(text_attribute(ds, "units") == o.units);
        CHECK(text_attribute(ds, "long_name") == o.long_name);
        if (!o.comment.empty()) CHECK(text_attribute(ds, "comment") == o.comment);
        CHECK(H5Aexists(ds, "flag_values") == (o.flags != FlagSet::none ? 1 : 0));
        const hid_t type = H5Dget_type(ds);
        const hid_t native = H5Tget_native_type(type, H5T_DIR_DEFAULT);
        CHECK(H5Tequal(native, native_type(o.dtype())) > 0);
        H5Tclose(native);
        H5Tclose(type);
        H5Dclose(ds);
    }
    H5Fclose(file);
    fs::remove(path);
}
