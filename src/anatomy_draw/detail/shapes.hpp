// Simple closed meshes for stand-in bones and wrap surfaces: counter-clockwise fronts outward,
// smooth normals. Positions in whatever frame the caller gives the end points in (metres).
#pragma once

#include "core/math.hpp"
#include "gfx/draw_item.hpp"
#include "scene/scene.hpp"

#include <cstdint>

#include <glm/glm.hpp>

namespace hv::draw::detail {

// A capsule: the points within `radius` of segment ab (a == b gives a sphere).
void appendCapsule(scene::Primitive& mesh, const glm::vec3& a, const glm::vec3& b, float radius,
                   int segments = 20);
// A closed cone from a disc of `radius` at `base` to a point at `tip` (an arrow's head).
void appendCone(scene::Primitive& mesh, const glm::vec3& base, const glm::vec3& tip, float radius, int segments = 20);
// A closed cylinder about the local Z axis, centred on the origin.
void appendCylinderZ(scene::Primitive& mesh, float radius, float length, int segments = 32);
// An axis-aligned box from `lo` to `hi` (flat faces, their own normals).
void appendBox(scene::Primitive& mesh, const glm::vec3& lo, const glm::vec3& hi);
// A flat disc of unit radius in the XZ plane facing +Y (counter-clockwise seen from above), with
// texcoord0 = (x, z) of each vertex, so a shader knows how far out a point is.
scene::Primitive unitDiscXZ(int segments = 96, int rings = 12);
// A point of the model's ground frame (OpenSim axes, m) in the scene (glTF axes), `room` placing
// the ground in the room (DrawOptions::room).
glm::vec3 toScene(const Transform& room, const Vec3& p);
// A drawn annotation (a rod, an arc, an arrow head) as a draw item: highlighted, left out of
// framing, picked as `pickId`, its bounds from the mesh.
gfx::DrawItem annotationItem(scene::Primitive mesh, glm::vec3 colour, std::uint32_t pickId);
// Mirror across the sagittal plane of the OpenSim frame (z -> -z), keeping fronts outward.
scene::Primitive mirroredZ(const scene::Primitive& mesh);

} // namespace hv::draw::detail
