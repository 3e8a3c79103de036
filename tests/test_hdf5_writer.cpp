// The HDF5 run file (output/): values, units, dimension scales and the atomic write,
// checked by reading the file back with the HDF5 C API, the way netCDF tools see it.
// Set EIISIM_HDF5_TEST_COPY=<path> to keep a copy of the small synthetic file (used to
// develop tests/python/test_output_formats.py without the simulator).
#include <catch2/catch.hpp>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "core/observables.hpp"
#include "core/reduction_parts.hpp"
#include "core/strategic_products.hpp"
#include "core/run_result.hpp"
#include "output/hdf5_writer.hpp"
#include "sim/kpis.hpp"

namespace fs = std::filesystem;
using namespace eiisim;

namespace {

// A small model: `clusters` clusters, `plants` plants, `years` years from 2020, two
// events (the first with 3 options, the second with 2). Values follow simple formulas
// so the read-back checks can recompute them.
struct Synthetic {
    Inputs inputs;
    RunResult result;
};

double panel_value(int field, int y, int p) { return 1000.0 * field + 10.0 * y + p + 0.25; }

Inputs synthetic_inputs(int clusters, int plants, int years) {
    Inputs in;
    in.scenario.name = "unit-test";
    in.scenario.description = "synthetic scenario for the HDF5 writer test";
    in.scenario.text = "name = \"unit-test\"\n# Grüße: UTF-8 survives\n";
    in.scenario.base_year = 2020;
    in.scenario.end_year = 2020 + years - 1;
    in.sectors.resize(2);
    in.sectors[0].id = "ammonia";
    in.sectors[1].id = "steel";
    auto technology = [&](const char* id, const char* name, int sector, OptionKind kind) {
        TechnologySpec t;
        t.id = id;
        t.name = name;
        t.sector = sector;
        t.kind = kind;
        in.technologies.push_back(t);
    };
    technology("ammonia/keep", "keep", 0, OptionKind::keep);
    technology("ammonia/ccs", "ccs", 0, OptionKind::ccs);
    technology("steel/keep", "keep", 1, OptionKind::keep);
    technology("steel/h2_dri", "h2_dri", 1, OptionKind::hydrogen);
    for (int c = 0; c < clusters; ++c) {
        ClusterSpec spec;
        spec.id = "cluster_" + std::to_string(c);
        spec.name = c == 0 ? "Rotterdam/Moerdijk" : "Cluster " + std::to_string(c);
        in.clusters.push_back(spec);
    }
    for (int p = 0; p < plants; ++p) {
        PlantSpec spec;
        spec.id = "P" + std::to_string(100 + p);
        spec.name = "Plant " + std::to_string(p);
        spec.operator_name = "Operator " + std::to_string(p % 2);
        spec.cluster = p % clusters;
        spec.sector = p % 2;
        spec.capacity_t = 1e6 + p;
        spec.production_t = 9e5 + p;
        spec.co2_combustion_t = 5e5 + p;
        spec.co2_process_t = 1e5 + p;
        spec.multinational = p % 2 == 1;
        in.plants.push_back(spec);
    }
    // Two instruments and an agreement on plant 0 (stopped talks on plant 1).
    for (const char* id : {"sde", "maatwerk"}) {
        InstrumentSpec instrument;
        instrument.id = id;
        instrument.form = std::string(id) == "sde" ? AidForm::operating : AidForm::investment;
        instrument.source = "test";
        in.scenario.policy.instruments.push_back(instrument);
    }
    AgreementSpec deal;
    deal.id = "deal";
    deal.firm = "Operator 0";
    deal.stage = AgreementStage::binding;
    deal.stage_year = 2020;
    deal.start_year = 2022;
    deal.aid_eur = 5e7;
    deal.instrument = "maatwerk";
    deal.instrument_index = 1;
    deal.units.push_back({0, 1, "test"});
    AgreementSpec talks = deal;
    talks.id = "talks";
    talks.stage = AgreementStage::stopped;
    talks.units = {{1, -1, "test"}, {0, -1, "test"}};
    in.agreements = {talks, deal};
    return in;
}

// The plant panels: each float64 series its own `field` of panel_value.
void fill_panels(RunResult& r, int plants, int years) {
    const auto yp = static_cast<std::size_t>(years * plants);
    auto fill = [&](std::vector<double>& v, int field) {
        v.resize(yp);
        for (int y = 0; y < years; ++y)
            for (int p = 0; p < plants; ++p) v[r.at(y, p)] = panel_value(field, y, p);
    };
    fill(r.production_t, 1);
    fill(r.utilisation, 2);
    fill(r.co2_gross_t, 3);
    fill(r.co2_captured_t, 4);
    fill(r.co2_net_t, 5);
    fill(r.co2_relocated_t, 6);
    fill(r.co2_relocated_eu_t, 9);
    fill(r.revenue_eur, 7);
    fill(r.margin_eur, 8);
    fill(r.free_allocation_t, 9);
    fill(r.jobs, 10);
    fill(r.replacement_imports_t, 11);
    fill(r.co2_embodied_imports_t, 12);
    fill(r.value_added_eur, 13);
    fill(r.co2_renewable_feed_t, 14);
    r.feed_origin_share.resize(yp * kFeedOriginCount);
    for (std::size_t i = 0; i < r.feed_origin_share.size(); ++i) r.feed_origin_share[i] = static_cast<double>(i % 7) * 0.01;
    r.technology.resize(yp);
    r.route_built_year.resize(yp);
    r.kind.resize(yp);
    r.status.resize(yp);
    for (int y = 0; y < years; ++y) {
        for (int p = 0; p < plants; ++p) {
            const bool switched = p == 1 && y >= 2;
            r.technology[r.at(y, p)] = static_cast<std::int16_t>((p % 2) * 2 + (switched ? 1 : 0));
            r.kind[r.at(y, p)] = static_cast<std::uint8_t>(switched ? OptionKind::hydrogen : OptionKind::keep);
            r.status[r.at(y, p)] = static_cast<std::uint8_t>(p == 2 && y == years - 1 ? PlantStatus::closed
                                                                                       : PlantStatus::operating);
        }
    }
    r.energy_gj.resize(yp * kCarrierCount);
    for (std::size_t i = 0; i < r.energy_gj.size(); ++i) r.energy_gj[i] = static_cast<double>(i) * 0.5;
    r.cost_eur.resize(yp * kCostComponentCount);
    for (std::size_t i = 0; i < r.cost_eur.size(); ++i) r.cost_eur[i] = static_cast<double>(i) * 3.0;
    r.energy_cost_eur.resize(yp * kEnergyPartCount);
    for (std::size_t i = 0; i < r.energy_cost_eur.size(); ++i) r.energy_cost_eur[i] = static_cast<double>(i) * 0.25;
}

// The cluster series (sums of the panels, grid values) and the national ones.
void fill_aggregates(const Inputs& in, RunResult& r, int clusters, int plants, int years) {
    const auto yc = static_cast<std::size_t>(years * clusters);
    // Every cluster series (core/observables.cpp) starts at zero; some are summed below.
    for (const Observable& o : observables())
        if (o.in_run_file() && o.level == Level::cluster && o.extra == Extra::none) (r.*o.f64).assign(yc, 0.0);
    for (int y = 0; y < years; ++y) {
        for (int p = 0; p < plants; ++p) {
            const auto c = r.at_cluster(y, in.plants[static_cast<std::size_t>(p)].cluster);
            r.cluster_production_t[c] += r.production_t[r.at(y, p)];
            r.cluster_co2_net_t[c] += r.co2_net_t[r.at(y, p)];
        }
        for (int c = 0; c < clusters; ++c) {
            r.cluster_grid_used_mw[r.at_cluster(y, c)] = 10.0 * y;
            r.cluster_grid_headroom_mw[r.at_cluster(y, c)] = 100.0 + c;
        }
    }
    r.cluster_production_value_by_kind_eur.assign(yc * kOptionKindCount, 1.5);
    r.cluster_reduction_t.assign(yc * kReductionPartCount, -2.5);
    for (const Observable& o : observables()) {  // every national series
        if (!o.in_run_file() || o.level != Level::national || o.f64 == nullptr) continue;
        std::vector<double>& v = r.*o.f64;
        const std::size_t n = o.per_year(0, 0);  // 1, or the extra dimension's size (target_co2_net)
        v.resize(static_cast<std::size_t>(years) * n);
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1e6 * static_cast<double>(i / n + 1);
    }
    r.instruments = static_cast<int>(in.scenario.policy.instruments.size());
    for (const Observable& o : observables()) {  // every instrument series
        if (!o.in_run_file() || o.level != Level::instrument) continue;
        std::vector<double>& v = r.*o.f64;
        v.resize(static_cast<std::size_t>(years * r.instruments));
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = 2e6 * static_cast<double>(i + 1);
    }
}

// Two events, the first with 3 options, the second with 2.
std::vector<DecisionEvent> synthetic_events() {
    auto event = [](int year, int plant, int from, int to, Trigger trigger, int running_from, double subsidy) {
        DecisionEvent e;
        e.year = year;
        e.plant = plant;
        e.from_technology = from;
        e.to_technology = to;
        e.trigger = trigger;
        e.running_from_year = running_from;
        e.subsidy_committed_eur = subsidy;
        return e;
    };
    // A row: technology, cost, margin, subsidy, feasible, refused, rank; the utility's
    // parts, cost terms and flags follow simple formulas of the technology.
    auto option = [](int tech, double cost, double margin, double subsidy, bool feasible, bool refused, int rank) {
        OptionAppraisal o;
        o.technology = tech;
        o.cost_eur_per_t = cost;
        o.margin_eur_per_t = margin;
        o.subsidy_eur_per_t = subsidy;
        o.feasible = feasible;
        o.infeasible = feasible ? 0 : 1u << static_cast<unsigned>(Infeasible::no_co2_connection);
        o.refused = refused;
        o.refused_by = refused ? RefusedBy::grid : RefusedBy::none;
        o.rank = rank;
        o.subsidised = subsidy > 0;
        o.utility_systematic = margin / 100.0;
        o.utility_bias = -0.1 * tech;
        o.utility_random = 0.5 + tech;
        o.cost_terms_eur_per_t[static_cast<std::size_t>(CostComponent::energy)] = cost;
        return o;
    };
    DecisionEvent a = event(2021, 1, 2, 3, Trigger::reinvestment, 2022, 5e7);
    a.options = {option(3, 500.0, 20.0, 30.0, true, false, 0), option(2, 520.0, 0.0, 0.0, true, false, 1),
                 option(1, 0.0, 0.0, 0.0, false, false, -1)};
    a.options[0].chosen = true;
    DecisionEvent b = event(2022, 2, 0, -1, Trigger::losses, 2022, 0.0);
    b.options = {option(1, 610.0, -5.0, 0.0, true, true, 0), option(0, 650.0, -45.0, 0.0, true, false, 1)};
    return {a, b};
}

Synthetic make_synthetic(int clusters, int plants, int years) {
    Synthetic s;
    s.inputs = synthetic_inputs(clusters, plants, years);
    RunResult& r = s.result;
    r.base_year = 2020;
    r.years = years;
    r.plants = plants;
    r.clusters = clusters;
    r.seed = 42;
    r.run = 7;
    fill_panels(r, plants, years);
    fill_aggregates(s.inputs, r, clusters, plants, years);
    if (plants > 2) r.events = synthetic_events();
    // talks (stopped) and deal (binding in the data, as agreed from 2020)
    r.agreement_fate = {static_cast<std::uint8_t>(AgreementFate::stopped), static_cast<std::uint8_t>(AgreementFate::as_agreed)};
    r.agreement_binding_year = {0, 2020};
    r.agreement_routes_from_year = {0, 2021};
    return s;
}

// A scratch directory removed when the test ends.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("eiisim_h5_test_" + std::to_string(::getpid()) + "_" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

// ---- small read helpers over the HDF5 C API (closing every id they open)
struct Id {
    hid_t id;
    herr_t (*close)(hid_t);
    Id(hid_t i, herr_t (*c)(hid_t)) : id(i), close(c) { REQUIRE(id >= 0); }
    Id(const Id&) = delete;
    Id& operator=(const Id&) = delete;
    ~Id() { close(id); }
};

std::vector<hsize_t> shape(hid_t file, const char* name) {
    Id ds(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    Id sp(H5Dget_space(ds.id), H5Sclose);
    std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(sp.id)));
    H5Sget_simple_extent_dims(sp.id, dims.data(), nullptr);
    return dims;
}

