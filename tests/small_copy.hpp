#pragma once
// A fresh copy of tests/data/small in its own temp folder that a loader test mutates,
// and the check that loading it fails with an InputError at file:line naming a field.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/input_error.hpp"
#include "inputs/dataset_loader.hpp"

namespace eiisim::testing {

namespace fs = std::filesystem;

inline const fs::path kSmall = fs::path(EIISIM_SOURCE_DIR) / "tests" / "data" / "small";

inline std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

inline int line_at(const std::string& text, std::size_t pos) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// A fresh copy of tests/data/small, removed again at the end of the test.
class SmallCopy {
public:
    SmallCopy() {
        std::string pattern = (fs::temp_directory_path() / "eiisim-loader-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
        fs::copy(kSmall, dir_, fs::copy_options::recursive);
    }
    ~SmallCopy() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    SmallCopy(const SmallCopy&) = delete;
    SmallCopy& operator=(const SmallCopy&) = delete;

    [[nodiscard]] fs::path scenario() const { return dir_ / "scenario.toml"; }
    [[nodiscard]] fs::path file(const std::string& name) const {
        return name == "scenario.toml" ? scenario() : dir_ / "dataset" / name;
    }
    // Replaces the one occurrence of `from` and returns the line where it was.
    int replace(const std::string& name, const std::string& from, const std::string& to) const {
        std::string text = read_text(file(name));
        const auto pos = text.find(from);
        REQUIRE(pos != std::string::npos);
        REQUIRE(text.find(from, pos + 1) == std::string::npos);
        text.replace(pos, from.size(), to);
        write_text(file(name), text);
        return line_at(text, pos);
    }
    // Appends a line and returns its line number.
    int append(const std::string& name, const std::string& line) const {
        std::string text = read_text(file(name));
        if (!text.empty() && text.back() != '\n') text += '\n';
        const int number = line_at(text, text.size());
        write_text(file(name), text + line + "\n");
        return number;
    }
    [[nodiscard]] int line_of(const std::string& name, const std::string& needle) const {
        const std::string text = read_text(file(name));
        const auto pos = text.find(needle);
        REQUIRE(pos != std::string::npos);
        return line_at(text, pos);
    }

private:
    fs::path dir_;
};

// Loads and expects an InputError at file:line naming `field`, with `problem` in the text.
inline void expect_error(const SmallCopy& copy, const std::string& file, int line, const std::string& field,
                  const std::string& problem = "") {
    try {
        (void)eiisim::load_inputs(copy.scenario());
        FAIL("expected an InputError for " << file << ":" << line << " field " << field);
    } catch (const eiisim::InputError& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK(fs::path(e.where().file).filename().string() == file);
        CHECK(e.where().line == line);
        CHECK(e.field() == field);
        CHECK(message.find(file + ":" + std::to_string(line)) != std::string::npos);
        if (!field.empty()) CHECK(message.find("'" + field + "'") != std::string::npos);
        if (!problem.empty()) CHECK(message.find(problem) != std::string::npos);
    }
}

}  // namespace eiisim::testing
