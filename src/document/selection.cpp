#include "document/selection.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace hv::doc {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool contains(std::string_view text, const std::string& needleLower) {
    return toLower(text).find(needleLower) != std::string::npos;
}

} // namespace

std::vector<draw::HighlightRef> highlightFor(const Selection& s) {
    if (s.empty()) return {};
    draw::HighlightRef h;
    h.muscleId = s.muscleId;
    if (!s.bothSides) h.side = s.side;
    return {h};
}

int selectedMuscleIndex(const Model& model, const Selection& s) {
    if (s.empty()) return -1;
    return model.findMuscle(s.muscleId, s.side);
}

Selection selectionFromPick(const Model& model, const draw::DrawList& list, std::uint32_t pickId) {
    const draw::PickTarget* t = list.target(pickId);
    Selection s;
    if (!t || t->kind != draw::PickTarget::Kind::MusclePart || t->muscleId.empty()) return s;
    if (t->part.muscle < 0 || t->part.muscle >= static_cast<int>(model.muscles.size())) return s;
    s.muscleId = t->muscleId;
    s.side = model.muscles[static_cast<std::size_t>(t->part.muscle)].side;
    return s;
}

std::string hoverText(const draw::DrawList& list, std::uint32_t pickId) {
    const draw::PickTarget* t = list.target(pickId);
    return t ? t->name : std::string();
}

std::vector<MuscleListGroup> muscleList(const Content& content, std::string_view filterText) {
    const std::string filter = toLower(trim(filterText));
    std::vector<MuscleListGroup> groups;
    for (const MuscleGroup& g : content.groups) groups.push_back({g.id, g.name, g.function, {}});
    MuscleListGroup other{"", "Other", "", {}};
    for (const MuscleInfo& m : content.muscles) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const MuscleListGroup& g) { return g.id == m.group; });
        MuscleListGroup& g = it == groups.end() ? other : *it;
        const bool match = filter.empty() || contains(m.name, filter) || contains(m.id, filter) || contains(g.name, filter);
        if (match) g.muscles.push_back({m.id, m.name});
    }
    groups.push_back(std::move(other));
    std::erase_if(groups, [](const MuscleListGroup& g) { return g.muscles.empty(); });
    return groups;
}

} // namespace hv::doc
