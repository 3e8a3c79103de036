// The input loader: the small test scenario loads with units converted once, and every
// validation rule rejects bad input with an InputError naming file, line and field.
// Each failing case mutates a fresh copy of tests/data/small in its own temp folder.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <utility>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "inputs/csv_reader.hpp"
#include "inputs/dataset_loader.hpp"
#include "core/input_error.hpp"
#include "core/settings_schema.hpp"
#include "small_copy.hpp"

namespace fs = std::filesystem;
using eiisim::InputError;
using eiisim::Inputs;
using eiisim::load_inputs;
using namespace eiisim::testing;

namespace {

bool all_finite(const Inputs& in) {
    for (const auto& p : in.plants) {
        for (double v : {p.capacity_t, p.production_t, p.co2_combustion_t, p.co2_process_t,
                         p.feedstock_gas_gj, p.hurdle_rate})
            if (!std::isfinite(v)) return false;
        for (double v : p.energy_gj)
            if (!std::isfinite(v)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("the small scenario loads with ids resolved", "[loader]") {
    const Inputs in = load_inputs(kSmall / "scenario.toml");
    const auto& s = in.scenario;
    CHECK(s.name == "small-current-policy");
    CHECK(s.base_year == 2020);
    CHECK(s.end_year == 2050);
    CHECK(in.year_count() == 31);
    CHECK(s.seed == 42);
    CHECK(s.text == read_text(kSmall / "scenario.toml"));

    REQUIRE(in.clusters.size() == 3);
    CHECK(in.clusters[0].id == "rotterdam_moerdijk");  // file order, not alphabetical
    CHECK(in.clusters[2].id == "chemelot");
    REQUIRE(in.sectors.size() == 3);
    REQUIRE(in.plants.size() == 6);
    REQUIRE(in.edges.size() == 4);
    CHECK(all_finite(in));

    // Catalogue: 13 sector rows + 3 `*` rows (relocate, relocate_eu, close) expanded over 3 sectors.
    REQUIRE(in.technologies.size() == 22 + 2);  // catalogue (after `*` expansion) + plant_options.csv
    REQUIRE(in.sector_technologies.size() == 3);
    REQUIRE(in.sector_keep_technology.size() == 3);
    for (int sector = 0; sector < 3; ++sector) {
        const auto& keep = in.technologies[in.sector_keep_technology[sector]];
        CHECK(keep.kind == eiisim::OptionKind::keep);
        CHECK(keep.sector == sector);
        bool has_relocate = false;
        for (int t : in.sector_technologies[sector]) {
            CHECK(in.technologies[t].sector == sector);
            has_relocate = has_relocate || in.technologies[t].id == in.sectors[sector].id + "/relocate";
        }
        CHECK(has_relocate);
    }
    const auto& keep_ammonia = in.technologies[in.sector_keep_technology[0]];
    CHECK(keep_ammonia.id == "ammonia/smr_reinvest");
    CHECK(keep_ammonia.electrify_year[0] == keep_ammonia.available_year);  // empty cell default
    CHECK(keep_ammonia.learning_seed_t_yr == 1e6);

    // Plants and edges resolved to indices.
    CHECK(in.plants[0].id == "yara_sluiskil");
    CHECK(in.plants[0].cluster == 1);
    CHECK(in.plants[0].sector == 0);
    CHECK(in.plants[0].energy_gj[static_cast<int>(eiisim::Carrier::gas)] == 58e6);
    CHECK(in.plants[0].name == "Yara Sluiskil");
    CHECK(in.edges[0].supplier == 5);
    CHECK(in.edges[0].customer == 0);
    CHECK(in.edges[1].product == "naphtha, LPG");  // quoted field with a comma
}

TEST_CASE("gas is priced per MWh of gross calorific value and used per GJ of net", "[loader][calorific]") {
    // Issue 21, error 5: TTF, Henry Hub and green gas are quoted per MWh(GCV); plant energy
    // and the 56.6 kg CO2/GJ factor are NCV. EUR/MWh / 3.6 alone made gas ~11 % too cheap.
    const Inputs in = load_inputs(kSmall / "scenario.toml");
    const double ttf_2020 = 12.0;  // EUR/MWh(GCV) in tests/data/small/scenario.toml
    CHECK(in.scenario.prices.gas_eur_per_gj.at(2020) == Approx(ttf_2020 / 3.6 / 0.901).epsilon(1e-12));
    CHECK(in.scenario.prices.gas_eur_per_gj.at(2020) > ttf_2020 / 3.6 * 1.10);
    for (const char* key : {"prices.gas_eur_per_mwh", "prices.biomethane_eur_per_mwh", "prices.foreign_gas_eur_per_mwh"}) {
        const eiisim::SettingSpec& spec = eiisim::settings_schema()[static_cast<std::size_t>(eiisim::find_setting(key))];
        CHECK(spec.unit == "EUR/MWh(GCV)");
        CHECK(spec.engine_unit == "EUR/GJ(NCV)");
    }
    // Electricity has no calorific basis; hydrogen per kg is converted with its LHV (NCV).
    CHECK(in.scenario.prices.hydrogen_eur_per_gj.at(2030) == Approx(5.0 / 0.12));
}

TEST_CASE("the small scenario's settings load with units converted", "[loader]") {
    const Inputs in = load_inputs(kSmall / "scenario.toml");
    const auto& s = in.scenario;
    // Prices: gas EUR/MWh(GCV) -> EUR/GJ(NCV), electricity EUR/MWh -> EUR/GJ (wholesale; the
    // network tariff of each connection level is its own path), hydrogen EUR/kg -> EUR/GJ(NCV).
    const auto& p = s.prices;
    CHECK(p.gas_eur_per_gj.at(2020) == Approx(12.0 / 3.6 / 0.901));
    CHECK(p.electricity_eur_per_gj.at(2020) == Approx(33.0 / 3.6));
    CHECK(p.electricity_eur_per_gj.at(2025) == Approx((77.0 - 7.0 / 6.0) / 3.6));
    CHECK(p.electricity_eur_per_gj.at(2050) == Approx(60.0 / 3.6));
    for (const auto& tariff : p.network_tariff_eur_per_gj) {
        CHECK(tariff.at(2020) == Approx(8.0 / 3.6));
        CHECK(tariff.at(2050) == Approx(12.0 / 3.6));
    }
    CHECK(p.hydrogen_eur_per_gj.at(2030) == Approx(5.0 / 0.12));
    CHECK(p.biomethane_eur_per_gj.at(2030) == Approx(80.0 / 3.6 / 0.901));
    CHECK(p.other_fuel_eur_per_gj.at(2030) == Approx(6.0));
    CHECK(p.foreign_gas_eur_per_gj.at(2022) == Approx(25.0 / 3.6 / 0.901));
    CHECK(p.ets_eur_per_t.at(2030) == Approx(130.0));
    CHECK(p.product_price_index.at(2040) == Approx(1.0));  // a plain number is a constant path
    REQUIRE(p.import_names.size() == 1);
    CHECK(p.import_names[0] == "ammonia");
    CHECK(p.import_eur_per_t[0].at(2030) == Approx(700.0));
    CHECK(in.sectors[0].import_price == "ammonia");

    // Policy: instruments, budgets MEUR -> EUR.
    REQUIRE(s.policy.instruments.size() == 1);
    CHECK(s.policy.instruments[0].id == "sde");
    CHECK(s.policy.instruments[0].form == eiisim::AidForm::operating);
    CHECK(s.policy.instruments[0].supports(eiisim::OptionKind::ccs, 0));
    CHECK_FALSE(s.policy.instruments[0].supports(eiisim::OptionKind::import_intermediate, 0));
    CHECK(s.policy.instruments[0].budget_eur.at(2025) == Approx(3e9));
    CHECK(s.policy.co2_levy_enabled);
    CHECK(s.policy.free_allocation_factor.at(2034) == Approx(0.0));

    // Infrastructure: Mt -> t, PJ -> GJ; h2_delay_y = 1 and hydrogen_supply_factor = 0.8;
    // the chemelot override is taken as written.
    CHECK(in.national.co2_storage_t.at(2030) == Approx(24.5e6));
    CHECK(in.national.hydrogen_supply_gj.at(2031) == Approx(48e6));
    CHECK(in.national.hydrogen_supply_gj.at(2030) == Approx(4e6 + 0.75 * 44e6));
    CHECK(in.clusters[0].h2_connection_year == 2027);
    CHECK(in.clusters[0].co2_connection_year == 2026);
    CHECK(in.clusters[2].co2_connection_year == 2033);
    CHECK(in.clusters[0].grid_headroom_mw.at(2030) == Approx(1500.0));

    // Behaviour, build-out limits and events (sorted by year, targets resolved).
    CHECK(s.behaviour.expectation == eiisim::Expectation::adaptive);
    REQUIRE(s.buildout_limits.size() == 2);
    CHECK(s.buildout_limits[0].kind == eiisim::OptionKind::ccs);
    CHECK(s.buildout_limits[0].max_conversions_per_year == 2);
    REQUIRE(s.events.size() == 3);
    CHECK(s.events[0].year == 2022);
    CHECK(s.events[0].sector == 0);
    CHECK(s.events[0].cluster == -1);
    CHECK(s.events[1].cluster == 0);
    CHECK(s.events[2].plant == 0);
}

TEST_CASE("optional scenario sections take their defaults", "[loader]") {
    SmallCopy copy;
    std::string text = read_text(copy.scenario());
    const auto cut = text.find("[infrastructure]");
    const auto resume = text.find("[buildout_limits]");
    text.erase(cut, resume - cut);  // drops [infrastructure] and [behaviour]
    write_text(copy.scenario(), text);
    const Inputs in = load_inputs(copy.scenario());
    CHECK(in.scenario.behaviour.expectation == eiisim::Expectation::myopic);
    CHECK(in.clusters[0].h2_connection_year == 2026);
    CHECK(in.clusters[2].co2_connection_year == 2035);
    CHECK(in.national.hydrogen_supply_gj.at(2030) == Approx(60e6));
}

TEST_CASE("the CSV reader handles RFC 4180 quoting, comments and line numbers", "[loader]") {
    const std::array<eiisim::CsvColumn, 3> columns{{{"id"}, {"text"}, {"note", false}}};
    const std::string text =
        "# comment\n"
        "id,text\r\n"
        "  \t\n"
        "a,\"x, y\"\n"
        "# another comment\n"
        "b,\"say \"\"hi\"\"\"\n"
        "c,\"two\nlines\"\n"
        "d , plain \n";
    const auto table = eiisim::CsvTable::parse(text, "t.csv", columns);
    REQUIRE(table.rows().size() == 4);
    CHECK(table.rows()[0].line == 4);
    CHECK(table.field(table.rows()[0], "text")->text == "x, y");
    CHECK(table.rows()[1].line == 6);
    CHECK(table.field(table.rows()[1], "text")->text == "say \"hi\"");
    CHECK(table.field(table.rows()[2], "text")->text == "two\nlines");
    CHECK(table.rows()[3].line == 9);
    CHECK(table.field(table.rows()[3], "id")->text == "d");
    CHECK(table.field(table.rows()[3], "note") == nullptr);
    CHECK_FALSE(table.has_column("note"));

    CHECK_THROWS_WITH(eiisim::CsvTable::parse("id,text\na,\"open\n", "t.csv", columns),
                      Catch::Contains("t.csv:2") && Catch::Contains("not closed"));
    CHECK_THROWS_WITH(eiisim::CsvTable::parse("id,text\na,b,c\n", "t.csv", columns),
                      Catch::Contains("t.csv:2") && Catch::Contains("3 fields"));
    CHECK_THROWS_WITH(eiisim::CsvTable::parse("id\na\n", "t.csv", columns),
                      Catch::Contains("t.csv:1") && Catch::Contains("'text'"));
}

TEST_CASE("missing files are named with their path", "[loader]") {
    SmallCopy copy;
    SECTION("scenario file") {
        const auto missing = copy.scenario().parent_path() / "nope.toml";
        try {
            (void)load_inputs(missing);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.where().file == missing.string());
            CHECK(std::string(e.what()).find("nope.toml") != std::string::npos);
        }
    }
    SECTION("dataset table") {
        fs::remove(copy.file("plants.csv"));
        try {
            (void)load_inputs(copy.scenario());
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.where().file == copy.file("plants.csv").string());
            CHECK(e.where().line == 0);
            CHECK(std::string(e.what()).find(copy.file("plants.csv").string()) != std::string::npos);
        }
    }
    SECTION("dataset folder") {
        const int line = copy.replace("scenario.toml", "dataset = \"dataset\"", "dataset = \"nowhere\"");
        expect_error(copy, "scenario.toml", line, "scenario.dataset", "nowhere");
    }
}

TEST_CASE("malformed TOML reports line and column", "[loader]") {
    SmallCopy copy;
    SECTION("scenario") {
        const int line = copy.replace("scenario.toml", "seed = 42", "seed = = 42");
        expect_error(copy, "scenario.toml", line, "", "malformed TOML");
    }
    SECTION("infrastructure.toml") {
        const int line = copy.replace("infrastructure.toml", "name = \"Chemelot\"", "name = \"Chemelot");
        expect_error(copy, "infrastructure.toml", line, "", "malformed TOML");
    }
}

TEST_CASE("scenario keys are checked", "[loader]") {
    SmallCopy copy;
    SECTION("unknown key names its path") {
        const int line = copy.replace("scenario.toml", "product_price_index = 1.0",
                                      "gas_eur_per_mhw = 30\nproduct_price_index = 1.0");
        expect_error(copy, "scenario.toml", line, "prices.gas_eur_per_mhw", "unknown key");
    }
    SECTION("unknown key in a per-cluster override") {
        const int line = copy.replace("scenario.toml", "co2_connection_year = 2033", "co2_year = 2033");
        expect_error(copy, "scenario.toml", line, "infrastructure.clusters.chemelot.co2_year", "unknown key");
    }
    SECTION("unknown top-level table") {
        const int line = copy.append("scenario.toml", "[sweep]");
        expect_error(copy, "scenario.toml", line, "sweep", "unknown key");
    }
    SECTION("missing required key names its table's line") {
        const int table_line = copy.line_of("scenario.toml", "[policy]");
        copy.replace("scenario.toml", "green_premium_eur_per_t = 0\n", "");
        expect_error(copy, "scenario.toml", table_line, "policy.green_premium_eur_per_t", "missing required key");
    }
    SECTION("year keys of a path must be years") {
        const int line = copy.replace("scenario.toml", "other_fuel_eur_per_gj = { 2020 = 4.0,",
                                      "other_fuel_eur_per_gj = { y2020 = 4.0,");
        expect_error(copy, "scenario.toml", line, "prices.other_fuel_eur_per_gj.y2020", "expected a year key");
    }
    SECTION("negative price") {
        const int line = copy.replace("scenario.toml", "2022 = 123", "2022 = -123");
        expect_error(copy, "scenario.toml", line, "prices.gas_eur_per_mwh.2022", "expected a number in [0, 10000]");
    }
    // Huge but finite values passed the ">= 0" checks and became infinities and NaN in
    // the output (issue 16); every number now has a finite, physically meaningful range.
    SECTION("a huge hydrogen price is refused with its range") {
        const int line = copy.replace("scenario.toml", "2030 = 5.0, 2050 = 3.0 }", "2030 = 1e308, 2050 = 3.0 }");
        expect_error(copy, "scenario.toml", line, "prices.hydrogen_eur_per_kg.2030",
                     "expected a number in [0, 100], got the number 1e+308");
    }
    SECTION("a huge product price index is refused") {
        const int line = copy.replace("scenario.toml", "product_price_index = 1.0", "product_price_index = 1e308");
        expect_error(copy, "scenario.toml", line, "prices.product_price_index", "expected a number in [0, 100]");
    }
    SECTION("a huge levy is refused") {
        const int line = copy.replace("scenario.toml", "co2_levy_eur_per_t = { 2021 = 30, 2030 = 125 }",
                                      "co2_levy_eur_per_t = { 2021 = 30, 2030 = 1e308 }");
        expect_error(copy, "scenario.toml", line, "policy.co2_levy_eur_per_t.2030", "expected a number in [0, 100000]");
    }
    SECTION("NaN is rejected") {
        const int line = copy.replace("scenario.toml", "product_price_index = 1.0", "product_price_index = nan");
        expect_error(copy, "scenario.toml", line, "prices.product_price_index", "expected a number");
    }
    SECTION("share above 1") {
        const int line = copy.replace("scenario.toml", "dispensation_factor = { 2021 = 1.2, 2030 = 0.69 }",
                                      "dispensation_factor = { 2021 = 1.2, 2030 = 0.69 }\nfree_allocation_factor_non_cbam = 1.5");
        expect_error(copy, "scenario.toml", line + 1, "policy.free_allocation_factor_non_cbam", "expected a number in [0, 1]");
    }
    SECTION("wrong type") {
        const int line = copy.replace("scenario.toml", "co2_levy = true", "co2_levy = \"yes\"");
        expect_error(copy, "scenario.toml", line, "policy.co2_levy", "expected true or false");
    }
    SECTION("end_year before base_year") {
        const int line = copy.replace("scenario.toml", "end_year = 2050", "end_year = 2010");
        expect_error(copy, "scenario.toml", line, "scenario.end_year", "base_year");
    }
    SECTION("unknown expectation") {
        const int line = copy.replace("scenario.toml", "expectation = \"adaptive\"", "expectation = \"clairvoyant\"");
        expect_error(copy, "scenario.toml", line, "behaviour.expectation", "myopic");
    }
    SECTION("unknown option kind in build-out limits") {
        const int line = copy.replace("scenario.toml", "ccs = 2", "cc = 2");
        expect_error(copy, "scenario.toml", line, "buildout_limits.cc", "unknown option kind");
    }
    SECTION("event year outside the run") {
        const int line = copy.replace("scenario.toml", "year = 2022", "year = 2060");
        expect_error(copy, "scenario.toml", line, "events[2].year", "in [2020, 2050]");
    }
}

TEST_CASE("scenario references into the dataset are resolved", "[loader]") {
    SmallCopy copy;
    SECTION("unknown event cluster") {
        const int line = copy.replace("scenario.toml", "cluster = \"rotterdam_moerdijk\"", "cluster = \"rotterdam\"");
        expect_error(copy, "scenario.toml", line, "events[1].cluster", "unknown cluster 'rotterdam'");
    }
    SECTION("unknown event sector") {
        const int line = copy.replace("scenario.toml", "sector = \"ammonia\"", "sector = \"fertiliser\"");
        expect_error(copy, "scenario.toml", line, "events[2].sector", "unknown sector");
    }
    SECTION("unknown option kind in an event's kinds") {
        const int line = copy.replace("scenario.toml", "cluster = \"rotterdam_moerdijk\"",
                                      "cluster = \"rotterdam_moerdijk\"\nkinds = [\"ccs\", \"nuclear\"]");
        expect_error(copy, "scenario.toml", line + 1, "events[1].kinds", "unknown option kind");
    }
    SECTION("event kinds not a list") {
        const int line = copy.replace("scenario.toml", "cluster = \"rotterdam_moerdijk\"",
                                      "cluster = \"rotterdam_moerdijk\"\nkinds = \"ccs\"");
        expect_error(copy, "scenario.toml", line + 1, "events[1].kinds", "list of option kinds");
    }
    SECTION("unknown event plant") {
        const int line = copy.replace("scenario.toml", "plant = \"yara_sluiskil\"", "plant = \"yara\"");
        expect_error(copy, "scenario.toml", line, "events[3].plant", "unknown plant");
    }
    SECTION("unknown cluster in an infrastructure override") {
        const int line = copy.replace("scenario.toml", "[infrastructure.clusters.chemelot]",
                                      "[infrastructure.clusters.limburg]");
        expect_error(copy, "scenario.toml", line, "infrastructure.clusters.limburg", "unknown cluster");
    }
    SECTION("unknown import-price path") {
        const int line = copy.replace("sectors.csv", "ammonia,1.0,ammonia,", "ammonia,1.0,nh3,");
        expect_error(copy, "sectors.csv", line, "import_price", "unknown import-price path 'nh3'");
    }
}

TEST_CASE("CSV headers are checked", "[loader]") {
    SmallCopy copy;
    SECTION("unknown column") {
        const int line = copy.replace("plants.csv", ",employees,", ",employes,");
        expect_error(copy, "plants.csv", line, "employes", "unknown column");
    }
    SECTION("missing required column") {
        write_text(copy.file("edges.csv"),
                   "supplier,customer,offtake_share,integration_benefit_eur_per_t,source\n"
                   "dow_terneuzen,yara_sluiskil,0.02,3,ESTIMATE: test\n");
        expect_error(copy, "edges.csv", 1, "product", "missing required column");
    }
    SECTION("unterminated quote") {
        const int line = copy.replace("plants.csv", "\"Yara Sluiskil\",", "\"Yara Sluiskil,");
        try {
            (void)load_inputs(copy.scenario());
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.where().line >= line);
            CHECK(std::string(e.what()).find("plants.csv") != std::string::npos);
        }
    }
}

TEST_CASE("unknown ids and duplicate ids in the dataset", "[loader]") {
    SmallCopy copy;
    SECTION("plant sector") {
        const int line = copy.replace("plants.csv", "zeeland_west_brabant,ammonia,", "zeeland_west_brabant,amonia,");
        expect_error(copy, "plants.csv", line, "sector", "unknown sector 'amonia'");
    }
    SECTION("plant cluster") {
        const int line = copy.replace("plants.csv", "chemelot,ammonia,", "limburg,ammonia,");
        expect_error(copy, "plants.csv", line, "cluster", "unknown cluster 'limburg'");
    }
    SECTION("technology sector") {
        const int line = copy.replace("technologies.csv", "ethylene,bio_naphtha_fuel", "plastics,bio_naphtha_fuel");
        expect_error(copy, "technologies.csv", line, "sector", "unknown sector 'plastics'");
    }
    SECTION("option kind") {
        const int line = copy.replace("technologies.csv", "import_ammonia,import,", "import_ammonia,imports,");
        expect_error(copy, "technologies.csv", line, "kind", "unknown option kind 'imports'");
    }
    SECTION("duplicate plant id") {
        const std::string plants = read_text(copy.file("plants.csv"));
        const auto start = plants.find("oci_geleen,");
        const auto row = plants.substr(start, plants.find('\n', start) - start);
        const int line = copy.append("plants.csv", row);
        expect_error(copy, "plants.csv", line, "id", "duplicate plant id 'oci_geleen'");
    }
    SECTION("duplicate sector id") {
        const int line = copy.append("sectors.csv", "refining,other,600,0.06,0.8,0,,0,,0.95,15,ESTIMATE: x");
        expect_error(copy, "sectors.csv", line, "id", "duplicate sector id");
    }
    SECTION("duplicate option, also through a * row") {
        copy.replace("technologies.csv", "ethylene,bio_naphtha_fuel,bio,", "ethylene,close,bio,");
        const int line = copy.line_of("technologies.csv", "*,close,");
        expect_error(copy, "technologies.csv", line, "name", "duplicate option 'ethylene/close'");
    }
}

TEST_CASE("plant numbers are range-checked and never NaN", "[loader]") {
    SmallCopy copy;
    SECTION("a huge capacity is refused") {
        const int line = copy.replace("plants.csv", "ammonia,1800000,", "ammonia,1e308,");
        expect_error(copy, "plants.csv", line, "capacity_t", "expected a number > 0 and <= 1e+12, got '1e308'");
    }
    SECTION("capacity must be > 0") {
        const int line = copy.replace("plants.csv", "ammonia,1800000,", "ammonia,0,");
        expect_error(copy, "plants.csv", line, "capacity_t", "expected a number > 0 and <= 1e+12, got '0'");
    }
    SECTION("production within capacity") {
        const int line = copy.replace("plants.csv", "ammonia,1800000,1600000,", "ammonia,1800000,1900000,");
        expect_error(copy, "plants.csv", line, "production_t", "production_t <= capacity_t");
    }
    SECTION("negative emissions") {
        const int line = copy.replace("plants.csv", "1600000,1130000,", "1600000,-1130000,");
        expect_error(copy, "plants.csv", line, "co2_combustion_t", "expected a number in [0, 1e+12], got '-1130000'");
    }
    SECTION("NaN") {
        const int line = copy.replace("plants.csv", "1130000,2150000,", "1130000,nan,");
        expect_error(copy, "plants.csv", line, "co2_process_t", "got 'nan'");
    }
    SECTION("infinity") {
        const int line = copy.replace("plants.csv", "58000000,2500000,", "58000000,inf,");
        expect_error(copy, "plants.csv", line, "electricity_gj", "got 'inf'");
    }
    SECTION("not a number") {
        const int line = copy.replace("plants.csv", "0.1,1,1400,", "0.1,1,abc,");
        expect_error(copy, "plants.csv", line, "employees", "expected an integer");
    }
    SECTION("feedstock gas within gas use") {
        const int line = copy.replace("plants.csv", ",38000000,", ",60000000,");
        expect_error(copy, "plants.csv", line, "feedstock_gas_gj", "feedstock_gas_gj <= gas_gj");
    }
    SECTION("share above 1") {
        const int line = copy.replace("plants.csv", "38000000,0.1,0.5,0.4,", "38000000,1.5,0.5,0.4,");
        expect_error(copy, "plants.csv", line, "heat_share_low", "expected a number in [0, 1]");
    }
    SECTION("heat shares sum to at most 1") {
        const int line = copy.replace("plants.csv", "38000000,0.1,0.5,0.4,", "38000000,0.3,0.5,0.4,");
        expect_error(copy, "plants.csv", line, "heat_share_high", "<= 1");
    }
    SECTION("flags are 0 or 1") {
        const int line = copy.replace("plants.csv", "0.1,1,1400,", "0.1,2,1400,");
        expect_error(copy, "plants.csv", line, "multinational", "expected 0 or 1, got '2'");
    }
    SECTION("empty source") {
        const int line = copy.replace("plants.csv", "1400,ESTIMATE: test fixture", "1400,");
        expect_error(copy, "plants.csv", line, "source", "non-empty");
    }
}

TEST_CASE("sector and catalogue numbers are range-checked", "[loader]") {
    SmallCopy copy;
    SECTION("a huge product price is refused") {
        const int line = copy.replace("sectors.csv", "(t ethylene eq.)\",1000,", "(t ethylene eq.)\",1e308,");
        expect_error(copy, "sectors.csv", line, "product_price_eur_per_t", "expected a number > 0 and <= 100000");
    }
    SECTION("a base margin of -1 is refused (costs twice the revenue)") {
        const int line = copy.replace("sectors.csv", "450,0.15,0.9,", "450,-1,0.9,");
        expect_error(copy, "sectors.csv", line, "base_margin_share", "expected a number > -1 and < 1, got '-1'");
    }
    SECTION("product price not a number") {
        const int line = copy.replace("sectors.csv", "(t ethylene eq.)\",1000,", "(t ethylene eq.)\",abc,");
        expect_error(copy, "sectors.csv", line, "product_price_eur_per_t", "expected a number > 0 and <= 100000, got 'abc'");
    }
    SECTION("capture rate is a share") {
        const int line = copy.replace("technologies.csv", ",0.85,0.3,3.0,", ",1.2,0.3,3.0,");
        expect_error(copy, "technologies.csv", line, "capture_rate", "expected a number in [0, 1]");
    }
    SECTION("lifetime >= 1") {
        const int line = copy.replace("technologies.csv", "0,0,0,0,0,,,,,,,,,,,,,,,,,,1,0,2020",
                                      "0,0,0,0,0,,,,,,,,,,,,,,,,,,0,0,2020");
        expect_error(copy, "technologies.csv", line, "lifetime_y", "expected an integer in [1, 100]");
    }
    SECTION("lead time >= 0") {
        const int line = copy.replace("technologies.csv", "0,0,0,0,0,,,,,,,,,,,,,,,,,,1,0,2020",
                                      "0,0,0,0,0,,,,,,,,,,,,,,,,,,1,-1,2020");
        expect_error(copy, "technologies.csv", line, "lead_time_y", "expected an integer in [0, 50]");
    }
    SECTION("capex range brackets the central value") {
        const int line = copy.replace("technologies.csv", "e_cracker,electrify,900,700,", "e_cracker,electrify,900,950,");
        expect_error(copy, "technologies.csv", line, "capex_low_eur_per_t_yr", "lower limit");
    }
}

TEST_CASE("every sector has exactly one keep row", "[loader]") {
    SmallCopy copy;
    SECTION("no keep row") {
        copy.replace("technologies.csv", "refining,furnace_reinvest,keep,", "refining,furnace_reinvest,bio,");
        const int line = copy.line_of("sectors.csv", "refining,");
        expect_error(copy, "sectors.csv", line, "id", "no keep row");
    }
    SECTION("two keep rows") {
        const int line = copy.replace("technologies.csv", "refining,biomethane_firing,bio,", "refining,biomethane_firing,keep,");
        expect_error(copy, "technologies.csv", line, "kind", "already has a keep row");
    }
}

TEST_CASE("every sector has exactly one close row", "[loader]") {
    SmallCopy copy;
    SECTION("no close row") {
        copy.replace("technologies.csv", "*,close,close,", "*,close,relocate,");
        const int line = copy.line_of("sectors.csv", "ammonia,");  // the first sector
        expect_error(copy, "sectors.csv", line, "id", "no close row");
    }
    SECTION("two close rows") {
        copy.replace("technologies.csv", "refining,biomethane_firing,bio,", "refining,biomethane_firing,close,");
        // reported where the second one appears: the `*` row, expanded after it
        const int line = copy.line_of("technologies.csv", "*,close,close,");
        expect_error(copy, "technologies.csv", line, "kind", "already has a close row");
    }
}

TEST_CASE("value-chain edges connect two different known plants", "[loader]") {
    SmallCopy copy;
    SECTION("dangling supplier") {
        const int line = copy.replace("edges.csv", "dow_terneuzen,yara_sluiskil", "dow_ternezen,yara_sluiskil");
        expect_error(copy, "edges.csv", line, "supplier", "unknown plant 'dow_ternezen'");
    }
    SECTION("dangling customer") {
        const int line = copy.replace("edges.csv", "shell_pernis,shell_moerdijk", "shell_pernis,shell_moerdyk");
        expect_error(copy, "edges.csv", line, "customer", "unknown plant 'shell_moerdyk'");
    }
    SECTION("self-edge") {
        const int line = copy.replace("edges.csv", "shell_pernis,shell_moerdijk", "shell_pernis,shell_pernis");
        expect_error(copy, "edges.csv", line, "customer", "cannot supply itself");
    }
    SECTION("offtake share above 1") {
        const int line = copy.replace("edges.csv", "\"naphtha\",0.15,", "\"naphtha\",1.15,");
        expect_error(copy, "edges.csv", line, "offtake_share", "expected a number in [0, 1]");
    }
}

TEST_CASE("the edges' coupling column is optional and defaults to product", "[loader][fuel_gas]") {
    using eiisim::EdgeCoupling;
    SECTION("absent column") {
        const Inputs in = load_inputs(kSmall / "scenario.toml");  // edges.csv has no coupling column
        REQUIRE(!in.edges.empty());
        for (const auto& edge : in.edges) CHECK(edge.coupling == EdgeCoupling::product);
    }
    SECTION("fuel_gas, an empty cell and material") {
        const Inputs in = load_inputs(fs::path(EIISIM_SOURCE_DIR) / "tests/data/fuel_gas/scenario.toml");
        REQUIRE(in.edges.size() == 3);
        CHECK(in.edges[0].coupling == EdgeCoupling::fuel_gas);  // steelworks -> gas_power
        CHECK(in.edges[1].coupling == EdgeCoupling::product);  // empty cell
        CHECK(in.edges[2].coupling == EdgeCoupling::product);  // written out
    }
}

TEST_CASE("an unknown coupling is an input error naming file, line, column and field", "[loader][fuel_gas]") {
    SmallCopy copy;
    write_text(copy.file("edges.csv"),
               "supplier,customer,product,coupling,offtake_share,integration_benefit_eur_per_t,source\n"
               "dow_terneuzen,yara_sluiskil,hydrogen,material,0.02,3,ESTIMATE: test\n"
               "shell_moerdijk,shell_pernis,fuel gas,fuel-gas,0.03,2,ESTIMATE: test\n");
    expect_error(copy, "edges.csv", 3, "coupling", "unknown coupling 'fuel-gas'; expected one of: product, by_product, utility, fuel_gas");
    try {
        (void)load_inputs(copy.scenario());
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.where().column == 38);  // where "fuel-gas" starts
    }
}

