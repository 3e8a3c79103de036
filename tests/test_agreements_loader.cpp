// Loading agreements.csv, agreement_plants.csv, [[instruments]] and [agreements]: each
// rule rejects bad input with an InputError naming file, line and field. Each case adds
// the tables to a fresh copy of tests/data/small (which has none) and breaks one thing.
#include <catch2/catch.hpp>

#include <string>

#include "small_copy.hpp"

using namespace eiisim;
using namespace eiisim::testing;

namespace {

constexpr const char* kAgreementsHeader =
    "id,firm,stage,stage_year,start_year,target_year,reduction_kt,aid_meur,aid_form,instrument,conditions,source";
constexpr const char* kUnitsHeader = "agreement,plant,technology,capture_kt,source";

// The small dataset with a binding SDE++ award for Shell Pernis and stopped talks with
// Shell Moerdijk, and an investment instrument beside the scenario's "sde".
struct AgreementsCopy : SmallCopy {
    AgreementsCopy() {
        write_text(file("agreements.csv"), std::string(kAgreementsHeader) +
                                               "\npernis_ccs,Shell,binding,2024,2027,2027,1000,100,operating,sde,,test"
                                               "\nmoerdijk_talks,Shell,stopped,2025,,,,0,none,,,test\n");
        write_text(file("agreement_plants.csv"), std::string(kUnitsHeader) +
                                                     "\npernis_ccs,shell_pernis,ccs_smr_and_chp,,test"
                                                     "\nmoerdijk_talks,shell_moerdijk,,,test\n");
        append("scenario.toml", "\n[[instruments]]\nid = \"niki\"\nform = \"investment\"\nkinds = [\"hydrogen\"]\n"
                                "budget_meur = 100\ncapex_share = 0.3\nsource = \"test\"");
    }
};

}  // namespace

TEST_CASE("agreements load with their units, instruments and sized capture", "[agreements_loader]") {
    const AgreementsCopy copy;
    copy.append("agreements.csv", "yara_ccs,Yara,binding,2023,2026,2026,800,0,none,,,test");
    copy.append("agreement_plants.csv", "yara_ccs,yara_sluiskil,ccs_process_co2,800,test");
    const Inputs in = load_inputs(copy.scenario());
    REQUIRE(in.agreements.size() == 3);
    CHECK(in.agreements[0].stage == AgreementStage::binding);
    CHECK(in.agreements[0].aid_eur == Approx(1e8));
    CHECK(in.agreements[0].instrument_index == 0);
    CHECK(in.agreements[1].stage == AgreementStage::stopped);
    CHECK(in.agreements[1].units.at(0).technology == -1);
    const AgreementUnit& yara = in.agreements[2].units.at(0);
    const PlantSpec& plant = in.plants[static_cast<std::size_t>(yara.plant)];
    CHECK(in.technologies[static_cast<std::size_t>(yara.technology)].capture_rate ==
          Approx(8e5 / (plant.co2_combustion_t + plant.co2_process_t)));
}

TEST_CASE("agreements.csv errors name file, line and field", "[agreements_loader]") {
    SECTION("unknown stage") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreements.csv", "Shell,binding", "Shell,signed");
        expect_error(copy, "agreements.csv", line, "stage", "signed");
    }
    SECTION("aid without instrument") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreements.csv", "operating,sde", "operating,");
        expect_error(copy, "agreements.csv", line, "instrument");
    }
    SECTION("unknown instrument") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreements.csv", "operating,sde", "operating,owe");
        expect_error(copy, "agreements.csv", line, "instrument", "owe");
    }
    SECTION("operating aid paid by an investment instrument") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreements.csv", "operating,sde", "operating,niki");
        expect_error(copy, "agreements.csv", line, "aid_form", "niki");
    }
    SECTION("duplicate id") {
        const AgreementsCopy copy;
        const int line = copy.append("agreements.csv", "pernis_ccs,Shell,jloi,2025,2028,2028,,0,none,,,test");
        expect_error(copy, "agreements.csv", line, "id", "pernis_ccs");
    }
}

TEST_CASE("agreement_plants.csv errors name file, line and field", "[agreements_loader]") {
    SECTION("unknown agreement") {
        const AgreementsCopy copy;
        const int line = copy.append("agreement_plants.csv", "dow_talks,dow_terneuzen,,,test");
        expect_error(copy, "agreement_plants.csv", line, "agreement", "dow_talks");
    }
    SECTION("unknown plant") {
        const AgreementsCopy copy;
        const int line = copy.append("agreement_plants.csv", "moerdijk_talks,shell_rheden,,,test");
        expect_error(copy, "agreement_plants.csv", line, "plant", "shell_rheden");
    }
    SECTION("no route for an agreement that is not stopped") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreement_plants.csv", "shell_pernis,ccs_smr_and_chp", "shell_pernis,");
        expect_error(copy, "agreement_plants.csv", line, "technology");
    }
    SECTION("capture_kt on a sector option") {
        const AgreementsCopy copy;
        const int line = copy.replace("agreement_plants.csv", "ccs_smr_and_chp,,", "ccs_smr_and_chp,500,");
        expect_error(copy, "agreement_plants.csv", line, "capture_kt", "own CCS");
    }
    SECTION("capture_kt above the plant's CO2") {
        const AgreementsCopy copy;
        copy.append("agreements.csv", "yara_ccs,Yara,binding,2023,2026,2026,800,0,none,,,test");
        const int line = copy.append("agreement_plants.csv", "yara_ccs,yara_sluiskil,ccs_process_co2,3500,test");
        expect_error(copy, "agreement_plants.csv", line, "capture_kt", "3280");
    }
}

