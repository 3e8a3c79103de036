#include "input_files.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "sha256.hpp"

namespace eiisim {
namespace {

thread_local InputFileLog* t_active_log = nullptr;  // NOLINT: the readers reach the log through it

std::string short_hash(const std::string& sha256) { return sha256.substr(0, 12) + "..."; }

const InputFileRecord* find_record(const std::vector<InputFileRecord>& files, const std::string& path) {
    const auto it = std::find_if(files.begin(), files.end(), [&](const InputFileRecord& f) { return f.path == path; });
    return it == files.end() ? nullptr : &*it;
}

}  // namespace

InputFileLog::InputFileLog() : previous_(t_active_log) { t_active_log = this; }

InputFileLog::~InputFileLog() { t_active_log = previous_; }

std::vector<InputFileRecord> InputFileLog::files(const std::filesystem::path& base) const {
    namespace fs = std::filesystem;
    const fs::path from = (base.empty() ? fs::current_path() : fs::absolute(base)).lexically_normal();
    std::vector<InputFileRecord> out;
    for (const Entry& e : entries_) {
        const fs::path file = fs::absolute(e.file).lexically_normal();
        fs::path rel = file.lexically_relative(from);
        if (rel.empty()) rel = file;  // no relative path from `from` (another root name)
        if (find_record(out, rel.generic_string()) != nullptr) continue;  // one file by two paths
        out.push_back({rel.generic_string(), e.sha256, e.bytes});
    }
    return out;
}

void note_input_file(const std::filesystem::path& file, std::string_view content) {
    InputFileLog* log = t_active_log;
    if (log == nullptr) return;
    const auto same = [&](const InputFileLog::Entry& e) { return e.file == file; };
    if (std::any_of(log->entries_.begin(), log->entries_.end(), same)) return;
    log->entries_.push_back({file, sha256_hex(content), static_cast<std::uint64_t>(content.size())});
}

std::vector<std::string> input_changes(const std::vector<InputFileRecord>& before,
                                       const std::vector<InputFileRecord>& now) {
    std::vector<std::string> changes;
    for (const InputFileRecord& b : before) {
        const InputFileRecord* n = find_record(now, b.path);
        if (n == nullptr)
            changes.push_back(b.path + ": no longer read");
        else if (n->sha256 != b.sha256 || n->bytes != b.bytes)
            changes.push_back(b.path + ": content changed (sha256 " + short_hash(b.sha256) + " " +
                              std::to_string(b.bytes) + " bytes then, " + short_hash(n->sha256) + " " +
                              std::to_string(n->bytes) + " bytes now)");
    }
    for (const InputFileRecord& n : now)
        if (find_record(before, n.path) == nullptr) changes.push_back(n.path + ": read now, not before");
    return changes;
}

std::string input_files_text(const std::vector<InputFileRecord>& files) {
    std::string text;
    for (const InputFileRecord& f : files) text += f.sha256 + " " + std::to_string(f.bytes) + " " + f.path + "\n";
    return text;
}

std::vector<InputFileRecord> parse_input_files_text(std::string_view text) {
    std::vector<InputFileRecord> files;
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        const std::size_t a = line.find(' ');
        const std::size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
        InputFileRecord f;
        if (b == std::string_view::npos ||
            std::from_chars(line.data() + a + 1, line.data() + b, f.bytes).ptr != line.data() + b)
            throw std::runtime_error("malformed input-file line '" + std::string(line) + "'");
        f.sha256 = std::string(line.substr(0, a));
        f.path = std::string(line.substr(b + 1));
        files.push_back(std::move(f));
    }
    return files;
}

}  // namespace eiisim
