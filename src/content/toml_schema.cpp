#include "content/toml_schema.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <cmath>

namespace hv::schema {

namespace {
std::string typeName(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a date or time";
    case toml::node_type::none: break;
    }
    return "nothing";
}

std::optional<double> asNumber(const toml::node& n) {
    if (const auto* f = n.as_floating_point()) return f->get();
    if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
    return std::nullopt;
}

std::unique_ptr<toml::table> parse(std::string_view text, const std::string& name, Diagnostics& out) {
    try {
        return std::make_unique<toml::table>(toml::parse(text, std::string_view{name}));
    } catch (const toml::parse_error& e) {
        out.push_back({name, static_cast<int>(e.source().begin.line),
                       static_cast<int>(e.source().begin.column), "",
                       "not valid TOML: " + std::string(e.description())});
    }
    return nullptr;
}
} // namespace

std::unique_ptr<TomlDocument> TomlDocument::parseFile(const std::filesystem::path& path,
                                                      const std::string& displayName,
                                                      Diagnostics& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        out.push_back({displayName, 0, 0, "", std::filesystem::exists(path, ec)
                                                  ? "not a regular file"
                                                  : "file not found"});
        return nullptr;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > 16u * 1024u * 1024u) {
        out.push_back({displayName, 0, 0, "", ec ? "cannot read the file's size: " + ec.message()
                                                 : "larger than 16 MiB; not a content file"});
        return nullptr;
    }
    std::string text;
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            out.push_back({displayName, 0, 0, "", "cannot be opened for reading"});
            return nullptr;
        }
        text.resize(size);
        const std::size_t got = size ? std::fread(text.data(), 1, size, f) : 0;
        std::fclose(f);
        text.resize(got);
    }
    return parseString(text, displayName, out);
}

std::unique_ptr<TomlDocument> TomlDocument::parseString(std::string_view text,
                                                        const std::string& displayName,
                                                        Diagnostics& out) {
    auto root = parse(text, displayName, out);
    if (!root) return nullptr;
    std::unique_ptr<TomlDocument> doc(new TomlDocument);
    doc->m_root = std::move(root);
    doc->m_name = displayName;
    return doc;
}

TomlDocument::~TomlDocument() = default;
const toml::table& TomlDocument::root() const { return *m_root; }

TableReader::TableReader(const toml::table& table, std::string file, std::string path,
                         Diagnostics& out)
    : m_table(&table), m_file(std::move(file)), m_path(std::move(path)), m_out(&out) {}

int TableReader::line() const { return static_cast<int>(m_table->source().begin.line); }

bool TableReader::has(std::string_view key) const { return m_table->get(key) != nullptr; }

std::string TableReader::fieldPath(std::string_view key) const {
    if (m_path.empty()) return std::string(key);
    if (key.empty()) return m_path;
    return m_path + "." + std::string(key);
}

int TableReader::lineOf(std::string_view key) const {
    const toml::node* n = m_table->get(key);
    const int l = n ? static_cast<int>(n->source().begin.line) : 0;
    return l > 0 ? l : line();
}

const toml::node* TableReader::get(std::string_view key) {
    m_known.emplace(key);
    return m_table->get(key);
}

void TableReader::error(std::string_view key, const std::string& message) {
    const toml::node* n = key.empty() ? nullptr : m_table->get(key);
    const auto& src = n ? n->source() : m_table->source();
    m_out->push_back({m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column),
                      fieldPath(key), message});
}

void TableReader::missing(std::string_view key) { m_missing.emplace_back(key); }

void TableReader::wrongType(std::string_view key, std::string_view expected) {
    const toml::node* n = m_table->get(key);
    error(key, "expected " + std::string(expected) + ", found " + (n ? typeName(*n) : "nothing"));
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    if (const auto* s = n->as_string()) return s->get();
    wrongType(key, "a string");
    return std::nullopt;
}

