#pragma once
// A small RFC 4180 CSV reader for the dataset tables, plus helpers that read one typed
// field and throw InputError naming file, line, column and field when it is not what
// the table promises. Quoted fields may hold commas, doubled quotes and line breaks;
// empty lines and lines starting with '#' are skipped; unquoted fields are trimmed of
// surrounding blanks (a stray space after a comma must not change an id).
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_error.hpp"
#include "core/bounds.hpp"

namespace eiisim {

struct CsvField {
    std::string text;
    int line = 0;    // 1-based line where the field starts
    int column = 0;  // 1-based character column where the field starts
};

struct CsvRow {
    int line = 0;                 // 1-based line where the record starts
    std::vector<CsvField> fields;  // in header order
};

// A column the caller knows about. Unknown columns in the file are an error (a typo
// must not be ignored); a missing required column is an error.
struct CsvColumn {
    std::string_view name;
    bool required = true;
};

class CsvTable {
public:
    // Reads and checks the header of `file`; throws InputError when the file is missing.
    static CsvTable read(const std::filesystem::path& file, std::span<const CsvColumn> columns);
    // The same from text in memory; `file` is the name used in error messages.
    static CsvTable parse(std::string_view text, const std::string& file,
                          std::span<const CsvColumn> columns);

    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }
    [[nodiscard]] bool has_column(std::string_view column) const;
    // The field of `row` in `column`, or nullptr when an optional column is absent.
    [[nodiscard]] const CsvField* field(const CsvRow& row, std::string_view column) const;
    // Where a field is (the row's start when the column is absent), for error messages.
    [[nodiscard]] InputLocation where(const CsvRow& row, std::string_view column) const;
    [[noreturn]] void fail(const CsvRow& row, std::string_view column,
                           const std::string& problem) const;

private:
    std::string file_;
    std::map<std::string, std::size_t, std::less<>> index_;  // column name -> position
    std::vector<CsvRow> rows_;
};

// Typed access to one field. The `_or` forms return `fallback` for an empty field or an
// absent optional column; every other form requires a value.
[[nodiscard]] double csv_number(const CsvTable& table, const CsvRow& row,
                                std::string_view column, Bounds bounds);
[[nodiscard]] double csv_number_or(const CsvTable& table, const CsvRow& row,
                                   std::string_view column, Bounds bounds, double fallback);
[[nodiscard]] int csv_integer(const CsvTable& table, const CsvRow& row, std::string_view column,
                              Bounds bounds);
[[nodiscard]] int csv_integer_or(const CsvTable& table, const CsvRow& row,
                                 std::string_view column, Bounds bounds, int fallback);
[[nodiscard]] bool csv_bool(const CsvTable& table, const CsvRow& row, std::string_view column);
// `allow_empty` false: an empty field is an error ("expected a non-empty text").
[[nodiscard]] std::string csv_text(const CsvTable& table, const CsvRow& row,
                                   std::string_view column, bool allow_empty);

// Strict number parsing shared with the TOML side: the whole text must be a finite
// number (no trailing characters, no "nan"/"inf"). Returns false otherwise.
[[nodiscard]] bool parse_finite_number(std::string_view text, double& value);
[[nodiscard]] bool parse_integer(std::string_view text, long long& value);

}  // namespace eiisim