template <typename T>
std::vector<T> read(hid_t file, const char* name, hid_t memtype) {
    Id ds(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    Id sp(H5Dget_space(ds.id), H5Sclose);
    std::vector<T> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(sp.id)));
    REQUIRE(H5Dread(ds.id, memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0);
    return out;
}

std::vector<std::string> read_strings(hid_t file, const char* name) {
    Id ds(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    Id sp(H5Dget_space(ds.id), H5Sclose);
    Id type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.id, H5T_VARIABLE);
    H5Tset_cset(type.id, H5T_CSET_UTF8);
    std::vector<char*> raw(static_cast<std::size_t>(H5Sget_simple_extent_npoints(sp.id)));
    REQUIRE(H5Dread(ds.id, type.id, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) >= 0);
    std::vector<std::string> out(raw.begin(), raw.end());
    H5Dvlen_reclaim(type.id, sp.id, H5P_DEFAULT, raw.data());
    return out;
}

std::string text_attribute(hid_t obj, const char* name) {
    Id attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
    Id type(H5Aget_type(attr.id), H5Tclose);
    if (H5Tis_variable_str(type.id) > 0) {
        char* value = nullptr;
        REQUIRE(H5Aread(attr.id, type.id, &value) >= 0);
        std::string out = value;
        H5free_memory(value);
        return out;
    }
    std::string value(H5Tget_size(type.id), '\0');
    REQUIRE(H5Aread(attr.id, type.id, value.data()) >= 0);
    return value.substr(0, value.find('\0'));
}

