#include "movement/support.hpp"

#include "core/kinematics.hpp"
#include "movement/contact_points.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace hv::movement {

namespace {
std::optional<Vec3> ankle(const Model& model, std::span<const Transform> bodies, Side side) {
    const int tibia = model.findBody(side == Side::Right ? "tibia_r" : "tibia_l");
    if (tibia < 0) return std::nullopt;
    const Vec3 local = side == Side::Right ? kAnkleInTibia : mirrorZ(kAnkleInTibia);
    return bodies[static_cast<std::size_t>(tibia)].apply(local);
}
} // namespace

std::optional<Vec3> footPoint(const Model& model, std::span<const Transform> bodies, Side side) {
    if (model.findBody(side == Side::Right ? "calcn_r" : "calcn_l") < 0) return ankle(model, bodies, side);
    ContactFilter sole = kFeetOnly;
    sole.side = side;
    Vec3 balls{0.0};
    int count = 0;
    double lowest = 0.0;
    bool any = false;
    for (const PlacedContact& c : placeContacts(model, bodies, sole)) {
        if (c.point->name.starts_with("ball")) {
            balls += c.position;
            ++count;
        }
        if (!any || c.position.y < lowest) lowest = c.position.y;
        any = true;
    }
    if (count == 0) return ankle(model, bodies, side);
    balls /= static_cast<double>(count);
    return Vec3{balls.x, lowest, balls.z};
}

std::optional<Vec3> supportPoint(const Model& model, std::span<const Transform> bodies, Support support) {
    switch (support) {
    case Support::None: return std::nullopt;
    case Support::Right: return footPoint(model, bodies, Side::Right);
    case Support::Left: return footPoint(model, bodies, Side::Left);
    case Support::Feet: {
        const auto r = footPoint(model, bodies, Side::Right), l = footPoint(model, bodies, Side::Left);
        if (!r || !l) return std::nullopt;
        const Vec3 mid = 0.5 * (*r + *l);
        return Vec3{mid.x, std::min(r->y, l->y), mid.z};
    }
    case Support::Treadmill: {
        const auto r = footPoint(model, bodies, Side::Right), l = footPoint(model, bodies, Side::Left);
        if (!r || !l) return std::nullopt;
        return r->y <= l->y ? *r : *l;
    }
    }
    return std::nullopt;
}

namespace {
// The room height of the named foot points of one side at pose q: the heel, the balls'
// midpoint and the great toe.
struct FootHeights {
    double heel = 0.0, balls = 0.0, toe = 0.0;
};
FootHeights footHeights(const Model& model, const Transform& room, Side side, std::span<const double> q) {
    ContactFilter sole = kFeetOnly;
    sole.side = side;
    FootHeights h;
    int balls = 0;
    for (const PlacedContact& c : placeContacts(model, computeBodyTransforms(model, q), sole, room)) {
        if (c.point->name == "heel") h.heel = c.position.y;
        else if (c.point->name == "great toe") h.toe = c.position.y;
        else if (c.point->name.starts_with("ball")) {
            h.balls += c.position.y;
            ++balls;
        }
    }
    if (balls > 0) h.balls /= balls;
    return h;
}

// Solves coordinate c (inside its range) for f(q) = 0, f about linear in it (Newton's method with
// a numerical slope, a few steps).
template <typename F> void solveLevel(const Model& model, int c, std::vector<double>& q, F f) {
    const Coordinate& k = model.coordinates[static_cast<std::size_t>(c)];
    double& v = q[static_cast<std::size_t>(c)];
    constexpr double h = 1e-4;
    for (int step = 0; step < 6; ++step) {
        const double f0 = f(q);
        if (std::abs(f0) < 1e-6) break;
        v += h;
        const double slope = (f(q) - f0) / h;
        v -= h;
        if (std::abs(slope) < 1e-9) break;
        v = std::clamp(v - f0 / slope, k.minValue, k.maxValue);
    }
}
} // namespace

