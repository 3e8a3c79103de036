#include "csv_reader.hpp"

#include <charconv>
#include <cmath>

#include "core/utf8.hpp"
#include "input_file_check.hpp"

namespace eiisim {
namespace {

// Walks the text once, keeping the 1-based line and column of the next character.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {
        // A UTF-8 byte-order mark (spreadsheet exports) is not part of the first name.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }
    [[nodiscard]] bool done() const { return pos_ >= text_.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    [[nodiscard]] int line() const { return line_; }
    [[nodiscard]] int column() const { return column_; }
    char next() {
        const char c = text_[pos_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++column_;  // count characters, not UTF-8 continuation bytes
        }
        return c;
    }
    // True when only blanks remain before the end of the line: such a line is empty.
    [[nodiscard]] bool blank_line() const {
        for (std::size_t i = pos_; i < text_.size() && text_[i] != '\n'; ++i)
            if (text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\r') return false;
        return true;
    }
    void skip_line() {
        while (!done() && peek() != '\n') next();
        if (!done()) next();
    }
    void skip_blanks() {
        while (peek() == ' ' || peek() == '\t') next();
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

std::string trim(std::string_view text) {
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\r'))
        --last;
    return std::string(text.substr(first, last - first));
}

CsvField read_field(Cursor& in, const std::string& file) {
    in.skip_blanks();
    CsvField field{{}, in.line(), in.column()};
    if (in.peek() == '"') {
        in.next();
        for (;;) {
            if (in.done())
                throw InputError({file, field.line, field.column}, "",
                                 "quoted field is not closed (a '\"' is missing)");
            const char c = in.next();
            if (c != '"') {
                field.text += c;
            } else if (in.peek() == '"') {
                field.text += in.next();  // "" inside quotes is one quote
            } else {
                break;
            }
        }
        in.skip_blanks();
        if (in.peek() == '\r') in.next();
        if (!in.done() && in.peek() != ',' && in.peek() != '\n')
            throw InputError({file, in.line(), in.column()}, "",
                             "expected ',' or the end of the line after a closing quote");
        return field;
    }
    std::string raw;
    while (!in.done() && in.peek() != ',' && in.peek() != '\n') {
        if (in.peek() == '"')
            throw InputError({file, in.line(), in.column()}, "",
                             "a '\"' inside an unquoted field; quote the whole field and "
                             "double the quote (\"\")");
        raw += in.next();
    }
    field.text = trim(raw);
    return field;
}

// Splits the text into records, skipping empty and comment lines.
std::vector<CsvRow> split_records(std::string_view text, const std::string& file) {
    std::vector<CsvRow> records;
    Cursor in(text);
    while (!in.done()) {
        if (in.blank_line() || in.peek() == '#') {
            in.skip_line();
            continue;
        }
        CsvRow row;
        row.line = in.line();
        for (;;) {
            row.fields.push_back(read_field(in, file));
            if (in.done()) break;
            if (in.next() == '\n') break;  // otherwise it was ','
        }
        records.push_back(std::move(row));
    }
    return records;
}

std::string hex_byte(char c) {
    constexpr const char* kDigits = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(c);
    return {kDigits[b >> 4U], kDigits[b & 0xFU]};
}

// Every field must be UTF-8 text: ids and names reach the output files as UTF-8 strings
// (docs/input-format.md, "Text"). `names`: the header's fields, to name the column.
void check_utf8(const CsvRow& record, const std::vector<CsvField>& names, const std::string& file) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const CsvField& f = record.fields[i];
        const std::size_t bad = first_invalid_utf8(f.text);
        if (bad == std::string_view::npos) continue;
        throw InputError({file, f.line, f.column}, i < names.size() ? names[i].text : std::string(),
                         "not valid UTF-8 text (byte 0x" + hex_byte(f.text[bad]) + " at byte " +
                             std::to_string(bad + 1) + " of the field); save the file as UTF-8");
    }
}

std::string join_names(std::span<const CsvColumn> columns) {
    std::string text;
    for (const auto& column : columns) {
        if (!text.empty()) text += ", ";
        text += column.name;
    }
    return text;
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& file, std::span<const CsvColumn> columns) {
    const std::string content = read_input_file(file);  // checked, and noted for provenance
    return parse(content, file.string(), columns);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& file,
                         std::span<const CsvColumn> columns) {
    CsvTable table;
    table.file_ = file;
    auto records = split_records(text, file);
    if (records.empty()) throw InputError({file, 0, 0}, "", "the file is empty; expected a header row");

    const CsvRow& header = records.front();
    for (const CsvRow& record : records) check_utf8(record, header.fields, file);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const CsvField& name = header.fields[i];
        const InputLocation at{file, name.line, name.column};
        bool known = false;
        for (const auto& column : columns) known = known || column.name == name.text;
        if (!known)
            throw InputError(at, name.text, "unknown column; expected one of: " + join_names(columns));
        if (!table.index_.emplace(name.text, i).second)
            throw InputError(at, name.text, "column appears twice in the header");
    }
    for (const auto& column : columns) {
        if (column.required && !table.has_column(column.name))
            throw InputError({file, header.line, 0}, std::string(column.name),
                             "missing required column in the header");
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].fields.size() != header.fields.size())
            throw InputError({file, records[r].line, 0}, "",
                             "row has " + std::to_string(records[r].fields.size()) +
                                 " fields but the header has " + std::to_string(header.fields.size()));
        table.rows_.push_back(std::move(records[r]));
    }
    return table;
}

