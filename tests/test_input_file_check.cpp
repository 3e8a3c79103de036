// Every input file is checked before it is read (inputs/input_file_check.hpp) and every
// CSV field must be UTF-8 (inputs/csv_reader.cpp): issue 16's findings, each a case.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cstring>

#include "core/utf8.hpp"
#include "inputs/csv_reader.hpp"
#include "inputs/input_file_check.hpp"
#include "small_copy.hpp"

namespace eiisim {
namespace {

using testing::SmallCopy;
namespace fs = std::filesystem;

// The InputError loading `copy` throws; fails the test when it loads.
InputError load_failure(const SmallCopy& copy) {
    try {
        (void)load_inputs(copy.scenario());
    } catch (const InputError& e) {
        return e;
    }
    FAIL("the inputs loaded");
    throw std::logic_error("unreachable");
}

std::string load_error(const SmallCopy& copy) { return load_failure(copy).what(); }

void replace_by(const fs::path& file, const std::function<void(const fs::path&)>& make) {
    fs::remove(file);
    make(file);
}

}  // namespace

TEST_CASE("a required input that is no regular file is refused naming the file and what it is", "[input_files]") {
    SmallCopy copy;
    const fs::path sectors = copy.file("sectors.csv");
    SECTION("a directory: not 'the file is empty'") {
        replace_by(sectors, [](const fs::path& f) { fs::create_directory(f); });
        const std::string error = load_error(copy);
        CHECK_THAT(error, Catch::Contains("sectors.csv") && Catch::Contains("is a directory"));
        CHECK_THAT(error, !Catch::Contains("empty"));
    }
    SECTION("a FIFO is refused at once, without waiting for a writer") {
        replace_by(sectors, [](const fs::path& f) { REQUIRE(::mkfifo(f.c_str(), 0644) == 0); });
        CHECK_THAT(load_error(copy), Catch::Contains("sectors.csv") && Catch::Contains("named pipe (FIFO)"));
    }
    SECTION("a symbolic link to /dev/zero is a device") {
        replace_by(sectors, [](const fs::path& f) { fs::create_symlink("/dev/zero", f); });
        CHECK_THAT(load_error(copy), Catch::Contains("sectors.csv") && Catch::Contains("is a device"));
    }
    SECTION("a socket") {
        replace_by(sectors, [](const fs::path& f) {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            REQUIRE(f.string().size() < sizeof addr.sun_path);
            std::strncpy(addr.sun_path, f.c_str(), sizeof addr.sun_path - 1);
            REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);  // NOLINT: the socket API
            ::close(fd);
        });
        CHECK_THAT(load_error(copy), Catch::Contains("sectors.csv") && Catch::Contains("is a socket"));
    }
    SECTION("a dangling symbolic link is named as such") {
        replace_by(sectors, [](const fs::path& f) { fs::create_symlink("gone.csv", f); });
        CHECK_THAT(load_error(copy), Catch::Contains("sectors.csv") && Catch::Contains("dangling symbolic link") &&
                                         Catch::Contains("gone.csv"));
    }
    SECTION("a file larger than the limit (sparse: nothing is written)") {
        { std::ofstream grow(sectors, std::ios::app); }
        fs::resize_file(sectors, kMaxInputFileBytes + 1);
        CHECK_THAT(load_error(copy), Catch::Contains("sectors.csv") && Catch::Contains("256 MiB"));
    }
    SECTION("the scenario file itself: a directory") {
        const fs::path scenario = copy.scenario();
        replace_by(scenario, [](const fs::path& f) { fs::create_directory(f); });
        CHECK_THAT(load_error(copy), Catch::Contains("scenario.toml") && Catch::Contains("is a directory"));
    }
}

TEST_CASE("an optional input behind a dangling symbolic link is an error, not absent", "[input_files]") {
    SmallCopy copy;
    const fs::path options = copy.file("plant_options.csv");
    fs::remove(options);
    (void)load_inputs(copy.scenario());  // absent: fine
    fs::create_symlink("nowhere/plant_options.csv", options);
    CHECK_THAT(load_error(copy),
               Catch::Contains("plant_options.csv") && Catch::Contains("dangling symbolic link"));
    CHECK_FALSE(optional_input_present(copy.file("no_such_table.csv")));
}

TEST_CASE("UTF-8 validity: well-formed text passes, each malformed form is found", "[input_files]") {
    CHECK(first_invalid_utf8("Tata Steel IJmuiden, Chemelot-Geleen, €, 日本, 😀") == std::string_view::npos);
    const std::array<std::pair<std::string_view, std::size_t>, 7> bad{{
        {"caf\xE9", 3},                // Latin-1 é
        {"ab\xC3", 2},                 // a sequence cut short
        {"\xC0\xAF", 0},               // overlong '/'
        {"x\xED\xA0\x80", 1},          // a UTF-16 surrogate
        {"\xF4\x90\x80\x80", 0},       // above U+10FFFF
        {"ok\x80", 2},                 // a lone continuation byte
        {"\xFF", 0},
    }};
    for (const auto& [text, at] : bad) CHECK(first_invalid_utf8(text) == at);
}

TEST_CASE("a CSV field that is not UTF-8 is refused naming file, line, column and field", "[input_files]") {
    SmallCopy copy;
    const int line = copy.replace("plants.csv", "\"Yara Sluiskil\"", "\"Yara Sluiskil \xE9\"");
    const InputError e = load_failure(copy);
    CHECK_THAT(e.where().file, Catch::EndsWith("plants.csv"));
    CHECK(e.where().line == line);
    CHECK(e.where().column > 1);
    CHECK(e.field() == "name");
    CHECK_THAT(std::string(e.what()), Catch::Contains("not valid UTF-8") && Catch::Contains("0xE9"));
    static constexpr std::array<CsvColumn, 1> kName{{{"name"}}};
    CHECK_THROWS_WITH(CsvTable::parse("name\nok\n\"quoted \xFF\"\n", "t.csv", kName),
                      Catch::Contains("t.csv:3") && Catch::Contains("not valid UTF-8"));
    CHECK_NOTHROW(CsvTable::parse("name\nStahl Düsseldorf\n", "t.csv", kName));
}

TEST_CASE("a TOML string that is not UTF-8 is refused with file and line", "[input_files]") {
    SmallCopy copy;
    const int line = copy.replace("scenario.toml", "name = \"small-current-policy\"", "name = \"small-caf\xE9\"");
    const InputError e = load_failure(copy);
    CHECK_THAT(e.where().file, Catch::EndsWith("scenario.toml"));
    CHECK(e.where().line == line);
}

}  // namespace eiisim