TEST_CASE("infrastructure.toml is validated", "[loader]") {
    SmallCopy copy;
    SECTION("negative storage") {
        const int line = copy.replace("infrastructure.toml", "2030 = 24.5", "2030 = -24.5");
        expect_error(copy, "infrastructure.toml", line, "national.co2_storage_mt.2030", "expected a number in [0, 1e+12]");
    }
    SECTION("unknown key") {
        const int line = copy.replace("infrastructure.toml", "h2_connection_year = 2032", "h2_conection_year = 2032");
        expect_error(copy, "infrastructure.toml", line, "clusters.chemelot.h2_conection_year", "unknown key");
    }
}

TEST_CASE("a plant's own options replace same-named sector options or are added", "[loader]") {
    const Inputs in = load_inputs(kSmall / "scenario.toml");
    const auto plant_of = [&](const std::string& id) {
        for (std::size_t p = 0; p < in.plants.size(); ++p)
            if (in.plants[p].id == id) return p;
        FAIL("no plant " << id);
        return std::size_t{0};
    };
    const auto names = [&](std::size_t p) {
        std::vector<std::string> ids;
        for (int t : in.plant_technologies[p]) ids.push_back(in.technologies[static_cast<std::size_t>(t)].id);
        return ids;
    };
    const auto yara = names(plant_of("yara_sluiskil"));
    const auto oci = names(plant_of("oci_geleen"));
    CHECK(std::find(yara.begin(), yara.end(), "yara_sluiskil/ccs_process_co2") != yara.end());
    CHECK(std::find(yara.begin(), yara.end(), "ammonia/ccs_process_co2") == yara.end());
    CHECK(std::find(yara.begin(), yara.end(), "yara_sluiskil/biogas_boilers") != yara.end());
    CHECK(yara.size() == oci.size() + 1);
    CHECK(std::find(oci.begin(), oci.end(), "ammonia/ccs_process_co2") != oci.end());
    for (int t : in.plant_technologies[plant_of("yara_sluiskil")]) {
        const eiisim::TechnologySpec& tech = in.technologies[static_cast<std::size_t>(t)];
        if (tech.plant >= 0) CHECK(in.plants[static_cast<std::size_t>(tech.plant)].id == "yara_sluiskil");
    }
}

