// Planted feet: keeping a foot (or both) on the floor while the joints move, by moving the
// pelvis (its three translations; the rest of the body follows rigidly).
#pragma once

#include "core/model.hpp"
#include "movement/movement.hpp"

#include <optional>
#include <span>
#include <vector>

namespace hv::movement {

// The ankle joint centre in the tibia's frame (m): Rajagopal et al. 2016 (ankle joint location
// in tibia_r); mirrored for the left side. The model has no foot bodies; the ankle stands in for
// the foot.
inline constexpr Vec3 kAnkleInTibia{-0.01, -0.40, 0.0};

// The point a support keeps in place, in ground (m): the ankle centre of that side; for Feet,
// the midpoint of both ankle centres across the floor (x, z) at the height of the lower one (y),
// so a foot that lifts (a step, a heel coming up) rises while the other stays down; for Treadmill,
// the lower of the two ankle centres (the foot on the belt). nullopt for
// None or when the model has no tibia of that side ("tibia_r" / "tibia_l"). `bodies` are ground
// transforms from computeBodyTransforms().
std::optional<Vec3> supportPoint(const Model& model, std::span<const Transform> bodies, Support support);

// Moves the pelvis so that the support point is at `anchor` (ground, m). No-op for None. For
// Treadmill only the height is matched (pelvis_ty): the lower ankle centre is brought to
// anchor.y and the pelvis keeps its forward and sideways position.
void plantSupport(const Model& model, Support support, const Vec3& anchor, std::vector<double>& q);

} // namespace hv::movement