TEST_CASE("[[instruments]] errors name file, line and field", "[agreements_loader]") {
    SECTION("bad form") {
        const AgreementsCopy copy;
        const int line = copy.replace("scenario.toml", "form = \"investment\"", "form = \"loan\"");
        expect_error(copy, "scenario.toml", line, "instruments[2].form", "loan");
    }
    SECTION("unknown kind") {
        const AgreementsCopy copy;
        const int line = copy.replace("scenario.toml", "kinds = [\"hydrogen\"]", "kinds = [\"nuclear\"]");
        expect_error(copy, "scenario.toml", line, "instruments[2].kinds", "nuclear");
    }
    SECTION("operating-only key on an investment instrument") {
        const AgreementsCopy copy;
        const int line = copy.replace("scenario.toml", "capex_share = 0.3", "capex_share = 0.3\ncontract_years = 10") + 1;
        expect_error(copy, "scenario.toml", line, "instruments[2].contract_years", "operating");
    }
    SECTION("duplicate id") {
        const AgreementsCopy copy;
        const int line = copy.replace("scenario.toml", "id = \"niki\"", "id = \"sde\"");
        expect_error(copy, "scenario.toml", line, "instruments[2].id", "sde");
    }
    SECTION("more than kMaxOffersPerKind application instruments for one kind") {
        const AgreementsCopy copy;
        // "sde" takes ccs applications; three more fit, the fourth is one too many
        int line = 0;
        for (int i = 0; i < kMaxOffersPerKind; ++i) {
            copy.append("scenario.toml", "\n[[instruments]]\nid = \"ccs" + std::to_string(i) +
                                             "\"\nform = \"investment\"\ncapex_share = 0.1\nbudget_meur = 10\nsource = \"test\"");
            line = copy.append("scenario.toml", "kinds = [\"ccs\"]");
        }
        expect_error(copy, "scenario.toml", line, "instruments[6].kinds", "ccs");
    }
    SECTION("unknown technology name") {
        const AgreementsCopy copy;
        const int line = copy.replace("scenario.toml", "kinds = [\"hydrogen\"]", "technologies = [\"fusion\"]");
        expect_error(copy, "scenario.toml", line, "instruments[2].technologies", "fusion");
    }
}

TEST_CASE("[agreements] probabilities above 1 are an error", "[agreements_loader]") {
    const AgreementsCopy copy;
    const int line = copy.append("scenario.toml", "\n[agreements]\njloi_binding_probability = 0.7") + 2;
    copy.append("scenario.toml", "jloi_delayed_probability = 0.4");
    expect_error(copy, "scenario.toml", line + 1, "agreements.jloi_delayed_probability", "0.3");
}

TEST_CASE("[agreements.fixed] sets an EoP's or JLoI's outcome; anything else is an error", "[agreements_loader]") {
    const AgreementsCopy copy;
    copy.append("agreements.csv", "tata_deal,Tata,jloi,2025,2030,2030,5400,0,none,,,test");
    copy.append("agreement_plants.csv", "tata_deal,shell_pernis,ccs_smr_and_chp,,test");
    const int line = copy.append("scenario.toml", "\n[agreements.fixed]\ntata_deal = \"late\"") + 2;
    SECTION("loads") {
        const Inputs in = load_inputs(copy.scenario());
        REQUIRE(in.scenario.agreements.fixed.size() == 1);
        CHECK(in.scenario.agreements.fixed[0].id == "tata_deal");
        CHECK(in.scenario.agreements.fixed[0].fate == AgreementFate::late);
    }
    SECTION("an outcome a draw cannot give") {
        copy.replace("scenario.toml", "tata_deal = \"late\"", "tata_deal = \"soon\"");
        expect_error(copy, "scenario.toml", line, "agreements.fixed.tata_deal", "soon");
    }
    SECTION("an agreement agreements.csv does not have") {
        copy.replace("scenario.toml", "tata_deal = \"late\"", "tata_dael = \"late\"");
        expect_error(copy, "scenario.toml", line, "agreements.fixed.tata_dael", "tata_dael");
    }
    SECTION("a binding agreement holds in every run") {
        copy.replace("scenario.toml", "tata_deal = \"late\"", "pernis_ccs = \"failed\"");
        expect_error(copy, "scenario.toml", line, "agreements.fixed.pernis_ccs", "binding");
    }
}
