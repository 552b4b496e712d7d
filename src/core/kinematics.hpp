// Forward kinematics: from coordinate values to every body's transform in ground.
#pragma once

#include "core/model.hpp"

#include <span>
#include <vector>

namespace hv {

// X_FM(q) of one joint: the moving frame M in the fixed frame F (see model.hpp).
Transform jointMobilizerTransform(const Joint& joint, std::span<const double> q);

// Ground transform of every body (index-aligned with model.bodies). `q` holds one value per
// model coordinate (rad or m); `out` must have model.bodies.size() entries.
void computeBodyTransforms(const Model& model, std::span<const double> q, std::span<Transform> out);
std::vector<Transform> computeBodyTransforms(const Model& model, std::span<const double> q);

} // namespace hv