std::optional<std::string> TableReader::choice(std::string_view key, Need need,
                                               const std::vector<std::string>& allowed) {
    auto s = string(key, need);
    if (!s) return s;
    for (const std::string& a : allowed)
        if (*s == a) return s;
    std::string message = "\"" + *s + "\" is not one of: " + joinNames(allowed);
    const std::string hint = closestMatch(*s, allowed);
    if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
    error(key, message);
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, Need need, NumberRange range) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    const auto v = asNumber(*n);
    if (!v) {
        wrongType(key, "a number");
        return std::nullopt;
    }
    if (!std::isfinite(*v)) {
        error(key, "must be a finite number, found " + formatNumber(*v));
        return std::nullopt;
    }
    const bool belowMin = range.minExclusive ? !(*v > range.min) : *v < range.min;
    if (belowMin || *v > range.max) {
        std::string bounds;
        if (range.max >= 1e299)
            bounds = std::string(range.minExclusive ? "greater than " : "at least ") + formatNumber(range.min);
        else if (range.min <= -1e299)
            bounds = "at most " + formatNumber(range.max);
        else
            bounds = "between " + formatNumber(range.min) + " and " + formatNumber(range.max);
        error(key, "out of range: " + formatNumber(*v) + " (must be " + bounds + ")");
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    if (const auto* b = n->as_boolean()) return b->get();
    wrongType(key, "true or false");
    return std::nullopt;
}

std::optional<std::vector<double>> TableReader::numbers(std::string_view key, Need need,
                                                        std::size_t minCount, std::size_t maxCount) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    const auto* a = n->as_array();
    if (!a) {
        wrongType(key, "an array of numbers");
        return std::nullopt;
    }
    std::vector<double> values;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const auto v = asNumber(*a->get(i));
        if (!v) {
            error(key, "element " + std::to_string(i + 1) + " is " + typeName(*a->get(i)) + ", expected a number");
            return std::nullopt;
        }
        if (!std::isfinite(*v)) {
            error(key, "element " + std::to_string(i + 1) + " must be a finite number, found " + formatNumber(*v));
            return std::nullopt;
        }
        values.push_back(*v);
    }
    if (values.size() < minCount || values.size() > maxCount) {
        std::string want = minCount == maxCount ? std::to_string(minCount)
                           : maxCount == static_cast<std::size_t>(-1) ? "at least " + std::to_string(minCount)
                           : std::to_string(minCount) + " to " + std::to_string(maxCount);
        error(key, "expected " + want + " numbers, found " + std::to_string(values.size()));
        return std::nullopt;
    }
    return values;
}

std::optional<Vec3> TableReader::vec3(std::string_view key, Need need) {
    const auto v = numbers(key, need, 3, 3);
    if (!v) return std::nullopt;
    return Vec3{(*v)[0], (*v)[1], (*v)[2]};
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key, Need need) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    const auto* a = n->as_array();
    if (!a) {
        wrongType(key, "an array of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const auto* s = a->get(i)->as_string();
        if (!s) {
            error(key, "element " + std::to_string(i + 1) + " is " + typeName(*a->get(i)) + ", expected a string");
            return std::nullopt;
        }
        out.push_back(s->get());
    }
    return out;
}

std::optional<TableReader> TableReader::table(std::string_view key, Need need) {
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return std::nullopt;
    }
    if (const auto* t = n->as_table()) return TableReader(*t, m_file, fieldPath(key), *m_out);
    wrongType(key, "a table");
    return std::nullopt;
}

std::vector<TableReader> TableReader::tables(std::string_view key, Need need) {
    std::vector<TableReader> out;
    const toml::node* n = get(key);
    if (!n) {
        if (need == Need::Required) missing(key);
        return out;
    }
    const auto* a = n->as_array();
    if (!a) {
        wrongType(key, "an array of tables ([[" + std::string(key) + "]])");
        return out;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = fieldPath(key) + "[" + std::to_string(i + 1) + "]";
        if (const auto* t = a->get(i)->as_table()) out.emplace_back(*t, m_file, p, *m_out);
        else {
            const auto& src = a->get(i)->source();
            m_out->push_back({m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column),
                              p, "expected a table, found " + typeName(*a->get(i))});
        }
    }
    return out;
}