std::string variable_attribute(hid_t file, const char* var, const char* name) {
    Id ds(H5Dopen2(file, var, H5P_DEFAULT), H5Dclose);
    return text_attribute(ds.id, name);
}

std::vector<std::string> dataset_names(hid_t file) {
    std::vector<std::string> names;
    auto collect = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
    };
    H5Literate(file, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names);
    return names;
}

bool filter_present(hid_t file, const char* name, H5Z_filter_t filter) {
    Id ds(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    Id dcpl(H5Dget_create_plist(ds.id), H5Pclose);
    unsigned flags = 0;
    std::size_t n = 0;
    unsigned config = 0;
    return H5Pget_filter_by_id2(dcpl.id, filter, &flags, &n, nullptr, 0, nullptr, &config) >= 0;
}

std::vector<char> file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has_leftovers(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) return true;
    }
    return false;
}

}  // namespace

// A synthetic run written to a temporary file and opened for reading, shared by the
// tests of the run file's content below.
// Written as `eiisim run` writes it, with the outcome (KPI) variables.
struct WrittenRun {
    TempDir dir;
    Synthetic s = make_synthetic(2, 3, 3);
    fs::path out = dir.path / "run.h5";
    std::vector<int> milestones = kpi_milestones(s.result.base_year, s.result.base_year + s.result.years - 1);
    RunKpis kpis = compute_kpis(s.result, milestones);
    bool written = (write_run_hdf5(out, s.inputs, s.result, &kpis, milestones), true);
    Id file{H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
};

TEST_CASE("HDF5 run file is written whole, with no leftovers", "[output]") {
    const TempDir dir;
    const auto s = make_synthetic(2, 3, 3);
    const fs::path out = dir.path / "run.h5";
    write_run_hdf5(out, s.inputs, s.result);
    REQUIRE(fs::exists(out));
    CHECK_FALSE(has_leftovers(dir.path));
    if (const char* copy = std::getenv("EIISIM_HDF5_TEST_COPY"); copy != nullptr && *copy != '\0') {
        fs::copy_file(out, copy, fs::copy_options::overwrite_existing);
    }
}

TEST_CASE("HDF5 run file: dimensions and coordinate values", "[output]") {
    const WrittenRun run;
    const Id& file = run.file;
    CHECK(read<std::uint64_t>(file.id, "run", H5T_NATIVE_UINT64) == std::vector<std::uint64_t>{7});
    CHECK(read<std::int32_t>(file.id, "year", H5T_NATIVE_INT32) == std::vector<std::int32_t>{2020, 2021, 2022});
    CHECK(read_strings(file.id, "plant") == std::vector<std::string>{"P100", "P101", "P102"});
    CHECK(read_strings(file.id, "cluster") == std::vector<std::string>{"cluster_0", "cluster_1"});
    CHECK(read_strings(file.id, "cluster_name") == std::vector<std::string>{"Rotterdam/Moerdijk", "Cluster 1"});
    CHECK(read_strings(file.id, "technology").size() == 4);
    CHECK(read_strings(file.id, "kind").front() == "keep");
    CHECK(read_strings(file.id, "carrier").size() == kCarrierCount);
    CHECK(read_strings(file.id, "cost_component").size() == kCostComponentCount);
    CHECK(read_strings(file.id, "reduction_part").size() == kReductionPartCount);
    CHECK(read_strings(file.id, "strategic_product") ==
          std::vector<std::string>(kStrategicProductNames.begin(), kStrategicProductNames.end()));
    CHECK(shape(file.id, "event") == std::vector<hsize_t>{2});
    CHECK(shape(file.id, "option_considered") == std::vector<hsize_t>{5});
}


TEST_CASE("HDF5 run file: plant panels keep values and year-major order", "[output]") {
    const WrittenRun run;
    const Synthetic& s = run.s;
    const Id& file = run.file;
    CHECK(shape(file.id, "production") == std::vector<hsize_t>{1, 3, 3});
    CHECK(read<double>(file.id, "production", H5T_NATIVE_DOUBLE) == s.result.production_t);
    CHECK(read<double>(file.id, "co2_net", H5T_NATIVE_DOUBLE) == s.result.co2_net_t);
    CHECK(read<double>(file.id, "margin", H5T_NATIVE_DOUBLE) == s.result.margin_eur);
    CHECK(read<std::int16_t>(file.id, "route", H5T_NATIVE_INT16) == s.result.technology);
    CHECK(read<std::uint8_t>(file.id, "status", H5T_NATIVE_UINT8) == s.result.status);
    CHECK(shape(file.id, "energy") == std::vector<hsize_t>{1, 3, 3, kCarrierCount});
    CHECK(read<double>(file.id, "energy", H5T_NATIVE_DOUBLE) == s.result.energy_gj);
    CHECK(shape(file.id, "cost") == std::vector<hsize_t>{1, 3, 3, kCostComponentCount});
    CHECK(read<double>(file.id, "cost", H5T_NATIVE_DOUBLE) == s.result.cost_eur);
    CHECK(shape(file.id, "cluster_production_value_by_kind") == std::vector<hsize_t>{1, 3, 2, kOptionKindCount});
    CHECK(shape(file.id, "cluster_reduction") == std::vector<hsize_t>{1, 3, 2, kReductionPartCount});
    CHECK(read<double>(file.id, "cluster_co2_net", H5T_NATIVE_DOUBLE) == s.result.cluster_co2_net_t);
    CHECK(shape(file.id, "hydrogen_used") == std::vector<hsize_t>{1, 3});
    CHECK(shape(file.id, "instrument_paid") == std::vector<hsize_t>{1, 3, 2});
    CHECK(read<double>(file.id, "instrument_paid", H5T_NATIVE_DOUBLE) == s.result.instrument_paid_eur);
}


TEST_CASE("HDF5 run file: static tables", "[output]") {
    const WrittenRun run;
    const Id& file = run.file;
    CHECK(read_strings(file.id, "plant_name") == std::vector<std::string>{"Plant 0", "Plant 1", "Plant 2"});
    CHECK(read<std::int32_t>(file.id, "plant_cluster", H5T_NATIVE_INT32) == std::vector<std::int32_t>{0, 1, 0});
    CHECK(read_strings(file.id, "plant_cluster_name")[0] == "Rotterdam/Moerdijk");
    CHECK(read_strings(file.id, "plant_sector") == std::vector<std::string>{"ammonia", "steel", "ammonia"});
    // the binding deal covers plant 0 ahead of the stopped talks; plant 1 only had talks
    CHECK(read<std::int32_t>(file.id, "plant_agreement", H5T_NATIVE_INT32) == std::vector<std::int32_t>{1, 0, -1});
    CHECK(read_strings(file.id, "agreement") == std::vector<std::string>{"talks", "deal"});
    CHECK(read<std::int32_t>(file.id, "agreement_instrument", H5T_NATIVE_INT32) == std::vector<std::int32_t>{1, 1});
    // how each agreement turned out in the run, [run, agreement] (outcome rows, core/outcomes.cpp)
    CHECK(read<std::uint8_t>(file.id, "agreement_outcome", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{4, 0});
    CHECK(variable_attribute(file.id, "agreement_outcome", "flag_meanings") == "as_agreed on_time late failed stopped");
    CHECK(read<std::int32_t>(file.id, "agreement_binding_year", H5T_NATIVE_INT32) == std::vector<std::int32_t>{0, 2020});
    CHECK(read<std::int32_t>(file.id, "agreement_routes_from_year", H5T_NATIVE_INT32) ==
          std::vector<std::int32_t>{0, 2021});
    CHECK(shape(file.id, "agreement_routes_from_year") == std::vector<hsize_t>{1, 2});
    CHECK(read_strings(file.id, "instrument") == std::vector<std::string>{"sde", "maatwerk"});
    CHECK(read<std::uint8_t>(file.id, "instrument_form", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{0, 1});
    CHECK(read<std::uint8_t>(file.id, "technology_kind", H5T_NATIVE_UINT8) ==
          std::vector<std::uint8_t>{0, 2, 0, 3});
    CHECK(read_strings(file.id, "technology_name")[3] == "h2_dri");
}


TEST_CASE("HDF5 run file: event log and flattened options", "[output]") {
    const WrittenRun run;
    const Id& file = run.file;
    CHECK(read<std::int32_t>(file.id, "event_year", H5T_NATIVE_INT32) == std::vector<std::int32_t>{2021, 2022});
    CHECK(read<std::int32_t>(file.id, "event_plant", H5T_NATIVE_INT32) == std::vector<std::int32_t>{1, 2});
    CHECK(read<std::int32_t>(file.id, "event_to_technology", H5T_NATIVE_INT32) == std::vector<std::int32_t>{3, -1});
    CHECK(read<std::uint8_t>(file.id, "event_trigger", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{0, 1});
    CHECK(read<double>(file.id, "event_subsidy_committed", H5T_NATIVE_DOUBLE) == std::vector<double>{5e7, 0});
    CHECK(read<std::int32_t>(file.id, "option_event", H5T_NATIVE_INT32) == std::vector<std::int32_t>{0, 0, 0, 1, 1});
    CHECK(read<std::int32_t>(file.id, "option_rank", H5T_NATIVE_INT32) == std::vector<std::int32_t>{0, 1, -1, 0, 1});
    CHECK(read<std::int32_t>(file.id, "option_technology", H5T_NATIVE_INT32) ==
          std::vector<std::int32_t>{3, 2, 1, 1, 0});
    CHECK(read<double>(file.id, "option_margin", H5T_NATIVE_DOUBLE) == std::vector<double>{20, 0, 0, -5, -45});
    CHECK(read<std::uint8_t>(file.id, "option_feasible", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{1, 1, 0, 1, 1});
    CHECK(read<std::uint8_t>(file.id, "option_refused", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{0, 0, 0, 1, 0});
}


TEST_CASE("HDF5 run file: the option log explains each choice", "[output]") {
    const WrittenRun run;
    const Id& file = run.file;
    CHECK(read<std::uint8_t>(file.id, "option_refused_by", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{0, 0, 0, 1, 0});
    CHECK(read<std::uint8_t>(file.id, "option_chosen", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{1, 0, 0, 0, 0});
    CHECK(read<std::uint8_t>(file.id, "option_subsidised", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{1, 0, 0, 0, 0});
    CHECK(read<std::uint8_t>(file.id, "option_infeasible", H5T_NATIVE_UINT8) == std::vector<std::uint8_t>{0, 0, 8, 0, 0});
    CHECK(read<double>(file.id, "option_utility_systematic", H5T_NATIVE_DOUBLE) ==
          std::vector<double>{0.2, 0.0, 0.0, -0.05, -0.45});
    CHECK(read<double>(file.id, "option_utility_random", H5T_NATIVE_DOUBLE) == std::vector<double>{3.5, 2.5, 1.5, 1.5, 0.5});
    const auto total = read<double>(file.id, "option_utility", H5T_NATIVE_DOUBLE);
    REQUIRE(total.size() == 5);
    CHECK(total[0] == Approx(0.2 - 0.3 + 3.5));
    CHECK(total[4] == Approx(-0.45 + 0.5));
    // [option_considered][cost_component]: row 1's energy term is its cost.
    CHECK(shape(file.id, "option_cost_terms") == std::vector<hsize_t>{5, kCostComponentCount});
    const auto terms = read<double>(file.id, "option_cost_terms", H5T_NATIVE_DOUBLE);
    CHECK(terms[kCostComponentCount + static_cast<std::size_t>(CostComponent::energy)] == 520.0);
    CHECK(shape(file.id, "option_energy_cost") == std::vector<hsize_t>{5, kCarrierCount});
}


TEST_CASE("HDF5 run file: units, CF flags and global attributes", "[output]") {
    const WrittenRun run;
    const Synthetic& s = run.s;
    const Id& file = run.file;
    CHECK(variable_attribute(file.id, "production", "units") == "t/yr");
    CHECK(variable_attribute(file.id, "co2_net", "units") == "t/yr");
    CHECK(variable_attribute(file.id, "margin", "units") == "EUR/yr");
    CHECK(variable_attribute(file.id, "energy", "units") == "GJ/yr");
    CHECK(variable_attribute(file.id, "utilisation", "units") == "1");
    CHECK(variable_attribute(file.id, "year", "units") == "year");
    CHECK(variable_attribute(file.id, "cluster_grid_used", "units") == "MW");
    // Intra-EU relocation is a status of its own, with its CO2 in a series of its own.
    CHECK(variable_attribute(file.id, "status", "flag_meanings") ==
          "operating converting relocated closed relocated_eu not_built");
    CHECK(variable_attribute(file.id, "cluster_co2_relocated_eu", "units") == "t/yr");
    CHECK(variable_attribute(file.id, "co2_relocated_eu", "units") == "t/yr");
    CHECK(variable_attribute(file.id, "route", "flag_meanings") ==
          "ammonia.keep ammonia.ccs steel.keep steel.h2_dri");
    CHECK(text_attribute(file.id, "model") == "eiisim");
    CHECK(text_attribute(file.id, "Conventions") == "CF-1.8");
    CHECK(text_attribute(file.id, "scenario") == "unit-test");
    CHECK(text_attribute(file.id, "scenario_text") == s.inputs.scenario.text);
    CHECK_FALSE(text_attribute(file.id, "created").empty());
    CHECK_FALSE(text_attribute(file.id, "model_version").empty());
    CHECK_FALSE(text_attribute(file.id, "source_revision").empty());
    std::uint64_t seed = 0;
    Id attr(H5Aopen(file.id, "seed", H5P_DEFAULT), H5Aclose);
    REQUIRE(H5Aread(attr.id, H5T_NATIVE_UINT64, &seed) >= 0);
    CHECK(seed == 42);
}


TEST_CASE("HDF5 run file: every variable has units, long_name and a dimension scale per dimension", "[output]") {
    const WrittenRun run;
    const Id& file = run.file;
    const auto names = dataset_names(file.id);
    CHECK(names.size() > 50);
    for (const auto& name : names) {
        INFO("variable " << name);
        Id ds(H5Dopen2(file.id, name.c_str(), H5P_DEFAULT), H5Dclose);
        CHECK(H5Aexists(ds.id, "units") > 0);
        CHECK(H5Aexists(ds.id, "long_name") > 0);
        if (H5DSis_scale(ds.id) > 0) {
            continue;  // a coordinate variable: its own dimension
        }
        Id sp(H5Dget_space(ds.id), H5Sclose);
        const int rank = H5Sget_simple_extent_ndims(sp.id);
        for (int d = 0; d < rank; ++d) {
            CHECK(H5DSget_num_scales(ds.id, static_cast<unsigned>(d)) == 1);
        }
    }
    Id production(H5Dopen2(file.id, "production", H5P_DEFAULT), H5Dclose);
    Id plant(H5Dopen2(file.id, "plant", H5P_DEFAULT), H5Dclose);
    Id year(H5Dopen2(file.id, "year", H5P_DEFAULT), H5Dclose);
    CHECK(H5DSis_attached(production.id, plant.id, 2) > 0);
    CHECK(H5DSis_attached(production.id, year.id, 1) > 0);
}


TEST_CASE("HDF5 run file is written atomically and never left partial", "[output]") {
    const TempDir dir;
    const auto s = make_synthetic(2, 3, 3);

    SECTION("a directory that does not exist") {
        const fs::path out = dir.path / "missing" / "run.h5";
        CHECK_THROWS_WITH(write_run_hdf5(out, s.inputs, s.result), Catch::Contains("cannot write HDF5 output"));
        CHECK_FALSE(fs::exists(out));
        CHECK_FALSE(fs::exists(dir.path / "missing"));
    }
    SECTION("a parent that is a file, not a directory") {
        std::ofstream(dir.path / "plain_file") << "x";
        const fs::path out = dir.path / "plain_file" / "run.h5";
        CHECK_THROWS_AS(write_run_hdf5(out, s.inputs, s.result), std::runtime_error);
        CHECK(fs::is_regular_file(dir.path / "plain_file"));
    }
    SECTION("the rename fails: the finished temporary file is removed") {
        const fs::path out = dir.path / "occupied";
        fs::create_directories(out / "child");  // a non-empty directory cannot be replaced by a file
        CHECK_THROWS_WITH(write_run_hdf5(out, s.inputs, s.result), Catch::Contains("cannot move"));
        CHECK(fs::is_directory(out));
        CHECK_FALSE(has_leftovers(dir.path));
    }
    SECTION("a result whose sizes do not match the inputs") {
        auto bad = s.result;
        bad.co2_net_t.pop_back();
        const fs::path out = dir.path / "bad.h5";
        CHECK_THROWS_WITH(write_run_hdf5(out, s.inputs, bad), Catch::Contains("series co2_net has"));
        CHECK_FALSE(fs::exists(out));
        CHECK_FALSE(has_leftovers(dir.path));
    }
    SECTION("an existing file is replaced whole") {
        const fs::path out = dir.path / "run.h5";
        std::ofstream(out) << "old contents";
        write_run_hdf5(out, s.inputs, s.result);
        Id file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
        CHECK(shape(file.id, "plant") == std::vector<hsize_t>{3});
    }
}

TEST_CASE("HDF5 run files are byte-identical for identical results", "[output]") {
    const TempDir dir;
    const auto s = make_synthetic(2, 3, 3);
    // Pin `created` the reproducible-builds way; everything else is deterministic.
    const char* previous = std::getenv("SOURCE_DATE_EPOCH");
    const std::string saved = previous != nullptr ? previous : "";
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    write_run_hdf5(dir.path / "a.h5", s.inputs, s.result);
    write_run_hdf5(dir.path / "b.h5", s.inputs, s.result);
    if (previous != nullptr) {
        ::setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
    } else {
        ::unsetenv("SOURCE_DATE_EPOCH");
    }
    const auto a = file_bytes(dir.path / "a.h5");
    CHECK(a == file_bytes(dir.path / "b.h5"));
    Id file(H5Fopen((dir.path / "a.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    CHECK(text_attribute(file.id, "created") == "2023-11-14T22:13:20Z");
}

TEST_CASE("HDF5 run file without decisions has empty event dimensions", "[output]") {
    const TempDir dir;
    auto s = make_synthetic(2, 3, 3);
    s.result.events.clear();
    const fs::path out = dir.path / "quiet.h5";
    write_run_hdf5(out, s.inputs, s.result);
    Id file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    CHECK(shape(file.id, "event") == std::vector<hsize_t>{0});
    CHECK(shape(file.id, "event_plant") == std::vector<hsize_t>{0});
    CHECK(shape(file.id, "option_considered") == std::vector<hsize_t>{0});
    CHECK(shape(file.id, "option_cost") == std::vector<hsize_t>{0});
    if (const char* copy = std::getenv("EIISIM_HDF5_TEST_COPY_EMPTY"); copy != nullptr && *copy != '\0') {
        fs::copy_file(out, copy, fs::copy_options::overwrite_existing);
    }
}

TEST_CASE("Large HDF5 panels are chunked and compressed", "[output]") {
    const TempDir dir;
    const auto s = make_synthetic(5, 300, 31);
    const fs::path out = dir.path / "large.h5";
    write_run_hdf5(out, s.inputs, s.result);
    Id file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    for (const char* name : {"production", "energy", "cost"}) {
        INFO("variable " << name);
        CHECK(filter_present(file.id, name, H5Z_FILTER_DEFLATE));
        CHECK(filter_present(file.id, name, H5Z_FILTER_SHUFFLE));
    }
    CHECK(read<double>(file.id, "cost", H5T_NATIVE_DOUBLE) == s.result.cost_eur);
    // Uncompressed, the panels take ~204 bytes per plant-year (19 doubles + 3 codes); the
    // smooth synthetic values compress far below that, so a large size means the filters
    // were lost.
    const double per_plant_year = static_cast<double>(fs::file_size(out)) / (300.0 * 31.0);
    INFO("bytes per plant-year: " << per_plant_year);
    CHECK(per_plant_year < 150.0);
}
