#include "movement/profile.hpp"

#include "content/toml_schema.hpp"
#include "core/math.hpp"
#include "core/text.hpp"

#include <cmath>

namespace hv::movement {

using schema::Need;
using schema::TableReader;

namespace {

constexpr const char* kStrengthKeys[] = {"gluteus_medius", "gluteus_medius_r", "gluteus_medius_l"};

void readRanges(const Model& model, TableReader& root, ClientProfile& p) {
    auto ranges = root.table("range", Need::Optional);
    if (!ranges) return;
    for (const std::string& name : ranges->keys()) {
        auto r = ranges->table(name, Need::Required);
        if (!r) continue;
        const auto min = r->number("min", Need::Optional);
        const auto max = r->number("max", Need::Optional);
        const bool numbersOk = (min || !r->has("min")) && (max || !r->has("max"));
        r->finish();
        if (!numbersOk) continue;
        if (!min && !max) {
            ranges->error(name, "give min, max or both (degrees), e.g. { max = 95 }");
            continue;
        }
        const std::string text = name + "=" + (min ? formatNumber(*min, 9) : "") + ":" + (max ? formatNumber(*max, 9) : "");
        std::string error;
        const auto limits = parseHipRestriction(model, text, error);
        if (!limits) {
            ranges->error(name, error);
            continue;
        }
        for (const HipLimit& l : *limits) {
            bool replaced = false;
            for (HipLimit& existing : p.hipLimits)
                if (existing.coordinate == l.coordinate) {
                    ranges->error(name, "limits " + model.coordinates[static_cast<std::size_t>(l.coordinate)].name +
                                            " a second time (each hip coordinate once)");
                    replaced = true;
                }
            if (!replaced) p.hipLimits.push_back(l);
        }
    }
    ranges->finish();
}

void readStrengths(TableReader& root, ClientProfile& p) {
    auto strength = root.table("strength", Need::Optional);
    if (!strength) return;
    for (const char* key : kStrengthKeys) {
        const auto v = strength->number(key, Need::Optional, {0.0, 1.0});
        if (!v) continue;
        const std::string_view k = key;
        if (k.ends_with("_r")) p.gluteusMediusStrength.right = *v;
        else if (k.ends_with("_l")) p.gluteusMediusStrength.left = *v;
        else p.gluteusMediusStrength = GluteusMediusStrength::both(*v);
    }
    if (strength->has("gluteus_medius") && (strength->has("gluteus_medius_r") || strength->has("gluteus_medius_l")))
        strength->error("gluteus_medius", "give gluteus_medius (both sides) or gluteus_medius_r / _l, not both");
    strength->finish();
}

std::optional<ClientProfile> readDocument(const Model& model, const schema::TomlDocument* doc, Diagnostics& out) {
    if (!doc) return std::nullopt;
    const std::size_t before = out.size();
    ClientProfile p;
    p.file = doc->name();
    TableReader root(doc->root(), doc->name(), "", out);
    if (auto v = root.string("title", Need::Required)) {
        p.title = *v;
        if (p.title.empty() || p.title.size() > 120) root.error("title", "must be 1 to 120 characters");
    }
    if (auto v = root.string("notes", Need::Optional)) p.notes = *v;
    readRanges(model, root, p);
    readStrengths(root, p);
    if (!root.has("range") && !root.has("strength"))
        root.error("", "a profile needs a [range] or a [strength] table (what was measured)");
    root.finish();
    if (out.size() != before) return std::nullopt;
    return p;
}

} // namespace

std::optional<ClientProfile> loadClientProfile(const Model& model, const std::filesystem::path& path, Diagnostics& out) {
    const auto doc = schema::TomlDocument::parseFile(path, path.string(), out);
    return readDocument(model, doc.get(), out);
}

std::optional<ClientProfile> parseClientProfile(const Model& model, std::string_view text,
                                                const std::string& displayName, Diagnostics& out) {
    const auto doc = schema::TomlDocument::parseString(text, displayName, out);
    return readDocument(model, doc.get(), out);
}

std::vector<std::string> describeClientProfile(const Model& model, const ClientProfile& profile) {
    std::vector<std::string> lines;
    for (const HipLimit& l : profile.hipLimits) {
        if (l.coordinate < 0 || l.coordinate >= static_cast<int>(model.coordinates.size())) continue;
        const Coordinate& c = model.coordinates[static_cast<std::size_t>(l.coordinate)];
        lines.push_back((c.displayName.empty() ? c.name : c.displayName) + ": " +
                        formatNumber(std::round(toDegrees(l.min) * 10.0) / 10.0) + " to " +
                        formatNumber(std::round(toDegrees(l.max) * 10.0) / 10.0) + " deg");
    }
    const auto strength = [&](double f, const char* side) {
        if (f < 1.0) lines.push_back(std::string("Gluteus medius, ") + side + ": " + formatNumber(std::round(f * 100.0)) + " % of normal");
    };
    strength(profile.gluteusMediusStrength.right, "right");
    strength(profile.gluteusMediusStrength.left, "left");
    return lines;
}

} // namespace hv::movement
