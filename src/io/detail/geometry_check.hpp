// Plausibility of loaded geometry, the last check a loader makes before it hands a scene over.
// A file can be well-formed and still describe nothing drawable: a COLLADA <float_array> shorter
// than its accessor is read by Assimp past its end, into vertices about 1e28 m away; a mesh
// whose vertices all sit at one point covers no pixel. Both loaders call checkGeometry() on the
// converted scene (glTF's frame, metres) with the limits of LoadLimits.
#pragma once

#include "io/detail/load_support.hpp"
#include "io/model_loader.hpp"
#include "scene/scene.hpp"

namespace hv::io::detail {

// A primitive that is left out keeps its material and its number of morph targets and loses
// everything else (vertices, triangles), so framing and picking do not see it either.
// Checks, in this order:
//  1. each primitive with triangles, in its mesh's frame (unposed, finite positions only):
//     all vertices at one point -> it is left out ("nothing to draw");
//     a box side longer than limits.maxExtentMetres -> it is left out;
//  2. each primitive as each displayed node places it at rest (the nodes' own transforms and
//     skins, no animation): a vertex farther than limits.maxExtentMetres from the origin on any
//     axis -> it is left out.
//     Each gives a warning with field "mesh M primitive P" and the reason; when these leave the
//     scene with nothing to draw, the first of them becomes the report's first warning, so that
//     nothingToDraw() names it.
//  3. the rest of the scene at rest, when something is left to draw: a box centre farther from
//     the origin than limits.maxCentreDistanceRatio times the box's longest side (float
//     positions there lose the precision to draw it) -> an error (the load fails).
// Returns false when an error was reported.
bool checkGeometry(scene::Scene& scene, const LoadLimits& limits, Report& report);

} // namespace hv::io::detail
