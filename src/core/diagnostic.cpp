#include "core/diagnostic.hpp"

#include <algorithm>
#include <numeric>

namespace hv {

std::string Diagnostic::format() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    if (!field.empty()) out += field + ": ";
    out += message;
    return out;
}

std::string formatAll(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + '\n';
    return out;
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = 0;
    for (const std::string& c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (best.empty() || d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    const std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best.size()) / 3);
    return !best.empty() && bestDistance <= allowed ? best : std::string{};
}

std::string joinNames(const std::vector<std::string>& names, std::size_t limit) {
    std::string out;
    const std::size_t shown = std::min(limit, names.size());
    for (std::size_t i = 0; i < shown; ++i) {
        if (i) out += ", ";
        out += names[i];
    }
    if (shown < names.size()) out += ", ... (" + std::to_string(names.size() - shown) + " more)";
    return out;
}

} // namespace hv