std::vector<std::pair<std::string, TableReader>> TableReader::namedTables(std::string_view key, Need need) {
    std::vector<std::pair<std::string, TableReader>> out;
    auto outer = table(key, need);
    if (!outer) return out;
    for (const auto& [k, v] : *outer->m_table) {
        const std::string name{k.str()};
        outer->m_known.insert(name);
        if (const auto* t = v.as_table())
            out.emplace_back(name, TableReader(*t, m_file, outer->fieldPath(name), *m_out));
        else
            outer->error(name, "expected a table, found " + typeName(v));
    }
    return out;
}

std::vector<std::string> TableReader::keys() {
    std::vector<std::string> out;
    for (const auto& [k, v] : *m_table) {
        out.emplace_back(k.str());
        m_known.insert(out.back());
    }
    return out;
}

void TableReader::finish() {
    std::vector<std::string> known(m_known.begin(), m_known.end());
    std::set<std::string> explained; // missing keys that a typo accounts for
    for (const auto& [k, v] : *m_table) {
        const std::string key{k.str()};
        if (m_known.contains(key)) continue;
        std::string message = "unknown field";
        const std::string hint = closestMatch(key, known);
        if (!hint.empty()) {
            const bool hintMissing = std::find(m_missing.begin(), m_missing.end(), hint) != m_missing.end();
            message += " (did you mean \"" + hint + "\"?" + (hintMissing ? " It is required and missing)" : ")");
            if (hintMissing) explained.insert(hint);
        } else {
            message += " (known fields: " + joinNames(known) + ")";
        }
        const auto& src = v.source();
        m_out->push_back({m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column),
                          fieldPath(key), message});
    }
    for (const std::string& key : m_missing)
        if (!explained.contains(key))
            m_out->push_back({m_file, line(), 0, fieldPath(key), "required field is missing"});
    m_missing.clear();
}

// ---- TomlWriter

void TomlWriter::Table::setString(std::string_view key, std::string_view value) { m_table->insert_or_assign(key, std::string(value)); }
void TomlWriter::Table::setNumber(std::string_view key, double value) { m_table->insert_or_assign(key, value); }
void TomlWriter::Table::setInteger(std::string_view key, long long value) {
    m_table->insert_or_assign(key, static_cast<std::int64_t>(value));
}
void TomlWriter::Table::setBool(std::string_view key, bool value) { m_table->insert_or_assign(key, value); }
void TomlWriter::Table::setStrings(std::string_view key, std::span<const std::string> values) {
    toml::array a;
    for (const std::string& v : values) a.push_back(v);
    m_table->insert_or_assign(key, std::move(a));
}
void TomlWriter::Table::setNumbers(std::string_view key, std::span<const double> values) {
    toml::array a;
    for (double v : values) a.push_back(v);
    m_table->insert_or_assign(key, std::move(a));
}

TomlWriter::TomlWriter() : m_root(std::make_unique<toml::table>()) {}
TomlWriter::~TomlWriter() = default;

TomlWriter::Table TomlWriter::root() { return Table(m_root.get()); }

TomlWriter::Table TomlWriter::appendTable(std::string_view key) {
    toml::array* tables = (*m_root)[key].as_array();
    if (!tables) {
        m_root->insert_or_assign(key, toml::array{});
        tables = (*m_root)[key].as_array();
    }
    tables->push_back(toml::table{});
    return Table(tables->back().as_table());
}

std::string TomlWriter::text(std::string_view headerComment) const {
    std::ostringstream out;
    std::string_view rest = headerComment;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        out << "# " << rest.substr(0, nl) << "\n";
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    out << *m_root << "\n";
    return out.str();
}

} // namespace hv::schema