TEST_CASE("plant options are validated", "[loader]") {
    SmallCopy copy;
    SECTION("unknown plant") {
        const int line = copy.replace("plant_options.csv", "yara_sluiskil,biogas_boilers", "yara_sluiskill,biogas_boilers");
        expect_error(copy, "plant_options.csv", line, "plant", "unknown plant 'yara_sluiskill'");
    }
    SECTION("keep is not a plant option") {
        const int line = copy.replace("plant_options.csv", "biogas_boilers,bio,", "biogas_boilers,keep,");
        expect_error(copy, "plant_options.csv", line, "kind", "sector catalogue");
    }
    SECTION("replacing an option of another kind") {
        const int line = copy.replace("plant_options.csv", "ccs_process_co2,ccs,", "ccs_process_co2,bio,");
        expect_error(copy, "plant_options.csv", line, "kind", "another kind");
    }
}

TEST_CASE("a by-product edge carries a supplier loss and no offtake", "[loader][value_chain]") {
    using eiisim::EdgeCoupling;
    SECTION("read") {
        SmallCopy copy;
        write_text(copy.file("edges.csv"),
                   "supplier,customer,product,coupling,offtake_share,integration_benefit_eur_per_t,"
                   "supplier_loss_eur_per_t,source\n"
                   "dow_terneuzen,yara_sluiskil,hydrogen,by_product,0,3,2.5,ESTIMATE: test\n"
                   "shell_moerdijk,shell_pernis,steam,utility,0.03,2,,ESTIMATE: test\n");
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.edges.size() == 2);
        CHECK(in.edges[0].coupling == EdgeCoupling::by_product);
        CHECK(in.edges[0].supplier_loss_eur_per_t == 2.5);
        CHECK(in.edges[1].coupling == EdgeCoupling::utility);
        CHECK(in.edges[1].supplier_loss_eur_per_t == 0.0);  // empty cell
    }
    SECTION("an offtake share on a by-product edge is an input error") {
        SmallCopy copy;
        write_text(copy.file("edges.csv"),
                   "supplier,customer,product,coupling,offtake_share,integration_benefit_eur_per_t,source\n"
                   "dow_terneuzen,yara_sluiskil,hydrogen,by_product,0.02,3,ESTIMATE: test\n");
        expect_error(copy, "edges.csv", 2, "offtake_share", "expected 0 on a by_product edge");
    }
}

