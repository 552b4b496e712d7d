#include "movement/support.hpp"

#include "core/kinematics.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>

namespace hv::movement {

namespace {
std::optional<Vec3> ankle(const Model& model, std::span<const Transform> bodies, Side side) {
    const int tibia = model.findBody(side == Side::Right ? "tibia_r" : "tibia_l");
    if (tibia < 0) return std::nullopt;
    const Vec3 local = side == Side::Right ? kAnkleInTibia : mirrorZ(kAnkleInTibia);
    return bodies[static_cast<std::size_t>(tibia)].apply(local);
}
} // namespace

std::optional<Vec3> supportPoint(const Model& model, std::span<const Transform> bodies, Support support) {
    switch (support) {
    case Support::None: return std::nullopt;
    case Support::Right: return ankle(model, bodies, Side::Right);
    case Support::Left: return ankle(model, bodies, Side::Left);
    case Support::Feet: {
        const auto r = ankle(model, bodies, Side::Right), l = ankle(model, bodies, Side::Left);
        if (!r || !l) return std::nullopt;
        const Vec3 mid = 0.5 * (*r + *l);
        return Vec3{mid.x, std::min(r->y, l->y), mid.z};
    }
    case Support::Treadmill: {
        const auto r = ankle(model, bodies, Side::Right), l = ankle(model, bodies, Side::Left);
        if (!r || !l) return std::nullopt;
        return r->y <= l->y ? *r : *l;
    }
    }
    return std::nullopt;
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

} // namespace hv::movement
