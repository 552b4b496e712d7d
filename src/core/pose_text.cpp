#include "core/pose_text.hpp"

#include "core/diagnostic.hpp"
#include "core/text.hpp"

#include <charconv>
#include <cmath>

namespace hv {

std::vector<int> resolveCoordinates(const Model& model, std::string_view name) {
    const int exact = model.findCoordinate(name);
    if (exact >= 0) return {exact};
    std::vector<int> out;
    for (const char* suffix : {"_r", "_l"}) {
        const int c = model.findCoordinate(std::string(name) + suffix);
        if (c >= 0) out.push_back(c);
    }
    return out;
}

std::string unknownCoordinateMessage(const Model& model, std::string_view name) {
    std::vector<std::string> names;
    for (const Coordinate& c : model.coordinates) names.push_back(c.name);
    std::string message = "unknown coordinate \"" + std::string(name) + "\"";
    const std::string hint = closestMatch(std::string(name), names);
    if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
    message += "; valid coordinates: " + joinNames(names, 200);
    return message;
}

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

namespace {
// Builds "\"ITEM\": REASON" by appending (a chain of operator+ on temporaries trips GCC 12's
// -Wrestrict false positive, GCC bug 105329).
std::string itemMessage(std::string_view item, std::string_view reason) {
    std::string out;
    out += '"';
    out += item;
    out += "\": ";
    out += reason;
    return out;
}

// A value in user units with 9 significant digits ("-0" and values below 1e-12 print as "0").
std::string formatValue(double v) { return formatNumber(std::abs(v) < 1e-12 ? 0.0 : v, 9); }
} // namespace

std::optional<std::vector<PoseAssignment>> parsePose(const Model& model, std::string_view text,
                                                     std::string& error) {
    std::vector<PoseAssignment> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty()) {
            if (end == text.size()) break;
            continue;
        }
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            error = itemMessage(item, "expected NAME=VALUE");
            return std::nullopt;
        }
        const std::string_view name = item.substr(0, eq);
        const auto coords = resolveCoordinates(model, name);
        if (coords.empty()) {
            error = unknownCoordinateMessage(model, name);
            return std::nullopt;
        }
        const auto value = parseNumber(item.substr(eq + 1));
        if (!value) {
            std::string reason;
            reason += '"';
            reason += item.substr(eq + 1);
            reason += "\" is not a number";
            error = itemMessage(item, reason);
            return std::nullopt;
        }
        for (int c : coords) {
            const Coordinate& k = model.coordinates[static_cast<std::size_t>(c)];
            const double si = coordinateFromUser(k, *value);
            const double tolerance = 1e-9;
            if (si < k.minValue - tolerance || si > k.maxValue + tolerance) {
                std::string reason = k.name;
                reason += " must lie between ";
                reason += formatNumber(coordinateToUser(k, k.minValue));
                reason += " and ";
                reason += formatNumber(coordinateToUser(k, k.maxValue));
                reason += ' ';
                reason += coordinateUserUnit(k);
                error = itemMessage(item, reason);
                return std::nullopt;
            }
            out.push_back({c, si});
        }
        if (end == text.size()) break;
    }
    return out;
}

void applyPose(std::span<const PoseAssignment> assignments, std::vector<double>& q) {
    for (const PoseAssignment& a : assignments) q[static_cast<std::size_t>(a.coordinate)] = a.value;
}

std::string poseText(const Model& model, std::span<const double> q) {
    std::string out;
    for (std::size_t i = 0; i < model.coordinates.size() && i < q.size(); ++i) {
        const Coordinate& c = model.coordinates[i];
        if (std::abs(q[i] - c.defaultValue) < 1e-9) continue;
        if (!out.empty()) out += ',';
        out += c.name;
        out += '=';
        out += formatValue(coordinateToUser(c, q[i]));
    }
    return out;
}

} // namespace hv
