// Simple closed meshes for stand-in bones and wrap surfaces: counter-clockwise fronts outward,
// smooth normals. Positions in whatever frame the caller gives the end points in (metres).
#pragma once

#include "scene/scene.hpp"

#include <glm/glm.hpp>

namespace hv::draw::detail {

// A capsule: the points within `radius` of segment ab (a == b gives a sphere).
void appendCapsule(scene::Primitive& mesh, const glm::vec3& a, const glm::vec3& b, float radius,
                   int segments = 20);
// A closed cone from a disc of `radius` at `base` to a point at `tip` (an arrow's head).
void appendCone(scene::Primitive& mesh, const glm::vec3& base, const glm::vec3& tip, float radius, int segments = 20);
// A closed cylinder about the local Z axis, centred on the origin.
void appendCylinderZ(scene::Primitive& mesh, float radius, float length, int segments = 32);
// Mirror across the sagittal plane of the OpenSim frame (z -> -z), keeping fronts outward.
scene::Primitive mirroredZ(const scene::Primitive& mesh);

} // namespace hv::draw::detail