TEST_CASE("pipeline networks are read with their members and checked", "[loader][networks]") {
    SmallCopy copy;
    write_text(copy.file("networks.csv"),
               "network,product,coupling,headroom_share,import_share,import_cost_share,source\n"
               "naphtha,naphtha,product,0.1,0.2,0.5,ESTIMATE: test\n");
    write_text(copy.file("network_members.csv"),
               "network,plant_id,role,flow_kt,offtake_share,replacement_eur_per_t,source\n"
               "naphtha,shell_pernis,producer,500,0.1,0,ESTIMATE: test\n"
               "naphtha,zeeland_refinery,producer,300,0.1,0,ESTIMATE: test\n"
               "naphtha,oci_geleen,consumer,700,0,8,ESTIMATE: test\n");
    SECTION("valid") {
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.networks.size() == 1);
        CHECK(in.networks[0].members.size() == 3);
        CHECK(in.networks[0].headroom_share == 0.1);
        CHECK(in.networks[0].members[2].role == eiisim::NetworkRole::consumer);
    }
    SECTION("unknown plant") {
        const int line = copy.replace("network_members.csv", "oci_geleen", "oci_gelen");
        expect_error(copy, "network_members.csv", line, "plant_id", "unknown plant 'oci_gelen'");
    }
    SECTION("unknown network") {
        const int line = copy.replace("network_members.csv", "naphtha,zeeland", "nafta,zeeland");
        expect_error(copy, "network_members.csv", line, "network", "unknown network 'nafta'");
    }
    SECTION("a consumer with an offtake share") {
        const int line = copy.replace("network_members.csv", "consumer,700,0,8", "consumer,700,0.2,8");
        expect_error(copy, "network_members.csv", line, "offtake_share", "expected 0 for a consumer");
    }
    SECTION("consumers drawing more than producers deliver") {
        copy.replace("network_members.csv", "consumer,700,0,8", "consumer,900,0,8");
        expect_error(copy, "networks.csv", 2, "network", "expected consumers' flows <= producers' flows");
    }
    SECTION("a utility-only coupling") {
        copy.replace("networks.csv", "naphtha,product", "naphtha,fuel_gas");
        expect_error(copy, "networks.csv", 2, "coupling", "expected product or utility");
    }
}

