#include "anatomy_draw/moment_arm_drawing.hpp"

#include "anatomy_draw/detail/shapes.hpp"

#include "core/kinematics.hpp"
#include "core/moment_arm.hpp"
#include "core/path.hpp"
#include "scene/scene.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace hv::draw {

namespace {

constexpr double kStep = 1e-4; // rad: the perturbation that finds the axis and what moves

// The joint one of whose rotations `coordinate` drives, or -1.
int jointOf(const Model& model, int coordinate) {
    for (std::size_t j = 0; j < model.joints.size(); ++j)
        for (const TransformAxis& a : model.joints[j].rotations)
            if (a.coordinate == coordinate) return static_cast<int>(j);
    return -1;
}

// The rotation vector (axis times angle, radians) of `r`.
Vec3 rotationVector(const Mat3& r) {
    const double c = std::clamp((r[0][0] + r[1][1] + r[2][2] - 1.0) * 0.5, -1.0, 1.0);
    const double angle = std::acos(c);
    // glm is column major: r[col][row]. The skew part gives the axis.
    const Vec3 w(r[1][2] - r[2][1], r[2][0] - r[0][2], r[0][1] - r[1][0]);
    const double s = glm::length(w);
    return s > 1e-15 ? w * (angle / s) : Vec3(0.0);
}

using detail::toScene;

} // namespace

std::vector<std::string> momentArmAxisNames() {
    std::vector<std::string> out;
    for (HipDof d : kHipDofs) out.emplace_back(hipDofName(d));
    for (LumbarDof d : kLumbarDofs) out.emplace_back(lumbarDofName(d));
    return out;
}

std::optional<MomentArmAxis> momentArmAxisFromName(std::string_view name) {
    for (HipDof d : kHipDofs)
        if (hipDofName(d) == name) return MomentArmAxis{false, d, LumbarDof::Flexion};
    for (LumbarDof d : kLumbarDofs)
        if (lumbarDofName(d) == name) return MomentArmAxis{true, HipDof::Rotation, d};
    return std::nullopt;
}

std::string_view momentArmAxisName(MomentArmAxis axis) { return axis.lumbar ? lumbarDofName(axis.lumbarDof) : hipDofName(axis.hip); }

int momentArmCoordinate(const Model& model, PartRef part, MomentArmAxis axis, std::span<const double> q) {
    if (part.muscle < 0 || static_cast<std::size_t>(part.muscle) >= model.muscles.size()) return -1;
    if (!axis.lumbar) {
        const Side side = model.muscles[static_cast<std::size_t>(part.muscle)].side;
        return side == Side::Midline ? -1 : hipCoordinates(model, side)[static_cast<std::size_t>(axis.hip)];
    }
    int best = -1;
    double largest = 0.0;
    for (int c : lumbarCoordinates(model, axis.lumbarDof)) {
        const double r = std::abs(momentArm(model, part, q, c));
        if (r > largest) largest = r, best = c;
    }
    return best;
}

std::optional<MomentArmGeometry> momentArmGeometry(const Model& model, PartRef part, int coordinate, std::span<const double> q) {
    if (coordinate < 0 || static_cast<std::size_t>(coordinate) >= model.coordinates.size() ||
        model.coordinates[static_cast<std::size_t>(coordinate)].kind != CoordinateKind::Rotational)
        return std::nullopt;
    const int joint = jointOf(model, coordinate);
    if (joint < 0) return std::nullopt;
    const Joint& j = model.joints[static_cast<std::size_t>(joint)];
    std::vector<double> qs(q.begin(), q.end()), qp = qs;
    qp[static_cast<std::size_t>(coordinate)] += kStep;
    const std::vector<Transform> bodies = computeBodyTransforms(model, qs), moved = computeBodyTransforms(model, qp);

    MomentArmGeometry g;
    const Transform& child = bodies[static_cast<std::size_t>(j.childBody)];
    g.centre = child.apply(j.childOffset.translation);
    const Vec3 turn = rotationVector(moved[static_cast<std::size_t>(j.childBody)].rotation * glm::transpose(child.rotation));
    if (glm::length(turn) < 1e-9) return std::nullopt;
    g.axis = glm::normalize(turn);

    const auto bodyMoves = [&](int b) {
        if (b < 0) return false;
        const Transform& a = bodies[static_cast<std::size_t>(b)];
        const Transform& m = moved[static_cast<std::size_t>(b)];
        return glm::length(m.translation - a.translation) > 1e-9 || glm::length(m.rotation[0] - a.rotation[0]) > 1e-9 ||
               glm::length(m.rotation[1] - a.rotation[1]) > 1e-9;
    };
    const MusclePart& mp = model.muscles[static_cast<std::size_t>(part.muscle)].parts[static_cast<std::size_t>(part.part)];
    PathGeometry geom;
    pathGeometry(model, mp, bodies, qs, geom);
    // Which vertices the coordinate moves: a path point by its body; a wrap arc's by its
    // cylinder's body when every wrap of the part agrees, else as the vertex before it.
    std::optional<bool> wrapMoves;
    for (const WrapUse& w : mp.wraps) {
        if (w.cylinder < 0) continue;
        const bool m = bodyMoves(model.wrapCylinders[static_cast<std::size_t>(w.cylinder)].body);
        if (!wrapMoves) wrapMoves = m;
        else if (*wrapMoves != m) wrapMoves = std::nullopt;
    }
    std::vector<char> movesAt(geom.points.size(), 0);
    for (std::size_t i = 0; i < geom.points.size(); ++i) {
        const int pp = i < geom.pathPoint.size() ? geom.pathPoint[i] : -1;
        if (pp >= 0) movesAt[i] = bodyMoves(mp.points[static_cast<std::size_t>(pp)].body);
        else movesAt[i] = wrapMoves ? *wrapMoves : i > 0 && movesAt[i - 1];
    }
    std::size_t from = geom.points.size();
    for (std::size_t i = 0; i + 1 < geom.points.size(); ++i)
        if (!movesAt[i] && movesAt[i + 1]) {
            from = i;
            break;
        }
    if (from >= geom.points.size()) return std::nullopt;
    g.lineFrom = geom.points[from];
    g.lineTo = geom.points[from + 1];
    const Vec3 d = g.lineTo - g.lineFrom;
    if (glm::length(d) < 1e-6) return std::nullopt;
    const Vec3 u = glm::normalize(d);
    // The common perpendicular of the axis (centre + s axis) and the line (lineFrom + t u).
    const Vec3 w0 = g.centre - g.lineFrom;
    const double b = glm::dot(g.axis, u), dd = glm::dot(g.axis, w0), e = glm::dot(u, w0);
    const double denom = 1.0 - b * b;
    if (denom < 1e-6) return std::nullopt; // the line runs along the axis: no moment
    const double s = (b * e - dd) / denom, t = (e - b * dd) / denom;
    g.footOnAxis = g.centre + s * g.axis;
    g.footOnLine = g.lineFrom + t * u;
    g.straightMomentArm = glm::dot(g.axis, glm::cross(u, g.lineFrom - g.centre));
    PathEvaluator eval(model);
    eval.setPose(qs);
    g.momentArm = eval.momentArm(part, coordinate);
    return g;
}

