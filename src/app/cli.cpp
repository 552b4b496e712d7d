#include "app/cli.hpp"

#include "core/diagnostic.hpp"

#include <cstdlib>

namespace hv::cli {

Args::Args(std::string command, std::span<const std::string> args)
    : m_command(std::move(command)), m_args(args.begin(), args.end()), m_used(args.size(), false) {}

namespace {
bool isOption(const std::string& s) { return s.size() > 2 && s[0] == '-' && s[1] == '-'; }
} // namespace

bool Args::flag(std::string_view name) {
    m_known.emplace_back(name);
    bool found = false;
    for (std::size_t i = 0; i < m_args.size(); ++i)
        if (!m_used[i] && m_args[i] == name) {
            m_used[i] = true;
            found = true;
        }
    return found;
}

bool Args::help(const char* text) {
    if (!flag("--help") && !flag("-h")) return false;
    std::fputs(text, stdout);
    return true;
}

std::vector<std::string> Args::options(std::string_view name) {
    m_known.emplace_back(name);
    std::vector<std::string> out;
    const std::string prefix = std::string(name) + "=";
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        if (m_used[i]) continue;
        if (m_args[i] == name) {
            m_used[i] = true;
            if (i + 1 >= m_args.size() || (isOption(m_args[i + 1]) && m_args[i + 1] != "--")) {
                error("option " + std::string(name) + " needs a value");
                m_ok = false;
                continue;
            }
            m_used[i + 1] = true;
            out.push_back(m_args[i + 1]);
            ++i;
        } else if (m_args[i].starts_with(prefix)) {
            m_used[i] = true;
            out.push_back(m_args[i].substr(prefix.size()));
        }
    }
    return out;
}

std::optional<std::string> Args::option(std::string_view name) {
    auto all = options(name);
    if (all.empty()) return std::nullopt;
    return all.back();
}

std::vector<std::string> Args::positionals() {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_args.size(); ++i)
        if (!m_used[i] && !isOption(m_args[i])) {
            m_used[i] = true;
            out.push_back(m_args[i]);
        }
    return out;
}

bool Args::finish() {
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        if (m_used[i]) continue;
        std::string name = m_args[i].substr(0, m_args[i].find('='));
        std::string message = "unknown option \"" + m_args[i] + "\"";
        const std::string hint = closestMatch(name, m_known);
        if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
        message += "; see hipview " + m_command + " --help";
        error(message);
        m_ok = false;
    }
    return m_ok;
}

void Args::error(const std::string& message) const {
    std::fprintf(stderr, "hipview %s: %s\n", m_command.c_str(), message.c_str());
}

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string dataDirectory() {
    if (const char* env = std::getenv("HIPVIEW_DATA"); env && *env) return env;
    return HV_DATA_DIR;
}

std::string contentDirectory(Args& args) {
    if (auto c = args.option("--content")) return *c;
    return dataDirectory() + "/content";
}

} // namespace hv::cli
