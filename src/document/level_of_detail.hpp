// Level of detail for frames drawn while the view moves: on software OpenGL (llvmpipe) a frame's
// cost is mostly its triangles, not its pixels (bench_viewer: the default model at a quarter of
// the pixels still costs most of a full frame), so moving frames use lighter meshes: the model's
// meshes simplified (meshoptimizer, error-bounded, vertices compacted) and muscles built with
// fewer cross-sections and fewer segments around. GL-free.
#pragma once

#include "anatomy_draw/muscle_mesh.hpp"
#include "scene/scene.hpp"

#include <memory>

namespace hv::doc {

struct SimplifyOptions {
    float triangleFraction = 0.2f;  // aim at this share of each mesh's triangles
    float relativeError = 0.01f;    // largest deviation allowed, as a fraction of the mesh's size
    std::size_t minTriangles = 2000; // meshes smaller than this are kept as they are
};

// A copy of `scene` whose larger primitives are simplified (same nodes, skins, materials,
// animations; every vertex attribute carried over for the vertices kept). A primitive whose
// simplification would drop below 4% of its triangles or fails is kept as it is.
std::shared_ptr<const scene::Scene> simplifiedScene(const scene::Scene& scene, const SimplifyOptions& options = {});

// Triangles in every primitive of a scene (for messages and tests).
std::size_t sceneTriangles(const scene::Scene& scene);

// Muscle solids for moving frames: about a quarter of the default triangles.
draw::SolidParams coarseSolidParams();

} // namespace hv::doc
