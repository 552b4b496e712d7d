#include "content/content.hpp"

#include "content/detail/loaders.hpp"

#include <algorithm>

namespace hv {

using namespace detail;

const PlainWords* Content::findPlainWords(std::string_view coordinate) const {
    if (coordinate.ends_with("_r") || coordinate.ends_with("_l")) coordinate.remove_suffix(2);
    const auto it = plainWords.find(coordinate);
    return it == plainWords.end() ? nullptr : &it->second;
}

const MuscleInfo* Content::findMuscleInfo(std::string_view id) const {
    for (const MuscleInfo& m : muscles)
        if (m.id == id) return &m;
    return nullptr;
}

const MuscleGroup* Content::findGroup(std::string_view id) const {
    for (const MuscleGroup& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

std::vector<std::string> Content::muscleIds() const {
    std::vector<std::string> ids;
    for (const MuscleInfo& m : muscles) ids.push_back(m.id);
    return ids;
}

namespace detail {

std::optional<std::string> SourceCheck::read(TableReader& t, std::string_view key, Need need) const {
    auto s = t.string(key, need);
    if (!s || sources->contains(*s)) return s;
    std::vector<std::string> keys;
    for (const auto& [k, v] : *sources) keys.push_back(k);
    std::string message = "unknown source \"" + *s + "\" (not in sources.toml";
    const std::string hint = closestMatch(*s, keys);
    message += hint.empty() ? "; known: " + joinNames(keys) + ")" : "; did you mean \"" + hint + "\"?)";
    t.error(key, message);
    return std::nullopt;
}

bool isIdentifier(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

void checkIdentifier(TableReader& t, std::string_view key, const std::optional<std::string>& value) {
    if (value && !isIdentifier(*value))
        t.error(key, "\"" + *value + "\" is not a valid name (letters, digits and _ only, at most 64 characters)");
}

double angleFactor(TableReader& t) {
    const auto unit = t.choice("unit", Need::Optional, {"deg", "rad"});
    return unit && *unit == "rad" ? 1.0 : kRadPerDeg;
}

std::optional<Transform> readOffset(TableReader& parent, std::string_view key) {
    auto t = parent.table(key, Need::Optional);
    if (!t) return Transform{};
    Transform x;
    bool ok = true;
    const double f = angleFactor(*t);
    if (t->has("translation")) {
        const auto v = t->vec3("translation", Need::Optional);
        if (v) x.translation = *v;
        else ok = false;
    }
    if (t->has("orientation")) {
        const auto v = t->vec3("orientation", Need::Optional);
        if (v) x.rotation = rotationXyzBodyFixed(*v * f);
        else ok = false;
    }
    t->finish();
    return ok ? std::optional<Transform>(x) : std::nullopt;
}

void loadSources(TableReader root, std::map<std::string, Source>& out) {
    root.choice("schema", Need::Required, {"hipview-sources 1"});
    for (auto& [key, t] : root.namedTables("source", Need::Required)) {
        Source s;
        s.key = key;
        if (!isIdentifier(key)) t.error("", "\"" + key + "\" is not a valid source key");
        s.citation = t.string("citation", Need::Required).value_or("");
        s.data = t.string("data", Need::Optional).value_or("");
        s.licence = t.string("licence", Need::Optional).value_or("");
        t.finish();
        out[key] = std::move(s);
    }
    root.finish();
}

void loadGroups(TableReader root, std::vector<MuscleGroup>& out) {
    root.choice("schema", Need::Required, {"hipview-groups 1"});
    for (TableReader& t : root.tables("group", Need::Required)) {
        MuscleGroup g;
        auto id = t.string("id", Need::Required);
        checkIdentifier(t, "id", id);
        g.id = id.value_or("");
        if (std::any_of(out.begin(), out.end(), [&](const MuscleGroup& o) { return o.id == g.id; }))
            t.error("id", "duplicate group id \"" + g.id + "\"");
        g.name = t.string("name", Need::Required).value_or("");
        g.function = t.string("function", Need::Required).value_or("");
        t.finish();
        out.push_back(std::move(g));
    }
    root.finish();
}

} // namespace detail

ContentLoad loadContent(const std::filesystem::path& directory) {
    ContentLoad result;
    Diagnostics& diags = result.diagnostics;
    Content content;
    content.directory = directory;
    const auto display = [&](const std::filesystem::path& p) { return p.string(); };

    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        diags.push_back({display(directory), 0, 0, "", "content folder not found"});
        return result;
    }

    const auto open = [&](const std::filesystem::path& p) {
        return TomlDocument::parseFile(p, display(p), diags);
    };

    auto sourcesDoc = open(directory / "sources.toml");
    if (sourcesDoc)
        loadSources(TableReader(sourcesDoc->root(), sourcesDoc->name(), "", diags), content.sources);
    const SourceCheck sources{&content.sources};

    auto groupsDoc = open(directory / "groups.toml");
    if (groupsDoc) loadGroups(TableReader(groupsDoc->root(), groupsDoc->name(), "", diags), content.groups);

    FrameMaps maps;
    auto skeletonDoc = open(directory / "skeleton.toml");
    if (skeletonDoc)
        loadSkeleton(TableReader(skeletonDoc->root(), skeletonDoc->name(), "", diags), sources,
                     content.model, maps, content.boneParameters, content.plainWords, diags);

    // Muscle files, in name order so loads are reproducible.
    std::vector<std::filesystem::path> files;
    const std::filesystem::path muscleDir = directory / "muscles";
    if (std::filesystem::is_directory(muscleDir, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(muscleDir, ec))
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
    } else {
        diags.push_back({display(muscleDir), 0, 0, "", "muscle folder not found"});
    }
    std::sort(files.begin(), files.end());

    std::vector<std::unique_ptr<TomlDocument>> docs;
    std::vector<TableReader> roots;
    for (const auto& f : files) {
        auto doc = open(f);
        if (!doc) continue;
        roots.emplace_back(doc->root(), doc->name(), "", diags);
        docs.push_back(std::move(doc));
    }
    if (skeletonDoc) {
        for (TableReader& r : roots) loadWrapCylinders(r, sources, content.model);
        for (TableReader& r : roots)
            loadMuscle(r, sources, content.groups, maps, content.model, content.muscles);
    }

    if (!diags.empty()) return result;

    // Group order, then id.
    const auto groupIndex = [&](const std::string& g) {
        for (std::size_t i = 0; i < content.groups.size(); ++i)
            if (content.groups[i].id == g) return i;
        return content.groups.size();
    };
    std::stable_sort(content.muscles.begin(), content.muscles.end(), [&](const MuscleInfo& a, const MuscleInfo& b) {
        return std::pair(groupIndex(a.group), a.id) < std::pair(groupIndex(b.group), b.id);
    });
    std::stable_sort(content.model.muscles.begin(), content.model.muscles.end(), [&](const Muscle& a, const Muscle& b) {
        return std::pair(groupIndex(a.group), a.id) < std::pair(groupIndex(b.group), b.id);
    });
    addMirroredLeftSide(content.model);
    result.content = std::move(content);
    return result;
}

} // namespace hv

namespace hv {

std::string unknownMuscleMessage(const Content& content, std::string_view id) {
    const auto ids = content.muscleIds();
    std::string message = "unknown muscle \"" + std::string(id) + "\"";
    const std::string hint = closestMatch(std::string(id), ids);
    if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
    message += "; valid muscles: " + joinNames(ids, 200);
    return message;
}

} // namespace hv
