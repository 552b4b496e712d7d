#include "ui/muscle_colouring.hpp"

#include "anatomy_draw/palette.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::ui {

namespace {
glm::vec3 neutral() { return draw::srgbHex(0xD8D2C8); }
} // namespace

glm::vec3 stretchColour(double changePercent) {
    if (!std::isfinite(changePercent) || std::abs(changePercent) < movement::kUnchangedPercent) return neutral();
    const float t = static_cast<float>(std::clamp(std::abs(changePercent) / kStretchFullScalePercent, 0.15, 1.0));
    const glm::vec3 end = changePercent > 0.0 ? draw::srgbHex(0xE0481E) : draw::srgbHex(0x2166C4);
    return glm::mix(neutral(), end, t);
}

glm::vec3 roleColour(Action a) {
    switch (a) {
    case Action::Flexor: return draw::srgbHex(0xE8862A);
    case Action::Extensor: return draw::srgbHex(0x2F6DB5);
    case Action::Adductor: return draw::srgbHex(0x8A4FB0);
    case Action::Abductor: return draw::srgbHex(0x3A9A50);
    case Action::InternalRotator: return draw::srgbHex(0xD2416A);
    case Action::ExternalRotator: return draw::srgbHex(0x1F9BA8);
    case Action::None: break;
    }
    return neutral();
}

void colourMuscles(draw::DrawList& list, std::span<const movement::PartState> states, ColourMode mode, HipDof roleDof) {
    if (mode == ColourMode::Groups) return;
    std::map<std::pair<int, int>, const movement::PartState*> byPart;
    for (const auto& s : states) byPart[{s.part.muscle, s.part.part}] = &s;
    for (gfx::DrawItem& item : list.items) {
        const draw::PickTarget* t = list.target(item.pickId);
        if (!t || t->kind != draw::PickTarget::Kind::MusclePart) continue;
        const auto it = byPart.find({t->part.muscle, t->part.part});
        if (it == byPart.end()) continue;
        const movement::PartState& s = *it->second;
        const glm::vec3 c = mode == ColourMode::Stretch ? stretchColour(s.changePercent)
                                                        : roleColour(s.role[static_cast<std::size_t>(roleDof)]);
        item.material.baseColor = glm::vec4(c, item.material.baseColor.a);
    }
}

int levelBody(const Model& model, std::string_view levelName) {
    const auto dash = levelName.find('-');
    if (dash == std::string_view::npos) return -1;
    return model.findBody(levelName.substr(0, dash));
}

void tintLumbarLevels(draw::DrawList& list, const Model& model, const movement::LumbarShares& shares,
                      movement::Plane plane) {
    const std::size_t p = static_cast<std::size_t>(plane);
    double largest = 0.0, moved = 0.0;
    for (const auto& l : shares.levels) largest = std::max(largest, l.share[p]), moved = std::max(moved, std::abs(l.deg[p]));
    if (moved < 0.5 || largest <= 0.0) return;
    const glm::vec3 amber = draw::srgbHex(0xF0A030);
    for (const auto& l : shares.levels) {
        const int body = levelBody(model, l.name);
        if (body < 0) continue;
        const float t = static_cast<float>(std::clamp(l.share[p] / largest, 0.0, 1.0));
        for (gfx::DrawItem& item : list.items) {
            const draw::PickTarget* target = list.target(item.pickId);
            if (!target || target->kind != draw::PickTarget::Kind::Bone || target->body != body) continue;
            const glm::vec3 base(item.material.baseColor);
            item.material.baseColor = glm::vec4(glm::mix(base, amber, 0.25f + 0.75f * t), item.material.baseColor.a);
        }
    }
}

} // namespace hv::ui
