#include "anatomy_draw/pelvic_drop_drawing.hpp"

#include "anatomy_draw/detail/shapes.hpp"
#include "core/kinematics.hpp"
#include "core/roles.hpp"

#include <cmath>
#include <cstdio>

namespace hv::draw {

std::optional<PelvicDropGeometry> pelvicDropGeometry(const Model& model, Side stance, std::span<const double> q,
                                                     const Transform& room) {
    const Side swing = stance == Side::Left ? Side::Right : Side::Left;
    const int stanceFemur = femurBody(model, stance == Side::Left ? Side::Left : Side::Right);
    const int swingFemur = femurBody(model, swing);
    const int pelvis = model.findBody("pelvis");
    if (stanceFemur < 0 || swingFemur < 0 || pelvis < 0) return std::nullopt;
    const std::vector<Transform> bodies = computeBodyTransforms(model, q);
    const auto origin = [&](int b) { return detail::toScene(room, bodies[static_cast<std::size_t>(b)].apply(Vec3(0.0))); };
    PelvicDropGeometry g;
    const glm::vec3 a = origin(stanceFemur), b = origin(swingFemur);
    glm::vec3 across = b - a;
    glm::vec3 level(across.x, 0.0f, across.z);
    if (glm::length(level) < 1e-6f) return std::nullopt;
    g.level = glm::normalize(level);
    g.dropDeg = std::atan2(-static_cast<double>(across.y), static_cast<double>(glm::length(level))) * 180.0 / 3.14159265358979323846;
    // Behind the pelvis: its posterior direction (-X of its frame) made horizontal and
    // perpendicular to the level line.
    const Transform& p = bodies[static_cast<std::size_t>(pelvis)];
    glm::vec3 back = detail::toScene(room, p.apply(Vec3(-1.0, 0.0, 0.0))) - detail::toScene(room, p.apply(Vec3(0.0)));
    back.y = 0.0f;
    back -= g.level * glm::dot(back, g.level);
    if (glm::length(back) < 1e-6f) back = glm::cross(g.up, g.level);
    back = glm::normalize(back) * kPelvicDropOffset;
    g.stanceHip = a + back;
    g.swingHip = b + back;
    return g;
}

std::string pelvicDropLabel(const PelvicDropGeometry& g, Side stance) {
    if (std::abs(g.dropDeg) < kDrawnDropDeg) return "Pelvis level";
    const bool swingLower = g.dropDeg > 0.0;
    const char* side = (stance == Side::Left) == swingLower ? "right" : "left";
    char text[96];
    std::snprintf(text, sizeof text, "Pelvis drops %.0f deg on the %s", std::abs(g.dropDeg), side);
    return text;
}

void appendPelvicDropDrawing(const PelvicDropGeometry& g, const Model& model, const std::string& label, DrawList& list) {
    PickTarget target;
    target.kind = PickTarget::Kind::Bone;
    target.body = model.findBody("pelvis");
    target.name = "Pelvis";
    const std::uint32_t pick = list.addTarget(target);
    LabelAnchor anchor;
    anchor.muscleId = "pelvic_drop";
    anchor.side = Side::Midline; // the text names the side
    anchor.text = label;
    anchor.color = glm::vec4(0.85f, 0.55f, 0.05f, 1.0f);
    const auto rod = [&](const glm::vec3& from, const glm::vec3& to, float radius, glm::vec3 colour) {
        scene::Primitive m;
        detail::appendCapsule(m, from, to, radius, 16);
        list.items.push_back(detail::annotationItem(std::move(m), colour, pick));
        anchor.pickIds.push_back(pick);
    };
    const glm::vec3 across = g.swingHip - g.stanceHip;
    const float width = glm::length(across);
    const float reach = 0.08f; // past each hip centre, m: out over the greater trochanters
    const glm::vec3 amber(0.85f, 0.55f, 0.05f), slate(0.16f, 0.20f, 0.28f);
    // Level, through the stance hip; the hip line, through both.
    rod(g.stanceHip - g.level * reach, g.stanceHip + g.level * (glm::dot(across, g.level) + reach), 0.0022f, amber);
    const glm::vec3 u = across / width;
    rod(g.stanceHip - u * reach, g.swingHip + u * reach, 0.0028f, slate);
    // The angle's arc about the stance hip, at the swing side, from level down to the hip line.
    if (std::abs(g.dropDeg) >= kDrawnDropDeg) {
        const float r = width * 0.8f;
        const double a = g.dropDeg * 3.14159265358979323846 / 180.0;
        constexpr int kSteps = 12;
        scene::Primitive arc;
        const auto at = [&](double t) {
            return g.stanceHip + r * (static_cast<float>(std::cos(t)) * g.level - static_cast<float>(std::sin(t)) * g.up);
        };
        for (int k = 0; k < kSteps; ++k)
            detail::appendCapsule(arc, at(a * k / kSteps), at(a * (k + 1) / kSteps), 0.0018f, 10);
        list.items.push_back(detail::annotationItem(std::move(arc), amber, pick));
    }
    anchor.position = g.stanceHip + g.level * (glm::dot(across, g.level) + reach);
    list.labels.push_back(std::move(anchor));
}

} // namespace hv::draw