// plants.csv `site` (optional): units of one site share operator and cluster; a blank site
// is the plant's own id (docs/input-format.md).
namespace {
void add_site_column(const SmallCopy& copy, const std::string& yara_site, const std::string& zeeland_site) {
    copy.replace("plants.csv", "id,name,operator,cluster", "id,name,operator,site,cluster");
    const std::array<std::pair<std::string, std::string>, 6> operators{{
        {"\"Yara Nederland\",", yara_site}, {"\"OCI Nitrogen\",", ""},
        {"\"Shell Nederland Raffinaderij\",", ""}, {"\"Zeeland Refinery N.V.\",", zeeland_site},
        {"\"Shell Nederland Chemie\",", ""}, {"\"Dow Benelux\",", ""}}};
    for (const auto& [op, site] : operators) copy.replace("plants.csv", op, op + site + ",");
}
}  // namespace

TEST_CASE("plants.csv site: units of a site share operator and cluster", "[loader][site]") {
    SmallCopy copy;
    SECTION("a blank site is the plant's own id, a named one is kept") {
        add_site_column(copy, "sluiskil", "");
        const Inputs in = load_inputs(copy.scenario());
        for (const eiisim::PlantSpec& p : in.plants) CHECK(p.site == (p.id == "yara_sluiskil" ? "sluiskil" : p.id));
    }
    SECTION("two operators on one site") {
        add_site_column(copy, "sluiskil", "sluiskil");
        expect_error(copy, "plants.csv", copy.line_of("plants.csv", "zeeland_refinery,"), "site",
                     "units of site 'sluiskil' must share operator and cluster");
    }
}

