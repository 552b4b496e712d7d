// CPU-side geometry of a posed scene: morphing and skinning of vertex positions (for tests,
// picking and framing; the renderer skins on the GPU), scene bounds for camera framing, and
// normal generation for loaders.
//
// Frame and units: positions come out in the scene frame (glTF's: Y up, metres); see
// evaluate.hpp for the skinning rule.
#pragma once

#include "scene/evaluate.hpp"
#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <limits>
#include <span>
#include <vector>

namespace hv::scene {

// An axis-aligned box in the scene frame (metres). Non-finite points are never added.
struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::infinity()};
    glm::vec3 max{-std::numeric_limits<float>::infinity()};

    bool empty() const { return !(min.x <= max.x && min.y <= max.y && min.z <= max.z); }
    // Adds p if all three coordinates are finite; returns whether it did.
    bool add(const glm::vec3& p);
    void add(const Bounds& other);
    glm::vec3 center() const; // (0,0,0) when empty
    glm::vec3 size() const;   // (0,0,0) when empty
    float radius() const;     // half the diagonal; 0 when empty
};

// Positions of one primitive after morphing (base + sum weight_k * delta_k, weights beyond the
// primitive's targets ignored). Output has positions.size() entries, in the mesh's frame.
std::vector<glm::vec3> morphPositions(const Primitive& primitive, std::span<const float> weights);

// Skins `positions` (mesh frame, one per vertex of `primitive`) with the primitive's influences
// and a skin's matrices (evaluate.hpp); returns scene-frame positions. Joint indices outside
// `skinMatrices` contribute nothing. A vertex whose weights are all zero is left in place.
// Requires primitive.influenceCount > 0 and positions.size() == primitive.positions.size().
std::vector<glm::vec3> skinPositions(const Primitive& primitive,
                                     std::span<const glm::vec3> positions,
                                     std::span<const glm::mat4> skinMatrices);

// Posed scene-frame positions of primitive `primitiveIndex` of node `node`'s mesh: morphed with
// the node's weights, then skinned when the node has a skin and the primitive has influences,
// else transformed by the node's world matrix. Empty when the node has no such primitive.
std::vector<glm::vec3> posedPositions(const Scene& scene, const ScenePose& pose, int node,
                                      int primitiveIndex);

// Box around every finite posed vertex of the displayed nodes (displayedNodes()); non-finite
// positions (NaN, +-Inf in a file, or produced by a broken matrix) are left out. Empty when the
// scene has no finite vertex.
Bounds sceneBounds(const Scene& scene, const ScenePose& pose);

// Box of the unposed vertices of a primitive, in its mesh frame, finite values only.
Bounds primitiveBounds(const Primitive& primitive);

// Fills primitive.normals with area-weighted vertex normals over its triangles (vertices shared
// by indices are smoothed; a non-indexed list therefore gets flat normals). Triangles with a
// non-finite or zero area contribute nothing; a vertex no triangle reaches gets (0, 1, 0).
void generateNormals(Primitive& primitive);

// Number of triangles of a primitive (indices.size() / 3).
inline std::size_t triangleCount(const Primitive& primitive) {
    return primitive.indices.size() / 3;
}

} // namespace hv::scene
