#include "scene/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace hv::scene {

namespace {
bool finite(const glm::vec3& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z);
}
} // namespace

bool Bounds::add(const glm::vec3& p) {
    if (!finite(p)) return false;
    min = glm::min(min, p);
    max = glm::max(max, p);
    return true;
}

void Bounds::add(const Bounds& other) {
    if (other.empty()) return;
    add(other.min);
    add(other.max);
}

glm::vec3 Bounds::center() const {
    return empty() ? glm::vec3(0.0f) : (min + max) * 0.5f;
}
glm::vec3 Bounds::size() const {
    return empty() ? glm::vec3(0.0f) : max - min;
}
float Bounds::radius() const {
    return empty() ? 0.0f : glm::length(max - min) * 0.5f;
}

std::vector<glm::vec3> morphPositions(const Primitive& primitive, std::span<const float> weights) {
    std::vector<glm::vec3> out = primitive.positions;
    const std::size_t targets = std::min(weights.size(), primitive.morphTargets.size());
    for (std::size_t t = 0; t < targets; ++t) {
        const float w = weights[t];
        const auto& deltas = primitive.morphTargets[t].positionDeltas;
        if (w == 0.0f || deltas.size() != out.size()) continue;
        for (std::size_t v = 0; v < out.size(); ++v)
            out[v] += w * deltas[v];
    }
    return out;
}

std::vector<glm::vec3> skinPositions(const Primitive& primitive,
                                     std::span<const glm::vec3> positions,
                                     std::span<const glm::mat4> skinMatrices) {
    std::vector<glm::vec3> out(positions.begin(), positions.end());
    const std::size_t k = static_cast<std::size_t>(std::max(primitive.influenceCount, 0));
    if (k == 0) return out;
    const std::size_t vertices = positions.size();
    if (primitive.joints.size() < vertices * k || primitive.weights.size() < vertices * k)
        return out;
    for (std::size_t v = 0; v < vertices; ++v) {
        glm::mat4 m(0.0f);
        float total = 0.0f;
        for (std::size_t i = 0; i < k; ++i) {
            const float w = primitive.weights[v * k + i];
            const std::size_t j = primitive.joints[v * k + i];
            if (w == 0.0f || j >= skinMatrices.size()) continue;
            m += w * skinMatrices[j];
            total += w;
        }
        if (total == 0.0f) continue;
        out[v] = glm::vec3(m * glm::vec4(positions[v], 1.0f));
    }
    return out;
}

std::vector<glm::vec3> posedPositions(const Scene& scene, const ScenePose& pose, int node,
                                      int primitiveIndex) {
    if (node < 0 || static_cast<std::size_t>(node) >= scene.nodes.size()) return {};
    const Node& n = scene.nodes[static_cast<std::size_t>(node)];
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= scene.meshes.size()) return {};
    const Mesh& mesh = scene.meshes[static_cast<std::size_t>(n.mesh)];
    if (primitiveIndex < 0 || static_cast<std::size_t>(primitiveIndex) >= mesh.primitives.size())
        return {};
    const Primitive& prim = mesh.primitives[static_cast<std::size_t>(primitiveIndex)];

    std::span<const float> weights;
    if (static_cast<std::size_t>(node) < pose.morphWeights.size())
        weights = pose.morphWeights[static_cast<std::size_t>(node)];
    std::vector<glm::vec3> positions = morphPositions(prim, weights);

    const bool skinned = n.skin >= 0 &&
                         static_cast<std::size_t>(n.skin) < pose.skinMatrices.size() &&
                         prim.influenceCount > 0;
    if (skinned)
        return skinPositions(prim, positions, pose.skinMatrices[static_cast<std::size_t>(n.skin)]);

    const glm::mat4 world = static_cast<std::size_t>(node) < pose.world.size()
                                ? pose.world[static_cast<std::size_t>(node)]
                                : glm::mat4(1.0f);
    for (glm::vec3& p : positions)
        p = glm::vec3(world * glm::vec4(p, 1.0f));
    return positions;
}

Bounds sceneBounds(const Scene& scene, const ScenePose& pose) {
    Bounds b;
    for (const int node : displayedNodes(scene)) {
        const Node& n = scene.nodes[static_cast<std::size_t>(node)];
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= scene.meshes.size()) continue;
        const std::size_t prims = scene.meshes[static_cast<std::size_t>(n.mesh)].primitives.size();
        for (std::size_t p = 0; p < prims; ++p)
            for (const glm::vec3& v : posedPositions(scene, pose, node, static_cast<int>(p)))
                b.add(v);
    }
    return b;
}

Bounds primitiveBounds(const Primitive& primitive) {
    Bounds b;
    for (const glm::vec3& p : primitive.positions)
        b.add(p);
    return b;
}

void generateNormals(Primitive& primitive) {
    const std::size_t n = primitive.positions.size();
    std::vector<glm::vec3> normals(n, glm::vec3(0.0f));
    const auto& idx = primitive.indices;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        const std::uint32_t a = idx[t], b = idx[t + 1], c = idx[t + 2];
        if (a >= n || b >= n || c >= n) continue;
        const glm::vec3 e1 = primitive.positions[b] - primitive.positions[a];
        const glm::vec3 e2 = primitive.positions[c] - primitive.positions[a];
        const glm::vec3 area2 = glm::cross(e1, e2); // length: twice the area
        if (!finite(area2)) continue;
        normals[a] += area2;
        normals[b] += area2;
        normals[c] += area2;
    }
    for (glm::vec3& v : normals) {
        const float len = glm::length(v);
        v = (len > 0.0f && std::isfinite(len)) ? v / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
    primitive.normals = std::move(normals);
}

} // namespace hv::scene