TEST_CASE("observed_prices.csv errors name file, line and field", "[loader][observed_prices]") {
    SmallCopy copy;
    const std::string header = "series,year,value,unit,source\n";
    const auto write = [&](const std::string& rows) { write_text(copy.file("observed_prices.csv"), header + rows); };
    SECTION("unknown series") {
        write("gas_eur_per_mwh,2020,12,EUR/MWh(GCV),s\ngas_price,2020,12,EUR/MWh(GCV),s\n");
        expect_error(copy, "observed_prices.csv", 3, "series", "unknown series 'gas_price'");
    }
    SECTION("unknown sector of a product price index") {
        write("product_price_index.cement,2020,1.1,1,s\n");
        expect_error(copy, "observed_prices.csv", 2, "series", "unknown sector 'cement'");
    }
    SECTION("unit other than the setting's") {
        write("gas_eur_per_mwh,2020,3.3,EUR/GJ,s\n");
        expect_error(copy, "observed_prices.csv", 2, "unit", "EUR/MWh(GCV)");
    }
    SECTION("years not consecutive") {
        write("ets_eur_per_t,2020,25,EUR/t,s\nets_eur_per_t,2022,81,EUR/t,s\n");
        expect_error(copy, "observed_prices.csv", 3, "year", "consecutive");
    }
    SECTION("negative value") {
        write("ets_eur_per_t,2020,-1,EUR/t,s\n");
        expect_error(copy, "observed_prices.csv", 2, "value");
    }
    SECTION("one connection level's network tariff without the others") {
        write("electricity_eur_per_mwh,2020,32,EUR/MWh,s\nnetwork_tariff_hv_eur_per_mwh,2020,4,EUR/MWh,s\n");
        expect_error(copy, "observed_prices.csv", 3, "series", "connection levels");
    }
    SECTION("connection levels' network tariffs observed for different years") {
        write("network_tariff_ehv_eur_per_mwh,2020,3,EUR/MWh,s\nnetwork_tariff_hv_eur_per_mwh,2020,4,EUR/MWh,s\n"
              "network_tariff_hv_eur_per_mwh,2021,4,EUR/MWh,s\nnetwork_tariff_regional_eur_per_mwh,2020,9,EUR/MWh,s\n");
        expect_error(copy, "observed_prices.csv", 3, "series", "same years");
    }
    SECTION("wholesale electricity alone loads: the tariffs are separate paths now") {
        write("electricity_eur_per_mwh,2020,32,EUR/MWh,s\n");
        const Inputs in = load_inputs(copy.scenario());
        CHECK(in.scenario.prices.electricity_eur_per_gj.at(2020) == Approx(32 / 3.6));
    }
    SECTION("empty source") {
        write("ets_eur_per_t,2020,25,EUR/t,\n");
        expect_error(copy, "observed_prices.csv", 2, "source");
    }
    SECTION("a well-formed file loads") {
        write("ets_eur_per_t,2020,25,EUR/t,s\nets_eur_per_t,2021,54,EUR/t,s\nimport_eur_per_t.ammonia,2020,280,EUR/t,s\n");
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.observed_prices.size() == 2);
        CHECK(in.scenario.prices.ets_eur_per_t.at(2021) == Approx(54));
        CHECK(in.scenario.prices.import_eur_per_t[0].at(2020) == Approx(280));
    }
}