void appendMomentArmDrawing(const MomentArmGeometry& g, const Transform& room, PartRef part, const Model& model,
                            const std::string& label, glm::vec3 colour, glm::vec3 arrowColour, DrawList& list) {
    const Muscle& muscle = model.muscles[static_cast<std::size_t>(part.muscle)];
    PickTarget target;
    target.kind = PickTarget::Kind::MusclePart;
    target.part = part;
    target.muscleId = muscle.id;
    target.name = muscle.displayName;
    const std::uint32_t pick = list.addTarget(target);
    LabelAnchor anchor;
    anchor.muscleId = "moment_arm:" + muscle.id;
    anchor.side = muscle.side;
    anchor.text = label;
    anchor.color = glm::vec4(0.85f, 0.55f, 0.05f, 1.0f);
    const auto add = [&](scene::Primitive mesh, glm::vec3 c) {
        list.items.push_back(detail::annotationItem(std::move(mesh), c, pick));
        anchor.pickIds.push_back(pick);
    };
    const auto rod = [&](const Vec3& a, const Vec3& b, float radius, glm::vec3 c) {
        scene::Primitive m;
        detail::appendCapsule(m, toScene(room, a), toScene(room, b), radius, 16);
        add(std::move(m), c);
    };
    // The axis, 8 cm each side of the perpendicular's foot.
    rod(g.footOnAxis - 0.08 * g.axis, g.footOnAxis + 0.08 * g.axis, 0.0025f, glm::vec3(0.12f, 0.12f, 0.14f));
    // The line of action, reaching past its foot so the perpendicular meets it.
    const Vec3 u = glm::normalize(g.lineTo - g.lineFrom);
    const double t0 = 0.0, t1 = glm::length(g.lineTo - g.lineFrom), tf = glm::dot(g.footOnLine - g.lineFrom, u);
    rod(g.lineFrom + u * (std::min(t0, tf) - 0.01), g.lineFrom + u * (std::max(t1, tf) + 0.01), 0.0024f, colour * 0.35f);
    // The perpendicular (a point when the line crosses the axis).
    const glm::vec3 amber(0.85f, 0.55f, 0.05f);
    rod(g.footOnAxis, g.footOnLine, 0.0022f, amber);
    // The arrow: most of a quarter turn about the axis, 4.5 cm from it, near the axis' upper end
    // (clear of the muscle), in the sense of the pull.
    Vec3 radial = g.footOnLine - g.footOnAxis;
    radial -= g.axis * glm::dot(radial, g.axis);
    if (glm::length(radial) < 1e-6) radial = glm::cross(g.axis, std::abs(g.axis.y) < 0.9 ? Vec3(0, 1, 0) : Vec3(1, 0, 0));
    radial = glm::normalize(radial);
    const Vec3 tangent = glm::cross(g.axis, radial);
    const Vec3 hub = g.footOnAxis + 0.065 * g.axis;
    const double sense = g.momentArm >= 0.0 ? 1.0 : -1.0, r = 0.045;
    scene::Primitive arc;
    constexpr int kSteps = 16;
    const double sweep = 1.3; // rad
    const auto at = [&](double a) { return hub + r * (std::cos(a) * radial + sense * std::sin(a) * tangent); };
    for (int k = 0; k < kSteps; ++k)
        detail::appendCapsule(arc, toScene(room, at(sweep * k / kSteps)), toScene(room, at(sweep * (k + 1) / kSteps)), 0.0025f, 10);
    detail::appendCone(arc, toScene(room, at(sweep)), toScene(room, at(sweep + 0.3)), 0.008f, 16);
    add(std::move(arc), arrowColour);
    anchor.position = toScene(room, 0.5 * (g.footOnAxis + g.footOnLine));
    list.labels.push_back(std::move(anchor));
}

} // namespace hv::draw
