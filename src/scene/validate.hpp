// The invariants every scene::Scene keeps, checked: what the loaders guarantee and what the
// renderer and the evaluation rely on (every index in range, a forest of nodes, sizes that match).
#pragma once

#include "scene/scene.hpp"

#include <string>
#include <vector>

namespace hv::scene {

// Each broken invariant in words (e.g. "mesh 2 primitive 0: index 17 >= 12 vertices"), at most
// `maxProblems` of them; empty when the scene is sound. Checks: node parent/children links agree,
// no node is its own ancestor, roots are parentless nodes; mesh, skin, material, image and joint
// references are in range; per-vertex arrays have one entry per vertex (or none); indices are
// triangles below the vertex count; influences hold influenceCount (0, 4 or 8) entries per vertex
// with joint indices below the joint count of every skin the mesh is drawn with; inverse bind
// matrices match the joints; animation channels have ascending finite times and the value count
// their path and interpolation need; images hold width * height * 4 bytes.
std::vector<std::string> validateScene(const Scene& scene, std::size_t maxProblems = 20);

} // namespace hv::scene