TEST_CASE("observed history is read and checked", "[loader][history]") {
    SmallCopy copy;
    write_text(copy.file("history.csv"),
               "plant_id,kind,first_year,last_year,share,route,exogenous,source\n"
               "yara_sluiskil,curtailment,2022,2023,0.6,,0,ESTIMATE: test\n"
               "dow_terneuzen,closure,2025,,0.4,,0,test\n"
               "oci_geleen,project,2027,,,ccs_process_co2,0,test\n");
    SECTION("valid") {
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.history.size() == 3);
        CHECK(in.history[0].kind == eiisim::HistoryKind::curtailment);
        CHECK(in.history[0].last_year == 2023);
        CHECK(in.history[1].last_year == 2025);  // empty: its first year
        CHECK(in.technologies[static_cast<std::size_t>(in.history[2].technology)].name == "ccs_process_co2");
    }
    SECTION("optional") {
        fs::remove(copy.file("history.csv"));
        CHECK(load_inputs(copy.scenario()).history.empty());
    }
    SECTION("unknown plant") {
        const int line = copy.replace("history.csv", "oci_geleen", "oci_gelen");
        expect_error(copy, "history.csv", line, "plant_id", "unknown plant 'oci_gelen'");
    }
    SECTION("unknown route") {
        const int line = copy.replace("history.csv", "ccs_process_co2", "ccs_everything");
        expect_error(copy, "history.csv", line, "route", "unknown route 'ccs_everything'");
    }
    SECTION("a year in or before the base year") {
        const int line = copy.replace("history.csv", "curtailment,2022", "curtailment,2020");
        expect_error(copy, "history.csv", line, "first_year");
    }
    SECTION("a last year before the first") {
        const int line = copy.replace("history.csv", "2022,2023", "2022,2021");
        expect_error(copy, "history.csv", line, "last_year", "expected a year >= first_year");
    }
    SECTION("a utilisation above 1") {
        const int line = copy.replace("history.csv", "0.6", "1.2");
        expect_error(copy, "history.csv", line, "share");
    }
    SECTION("a negative share closed") {
        const int line = copy.replace("history.csv", "0.4", "-0.4");
        expect_error(copy, "history.csv", line, "share");
    }
    SECTION("overlapping utilisations of one plant") {
        const int line = copy.append("history.csv", "yara_sluiskil,outage,2023,2024,0.2,,1,test");
        expect_error(copy, "history.csv", line, "first_year", "overlap");
    }
    SECTION("an unknown kind") {
        const int line = copy.replace("history.csv", "closure", "shutdown");
        expect_error(copy, "history.csv", line, "kind", "unknown kind 'shutdown'");
    }
}

