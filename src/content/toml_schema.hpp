// The one boundary with toml++, for every TOML file HipView reads or writes (content, movements,
// scene files): a reader that takes a table field by field, records every problem as a
// Diagnostic (file, line, field path, reason) and remembers which keys were read, so that a
// mistyped key is reported as unknown with the closest known key as a hint; and a writer that
// builds a document and formats it through toml++ (quoting and escaping are toml++'s).
#pragma once

#include "core/diagnostic.hpp"
#include "core/math.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace toml { inline namespace v3 { class table; class node; } }

namespace hv::schema {

// A parsed document; owns the toml++ tree.
class TomlDocument {
public:
    // Parses `path`; on failure records a diagnostic and returns nullptr. `displayName` is
    // how messages name the file.
    static std::unique_ptr<TomlDocument> parseFile(const std::filesystem::path& path,
                                                   const std::string& displayName,
                                                   Diagnostics& out);
    static std::unique_ptr<TomlDocument> parseString(std::string_view text,
                                                     const std::string& displayName,
                                                     Diagnostics& out);
    ~TomlDocument();
    const toml::table& root() const;
    const std::string& name() const { return m_name; }

private:
    TomlDocument() = default;
    std::unique_ptr<toml::table> m_root;
    std::string m_name;
};

enum class Need { Required, Optional };

struct NumberRange {
    double min = -1e300;
    double max = 1e300;
    bool minExclusive = false;
};

class TableReader {
public:
    TableReader(const toml::table& table, std::string file, std::string path, Diagnostics& out);

    const std::string& path() const { return m_path; }
    const std::string& file() const { return m_file; }
    int line() const;
    bool has(std::string_view key) const;

    std::optional<std::string> string(std::string_view key, Need need);
    // A string that must be one of `allowed` (the message lists them).
    std::optional<std::string> choice(std::string_view key, Need need,
                                      const std::vector<std::string>& allowed);
    std::optional<double> number(std::string_view key, Need need, NumberRange range = {});
    std::optional<bool> boolean(std::string_view key, Need need);
    std::optional<std::vector<double>> numbers(std::string_view key, Need need,
                                               std::size_t minCount = 0,
                                               std::size_t maxCount = static_cast<std::size_t>(-1));
    std::optional<Vec3> vec3(std::string_view key, Need need);
    std::optional<std::vector<std::string>> strings(std::string_view key, Need need);
    std::optional<TableReader> table(std::string_view key, Need need);
    std::vector<TableReader> tables(std::string_view key, Need need); // array of tables
    // A table whose keys are free names (e.g. `[source.NAME]`): its (name, reader) pairs.
    std::vector<std::pair<std::string, TableReader>> namedTables(std::string_view key, Need need);
    // Every key of this table (sorted by name), each marked as read (for tables whose keys are
    // free names, e.g. a pose `{ hip_flexion_r = 30 }`); read the values with number() etc.
    std::vector<std::string> keys();

    // Report a problem with the value at `key` (its line), or with this table if absent.
    void error(std::string_view key, const std::string& message);
    // Ends reading this table: reports each required field that was missing and each unknown
    // key (a typo). A typo of a missing required key gives one message, not two.
    void finish();

    std::string fieldPath(std::string_view key) const;
    int lineOf(std::string_view key) const;

private:
    const toml::table* m_table;
    std::string m_file;
    std::string m_path;
    Diagnostics* m_out;
    std::set<std::string, std::less<>> m_known;
    std::vector<std::string> m_missing;
    const toml::node* get(std::string_view key);
    void missing(std::string_view key);
    void wrongType(std::string_view key, std::string_view expected);
};

// Writes a TOML document through toml++. Keys of a table come out in name order; strings are
// quoted and escaped by toml++, so any text (quotes, backslashes, newlines, non-ASCII) reads back
// as it was written.
class TomlWriter {
public:
    // A table of the document being written (valid while its writer lives).
    class Table {
    public:
        void setString(std::string_view key, std::string_view value);
        void setNumber(std::string_view key, double value); // finite
        void setInteger(std::string_view key, long long value);
        void setBool(std::string_view key, bool value);
        void setStrings(std::string_view key, std::span<const std::string> values);
        void setNumbers(std::string_view key, std::span<const double> values); // finite

    private:
        friend class TomlWriter;
        explicit Table(toml::table* t) : m_table(t) {}
        toml::table* m_table;
    };

    TomlWriter();
    ~TomlWriter();
    Table root();
    // A new table appended to the array of tables `key` (`[[key]]`).
    Table appendTable(std::string_view key);
    // The document's text, after `headerComment` (lines without '#', or "" for none).
    std::string text(std::string_view headerComment = {}) const;

private:
    std::unique_ptr<toml::table> m_root;
};

} // namespace hv::schema