bool CsvTable::has_column(std::string_view column) const { return index_.find(column) != index_.end(); }

const CsvField* CsvTable::field(const CsvRow& row, std::string_view column) const {
    const auto it = index_.find(column);
    return it == index_.end() ? nullptr : &row.fields[it->second];
}

InputLocation CsvTable::where(const CsvRow& row, std::string_view column) const {
    if (const CsvField* f = field(row, column)) return {file_, f->line, f->column};
    return {file_, row.line, 0};
}

void CsvTable::fail(const CsvRow& row, std::string_view column, const std::string& problem) const {
    throw InputError(where(row, column), std::string(column), problem);
}

bool parse_finite_number(std::string_view text, double& value) {
    if (text.empty()) return false;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (*begin == '+') ++begin;  // "+5" is a fine way to write 5
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

bool parse_integer(std::string_view text, long long& value) {
    if (text.empty()) return false;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (*begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end;
}

namespace {
const CsvField& required_field(const CsvTable& table, const CsvRow& row, std::string_view column) {
    const CsvField* f = table.field(row, column);
    if (f == nullptr) table.fail(row, column, "missing required column");
    return *f;
}

std::string got(const std::string& text) { return ", got '" + text + "'"; }
}  // namespace

double csv_number(const CsvTable& table, const CsvRow& row, std::string_view column, Bounds bounds) {
    const CsvField& f = required_field(table, row, column);
    double value = 0;
    if (!parse_finite_number(f.text, value) || !bounds.contains(value))
        table.fail(row, column, "expected " + bounds.describe(false) + got(f.text));
    return value;
}

double csv_number_or(const CsvTable& table, const CsvRow& row, std::string_view column,
                     Bounds bounds, double fallback) {
    const CsvField* f = table.field(row, column);
    if (f == nullptr || f->text.empty()) return fallback;
    return csv_number(table, row, column, bounds);
}

int csv_integer(const CsvTable& table, const CsvRow& row, std::string_view column, Bounds bounds) {
    const CsvField& f = required_field(table, row, column);
    long long value = 0;
    if (!parse_integer(f.text, value) || !bounds.contains(static_cast<double>(value)) ||
        value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        table.fail(row, column, "expected " + bounds.describe(true) + got(f.text));
    return static_cast<int>(value);
}

int csv_integer_or(const CsvTable& table, const CsvRow& row, std::string_view column,
                   Bounds bounds, int fallback) {
    const CsvField* f = table.field(row, column);
    if (f == nullptr || f->text.empty()) return fallback;
    return csv_integer(table, row, column, bounds);
}

bool csv_bool(const CsvTable& table, const CsvRow& row, std::string_view column) {
    const CsvField& f = required_field(table, row, column);
    if (f.text == "0") return false;
    if (f.text == "1") return true;
    table.fail(row, column, "expected 0 or 1" + got(f.text));
}

std::string csv_text(const CsvTable& table, const CsvRow& row, std::string_view column,
                     bool allow_empty) {
    const CsvField& f = required_field(table, row, column);
    if (!allow_empty && f.text.empty()) table.fail(row, column, "expected a non-empty text, got ''");
    return f.text;
}

}  // namespace eiisim
