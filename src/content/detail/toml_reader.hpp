// The one boundary with toml++: reads a table field by field, records every problem as a
// Diagnostic (file, line, field path, reason) and remembers which keys were read, so that
// a mistyped key is reported as unknown with the closest known key as a hint.
#pragma once

#include "core/diagnostic.hpp"
#include "core/math.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace toml { inline namespace v3 { class table; class node; } }

namespace hv::detail {

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

} // namespace hv::detail