void levelPlantedFeet(const Model& model, const Movement& movement, Support support, std::vector<double>& q) {
    if (support == Support::Treadmill) return; // a gait keys its ankles; its toes stay straight
    const Transform room = roomFromModel(movement.posture);
    // The feet the movement stands on at any key stay level all through it (a stepping foot
    // swings level, so it lands flat without a jump when the support moves onto it).
    bool stands[2] = {false, false}; // right, left
    for (const Keyframe& k : movement.keys) {
        if (k.support == Support::Feet || k.support == Support::Right) stands[0] = true;
        if (k.support == Support::Feet || k.support == Support::Left) stands[1] = true;
    }
    for (const Side side : {Side::Right, Side::Left}) {
        if (!stands[side == Side::Right ? 0 : 1]) continue;
        const char* suffix = side == Side::Right ? "_r" : "_l";
        const int ankleC = model.findCoordinate(std::string("ankle_angle") + suffix);
        const int mtpC = model.findCoordinate(std::string("mtp_angle") + suffix);
        if (ankleC >= 0 && movement.track(ankleC) < 0 && support != Support::Treadmill)
            solveLevel(model, ankleC, q, [&](std::span<const double> p) {
                const FootHeights f = footHeights(model, room, side, p);
                return f.balls - f.heel;
            });
        // The toes bend up to stay on the floor when the heel is up; they never curl down to it.
        if (mtpC >= 0 && movement.track(mtpC) < 0) {
            const auto toeBelowBalls = [&](std::span<const double> p) {
                const FootHeights f = footHeights(model, room, side, p);
                return f.toe - f.balls;
            };
            if (toeBelowBalls(q) < 0.0) solveLevel(model, mtpC, q, toeBelowBalls);
        }
    }
}

void plantSupport(const Model& model, Support support, const Vec3& anchor, std::vector<double>& q) {
    if (support == Support::None) return;
    const auto bodies = computeBodyTransforms(model, q);
    const auto now = supportPoint(model, bodies, support);
    if (!now) return;
    // The pelvis translations shift everything rigidly: move the root body by the difference.
    const int root = 0; // bodies are in topological order: the first hangs from ground
    const Transform& pelvis = bodies[root];
    const Vec3 target = support == Support::Treadmill ? Vec3{now->x, anchor.y, now->z} : anchor;
    detail::moveRootSoPointIsAt(model, q, root, pelvis.inverse().apply(*now), target);
}

std::optional<double> lowestContactHeight(const Model& model, Posture posture, std::span<const double> q) {
    const auto bodies = computeBodyTransforms(model, q);
    const auto low = lowestPoint(model, bodies, {}, roomFromModel(posture));
    if (!low) return std::nullopt;
    return low->position.y;
}

void raiseInRoom(const Model& model, Posture posture, double dy, std::vector<double>& q) {
    if (dy == 0.0) return;
    // The root's translations are along the model ground's axes; the room turns those axes.
    const Vec3 inModel = glm::transpose(roomFromModel(posture).rotation) * Vec3{0.0, dy, 0.0};
    const auto root = detail::rootCoordinates(model);
    for (int axis = 0; axis < 3; ++axis) {
        const int c = root[static_cast<std::size_t>(3 + axis)];
        if (c >= 0) q[static_cast<std::size_t>(c)] += inModel[axis];
    }
}

bool hasFootSupport(const Movement& movement) {
    return std::any_of(movement.keys.begin(), movement.keys.end(), [](const Keyframe& k) { return k.support != Support::None; });
}

FloorPlacement::FloorPlacement(const Model& model, const Movement& movement, std::span<const double> firstKey)
    : m_model(&model), m_posture(movement.posture) {
    if (hasFootSupport(movement)) m_fixed = kFloorHeight - lowestContactHeight(model, m_posture, firstKey).value_or(kFloorHeight);
}

double FloorPlacement::raise(std::span<const double> q) const {
    if (!m_model) return 0.0;
    if (m_fixed) return *m_fixed;
    return kFloorHeight - lowestContactHeight(*m_model, m_posture, q).value_or(kFloorHeight);
}

} // namespace hv::movement