TEST_CASE("co2_connections.csv is read, optional and checked", "[loader][co2_connection]") {
    SmallCopy copy;
    write_text(copy.file("co2_connections.csv"),
               "# plant-level CO2 connections\n"
               "plant,mode,first_year,source\n"
               "yara_sluiskil,ship,2026,test\n"
               "oci_geleen,pipeline,2031,ESTIMATE: test\n");
    const auto plant = [](const Inputs& in, const std::string& id) {
        const auto it = std::find_if(in.plants.begin(), in.plants.end(), [&](const auto& p) { return p.id == id; });
        REQUIRE(it != in.plants.end());
        return *it;
    };
    SECTION("valid") {
        const Inputs in = load_inputs(copy.scenario());
        CHECK(plant(in, "yara_sluiskil").co2_connection_year == 2026);
        CHECK(plant(in, "yara_sluiskil").co2_transport == eiisim::Co2Transport::ship);
        CHECK(plant(in, "oci_geleen").co2_connection_year == 2031);
        CHECK(plant(in, "oci_geleen").co2_transport == eiisim::Co2Transport::pipeline);
        CHECK(plant(in, "shell_pernis").co2_connection_year == eiisim::kNoPlantConnection);
    }
    SECTION("optional") {
        fs::remove(copy.file("co2_connections.csv"));
        for (const auto& p : load_inputs(copy.scenario()).plants)
            CHECK(p.co2_connection_year == eiisim::kNoPlantConnection);
    }
    SECTION("the CO2 delay moves pipeline rows, not ship rows") {
        copy.replace("scenario.toml", "co2_delay_y = 0", "co2_delay_y = 2");
        const Inputs in = load_inputs(copy.scenario());
        CHECK(plant(in, "yara_sluiskil").co2_connection_year == 2026);
        CHECK(plant(in, "oci_geleen").co2_connection_year == 2033);
    }
    SECTION("unknown plant") {
        const int line = copy.replace("co2_connections.csv", "oci_geleen", "oci_gelen");
        expect_error(copy, "co2_connections.csv", line, "plant", "unknown plant 'oci_gelen'");
    }
    SECTION("a second row for a plant") {
        const int line = copy.append("co2_connections.csv", "yara_sluiskil,pipeline,2030,test");
        expect_error(copy, "co2_connections.csv", line, "plant", "already has a row");
    }
    SECTION("bad mode") {
        const int line = copy.replace("co2_connections.csv", "ship", "truck");
        expect_error(copy, "co2_connections.csv", line, "mode", "unknown mode 'truck'");
    }
    SECTION("year out of range") {
        const int line = copy.replace("co2_connections.csv", "2026", "20260");
        expect_error(copy, "co2_connections.csv", line, "first_year");
    }
    SECTION("empty source") {
        const int line = copy.replace("co2_connections.csv", "2026,test", "2026,");
        expect_error(copy, "co2_connections.csv", line, "source");
    }
}

TEST_CASE("the ship fee defaults to the pipeline fee; shipping capacity is optional", "[loader][co2_connection]") {
    SmallCopy copy;
    SECTION("absent") {
        const Inputs in = load_inputs(copy.scenario());
        CHECK(in.scenario.prices.co2_ship_transport_storage_eur_per_t ==
              in.scenario.prices.co2_transport_storage_eur_per_t);
        CHECK(in.national.co2_shipping_t.at(2030) == 0.0);
    }
    SECTION("given, and scaled by co2_shipping_factor") {
        copy.replace("scenario.toml", "co2_transport_storage_eur_per_t = { 2020 = 60, 2030 = 50, 2050 = 40 }",
                     "co2_transport_storage_eur_per_t = { 2020 = 60, 2030 = 50, 2050 = 40 }\n"
                     "co2_ship_transport_storage_eur_per_t = 90");
        copy.replace("scenario.toml", "co2_storage_factor = 1.0", "co2_storage_factor = 1.0\nco2_shipping_factor = 0.5");
        copy.replace("infrastructure.toml", "co2_storage_mt = { 2020 = 0, 2026 = 2.5, 2030 = 24.5 }",
                     "co2_storage_mt = { 2020 = 0, 2026 = 2.5, 2030 = 24.5 }\nco2_shipping_mt = { 2020 = 0, 2026 = 0.8 }");
        const Inputs in = load_inputs(copy.scenario());
        CHECK(in.scenario.prices.co2_ship_transport_storage_eur_per_t.at(2030) == Approx(90.0));
        CHECK(in.national.co2_shipping_t.at(2030) == Approx(0.4e6));
    }
}

TEST_CASE("observed sector activity is read and checked", "[loader][history]") {
    SmallCopy copy;
    write_text(copy.file("sector_activity.csv"),
               "sector,year,index,source\n"
               "ammonia,2022,0.8,ESTIMATE: test\n"
               "ethylene,2023,0.9,test\n");
    SECTION("valid") {
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.sector_activity.size() == 2);
        CHECK(in.sectors[static_cast<std::size_t>(in.sector_activity[1].sector)].id == "ethylene");
        CHECK(in.sector_activity[0].year == 2022);
        CHECK(in.sector_activity[0].index == Approx(0.8));
    }
    SECTION("optional") {
        fs::remove(copy.file("sector_activity.csv"));
        CHECK(load_inputs(copy.scenario()).sector_activity.empty());
    }
    SECTION("unknown sector") {
        const int line = copy.replace("sector_activity.csv", "ammonia,", "amonia,");
        expect_error(copy, "sector_activity.csv", line, "sector", "unknown sector 'amonia'");
    }
    SECTION("a year in or before the base year") {
        const int line = copy.replace("sector_activity.csv", "2022", "2020");
        expect_error(copy, "sector_activity.csv", line, "year");
    }
    SECTION("a non-positive index") {
        const int line = copy.replace("sector_activity.csv", "0.8", "0");
        expect_error(copy, "sector_activity.csv", line, "index");
    }
    SECTION("an empty source") {
        const int line = copy.replace("sector_activity.csv", ",test", ",");
        expect_error(copy, "sector_activity.csv", line, "source");
    }
    SECTION("two indices for one sector-year") {
        const int line = copy.append("sector_activity.csv", "ammonia,2022,0.7,test");
        expect_error(copy, "sector_activity.csv", line, "year", "already has an index");
    }
}
